using System.Text;

namespace DealLens.Core.Text;

/// <summary>
/// The character folding shared by <see cref="WordTokenizer"/> and <see cref="QuoteLocator"/>: Unicode NFKC,
/// curly quotes and dashes to ASCII, white space to a plain space, invisible format characters dropped.
/// </summary>
/// <remarks>
/// The build sets <c>InvariantGlobalization</c>, and in that mode <see cref="string.Normalize(NormalizationForm)"/>
/// does not load ICU and returns its input unchanged. So the compatibility forms that PDF text actually contains
/// (ligatures, full-width ASCII, no-break and other spaces, super/subscript digits, ellipsis) are folded by a table
/// here as well; where ICU is loaded, full NFKC runs first and the table finds nothing left to do.
/// </remarks>
internal static class TextFolding
{
    private static readonly bool s_platformNormalizes = PlatformNormalizes();

    /// <summary>NFKC where the platform supports it; the input unchanged where it does not or the text is ill-formed.</summary>
    public static string Nfkc(string text)
    {
        if (!s_platformNormalizes || IsAscii(text))
        {
            return text;
        }

        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates: leave the text as it is rather than fail an evaluation or a grounding.
            return text;
        }
    }

    /// <summary>Appends the folded form of <paramref name="text"/> (after <see cref="Nfkc"/>), not yet lower-cased.</summary>
    public static void AppendMapped(string text, StringBuilder builder)
    {
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                builder.Append(c);
            }
            else if (TryMap(c, out var replacement))
            {
                builder.Append(replacement);
            }
            else
            {
                builder.Append(c);
            }
        }
    }

    /// <summary>
    /// The ASCII (or NFKC) replacement of one non-ASCII character; false when it stays as it is. White space maps
    /// to " " and format characters (soft hyphen, zero-width space, BOM) to "".
    /// </summary>
    public static bool TryMap(char c, out string replacement)
    {
        replacement = c switch
        {
            '\u2018' or '\u2019' or '\u201A' or '\u201B' => "'",
            '\u201C' or '\u201D' or '\u201E' or '\u201F' => "\"",
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => "-",
            '\uFB00' => "ff",
            '\uFB01' => "fi",
            '\uFB02' => "fl",
            '\uFB03' => "ffi",
            '\uFB04' => "ffl",
            '\uFB05' or '\uFB06' => "st",
            '\u2024' => ".",
            '\u2025' => "..",
            '\u2026' => "...",
            '\u00B2' => "2",
            '\u00B3' => "3",
            '\u00B9' => "1",
            '\u00BC' => "1\u20444",
            '\u00BD' => "1\u20442",
            '\u00BE' => "3\u20444",
            '\u00B5' => "\u03BC",
            '\u017F' => "s",
            '\u2122' => "TM",
            '\u2120' => "SM",
            >= '\u2070' and <= '\u2079' when c is not '\u2071' and not '\u2072' and not '\u2073' => ((char)('0' + (c - '\u2070'))).ToString(),
            >= '\u2080' and <= '\u2089' => ((char)('0' + (c - '\u2080'))).ToString(),
            >= '\uFF01' and <= '\uFF5E' => ((char)(c - 0xFEE0)).ToString(),
            _ => null!,
        };

        if (replacement is not null)
        {
            return true;
        }

        if (char.IsWhiteSpace(c))
        {
            replacement = " ";
            return true;
        }

        if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
        {
            replacement = "";
            return true;
        }

        replacement = "";
        return false;
    }

    public static bool IsAscii(string text) => Ascii.IsValid(text);

    private static bool PlatformNormalizes()
    {
        try
        {
            return "\uFB01".Normalize(NormalizationForm.FormKC) == "fi";
        }
        catch (PlatformNotSupportedException)
        {
            return false;
        }
    }
}
