using System.Text.RegularExpressions;

namespace DealLens.Core.Text;

/// <summary>
/// Tells a heading or title ("1. Backstop.", "ARTICLE IV MINIMUM PURCHASE COMMITMENT", "Exhibit B - Pricing") from a
/// sentence, by the layout of the line rather than its words: a short line, no finite verb or obligation, words in
/// title case or all capitals (optionally after a section number), and no sentence ending. A text is a heading only
/// when every one of its lines is; a clause that merely starts under a heading is a sentence.
/// </summary>
public static class HeadingDetector
{
    /// <summary>A heading line has at most this many words (section number not counted).</summary>
    public const int MaxWords = 12;

    /// <summary>A heading that ends with a full stop ("1. Backstop.") has at most this many words.</summary>
    public const int MaxWordsWithFullStop = 10;

    private static readonly TimeSpan s_timeout = RegexTimeouts.Limit;

    // Section numbering in front of a title: "1.", "2.3", "(a)", "iv.", "Section 5.1", "ARTICLE IV", "Exhibit B -".
    private static readonly Regex s_numbering = new(
        @"^\s*(?:(?:article|section|schedule|exhibit|annex|appendix|part|clause)\s+[0-9ivxlcA-Z]+(?:\.[0-9]+)*[.:)]?\s*[-–—:]?\s*|\(?[0-9]+(?:\.[0-9]+)*[.)]?\s+|\(?[a-z]\)\s+|\(?[ivxlc]+[.)]\s+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_timeout);

    private static readonly Regex s_word = new(@"[\p{L}][\p{L}'’\-]*", RegexOptions.CultureInvariant, s_timeout);

    // The closed classes that make a sentence in a contract: modal and auxiliary verbs, the verb "to be" and "to
    // have", and the words that turn a line into a promise. A title never needs them; nearly every clause does.
    private static readonly HashSet<string> s_verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "shall", "will", "must", "may", "might", "can", "could", "would", "should",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "does", "do", "did",
        "agree", "agrees", "agreed", "hereby", "not",
    };

    // Words a title leaves in lower case ("Limitation of Liability", "Right to Terminate").
    private static readonly HashSet<string> s_minorWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "per", "the", "to", "upon", "with", "vs",
    };

    /// <summary>True when <paramref name="text"/> holds a modal or auxiliary verb, or a word of promise (shall, is, agrees...).</summary>
    public static bool HasVerb(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return s_word.Matches(text).Any(m => s_verbs.Contains(m.Value));
    }

    /// <summary>True when every non-empty line of <paramref name="text"/> is a heading or title, and there is at least one.</summary>
    public static bool IsHeading(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 0 && lines.All(IsHeadingLine);
    }

    /// <summary>One line: see <see cref="HeadingDetector"/>.</summary>
    public static bool IsHeadingLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        var numbered = s_numbering.Match(trimmed);
        var title = numbered.Success ? trimmed[numbered.Length..].Trim() : trimmed;
        var words = s_word.Matches(title).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            // A bare number or marker ("5.1", "(a)") is a heading fragment, never a clause.
            return numbered.Success || !trimmed.Any(char.IsLetter);
        }

        if (words.Count > MaxWords || words.Any(s_verbs.Contains))
        {
            return false;
        }

        var letters = title.Where(char.IsLetter).ToList();
        var allCaps = letters.Count >= 2 && letters.All(char.IsUpper);

        // Sentence endings: a question, an exclamation, a semicolon or comma going on to more text, or a full stop
        // after more than a short title. A line in capitals with no verb is a title whatever follows it.
        var last = title.TrimEnd('"', '”', '\'', ')', ' ')[^1];
        if (last is '?' or '!' || (!allCaps && (last is ';' or ',' || (last == '.' && words.Count > MaxWordsWithFullStop))))
        {
            return false;
        }

        var capitalised = words.Where(w => !s_minorWords.Contains(w)).ToList();
        var titleCase = capitalised.Count > 0 && capitalised.All(w => char.IsUpper(w[0]))
            && char.IsUpper(words[0][0]);
        return allCaps || titleCase;
    }
}
