using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DealLens.Core.Pipeline;
using DealLens.Core.Risk;

namespace DealLens.Tests.Golden;

/// <summary>One labelled clause: its type and a verbatim quote (whitespace may differ, as PDF lines break).</summary>
public sealed record LabelledClause(string Type, string Quote);

/// <summary>
/// What a careful analyst marks in one sample (samples/expected/labels.jsonl), written by reading the sample, not
/// from DealLens's output: the clauses and the deal's headline terms.
/// </summary>
public sealed record SampleLabel(string File, IReadOnlyList<LabelledClause> Clauses, IReadOnlyDictionary<string, JsonElement> Deal)
{
    public static IReadOnlyList<SampleLabel> Read(string path)
    {
        var labels = new List<SampleLabel>();
        foreach (var line in System.IO.File.ReadLines(path).Where(l => l.Trim().Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            labels.Add(new SampleLabel(
                root.GetProperty("file").GetString()!,
                root.GetProperty("clauses").EnumerateArray()
                    .Select(c => new LabelledClause(c.GetProperty("type").GetString()!, c.GetProperty("quote").GetString()!)).ToList(),
                root.GetProperty("deal").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)));
        }

        return labels;
    }
}

/// <summary>Matched, predicted and labelled counts; precision and recall over them (1 when there is nothing to count).</summary>
public sealed record Tally(int MatchedPredicted, int Predicted, int MatchedLabelled, int Labelled)
{
    public static Tally Zero { get; } = new(0, 0, 0, 0);

    public double Precision => Predicted == 0 ? 1 : (double)MatchedPredicted / Predicted;

    public double Recall => Labelled == 0 ? 1 : (double)MatchedLabelled / Labelled;

    public static Tally operator +(Tally a, Tally b)
        => new(a.MatchedPredicted + b.MatchedPredicted, a.Predicted + b.Predicted, a.MatchedLabelled + b.MatchedLabelled, a.Labelled + b.Labelled);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"precision {Precision:0.000} ({MatchedPredicted}/{Predicted}), recall {Recall:0.000} ({MatchedLabelled}/{Labelled})");
}

/// <summary>Scores an analysis against a sample's labels.</summary>
public static partial class SampleLabelScorer
{
    /// <summary>The deal fields compared; parties and chips count one item per name.</summary>
    public static readonly IReadOnlyList<string> ScalarFields =
        ["provider", "customer", "total_value", "term_months", "effective_date", "end_date", "capacity_mw", "gpu_count", "prepayment_pct"];

    /// <summary>Where <paramref name="quote"/> is in <paramref name="text"/> (any run of whitespace matches any other), or null.</summary>
    public static (int Start, int End)? Locate(string text, string quote)
    {
        var pattern = string.Join(@"\s+", Whitespace().Split(quote.Trim()).Select(Regex.Escape));
        var match = Regex.Match(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        return match.Success ? (match.Index, match.Index + match.Length) : null;
    }

    /// <summary>
    /// A predicted clause is right when a labelled clause of its type overlaps it; a labelled clause is found when a
    /// predicted clause of its type overlaps it. Overlap, not equal spans: where a clause starts and ends is the
    /// segmenter's choice, which clause it is is what a reader checks.
    /// </summary>
    public static Tally Clauses(DocumentAnalysis analysis, SampleLabel label)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(label);
        var text = analysis.Document.Text;
        var gold = label.Clauses.Select(c => (c.Type, Span: Locate(text, c.Quote) ?? throw new InvalidOperationException($"{label.File}: quote not found: {c.Quote}"))).ToList();
        var predicted = analysis.Clauses;
        var rightPredictions = predicted.Count(p => gold.Any(g => g.Type == p.Type && Overlaps(p.Start, p.End, g.Span)));
        var foundLabels = gold.Count(g => predicted.Any(p => p.Type == g.Type && Overlaps(p.Start, p.End, g.Span)));
        return new Tally(rightPredictions, predicted.Count, foundLabels, gold.Count);
    }

