using System.Text.RegularExpressions;

namespace DealLens.Core.Risk;

/// <summary>
/// Who files a filing excerpt whose cover is plain text: the registrant's name stands on its own line next to the form
/// line ("ORACLE CORPORATION" above "FORM 10-Q", "Nebius Group N.V." below "FORM 6-K"). Read by layout only: the name
/// line must be short, carry no sentence punctuation and look like a company (a legal form, or every word capitalised).
/// </summary>
public static class FormCover
{
    private static readonly TimeSpan s_timeout = DealLens.Core.Text.RegexTimeouts.Limit;

    private static readonly Regex s_formLine = new(
        @"^[ \t]*FORM[ \t]+(?:10-K|10-Q|8-K|6-K|20-F|40-F|S-1|F-1|10-K/A|10-Q/A|8-K/A)[ \t]*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, s_timeout);

    private static readonly Regex s_legalForm = new(
        @"\b(?:Inc|Incorporated|Corp|Corporation|Company|Co|Ltd|Limited|LLC|L\.L\.C|LP|L\.P|PLC|N\.V|B\.V|S\.A|AG|SE|GmbH|Holdings?|Group)\.?,?\s*$|\b(?:Inc|Corp|Ltd|N\.V|PLC)\.?\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, s_timeout);

    private static readonly Regex s_capitalisedWords = new(@"^(?:[A-Z0-9][\w&.,'’-]*)(?:[ \t]+(?:[A-Z0-9&][\w&.,'’-]*|of|and|de))*$", RegexOptions.CultureInvariant, s_timeout);

    private static readonly Regex s_notAName = new(
        @"\b(?:SECURITIES|EXCHANGE|COMMISSION|UNITED\s+STATES|WASHINGTON|QUARTERLY|ANNUAL|CURRENT|REPORT|PURSUANT|SECTION|NOTES?|ITEM|TABLE|CONTENTS|PART)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, s_timeout);

    /// <summary>The registrant named next to the form line in the first lines of <paramref name="text"/>, else null.</summary>
    public static string? Registrant(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = (text.Length > 2000 ? text[..2000] : text).Split('\n').Select(l => l.Trim()).Take(15).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!s_formLine.IsMatch(lines[i]))
            {
                continue;
            }

            // The nearest non-blank line above, then below.
            foreach (var j in new[] { Near(lines, i, -1), Near(lines, i, +1) })
            {
                if (j >= 0 && IsName(lines[j]))
                {
                    return lines[j].TrimEnd(',').Trim();
                }
            }
        }

        return null;
    }

    private static int Near(List<string> lines, int at, int step)
    {
        for (var j = at + step; j >= 0 && j < lines.Count; j += step)
        {
            if (lines[j].Length > 0)
            {
                return j;
            }
        }

        return -1;
    }

    private static bool IsName(string line)
        => line.Length is >= 2 and <= 80
            && !s_notAName.IsMatch(line)
            && !line.Contains('(') && !line.Contains(':')
            && s_capitalisedWords.IsMatch(line)
            && (s_legalForm.IsMatch(line) || line.Count(char.IsUpper) >= line.Count(char.IsLetter) * 0.8);
}
