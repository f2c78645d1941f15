namespace DealLens.Core.Risk;

/// <summary>The structures a money loop is named by.</summary>
public static class CycleKinds
{
    /// <summary>A guarantor backstops a party's obligations to a beneficiary that pays it in warrants: related-party credit support, not vendor financing.</summary>
    public const string BackstopForWarrants = "backstop_for_warrants";

    /// <summary>A vendor buys capacity back from the customer that buys its products.</summary>
    public const string CapacityBuyback = "capacity_buyback";

    /// <summary>
    /// A company pays a vehicle or joint venture it owns part of (rent, purchases): the money comes back to it through
    /// its stake (Meta leasing Hyperion from the joint venture it holds 20% of).
    /// </summary>
    public const string LeaseFromOwnVehicle = "lease_from_own_vehicle";
}

/// <summary>One customer's part of a provider's contracted value.</summary>
public sealed record CustomerShare(string Customer, string Name, decimal Amount, decimal Share);

/// <summary>
/// Shares of one provider's contracted value on one basis ("binding" or "headline"). Shares and HHI are null when no
/// amount is known. Relations with an unknown amount are counted in <see cref="UnknownAmountRelations"/>, not in the shares.
/// </summary>
public sealed record ConcentrationMeasure(
    string Basis,
    decimal Total,
    decimal? Top1Share,
    decimal? Top3Share,
    decimal? Hhi,
    IReadOnlyList<CustomerShare> Customers,
    int UnknownAmountRelations,
    string? Note);

/// <summary>Customer concentration of one provider, with the flags it raises and the relations it rests on.</summary>
public sealed record ProviderConcentration(
    string Provider,
    string Name,
    Severity Severity,
    IReadOnlyList<string> Flags,
    ConcentrationMeasure Binding,
    ConcentrationMeasure Headline,
    IReadOnlyList<string> Relations,
    IReadOnlyList<RelationEvidence> Evidence);

/// <summary>
/// A money loop: financing from <see cref="Vendor"/> comes back to it as purchase commitments.
/// <see cref="CircularityRatio"/> = cash financing the vendor provided ÷ purchases committed to it, null when either
/// side has an unknown amount.
/// </summary>
public sealed record FinancingCycle(
    string Kind,
    Severity Severity,
    string Vendor,
    IReadOnlyList<string> Companies,
    IReadOnlyList<string> Names,
    IReadOnlyList<MoneyRelation> Relations,
    decimal? FinancingProvided,
    decimal? PurchasesCommitted,
    decimal? CircularityRatio,
    string? RatioNote,
    bool VestsOnPurchaseMilestones,
    IReadOnlyList<string> Documents)
{
    /// <summary>Every named structure the loop shows, <see cref="Kind"/> first ("vendor_equity_for_purchase", "capacity_buyback").</summary>
    public IReadOnlyList<string> Structures { get; init; } = [];
}

/// <summary>One risk flag of a deal document, with the quote it rests on.</summary>
public sealed record DealFlag(string Code, Severity Severity, string Message, RelationEvidence? Evidence);

/// <summary>The risk profile of one analysed document.</summary>
public sealed record DealRisk(
    string Document,
    Severity Severity,
    int Score,
    decimal? HeadlineValue,
    decimal? BindingValue,
    string? Currency,
    decimal? TakeOrPayAmount,
    int? TermMonths,
    IReadOnlyList<DealFlag> Flags);

/// <summary>Where a disclosed figure was read: document, 1-based page, offsets into its text and the verbatim sentence.</summary>
public sealed record DisclosureEvidence(string Document, int Page, int Start, int End, string Quote);

/// <summary>
/// A customer's share of the filer's revenue as a filing discloses it (ASC 280 major customers). <see cref="Company"/>
/// is the filer's key (the first party of the deal terms), null when unknown; <see cref="CustomerKey"/> is set when the
/// customer as written is a company of the money graph. Severity: share &gt;= 50 % high, &gt;= 10 % medium, else low.
/// </summary>
public sealed record RevenueConcentration(
    string? Company,
    string? CompanyName,
    string Customer,
    string? CustomerKey,
    int? Rank,
    decimal Percent,
    string? Period,
    Severity Severity,
    DisclosureEvidence Evidence)
{
    /// <summary>How the filer refers to an unnamed customer ("Customer A", "one direct customer"); null when named.</summary>
    public string? CustomerLabel { get; init; }
}

/// <summary>Everything the risk scorer found, most severe first in each list.</summary>
public sealed record RiskReport(
    IReadOnlyList<ProviderConcentration> Concentration,
    IReadOnlyList<FinancingCycle> Cycles,
    IReadOnlyList<DealRisk> Deals,
    IReadOnlyList<SkippedRelation> Skipped,
    IReadOnlyList<RevenueConcentration> RevenueConcentrations);
