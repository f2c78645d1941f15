using System.Globalization;
using System.Text;

namespace DealLens.Core.Reports;

/// <summary>
/// The report's evidence as RFC 4180 CSV: a header row, then one row per clause and per deal-term quote, CRLF line ends,
/// a field quoted (with quotes doubled) when it holds a comma, quote or line break. A text cell that a spreadsheet would
/// run as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe, as OWASP advises for untrusted text.
/// </summary>
public static class ReportCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "document", "sha256", "kind", "id", "page", "start", "end", "type", "quote", "fields", "confidence", "extractor", "review_status",
    ];

    public const string ClauseKind = "clause";
    public const string DealTermKind = "deal_term";

    public static string Write(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var b = new StringBuilder();
        Row(b, Columns);
        foreach (var document in report.Documents)
        {
            foreach (var c in document.Clauses)
            {
                Row(b, [
                    document.Path, document.Sha256, ClauseKind, c.Id, Int(c.Page), Int(c.Start), Int(c.End), c.Type, c.Quote,
                    ReportJson.Fields(c.Fields), c.Confidence.ToString("0.###", CultureInfo.InvariantCulture), c.Extractor, c.ReviewStatus,
                ]);
            }

            foreach (var e in document.DealTerms.Evidence)
            {
                Row(b, [
                    document.Path, document.Sha256, DealTermKind, "", Int(e.Page), Int(e.Start), Int(e.End), e.Field, e.Text,
                    "", "", document.Extractor, document.DealTerms.ReviewStatus,
                ]);
            }
        }

        return b.ToString();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Row(StringBuilder b, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                b.Append(',');
            }

            b.Append(Cell(cells[i]));
        }

        b.Append("\r\n");
    }

    /// <summary>One field, defused and quoted as needed.</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNumber(value))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    private static bool IsNumber(string value) => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
}
