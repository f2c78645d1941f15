namespace DealLens.Core.Deals;

/// <summary>The headline terms of the deal a document describes, each grounded by <see cref="Evidence"/>.</summary>
public sealed record DealTerms(
    IReadOnlyList<string> Parties,
    string? Provider,
    string? Customer,
    DealValue? TotalValue,
    int? TermMonths,
    DateOnly? EffectiveDate,
    DateOnly? EndDate,
    decimal? CapacityMw,
    long? GpuCount,
    IReadOnlyList<string> Chips,
    decimal? PrepaymentPct,
    IReadOnlyList<FieldEvidence> Evidence)
{
    public static DealTerms Empty { get; } = new([], null, null, null, null, null, null, null, null, [], null, []);

    /// <summary>
    /// Every role the document gives a party (landlord, lessee, lender, guarantor, ...), each with its quote. Provider
    /// and customer stay the deal's two sides; a landlord is also the provider, a tenant also the customer.
    /// </summary>
    public IReadOnlyList<PartyRole> Roles { get; init; } = [];
}
