using System.Text.Json.Serialization;
using DealLens.Core.Output;

namespace DealLens.Core.Risk;

/// <summary>
/// The kinds of money relation between two companies, written as their snake_case words ("purchase",
/// "sale_leaseback") in text, JSON and the database (see <see cref="Vocabulary"/>).
/// </summary>
[JsonConverter(typeof(VocabularyJsonConverter<RelationKind>))]
public enum RelationKind
{
    /// <summary>Customer -> provider: a commitment to buy.</summary>
    Purchase = 1,

    /// <summary>Tenant -> landlord: a lease is a commitment to pay for capacity, like a purchase.</summary>
    Lease,

    /// <summary>Investor -> company.</summary>
    Equity,

    /// <summary>Issuer -> holder.</summary>
    Warrant,

    /// <summary>Guarantor or backstopper -> the party it supports (its beneficiary, when named, is on the relation).</summary>
    Backstop,

    /// <summary>Lender or credit-support giver -> borrower / beneficiary.</summary>
    Loan,

    /// <summary>Payer -> payee, paid ahead of delivery.</summary>
    Prepayment,

    /// <summary>Buyer-lessor -> seller-lessee: cash for an asset the seller keeps using.</summary>
    SaleLeaseback,
}

public static class RelationKinds
{
    public static bool IsFinancing(RelationKind kind) => kind is RelationKind.Equity or RelationKind.Warrant or RelationKind.Backstop
        or RelationKind.Loan or RelationKind.Prepayment or RelationKind.SaleLeaseback;

    /// <summary>A commitment to pay for goods, services or space: a purchase or a lease.</summary>
    public static bool IsCommitment(RelationKind kind) => kind is RelationKind.Purchase or RelationKind.Lease;

    /// <summary>The word for <paramref name="kind"/> ("sale_leaseback").</summary>
    public static string Name(RelationKind kind) => Vocabulary.Name(kind);
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
    RelationKind Kind,
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
public sealed record SkippedRelation(string Document, string? ClauseId, RelationKind Kind, string Reason, string Quote);

/// <summary>A company: its key (see <see cref="CompanyNames.Normalize"/>), display name and every spelling seen.</summary>
public sealed record Company(string Id, string Key, string Name, IReadOnlyList<string> Aliases);

/// <summary>Companies and the money relations between them, derived from stored analyses.</summary>
public sealed record MoneyGraph(IReadOnlyList<Company> Companies, IReadOnlyList<MoneyRelation> Relations, IReadOnlyList<SkippedRelation> Skipped)
{
    public Company? FindCompany(string key) => Companies.FirstOrDefault(c => c.Key == key);

    public string NameOf(string key) => FindCompany(key)?.Name ?? key;
}
