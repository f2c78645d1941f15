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

    // "Nvidia's quarterly sales", "Brennic Cloud's 2025 revenue": a named company's own revenue.
    private static readonly Regex s_revenueOwner = new(
        @"\b(?<owner>[A-Z][\w&.-]*(?:[ ]+[A-Z][\w&.-]*){0,3})['’]s?[ ]+(?:(?:total|net|consolidated|annual|quarterly|full-year|(?:fiscal[ ]+)?(?:19|20)[0-9]{2})[ ]+)*(?:revenues?|net[ ]+sales|sales)\b",
        RegexOptions.CultureInvariant, s_timeout);

    private static readonly Regex s_notOwner = new(@"^(?:The|Our|Its|Their|Company|Registrant|Group|Customer|Customers)\b", RegexOptions.CultureInvariant, s_timeout);

    /// <summary>
    /// The company whose revenue a story is about, when it names exactly one owner of revenue ("Two buyers make up 39%
    /// of Nvidia's quarterly sales"); null when it names none or several.
    /// </summary>
    public static string? RevenueOwner(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var owners = s_revenueOwner.Matches(text).Select(m => m.Groups["owner"].Value).Where(o => !s_notOwner.IsMatch(o))
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(2).ToList();
        return owners.Count == 1 ? owners[0] : null;
    }

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
