using System.Globalization;
using System.Text;

namespace DealLens.Core.Text;

/// <summary>
/// Splits text into lower-case words: runs of letters and digits after Unicode NFKC folding, with curly quotes
/// and dashes mapped to ASCII. Everything else (punctuation, white space, symbols) separates words.
/// </summary>
public static class WordTokenizer
{
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in Fold(text).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (word.Length > 0 && IsCombiningMark(rune))
            {
                // Without ICU a decomposed accent is not composed onto its letter; keep it in the word, not as a break.
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static string Fold(string text)
    {
        if (TextFolding.IsAscii(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        TextFolding.AppendMapped(TextFolding.Nfkc(text), builder);
        return builder.ToString();
    }

    private static bool IsCombiningMark(Rune rune)
        => Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
