using System.Text.Json.Serialization;

namespace DealLens.Core.Clauses;

/// <summary>
/// Typed values a clause carries, where its text states them. Every property is optional; JSON leaves out
/// the ones that are null.
/// </summary>
public sealed record ClauseFields
{
    public static ClauseFields None { get; } = new();

    /// <summary>A money amount in whole currency units (e.g. 1250000000 for $1.25 billion).</summary>
    public decimal? Amount { get; init; }

    /// <summary>ISO 4217 code: USD, EUR, GBP, ...</summary>
    public string? Currency { get; init; }

    /// <summary>True when the filing blanked the amount out ([***], [Redacted]).</summary>
    public bool? Redacted { get; init; }

    /// <summary>How often the amount applies: "annual", "quarterly", "monthly", or "total".</summary>
    public string? Period { get; init; }

    /// <summary>A percentage stated by the clause (prepayment share, revenue share, fee), 0-100.</summary>
    public decimal? Percent { get; init; }

    /// <summary>A duration in months (renewal term, notice period, non-compete period).</summary>
    public int? Months { get; init; }

    /// <summary>
    /// A duration stated in days or weeks (a notice period such as "ninety (90) days"). Kept apart from
    /// <see cref="Months"/> because turning days into months would lose precision.
    /// </summary>
    public int? Days { get; init; }

    /// <summary>For chip_access: "guaranteed", "priority", "refresh" or "subject_to_availability".</summary>
    public string? Access { get; init; }

    /// <summary>Chip generations named in the clause (H100, GB200, MI300X, ...).</summary>
    public IReadOnlyList<string>? Chips { get; init; }

    /// <summary>For governing_law: the state or country named.</summary>
    public string? Jurisdiction { get; init; }

    [JsonIgnore]
    public bool IsEmpty => this == None;
}
