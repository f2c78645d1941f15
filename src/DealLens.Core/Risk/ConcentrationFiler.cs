using System.Text.RegularExpressions;

namespace DealLens.Core.Risk;

/// <summary>
/// The filer of a note or excerpt that names it only in a heading or running head: "NVIDIA Corporation and
/// Subsidiaries", "CoreWeave, Inc. | 2024 Annual Report on Form 10-K | 61", "CEREBRAS SYSTEMS INC.". Only one of the
/// first lines counts, and only a name that ends in a legal form (a headline or a title is not a filer).
/// </summary>
public static class ConcentrationFiler
{
    private const int LinesRead = 4;
    private static readonly TimeSpan s_timeout = DealLens.Core.Text.RegexTimeouts.Limit;

    private static readonly Regex s_heading = new(
        @"^\s*(?<name>[A-Z0-9][\w&.'’-]*(?:[ ]+[\w&.'’-]+){0,5}?,?[ ]+(?:Inc|Incorporated|Corporation|Corp|Ltd|Limited|N\.V|plc|LLC|L\.L\.C|S\.A|AG|SE|Holdings)\.?)" +
        @"(?:[ ]+and[ ]+(?:its[ ]+)?(?:Consolidated[ ]+)?Subsidiaries)?[ ]*(?:$|[ ]*[|–—-][ ]+\S.*$)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, s_timeout);

    public static string? FromHeading(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var read = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (line.Length <= 120 && s_heading.Match(line) is { Success: true } heading)
            {
                return heading.Groups["name"].Value.Trim();
            }

            if (++read >= LinesRead)
            {
                break;
            }
        }

        return null;
    }
}
