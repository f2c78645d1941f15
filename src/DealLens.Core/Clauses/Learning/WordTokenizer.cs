using System.Text;

namespace DealLens.Core.Clauses.Learning;

/// <summary>One word of a text: its normalised form and where it sits in the original text.</summary>
internal readonly record struct Word(string Text, int Start, int End);

/// <summary>
/// Words as the evaluation counts them: runs of letters and digits after NFKC folding, lower-cased. Curly quotes
/// and dashes are not letters, so they split words exactly as their ASCII forms do. Offsets point into the
/// original text so a word range maps back to a verbatim character range.
/// </summary>
internal static class WordTokenizer
{
    public static List<Word> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<Word>(text.Length / 5);
        var builder = new StringBuilder(32);
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var width = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            if (c < 128)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    if (start < 0)
                    {
                        start = i;
                    }

                    builder.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    Flush(words, builder, ref start, i);
                }
            }
            else
            {
                var folded = text.Substring(i, width).Normalize(NormalizationForm.FormKC);
                foreach (var f in folded)
                {
                    if (char.IsLetterOrDigit(f))
                    {
                        if (start < 0)
                        {
                            start = i;
                        }

                        builder.Append(char.ToLowerInvariant(f));
                    }
                    else
                    {
                        Flush(words, builder, ref start, i);
                    }
                }
            }

            i += width;
        }

        Flush(words, builder, ref start, text.Length);
        return words;
    }

    /// <summary>Only the normalised words, for snippets whose offsets do not matter.</summary>
    public static List<string> WordTexts(string text) => Tokenize(text).ConvertAll(w => w.Text);

    private static void Flush(List<Word> words, StringBuilder builder, ref int start, int end)
    {
        if (builder.Length > 0)
        {
            words.Add(new Word(builder.ToString(), start, end));
            builder.Clear();
        }

        start = -1;
    }
}
