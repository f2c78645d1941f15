using DealLens.Core.Clauses;
using DealLens.Core.Risk;

namespace DealLens.Core.Review;

/// <summary>What puts an item in the review queue, and how severe it is. The defaults are the ones the README documents.</summary>
public sealed record ReviewFlaggingOptions
{
    public static ReviewFlaggingOptions Default { get; } = new();

    /// <summary>
    /// A clause the extractor is less sure of than this is flagged when its type feeds a score (a type with a risk
    /// weight, chip_access, or one of <see cref="ScoredTypes"/>); an unsure reading of any other type changes no figure.
    /// </summary>
    public double LowConfidence { get; init; } = 0.5;

    /// <summary>Clause types flagged for their risk weight, with their severity.</summary>
    public IReadOnlyDictionary<string, Severity> TypeSeverity { get; init; } = new Dictionary<string, Severity>(StringComparer.Ordinal)
    {
        // Obligations that fix the size of a deal, and liability with no ceiling.
        [ClauseTypes.TakeOrPay] = Severity.High,
        [ClauseTypes.MinimumCommitment] = Severity.High,
        [ClauseTypes.UncappedLiability] = Severity.High,
        [ClauseTypes.Backstop] = Severity.High,
        // Financing relations: they draw the money graph and its cycles.
        [ClauseTypes.EquityInvestment] = Severity.Medium,
        [ClauseTypes.Warrant] = Severity.Medium,
        [ClauseTypes.Loan] = Severity.Medium,
        [ClauseTypes.SaleLeaseback] = Severity.Medium,
        [ClauseTypes.Prepayment] = Severity.Medium,
        [ClauseTypes.LiquidatedDamages] = Severity.Medium,
        [ClauseTypes.TerminationForConvenience] = Severity.Medium,
    };

    /// <summary>Types without a risk weight that still feed a score, so a low-confidence reading of them is flagged.</summary>
    public IReadOnlySet<string> ScoredTypes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>chip_access with this access level is flagged: capacity that may never arrive.</summary>
    public string UnreliableChipAccess { get; init; } = "subject_to_availability";

    public Severity ChipAccessSeverity { get; init; } = Severity.Medium;

    /// <summary>A clause whose amount the filing blanked out.</summary>
    public Severity RedactedSeverity { get; init; } = Severity.Medium;

    public Severity LowConfidenceSeverity { get; init; } = Severity.Low;

    /// <summary>Deal terms whose value is redacted: the deal's size is unknown.</summary>
    public Severity RedactedDealSeverity { get; init; } = Severity.High;

    /// <summary>Deal terms whose headline value is a ceiling or not binding.</summary>
    public Severity NonBindingDealSeverity { get; init; } = Severity.Medium;

    /// <summary>Flagged readings of one document whose spans share at least this part of the longer span are one item.</summary>
    public double SameSpanOverlap { get; init; } = 0.8;

    /// <summary>
    /// The queue shows at most this many unreviewed readings of one type in one document (the most severe, then by
    /// position); the last one shown names how many more there are. 0 shows them all.
    /// </summary>
    public int MaxItemsPerDocumentType { get; init; } = 2;

    /// <summary>A circular-financing cycle found by the risk scorer.</summary>
    public Severity CycleSeverity { get; init; } = Severity.High;
}
