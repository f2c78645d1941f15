using System.Globalization;
using System.Text.Json;

namespace DealLens.Core.Evaluation;

/// <summary>One labelled money relation: a label kind ("loan", "convertible_notes", ...) from one party to another.</summary>
public sealed record FilingFinancingLabel(string Kind, string From, string To);

/// <summary>One labelled concentration fact: the customer's share of the filer's revenue (or receivables) in a period.</summary>
public sealed record FilingConcentrationLabel(string Customer, decimal? SharePct, string? Period, string Metric);

/// <summary>
/// The labels of one real filing (the <c>real-filings/labels.jsonl</c> schema), reduced to what
/// <see cref="FilingScorer"/> scores. Null means the document does not state the field.
/// </summary>
public sealed record FilingLabel(
    string Doc,
    IReadOnlyList<string> Parties,
    string? Provider,
    string? Customer,
    decimal? TotalValueUsd,
    decimal? TermMonths,
    decimal? CapacityMw,
    IReadOnlyList<FilingFinancingLabel> Financing,
    IReadOnlyList<FilingConcentrationLabel> Concentration);

/// <summary>Reads the real-filings <c>labels.jsonl</c>: one JSON object per line, one line per document.</summary>
public static class FilingLabels
{
    /// <summary>Reads every non-blank line; a line that is not a label object throws <see cref="DealLensException"/> naming its line.</summary>
    public static IReadOnlyList<FilingLabel> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var labels = new List<FilingLabel>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                labels.Add(ParseLine(line, lineNumber));
            }
        }

        return labels;
    }

    public static FilingLabel ParseLine(string line, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("doc", out var doc) || doc.ValueKind != JsonValueKind.String)
            {
                throw new DealLensException($"labels line {lineNumber}: expected a JSON object with a \"doc\" string");
            }

            var deal = root.TryGetProperty("deal_terms", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
            return new FilingLabel(
                doc.GetString()!,
                Strings(Value(deal, "parties")),
                String(Value(deal, "provider")),
                String(Value(deal, "customer")),
                Number(Value(deal, "total_value_usd")),
                Number(Value(deal, "term_months")),
                Number(Value(deal, "capacity_mw")),
                Items(root, "financing")
                    .Select(f => new FilingFinancingLabel(String(Get(f, "kind")) ?? "", String(Get(f, "from")) ?? "", String(Get(f, "to")) ?? ""))
                    .ToList(),
                Items(root, "concentration")
                    .Select(c => new FilingConcentrationLabel(
                        String(Get(c, "customer")) ?? "", Number(Get(c, "share_pct")), String(Get(c, "period")), String(Get(c, "metric")) ?? "revenue"))
                    .ToList());
        }
        catch (JsonException ex)
        {
            throw new DealLensException($"labels line {lineNumber}: not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>The <c>value</c> of a <c>{value, quote}</c> field of <c>deal_terms</c>.</summary>
    private static JsonElement Value(JsonElement deal, string name)
        => deal.ValueKind == JsonValueKind.Object && deal.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.Object
            && field.TryGetProperty("value", out var value) ? value : default;

    private static JsonElement Get(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static IEnumerable<JsonElement> Items(JsonElement root, string name)
        => root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().ToList() : [];

    private static string? String(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };

    private static decimal? Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDecimal(),
        JsonValueKind.String when decimal.TryParse(element.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static List<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().Select(String).OfType<string>().ToList(),
        JsonValueKind.String => [element.GetString()!],
        _ => [],
    };
}
