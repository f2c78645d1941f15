using System.Globalization;
using System.Text.RegularExpressions;
using DealLens.Core.Documents;

namespace DealLens.Core.Risk;

/// <summary>
/// Reads major-customer tables by their layout, not their wording: a header line that opens with "Revenue" (or "Net
/// sales") and then lists period-end dates, optionally under a line of spans ("Three Months Ended", "Six Months
/// Ended"), followed by rows of a customer label and one cell per date (a percentage, or "*" / "—" for below the
/// disclosure line). Works on tables flattened without separators ("Customer A64 %40 %58 %47 %", as XBRL R pages
/// render them) and on tables laid out with spaces or tabs. Tables headed by anything else (accounts receivable) are
/// not revenue and are skipped.
/// </summary>
internal static class RevenueTables
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private static readonly TimeSpan s_timeout = DealLens.Core.Text.RegexTimeouts.Limit;

    private const string Date = @"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+[0-9]{1,2},\s*(?:19|20)[0-9]{2}";

    private static readonly Regex s_header = new(
        @"^\s*(?:(?:total|net)\s+)?(?:revenues?|net\s+sales|sales)\s*[:|]?\s*(?<dates>(?:" + Date + @"\s*[|,;]?\s*)+)$", Options, s_timeout);

    private static readonly Regex s_date = new(Date, Options, s_timeout);

    private static readonly Regex s_span = new(
        @"(?<n>three|six|nine|twelve|3|6|9|12)\s+months\s+ended|(?<y>(?:fiscal\s+)?years?)\s+ended|(?<q>quarters?)\s+ended", Options, s_timeout);

    private static readonly Regex s_row = new(
        @"^\s*(?<label>[A-Za-z][^%*—–|]{0,60}?)\s*[:|]?\s*(?<cells>(?:(?:[0-9]{1,3}(?:\.[0-9]+)?\s*%|\*|—|–|-{1,2}|n/?a)\s*[|]?\s*)+)$", Options, s_timeout);

    private static readonly Regex s_cell = new(@"(?<p>[0-9]{1,3}(?:\.[0-9]+)?)\s*%|\*|—|–|-{1,2}|n/?a", Options, s_timeout);

    public static IEnumerable<DisclosedRevenueShare> Read(DocumentText document, string? filer)
    {
        var text = document.Text;
        var lines = Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var (start, end) = lines[i];
            var header = s_header.Match(text[start..end]);
            if (!header.Success)
            {
                continue;
            }

            var dates = s_date.Matches(header.Groups["dates"].Value).Select(m => m.Value).ToList();
            var spans = SpansAbove(text, lines, i);
            var periods = dates.Select((d, c) => spans.Count > 0 && dates.Count % spans.Count == 0
                ? spans[c / (dates.Count / spans.Count)] + " " + d
                : d).ToList();

            for (var r = i + 1; r < lines.Count; r++)
            {
                var (rs, re) = lines[r];
                var row = s_row.Match(text[rs..re]);
                if (!row.Success)
                {
                    break;
                }

                var cells = s_cell.Matches(row.Groups["cells"].Value).ToList();
                if (cells.Count != dates.Count)
                {
                    continue;
                }

                var written = row.Groups["label"].Value.Trim();
                var (customer, label) = RevenueConcentrationReader.Classify(written);
                for (var c = 0; c < cells.Count; c++)
                {
                    if (!cells[c].Groups["p"].Success)
                    {
                        continue;
                    }

                    var percent = decimal.Parse(cells[c].Groups["p"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                    if (percent <= 100m)
                    {
                        yield return new DisclosedRevenueShare(filer, customer, null, percent, periods[c], document.PageAt(rs), rs, re, text[rs..re])
                        { Label = label };
                    }
                }
            }
        }
    }

    /// <summary>"Three Months EndedSix Months Ended" on one of the two lines above the header: one span per group of columns.</summary>
    private static List<string> SpansAbove(string text, List<(int Start, int End)> lines, int header)
    {
        for (var k = header - 1; k >= Math.Max(0, header - 2); k--)
        {
            var (s, e) = lines[k];
            var spans = s_span.Matches(text[s..e]).Select(m => m.Value.ToLowerInvariant()).ToList();
            if (spans.Count > 0)
            {
                return spans;
            }
        }

        return [];
    }

    private static List<(int Start, int End)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                if (end > start && !string.IsNullOrWhiteSpace(text[start..end]))
                {
                    lines.Add((start, end));
                }

                start = i + 1;
            }
        }

        return lines;
    }
}
