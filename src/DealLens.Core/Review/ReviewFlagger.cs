using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Risk;

namespace DealLens.Core.Review;

/// <summary>Why an item is in the review queue: the most severe reason decides its place.</summary>
public sealed record ReviewFlag(string Severity, IReadOnlyList<string> Reasons);

/// <summary>Decides which clauses and deal terms an analyst should check, and how urgently.</summary>
public sealed class ReviewFlagger
{
    private readonly ReviewFlaggingOptions _options;

    public ReviewFlagger(ReviewFlaggingOptions? options = null) => _options = options ?? ReviewFlaggingOptions.Default;

    public static ReviewFlagger Default { get; } = new();

    public ReviewFlaggingOptions Options => _options;

    /// <summary>
    /// Clause types that may be flagged for their type alone (chip_access included, for its access level). Every other
    /// clause is flagged only for low confidence or a redacted amount; a store can prefilter with these.
    /// </summary>
    public IReadOnlyList<string> CandidateTypes
        => [.. _options.TypeSeverity.Keys.Append(ClauseTypes.ChipAccess).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Null when the clause needs no review.</summary>
    public ReviewFlag? Flag(Clause clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var reasons = new List<(string Severity, string Reason)>();
        if (_options.TypeSeverity.TryGetValue(clause.Type, out var severity))
        {
            reasons.Add((severity, "risk weight: " + clause.Type));
        }

        if (clause.Type == ClauseTypes.ChipAccess && clause.Fields.Access == _options.UnreliableChipAccess)
        {
            reasons.Add((_options.ChipAccessSeverity, "chip access " + clause.Fields.Access));
        }

        if (clause.Fields.Redacted == true)
        {
            reasons.Add((_options.RedactedSeverity, "amount redacted"));
        }

        if (clause.Confidence < _options.LowConfidence)
        {
            reasons.Add((_options.LowConfidenceSeverity, FormattableString.Invariant($"low confidence {clause.Confidence:0.00}")));
        }

        return ToFlag(reasons);
    }

    /// <summary>Null when the deal terms need no review.</summary>
    public ReviewFlag? Flag(DealTerms deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var reasons = new List<(string Severity, string Reason)>();
        if (deal.TotalValue is { Redacted: true })
        {
            reasons.Add((_options.RedactedDealSeverity, "deal value redacted"));
        }

        if (deal.TotalValue is { Binding: false })
        {
            reasons.Add((_options.NonBindingDealSeverity, "headline value is a ceiling or non-binding"));
        }

        return ToFlag(reasons);
    }

    public ReviewFlag FlagCycle() => new(_options.CycleSeverity, ["new circular-financing cycle"]);

    private static ReviewFlag? ToFlag(List<(string Severity, string Reason)> reasons)
        => reasons.Count == 0
            ? null
            : new ReviewFlag(
                reasons.MaxBy(r => Severity.Rank(r.Severity)).Severity,
                reasons.OrderByDescending(r => Severity.Rank(r.Severity)).Select(r => r.Reason).ToList());
}
