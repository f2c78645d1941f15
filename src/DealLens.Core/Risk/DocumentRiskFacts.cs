namespace DealLens.Core.Risk;

/// <summary>
/// What one document contributes to the risk report, read once when it is analysed (or reviewed) and stored, so the
/// graph and the scores are assembled from these compact facts instead of every document's text.
/// </summary>
public sealed record DocumentRiskFacts(DocumentGraphFacts Graph, DealRisk Deal, IReadOnlyList<RevenueFact> RevenueShares)
{
    public string Document => Graph.Document;

    public string Sha256 => Graph.Sha256;
}

/// <summary>
/// The part of <see cref="DocumentRiskFacts"/> the graph-level scores (concentration, cycles, disclosed revenue) need:
/// everything but the deal risk, which depends on its document alone. What the stage reads back for every unchanged
/// document when only the scores that span documents are wanted (analyze, batch, review).
/// </summary>
public sealed record DocumentScoringFacts(DocumentGraphFacts Graph, IReadOnlyList<RevenueFact> RevenueShares)
{
    public string Document => Graph.Document;
}

/// <summary>
/// What one document contributes to the money graph. Everything here depends on the document and the alias table alone,
/// except <see cref="PartyKeys"/>: the keys its clause relations were resolved with, stated links of other documents
/// included, so <see cref="MoneyGraphBuilder.Holds(DocumentGraphFacts, CompanyResolver)"/> can tell when another document's link (a ticker, a parent)
/// changed how its parties resolve and the facts must be read again.
/// </summary>
public sealed record DocumentGraphFacts(
    string Document,
    string Sha256,
    DateOnly? EffectiveDate,
    bool ReadsProse,
    IReadOnlyList<ProseFact> Prose,
    IReadOnlyList<StatedLink> StatedLinks,
    IReadOnlyList<PartyKey> PartyKeys,
    IReadOnlyList<RelationDraft> ClauseRelations,
    IReadOnlyList<SkippedRelation> Skipped);

/// <summary>What the prose of one document states, read with the alias table alone (no other document's links).</summary>
public sealed record DocumentProse(bool ReadsProse, IReadOnlyList<ProseFact> Relations, IReadOnlyList<StatedLink> StatedLinks)
{
    public static DocumentProse NotRead { get; } = new(false, [], []);
}

/// <summary>A relation the document's prose states, with the names as written (resolved when the graph is assembled).</summary>
public sealed record ProseFact(
    RelationKind Kind, string From, string To, string? Beneficiary, decimal? Amount, string? Currency, bool Binding,
    bool VestsOnPurchaseMilestones, string Quote, string? Warning);

/// <summary>A link the document states between two spellings ("X LLC, a wholly-owned subsidiary of Y"; "X (NASDAQ: XYZ)").</summary>
public sealed record StatedLink(string Alias, string Company);

/// <summary>A party name of the document and the company key it resolved to when the facts were read.</summary>
public sealed record PartyKey(string Name, string Key);

/// <summary>One money relation read from one document's clauses or prose, before documents about the same deal are linked.</summary>
public sealed record RelationDraft(
    string Document, string Sha256, DateOnly? EffectiveDate, string From, string To, RelationKind Kind, decimal? Amount, string? Currency,
    bool Binding, bool Redacted, bool Vests, IReadOnlyList<RelationEvidence> Evidence)
{
    public string? Beneficiary { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>A revenue share the document discloses, as <see cref="RevenueConcentrationReader"/> read it.</summary>
public sealed record RevenueFact(
    string? Company, string Customer, int? Rank, decimal Percent, string? Period, int Page, int Start, int End, string Quote, string? Label);
