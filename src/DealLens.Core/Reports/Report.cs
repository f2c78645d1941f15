using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Risk;

namespace DealLens.Core.Reports;

/// <summary>
/// Everything a report shows, built from stored analyses and the risk scores (so reviewer overrides applied by the
/// loaders flow in). Renderers (HTML, Markdown, JSON, CSV) only format it.
/// </summary>
public sealed record Report(
    ReportHeader Header,
    ReportTotals Totals,
    IReadOnlyList<ReportDocument> Documents,
    IReadOnlyList<ReportDeal> Deals,
    IReadOnlyList<Company> Companies,
    RiskReport Risk,
    IReadOnlyList<ReportEvidenceLocation>? EvidenceLocations = null)
{
    /// <summary>Where a piece of risk evidence stands: its page, and the clause it comes from when it is one; null when unknown.</summary>
    public ReportEvidenceLocation? Locate(RelationEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return EvidenceLocations?.FirstOrDefault(l => l.Document == evidence.Document && l.ClauseId == evidence.ClauseId && l.Quote == evidence.Quote);
    }

    /// <summary>Companies that take part in at least one of the report's deals: the ones the company graph draws.</summary>
    public IReadOnlyList<Company> ConnectedCompanies
    {
        get
        {
            var keys = Deals.Where(d => d.From != d.To).SelectMany(d => new[] { d.From, d.To }).ToHashSet(StringComparer.Ordinal);
            return Companies.Where(c => keys.Contains(c.Key)).ToList();
        }
    }
}

/// <summary>
/// A piece of risk evidence (<see cref="Document"/>, <see cref="ClauseId"/>, <see cref="Quote"/>) found in its document:
/// <see cref="Page"/> the page it starts on (null when the quote could not be found in the stored text), and
/// <see cref="ClauseId"/> the clause it links to in the report when it is a clause's quote.
/// </summary>
public sealed record ReportEvidenceLocation(string Document, string? ClauseId, string Quote, int? Page, string? DocumentSha256);

/// <summary>What the report covers: <see cref="Scope"/> is one of <see cref="ReportScopes"/>, <see cref="Selector"/> what the user named.</summary>
public sealed record ReportHeader(string Title, string Scope, string? Selector, DateTimeOffset GeneratedAt);

public static class ReportScopes
{
    public const string All = "all";
    public const string Company = "company";
    public const string Deal = "deal";
    public const string Document = "document";
}

/// <summary>
/// Sums over the report's documents. Values are in <see cref="Currency"/> only (documents in another currency are
/// counted in <see cref="OtherCurrencyDocuments"/>, not converted); a redacted or unstated value is not zero and adds nothing.
/// </summary>
public sealed record ReportTotals(
    int Documents,
    int Clauses,
    string Currency,
    decimal HeadlineValue,
    decimal BindingValue,
    int OtherCurrencyDocuments,
    int HighSeverityFindings,
    IReadOnlyDictionary<string, int> ReviewStatuses);

/// <summary>One analysed document: its deal summary, risk profile and every clause with its surrounding text.</summary>
public sealed record ReportDocument(
    string Path,
    string Sha256,
    string Extractor,
    int PageCount,
    ReportDealTerms DealTerms,
    DealRisk? Risk,
    IReadOnlyList<ReportClause> Clauses,
    IReadOnlyList<string> Warnings);

/// <summary>
/// A document's deal terms. <see cref="HeadlineValue"/> is the value as announced; <see cref="BindingValue"/> the part
/// that is binding (null when the headline is a ceiling or non-binding, or unknown).
/// </summary>
public sealed record ReportDealTerms(
    IReadOnlyList<string> Parties,
    string? Provider,
    string? Customer,
    decimal? HeadlineValue,
    decimal? BindingValue,
    string? Currency,
    bool? Binding,
    bool Redacted,
    decimal? TakeOrPayAmount,
    int? TermMonths,
    DateOnly? EffectiveDate,
    DateOnly? EndDate,
    decimal? CapacityMw,
    long? GpuCount,
    IReadOnlyList<string> Chips,
    decimal? PrepaymentPct,
    string ReviewStatus,
    IReadOnlyList<FieldEvidence> Evidence);

/// <summary>
/// One clause: the verbatim <see cref="Quote"/> at <c>Text[Start..End]</c> on <see cref="Page"/>, with up to a few
/// hundred characters of text before and after it (<see cref="Before"/>, <see cref="After"/>) for the reader.
/// </summary>
public sealed record ReportClause(
    string Id,
    string Type,
    int Page,
    int Start,
    int End,
    string Quote,
    ClauseFields Fields,
    double Confidence,
    string Extractor,
    string ReviewStatus,
    string Before,
    string After);

/// <summary>
/// One deal of the money graph: a directed money relation between two companies, linked across every document about
/// it. <see cref="Id"/> is the relation id (as in <c>deallens graph --format json</c>) and is what <c>report --deal</c> takes.
/// </summary>
public sealed record ReportDeal(
    string Id,
    string From,
    string FromName,
    string To,
    string ToName,
    RelationKind Kind,
    decimal? Amount,
    string? Currency,
    bool Binding,
    bool Redacted,
    bool InCycle,
    IReadOnlyList<string> Documents,
    IReadOnlyList<RelationEvidence> Evidence);
