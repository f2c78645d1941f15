using System.Globalization;
using System.Text;

namespace DealLens.Core.Text;

/// <summary>One word of a text: its folded, lower-case form and where it sits in the original text.</summary>
public readonly record struct TextWord(string Text, int Start, int End);

/// <summary>
/// Splits text into lower-case words: runs of letters and digits after Unicode NFKC folding, with curly quotes
/// and dashes mapped to ASCII. Everything else (punctuation, white space, symbols) separates words; invisible
/// format characters (soft hyphen, zero-width space) are dropped without splitting.
/// </summary>
public static class WordTokenizer
{
    public static IReadOnlyList<string> Words(string text) => Tokenize(text).ConvertAll(w => w.Text);

    /// <summary>
    /// The words of <paramref name="text"/> with their offsets in the original text, so a word range maps back to
    /// a verbatim character range. ASCII characters take a fast path; others are folded one at a time.
    /// </summary>
    public static List<TextWord> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<TextWord>((text.Length / 6) + 1);
        var word = new StringBuilder(32);
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 0x80)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    if (start < 0)
                    {
                        start = i;
                    }

                    word.Append(char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c);
                }
                else
                {
                    Flush(words, word, ref start, i);
                }

                i++;
                continue;
            }

            var width = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            if (width == 1 && TextFolding.TryMap(c, out var mapped))
            {
                AppendFolded(mapped, words, word, ref start, i);
            }
            else
            {
                AppendFolded(TextFolding.Nfkc(text.Substring(i, width)), words, word, ref start, i);
            }

            i += width;
        }

        Flush(words, word, ref start, text.Length);
        return words;
    }

    private static void AppendFolded(string folded, List<TextWord> words, StringBuilder word, ref int start, int position)
    {
        foreach (var rune in folded.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                if (start < 0)
                {
                    start = position;
                }

                word.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (word.Length > 0 && IsCombiningMark(rune))
            {
                // Without ICU a decomposed accent is not composed onto its letter; keep it in the word, not as a break.
                word.Append(rune.ToString());
            }
            else
            {
                Flush(words, word, ref start, position);
            }
        }
    }

    private static void Flush(List<TextWord> words, StringBuilder word, ref int start, int end)
    {
        if (word.Length > 0)
        {
            words.Add(new TextWord(word.ToString(), start, end));
            word.Clear();
        }

        start = -1;
    }

    private static bool IsCombiningMark(Rune rune)
        => Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
