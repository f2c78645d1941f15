using System.Text.Json;
using System.Text.Json.Nodes;
using DealLens.Core.Clauses;
using DealLens.Core.Output;

namespace DealLens.Core.Reports;

/// <summary>
/// The report as one JSON document (shape in the README): snake_case names, declaration order, unknown values as null;
/// a clause's <c>fields</c> leave out what the clause does not state. The same report gives the same text.
/// </summary>
public static class ReportJson
{
    /// <summary>A clause's fields as compact JSON with only the stated values, e.g. <c>{"amount":250000000,"currency":"USD"}</c>.</summary>
    public static string Fields(ClauseFields fields) => JsonSerializer.Serialize(fields ?? ClauseFields.None, DealLensJson.StatedOnly);

    public static string Write(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var view = new
        {
            Report = new
            {
                report.Header.Title,
                report.Header.Scope,
                report.Header.Selector,
                report.Header.GeneratedAt,
            },
            report.Totals,
            Documents = report.Documents.Select(d => new
            {
                d.Path,
                d.Sha256,
                d.Extractor,
                d.PageCount,
                d.DealTerms,
                Risk = d.Risk is null ? null : new { d.Risk.Severity, d.Risk.Score, d.Risk.Flags },
                d.Warnings,
                Clauses = d.Clauses.Select(c => new
                {
                    c.Id,
                    c.Type,
                    c.Page,
                    c.Start,
                    c.End,
                    c.Quote,
                    Fields = JsonNode.Parse(Fields(c.Fields)),
                    c.Confidence,
                    c.Extractor,
                    c.ReviewStatus,
                }),
            }),
            // Companies by id, as `graph` and `risk --json` name them (docs/output-vocabulary.md).
            Deals = report.Deals.Select(CompanyIds.InDeal),
            Companies = report.Companies.Select(c => new { c.Id, c.Name, c.Aliases }),
            Risk = CompanyIds.InRiskReport(report.Risk),
        };
        return JsonSerializer.Serialize(view, DealLensJson.Indented) + "\n";
    }
}