    /// <summary>The clauses DealLens gave that no label backs, and the labels it missed: for the report, not for asserting.</summary>
    public static IEnumerable<string> ClauseDifferences(DocumentAnalysis analysis, SampleLabel label)
    {
        var text = analysis.Document.Text;
        var gold = label.Clauses.Select(c => (c.Type, c.Quote, Span: Locate(text, c.Quote)!.Value)).ToList();
        foreach (var p in analysis.Clauses.Where(p => !gold.Any(g => g.Type == p.Type && Overlaps(p.Start, p.End, g.Span))))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{label.File}: extra {p.Type} {p.Confidence:0.00}: {Short(p.Text)}");
        }

        foreach (var g in gold.Where(g => !analysis.Clauses.Any(p => p.Type == g.Type && Overlaps(p.Start, p.End, g.Span))))
        {
            yield return $"{label.File}: missed {g.Type}: {Short(g.Quote)}";
        }
    }

    /// <summary>Deal terms: each non-empty scalar field and each party and chip is one item; equal after normalising.</summary>
    public static Tally Deal(DocumentAnalysis analysis, SampleLabel label, ICollection<string>? differences = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(label);
        var predicted = PredictedItems(analysis);
        var gold = GoldItems(label);
        var matchedPredicted = predicted.Count(gold.Contains);
        var matchedGold = gold.Count(predicted.Contains);
        if (differences is not null)
        {
            foreach (var item in predicted.Where(p => !gold.Contains(p)))
            {
                differences.Add($"{label.File}: deal extra/wrong {item}");
            }

            foreach (var item in gold.Where(g => !predicted.Contains(g)))
            {
                differences.Add($"{label.File}: deal missed {item}");
            }
        }

        return new Tally(matchedPredicted, predicted.Count, matchedGold, gold.Count);
    }

    private static HashSet<string> PredictedItems(DocumentAnalysis analysis)
    {
        var deal = analysis.Deal;
        var items = new HashSet<string>(StringComparer.Ordinal);
        void Add(string field, string? value)
        {
            if (value is not null)
            {
                items.Add(field + "=" + value);
            }
        }

        Add("provider", deal.Provider is null ? null : CompanyNames.Normalize(deal.Provider));
        Add("customer", deal.Customer is null ? null : CompanyNames.Normalize(deal.Customer));
        Add("total_value", deal.TotalValue switch
        {
            null => null,
            { Redacted: true, Amount: null } => "redacted",
            { Amount: { } amount } => Number(amount),
            _ => null,
        });
        Add("term_months", deal.TermMonths?.ToString(CultureInfo.InvariantCulture));
        Add("effective_date", deal.EffectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("end_date", deal.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("capacity_mw", deal.CapacityMw is { } mw ? Number(mw) : null);
        Add("gpu_count", deal.GpuCount?.ToString(CultureInfo.InvariantCulture));
        Add("prepayment_pct", deal.PrepaymentPct is { } pct ? Number(pct) : null);
        foreach (var party in deal.Parties)
        {
            Add("party", CompanyNames.Normalize(party));
        }

        foreach (var chip in deal.Chips)
        {
            Add("chip", chip.ToUpperInvariant());
        }

        return items;
    }

    private static HashSet<string> GoldItems(SampleLabel label)
    {
        var items = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in ScalarFields)
        {
            if (label.Deal.TryGetValue(field, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                var text = value.ValueKind switch
                {
                    JsonValueKind.Number => Number(value.GetDecimal()),
                    _ => field is "provider" or "customer" ? CompanyNames.Normalize(value.GetString()!) : value.GetString()!,
                };
                items.Add(field + "=" + text);
            }
        }

        foreach (var party in label.Deal["parties"].EnumerateArray())
        {
            items.Add("party=" + CompanyNames.Normalize(party.GetString()!));
        }

        foreach (var chip in label.Deal["chips"].EnumerateArray())
        {
            items.Add("chip=" + chip.GetString()!.ToUpperInvariant());
        }

        return items;
    }

    private static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    private static bool Overlaps(int start, int end, (int Start, int End) span) => start < span.End && span.Start < end;

    private static string Short(string text)
    {
        var flat = Whitespace().Replace(text, " ").Trim();
        return flat.Length <= 90 ? flat : flat[..87] + "...";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
