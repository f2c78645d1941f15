namespace DealLens.Core.Risk;

/// <summary>The kinds of money relation between two companies.</summary>
public static class RelationKinds
{
    /// <summary>Customer -> provider: a commitment to buy.</summary>
    public const string Purchase = "purchase";

    /// <summary>Tenant -> landlord: a lease is a commitment to pay for capacity, like a purchase.</summary>
    public const string Lease = "lease";

    /// <summary>Investor -> company.</summary>
    public const string Equity = "equity";

    /// <summary>Issuer -> holder.</summary>
    public const string Warrant = "warrant";

    /// <summary>Guarantor or backstopper -> the party it supports (its beneficiary, when named, is on the relation).</summary>
    public const string Backstop = "backstop";

    /// <summary>Lender or credit-support giver -> borrower / beneficiary.</summary>
    public const string Loan = "loan";

    /// <summary>Payer -> payee, paid ahead of delivery.</summary>
    public const string Prepayment = "prepayment";

    /// <summary>Buyer-lessor -> seller-lessee: cash for an asset the seller keeps using.</summary>
    public const string SaleLeaseback = "sale_leaseback";

    public static bool IsFinancing(string kind) => kind is Equity or Warrant or Backstop or Loan or Prepayment or SaleLeaseback;

    /// <summary>A commitment to pay for goods, services or space: a purchase or a lease.</summary>
    public static bool IsCommitment(string kind) => kind is Purchase or Lease;
}

/// <summary>Where a relation was read: the document, the clause (when it came from one) and the quote.</summary>
public sealed record RelationEvidence(string Document, string? ClauseId, string Quote);

/// <summary>
/// One directed money relation. <see cref="Amount"/> is null when the documents do not state it or redact it
/// (<see cref="Redacted"/>): unknown is never zero.
/// </summary>
public sealed record MoneyRelation(
    string Id,
    string From,
    string To,
    string Kind,
    decimal? Amount,
    string? Currency,
    bool Binding,
    bool Redacted,
    bool VestsOnPurchaseMilestones,
    IReadOnlyList<RelationEvidence> Evidence)
{
    /// <summary>For a backstop or guarantee: the company the support is owed to (the supported party's landlord or lender), when the text names it.</summary>
    public string? Beneficiary { get; init; }

    /// <summary>Why a stated amount was not used (implausible, a per-share price, a fee), with the quote still in the evidence.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyList<string> Documents => Evidence.Select(e => e.Document).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}

/// <summary>A relation the documents suggest but whose direction (or parties) could not be read; left out, not guessed.</summary>
public sealed record SkippedRelation(string Document, string? ClauseId, string Kind, string Reason, string Quote);

/// <summary>A company: its key (see <see cref="CompanyNames.Normalize"/>), display name and every spelling seen.</summary>
public sealed record Company(string Id, string Key, string Name, IReadOnlyList<string> Aliases);

/// <summary>Companies and the money relations between them, derived from stored analyses.</summary>
public sealed record MoneyGraph(IReadOnlyList<Company> Companies, IReadOnlyList<MoneyRelation> Relations, IReadOnlyList<SkippedRelation> Skipped)
{
    public Company? FindCompany(string key) => Companies.FirstOrDefault(c => c.Key == key);

    public string NameOf(string key) => FindCompany(key)?.Name ?? key;
}
