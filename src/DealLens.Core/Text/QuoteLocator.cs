using System.Globalization;
using System.Text;

namespace DealLens.Core.Text;

/// <summary>
/// Finds where a quote sits in one document's text: an exact (ordinal) match first; failing that, a match that
/// ignores differences of white space runs, case, curly vs straight quotes, dash kinds and Unicode compatibility
/// forms (NFKC). The whole quote must match; a quote of which only a prefix occurs is not found.
/// </summary>
/// <remarks>
/// The folded copy of the text, with a map from each folded character back to the original characters it came
/// from, is built once in the constructor (linear in the text), so one instance serves many
/// <see cref="Find"/> calls on a large document. Instances are immutable and safe to share between threads.
/// </remarks>
public sealed class QuoteLocator
{
    private readonly string _text;
    private readonly string _folded;

    // For folded character k: the original text element it came from is [_starts[k], _ends[k]).
    private readonly int[] _starts;
    private readonly int[] _ends;

    public QuoteLocator(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
        var builder = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length);
        var ends = new List<int>(text.Length);
        var cache = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var length = c < 0x80 && (i + 1 == text.Length || text[i + 1] < 0x300)
                ? 1
                : StringInfo.GetNextTextElementLength(text, i);
            if (length == 1 && c < 0x80)
            {
                Emit(char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c), i, i + 1, builder, starts, ends);
            }
            else
            {
                var element = text.Substring(i, length);
                if (!cache.TryGetValue(element, out var folded))
                {
                    folded = FoldQuote(element, collapse: false);
                    cache[element] = folded;
                }

                foreach (var f in folded)
                {
                    Emit(f, i, i + length, builder, starts, ends);
                }
            }

            i += length;
        }

        _folded = builder.ToString();
        _starts = [.. starts];
        _ends = [.. ends];
    }

    /// <summary>The text this locator searches.</summary>
    public string Text => _text;

    /// <summary>
    /// The span of the first occurrence of <paramref name="quote"/> in the original text, from its first to its last
    /// matched original character (surrounding white space of the quote is not part of a tolerant match); null when
    /// the quote is empty, blank, or does not occur as a whole.
    /// </summary>
    public TextSpan? Find(string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (quote.Length == 0)
        {
            return null;
        }

        var exact = _text.IndexOf(quote, StringComparison.Ordinal);
        if (exact >= 0)
        {
            return new TextSpan(exact, exact + quote.Length);
        }

        var folded = FoldQuote(quote, collapse: true).Trim(' ');
        if (folded.Length == 0)
        {
            return null;
        }

        var at = _folded.IndexOf(folded, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        return new TextSpan(_starts[at], _ends[at + folded.Length - 1]);
    }

    private static void Emit(char c, int start, int end, StringBuilder builder, List<int> starts, List<int> ends)
    {
        // Collapse white space runs to one space; the space maps to the first white space character of the run.
        if (c == ' ' && builder.Length > 0 && builder[^1] == ' ')
        {
            return;
        }

        builder.Append(c);
        starts.Add(start);
        ends.Add(end);
    }

    /// <summary>NFKC, quotes/dashes/space to ASCII, lower case; with <paramref name="collapse"/>, white space runs to one space.</summary>
    private static string FoldQuote(string text, bool collapse)
    {
        var mapped = new StringBuilder(text.Length);
        TextFolding.AppendMapped(TextFolding.Nfkc(text), mapped);
        var result = new StringBuilder(mapped.Length);
        for (var k = 0; k < mapped.Length; k++)
        {
            var c = mapped[k];
            if (char.IsWhiteSpace(c))
            {
                if (!collapse || result.Length == 0 || result[^1] != ' ')
                {
                    result.Append(' ');
                }
            }
            else
            {
                result.Append(char.ToLowerInvariant(c));
            }
        }

        return result.ToString();
    }
}
