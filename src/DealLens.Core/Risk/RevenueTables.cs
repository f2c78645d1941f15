using System.Globalization;
using System.Text.RegularExpressions;
using DealLens.Core.Documents;

namespace DealLens.Core.Risk;

/// <summary>
/// Reads major-customer tables by their layout, not their wording: a header line of period-end dates (optionally
/// opening with "Revenue" or "Net sales", each date optionally preceded by its span: "Year Ended December 31, 2024"),
/// or a line of bare years under a span line that ends in a month and day ("Year Ended December 31,"), optionally
/// under a line of spans ("Three Months Ended", "Six Months Ended"), followed by rows of a customer label and one cell
/// per column (a percentage, or "*" / "—" for below the disclosure line). Works on tables flattened without separators
/// ("Customer A64 %40 %58 %47 %", as XBRL R pages render them) and on tables laid out with spaces or tabs. What the
/// table measures comes from its header label, else from the caption just above it: revenue or sales is read;
/// accounts receivable, or a table whose caption names neither, is skipped.
/// </summary>
internal static class RevenueTables
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private static readonly TimeSpan s_timeout = DealLens.Core.Text.RegexTimeouts.Limit;

    private const string Month = @"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
    private const string Date = Month + @"\s+[0-9]{1,2},\s*(?:19|20)[0-9]{2}";
    private const string Span = @"(?:(?:three|six|nine|twelve|3|6|9|12)\s+months|(?:fiscal\s+)?years?|(?:fiscal\s+)?quarters?)\s+ended";
    private const string Label = @"(?<label>(?:(?:total|net)\s+)?(?:revenues?|net\s+sales|sales)|accounts\s+receivables?(?:,\s*net)?)";

    private static readonly Regex s_header = new(
        @"^\s*(?:" + Label + @"\s*[:|]?\s*)?(?<dates>(?:(?:" + Span + @"\s*)?" + Date + @"\s*[|,;]?\s*)+)$", Options, s_timeout);

    private static readonly Regex s_yearsHeader = new(
        @"^\s*(?:" + Label + @"\s*[:|]?\s*)?(?<years>(?:(?:19|20)[0-9]{2}\s*[|]?\s*){1,6})$", Options, s_timeout);

    // "Year Ended December 31," above a line of bare years.
    private static readonly Regex s_spanWithDay = new(@"(?<span>" + Span + @")\s+(?<md>" + Month + @"\s+[0-9]{1,2}),?\s*$", Options, s_timeout);

    private static readonly Regex s_dateWithSpan = new(@"(?:(?<span>" + Span + @")\s*)?(?<date>" + Date + ")", Options, s_timeout);

    private static readonly Regex s_span = new(Span, Options, s_timeout);

    private static readonly Regex s_row = new(
        @"^\s*(?<label>[A-Za-z][^%*—–|]{0,60}?)\s*[:|]?\s*(?<cells>(?:(?:[0-9]{1,3}(?:\.[0-9]+)?\s*%|\*|—|–|-{1,2}|n/?a)\s*[|]?\s*)+)$", Options, s_timeout);

    private static readonly Regex s_cell = new(@"(?<p>[0-9]{1,3}(?:\.[0-9]+)?)\s*%|\*|—|–|-{1,2}|n/?a", Options, s_timeout);

    private static readonly Regex s_receivable = new(@"\breceivables?\b", Options, s_timeout);
    private static readonly Regex s_revenue = new(@"\b(?:revenues?|net\s+sales|sales)\b", Options, s_timeout);

    public static IEnumerable<DisclosedRevenueShare> Read(DocumentText document, string? filer)
    {
        var text = document.Text;
        var lines = Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var (start, end) = lines[i];
            if (Columns(text, lines, i) is not { } periods)
            {
                continue;
            }

            for (var r = i + 1; r < lines.Count; r++)
            {
                var (rs, re) = lines[r];
                var row = s_row.Match(text[rs..re]);
                if (!row.Success)
                {
                    break;
                }

                var cells = s_cell.Matches(row.Groups["cells"].Value).ToList();
                if (cells.Count != periods.Count)
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

    /// <summary>The period of each column when line <paramref name="header"/> heads a revenue table, else null.</summary>
    private static List<string>? Columns(string text, List<(int Start, int End)> lines, int header)
    {
        var (start, end) = lines[header];
        var line = text[start..end];
        List<(string? Span, string Date)> columns;
        var spanLines = 1;
        if (s_header.Match(line) is { Success: true } dated)
        {
            columns = s_dateWithSpan.Matches(dated.Groups["dates"].Value)
                .Select(m => (m.Groups["span"].Success ? m.Groups["span"].Value : null, m.Groups["date"].Value)).ToList();
            if (!IsRevenue(text, lines, header, dated.Groups["label"], columns.Any(c => c.Span is null) ? 2 : 0))
            {
                return null;
            }
        }
        else if (s_yearsHeader.Match(line) is { Success: true } years && header > 0
            && s_spanWithDay.Match(text[lines[header - 1].Start..lines[header - 1].End]) is { Success: true } above)
        {
            columns = years.Groups["years"].Value.Split([' ', '\t', '|'], StringSplitOptions.RemoveEmptyEntries)
                .Select(y => ((string?)above.Groups["span"].Value, $"{above.Groups["md"].Value}, {y}")).ToList();
            spanLines = 0;
            if (!IsRevenue(text, lines, header - 1, years.Groups["label"], 1))
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        var spans = spanLines > 0 && columns.Any(c => c.Span is null) ? SpansAbove(text, lines, header) : [];
        return columns.Select((c, i) => c.Span is { } own
            ? own.ToLowerInvariant() + " " + c.Date
            : spans.Count > 0 && columns.Count % spans.Count == 0 ? spans[i / (columns.Count / spans.Count)] + " " + c.Date : c.Date).ToList();
    }

    /// <summary>
    /// The table measures revenue: its header label says so, or (no label) the nearest caption line above, within
    /// <paramref name="skip"/> + 2 lines, names revenue or sales and not receivables.
    /// </summary>
    private static bool IsRevenue(string text, List<(int Start, int End)> lines, int header, Group label, int skip)
    {
        if (label.Success)
        {
            return !s_receivable.IsMatch(label.Value);
        }

        for (var k = header - 1; k >= Math.Max(0, header - skip - 2); k--)
        {
            var above = text[lines[k].Start..lines[k].End];
            if (s_row.IsMatch(above))
            {
                return false;
            }

            if (s_receivable.IsMatch(above))
            {
                return false;
            }

            if (s_revenue.IsMatch(above))
            {
                return true;
            }
        }

        return false;
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
