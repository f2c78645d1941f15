using DealLens.Core.Pipeline;
using DealLens.Core.Risk;

namespace DealLens.Core.Evaluation;

/// <summary>A money relation the graph read from one document, with each end's spellings.</summary>
public sealed record FilingRelation(string Kind, IReadOnlyList<string> From, IReadOnlyList<string> To);

/// <summary>A disclosed revenue share as the concentration reader stored it.</summary>
public sealed record FilingConcentration(string Customer, decimal Percent, string? Period);

/// <summary>
/// What the pipeline stored for one document, in the terms <see cref="FilingScorer"/> compares with labels:
/// every company name it holds (parties, provider, customer, role holders, filer), the headline terms, the money
/// relations of the money graph built from this document alone, and the disclosed revenue shares.
/// </summary>
public sealed record FilingPrediction(
    IReadOnlyList<string> Names,
    string? Provider,
    string? Customer,
    decimal? TotalValueUsd,
    decimal? TermMonths,
    decimal? CapacityMw,
    IReadOnlyList<FilingRelation> Relations,
    IReadOnlyList<FilingConcentration> Concentration)
{
    public static FilingPrediction Empty { get; } = new([], null, null, null, null, null, [], []);

    /// <summary>Reads the prediction from an analysis through the public readers the risk commands use.</summary>
    public static FilingPrediction From(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var deal = analysis.Deal;
        var names = deal.Parties
            .Concat(new[] { deal.Provider, deal.Customer, analysis.Origin.Filer }.OfType<string>())
            .Concat(deal.Roles.Select(r => r.Name))
            .Concat(deal.Roles.Select(r => r.Parent).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var graph = MoneyGraphBuilder.Build([analysis], CompanyResolver.Empty);
        IReadOnlyList<string> Spellings(string key)
            => graph.FindCompany(key) is { } company ? [company.Name, key, .. company.Aliases] : [key];
        var relations = graph.Relations
            .Select(r => new FilingRelation(r.Kind, Spellings(r.From), Spellings(r.To)))
            .ToList();

        var concentration = RevenueConcentrationReader.Read(analysis)
            .Select(s => new FilingConcentration(s.Customer == RevenueConcentrationReader.Unnamed && s.Label is { } label ? label : s.Customer, s.Percent, s.Period))
            .ToList();

        var value = deal.TotalValue is { Amount: { } amount } total && (total.Currency is null or "USD") ? amount : (decimal?)null;
        return new FilingPrediction(names, deal.Provider, deal.Customer, value, deal.TermMonths, deal.CapacityMw, relations, concentration);
    }
}
