using System.Text.RegularExpressions;

namespace DealLens.Core.Risk;

/// <summary>
/// Line layout of filing and release text that the sentence segmenter does not see: headings written on a line of their
/// own with no full stop ("Commercial agreement for GPU services", "PRESS RELEASE – The $5.0 Billion Investment Can
/// Support Over 2 GW") and list items ("- 20% customer prepayment", "(1) A secured ... note"). A heading ends the sentence
/// above the text under it; in a title-case heading capitals mark no names; a list item is a sentence of its own that
/// continues the lead-in line ending in a colon.
/// </summary>
internal static class ProseLayout
{
    private static readonly TimeSpan s_timeout = DealLens.Core.Text.RegexTimeouts.Limit;

    private static readonly Regex s_word = new(@"[A-Za-z][A-Za-z0-9'’.&-]*", RegexOptions.CultureInvariant, s_timeout);

    // A list item: a dash or bullet, or "(1)", "(a)", "1." at the line start.
    private static readonly Regex s_itemStart = new(@"\G[ \t]*(?:[-–—•*▪][ \t]+|\([0-9a-zA-Z]{1,3}\)[ \t]+|[0-9]{1,2}[.)][ \t]+)", RegexOptions.CultureInvariant, s_timeout);

    private static readonly Regex s_innerSentenceEnd = new(@"[.;!?][ \t]+[A-Z]", RegexOptions.CultureInvariant, s_timeout);

    // Words a line can stop on only in the middle of a sentence (a hard-wrapped line).
    private static readonly HashSet<string> s_continuing = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "of", "to", "for", "in", "on", "at", "by", "with", "from", "as", "its", "their", "our",
        "his", "her", "this", "that", "these", "those", "which", "who", "whose", "such", "into", "under", "between", "than", "is",
        "are", "was", "were", "will", "be",
    };

    // Small words that stay lower case in a title-case heading.
    private static readonly HashSet<string> s_small = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "nor", "of", "to", "for", "in", "on", "at", "by", "with", "from", "up", "as", "vs", "via", "per",
    };

    /// <summary>A line of text: <c>text[Start..End]</c> without its line break.</summary>
    internal readonly record struct Line(int Start, int End, bool Heading, bool TitleCase, bool Item);

    /// <summary>Every line of <paramref name="text"/> with its layout.</summary>
    internal static IReadOnlyList<Line> Lines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bounds = new List<(int Start, int End)>();
        for (var start = 0; start <= text.Length;)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            bounds.Add((start, end));
            start = end + 1;
        }

        var lines = new List<Line>(bounds.Count);
        var previousEnded = true;
        for (var i = 0; i < bounds.Count; i++)
        {
            var (start, end) = bounds[i];
            var content = text[start..end].Trim();
            var next = i + 1 < bounds.Count ? text[bounds[i + 1].Start..bounds[i + 1].End].Trim() : "";
            var item = s_itemStart.IsMatch(text, start) && content.Length > 2;
            var title = IsTitleCase(content);
            // A heading starts where the line before it ended (a blank line, a sentence end, another heading); a
            // hard-wrapped line of names ("Fidelity, Qatar Investment Authority, MGX and Baron Capital Group. NVIDIA and
            // Cisco") continues its sentence. Items and "Field: value" lines are not headings.
            var heading = previousEnded && !item && !content.Contains(':', StringComparison.Ordinal) && !s_innerSentenceEnd.IsMatch(content)
                && IsHeading(content, next, title);
            lines.Add(new Line(start, end, heading, title, item));
            previousEnded = content.Length == 0 || heading || content[^1] is '.' or ':' or ';' or '!' or '?';
        }

        return lines;
    }

    /// <summary>
    /// A heading: a line with no sentence end that the next line (no blank line between) does not continue: the next line
    /// opens as a sentence or an item does, and the line is either in title case or short (at most eight words, under
    /// 60 characters) and does not stop on a word that needs more after it.
    /// </summary>
    private static bool IsHeading(string line, string next, bool titleCase)
    {
        if (line.Length == 0 || next.Length == 0 || line[^1] is '.' or ';' or ':' or ',' or '?' or '!' or '-' or '(' or '“' or '"')
        {
            return false;
        }

        if (!(char.IsUpper(next[0]) || char.IsDigit(next[0]) || next[0] is '(' or '-' or '–' or '—' or '•' or '*' or '“' or '"' or '|'))
        {
            return false;
        }

        var words = s_word.Matches(line).Select(m => m.Value).ToList();
        if (words.Count == 0 || s_continuing.Contains(words[^1]))
        {
            return false;
        }

        return titleCase || (words.Count <= 8 && line.Length < 60);
    }

    /// <summary>A line whose words (beyond small ones) nearly all start with a capital: there, capitals mark no names.</summary>
    private static bool IsTitleCase(string line)
    {
        var words = s_word.Matches(line).Select(m => m.Value).Where(w => !s_small.Contains(w) && w.Any(char.IsLetter)).ToList();
        if (words.Count < 3)
        {
            return false;
        }

        var capitalised = words.Count(w => char.IsUpper(w[0]));
        return capitalised * 5 >= words.Count * 4;
    }

    /// <summary>The positions where a sentence must end: after a heading line, and before each list item.</summary>
    internal static IReadOnlyList<int> Cuts(string text, IReadOnlyList<Line> lines)
    {
        var cuts = new List<int>();
        foreach (var line in lines)
        {
            if (line.Item && line.Start > 0)
            {
                cuts.Add(line.Start);
            }

            if (line.Heading && line.End < text.Length)
            {
                cuts.Add(line.End);
            }
        }

        cuts.Sort();
        return cuts;
    }
}
