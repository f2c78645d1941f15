namespace DealLens.Core.Deals;

/// <summary>The <see cref="FieldEvidence.Field"/> names: the snake_case forms of <see cref="DealTerms"/>' properties.</summary>
public static class DealTermFields
{
    public const string Parties = "parties";
    public const string Provider = "provider";
    public const string Customer = "customer";
    public const string TotalValue = "total_value";
    public const string TermMonths = "term_months";
    public const string EffectiveDate = "effective_date";
    public const string EndDate = "end_date";
    public const string CapacityMw = "capacity_mw";
    public const string GpuCount = "gpu_count";
    public const string Chips = "chips";
    public const string PrepaymentPct = "prepayment_pct";

    /// <summary>Evidence only: an amount read but not used as the total value (a price per share, an implausible sum).</summary>
    public const string RejectedValue = "rejected_value";
}
