using DealLens.Core.Pipeline;
using DealLens.Core.Risk;

namespace DealLens.Core.Reports;

/// <summary>
/// Which part of the stored deals a report covers. <see cref="Documents"/> (by content hash) and <see cref="Relations"/>
/// (money-graph relation ids) are null for everything; <see cref="CompanyKey"/> is set for a company report.
/// </summary>
public sealed record ReportScope(
    string Kind,
    string? Selector,
    string Title,
    IReadOnlySet<string>? Documents,
    IReadOnlySet<string>? Relations,
    string? CompanyKey)
{
    public static ReportScope All { get; } = new(ReportScopes.All, null, "All stored deals", null, null, null);

    /// <summary>The deals touching a company (any spelling or alias): its relations, the documents behind them and those naming it as a party.</summary>
    public static ReportScope ForCompany(string name, MoneyGraph graph, IEnumerable<DocumentAnalysis> analyses, CompanyResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(analyses);
        ArgumentNullException.ThrowIfNull(resolver);
        var key = resolver.Resolve(name);
        var company = graph.FindCompany(key)
            ?? throw new DealLensException($"no stored deal names the company \"{name}\" (see `deallens companies list`)");
        var relations = graph.Relations.Where(r => r.From == key || r.To == key).ToList();
        var paths = relations.SelectMany(r => r.Documents).ToHashSet(StringComparer.Ordinal);
        var documents = analyses
            .Where(a => paths.Contains(a.SourcePath) || a.Deal.Parties.Any(p => resolver.Resolve(p) == key))
            .Select(a => a.Sha256)
            .ToHashSet(StringComparer.Ordinal);
        return new ReportScope(ReportScopes.Company, name, "Company: " + company.Name, documents,
            relations.Select(r => r.Id).ToHashSet(StringComparer.Ordinal), key);
    }

    /// <summary>
    /// One deal: a relation id of the money graph (as <c>deallens graph --format json</c> and every report list them), or a
    /// unique prefix of one (at least 4 characters), with every document about it.
    /// </summary>
    public static ReportScope ForDeal(string id, MoneyGraph graph, IEnumerable<DocumentAnalysis> analyses)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(analyses);
        var wanted = id.Trim().ToLowerInvariant();
        var matches = wanted.Length < 4 ? [] : graph.Relations.Where(r => r.Id.StartsWith(wanted, StringComparison.Ordinal)).ToList();
        var exact = matches.Where(r => r.Id == wanted).ToList();
        if (exact.Count == 1)
        {
            matches = exact;
        }

        if (matches.Count == 0)
        {
            throw new DealLensException(
                $"no stored deal has the id \"{id}\" (deal ids are the relation ids listed by `deallens graph --format json` and in every report)");
        }

        if (matches.Count > 1)
        {
            throw new DealLensException($"deal id \"{id}\" is ambiguous: it starts {string.Join(", ", matches.Select(r => r.Id))}");
        }

        var relation = matches[0];
        var paths = relation.Documents.ToHashSet(StringComparer.Ordinal);
        var documents = analyses.Where(a => paths.Contains(a.SourcePath)).Select(a => a.Sha256).ToHashSet(StringComparer.Ordinal);
        var title = $"Deal {relation.Id}: {graph.NameOf(relation.From)} -> {graph.NameOf(relation.To)} ({RelationKinds.Name(relation.Kind)})";
        return new ReportScope(ReportScopes.Deal, id, title, documents, new HashSet<string>([relation.Id], StringComparer.Ordinal), null);
    }

    /// <summary>One stored document and the relations read from it.</summary>
    public static ReportScope ForDocument(string selector, DocumentAnalysis analysis, MoneyGraph graph)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(graph);
        var relations = graph.Relations.Where(r => r.Documents.Contains(analysis.SourcePath, StringComparer.Ordinal)).Select(r => r.Id);
        return new ReportScope(ReportScopes.Document, selector, "Document: " + analysis.SourcePath,
            new HashSet<string>([analysis.Sha256], StringComparer.Ordinal), relations.ToHashSet(StringComparer.Ordinal), null);
    }
}
