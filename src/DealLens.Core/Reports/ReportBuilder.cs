using DealLens.Core.Pipeline;
using DealLens.Core.Risk;

namespace DealLens.Core.Reports;

/// <summary>Builds the <see cref="Report"/> of one <see cref="ReportScope"/> from the analyses, their money graph and risk report.</summary>
public static class ReportBuilder
{
    /// <summary>How much text around a clause a report shows, before and after it (cut back to a word boundary).</summary>
    public const int ContextChars = 280;

    public const string TotalsCurrency = "USD";

    public static Report Build(
        ReportScope scope,
        IReadOnlyList<DocumentAnalysis> analyses,
        MoneyGraph graph,
        RiskReport risk,
        ReviewStatuses reviews,
        DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(analyses);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(reviews);

        var selected = analyses
            .Where(a => scope.Documents is null || scope.Documents.Contains(a.Sha256))
            .OrderBy(a => a.SourcePath, StringComparer.Ordinal).ThenBy(a => a.Sha256, StringComparer.Ordinal)
            .ToList();
        var paths = selected.Select(a => a.SourcePath).ToHashSet(StringComparer.Ordinal);
        var filtered = Filter(scope, risk, paths);

        var cycleRelations = filtered.Cycles.SelectMany(c => c.Relations).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var relations = graph.Relations
            .Where(r => scope.Relations is null || scope.Relations.Contains(r.Id) || cycleRelations.Contains(r.Id))
            .ToList();
        var companyKeys = relations.SelectMany(r => new[] { r.From, r.To }).ToHashSet(StringComparer.Ordinal);
        if (scope.CompanyKey is { } key)
        {
            companyKeys.Add(key);
        }

        var companies = scope.Documents is null && scope.Relations is null
            ? graph.Companies
            : graph.Companies.Where(c => companyKeys.Contains(c.Key)).ToList();
        var allCycleRelations = risk.Cycles.SelectMany(c => c.Relations).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var deals = relations.Select(r => new ReportDeal(
            r.Id, r.From, graph.NameOf(r.From), r.To, graph.NameOf(r.To), r.Kind, r.Amount, r.Currency, r.Binding, r.Redacted,
            allCycleRelations.Contains(r.Id), r.Documents, r.Evidence)).ToList();

        var dealRisks = risk.Deals.GroupBy(d => d.Document, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var documents = selected.Select(a => Document(a, dealRisks.GetValueOrDefault(a.SourcePath), reviews)).ToList();
        return new Report(
            new ReportHeader(scope.Title, scope.Kind, scope.Selector, generatedAt),
            Totals(documents, filtered),
            documents,
            deals,
            companies,
            filtered,
            Locate(analyses, filtered, deals));
    }

    /// <summary>Every piece of evidence the report quotes, with its page: the clause's page, else where the quote stands in the text.</summary>
    private static List<ReportEvidenceLocation> Locate(IReadOnlyList<DocumentAnalysis> analyses, RiskReport risk, IReadOnlyList<ReportDeal> deals)
    {
        var byPath = analyses.GroupBy(a => a.SourcePath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var evidence = risk.Cycles.SelectMany(c => c.Relations).SelectMany(r => r.Evidence)
            .Concat(risk.Concentration.SelectMany(c => c.Evidence))
            .Concat(risk.Deals.SelectMany(d => d.Flags).Select(f => f.Evidence).OfType<RelationEvidence>())
            .Concat(deals.SelectMany(d => d.Evidence))
            .Distinct();
        var locations = new List<ReportEvidenceLocation>();
        foreach (var e in evidence)
        {
            if (!byPath.TryGetValue(e.Document, out var analysis))
            {
                locations.Add(new ReportEvidenceLocation(e.Document, e.ClauseId, e.Quote, null, null));
                continue;
            }

            locations.Add(new ReportEvidenceLocation(e.Document, e.ClauseId, e.Quote, PageOf(analysis, e), analysis.Sha256));
        }

        return locations;
    }

    /// <summary>The page a piece of evidence stands on: its clause's page, else where its quote is found in the text; null when not found.</summary>
    public static int? PageOf(DocumentAnalysis analysis, RelationEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(evidence);
        var clause = evidence.ClauseId is null ? null : analysis.Clauses.FirstOrDefault(c => c.Id == evidence.ClauseId);
        if (clause is not null)
        {
            return clause.Page;
        }

        var offset = evidence.Quote.Length == 0 ? -1 : analysis.Document.Text.IndexOf(evidence.Quote, StringComparison.Ordinal);
        return offset >= 0 ? analysis.Document.PageAt(offset) : null;
    }

    /// <summary>The risk findings that concern the scope's documents, relations or company.</summary>
    private static RiskReport Filter(ReportScope scope, RiskReport risk, IReadOnlySet<string> paths)
    {
        if (scope.Documents is null && scope.Relations is null && scope.CompanyKey is null)
        {
            return risk;
        }

        var relations = scope.Relations ?? new HashSet<string>(StringComparer.Ordinal);
        var key = scope.CompanyKey;
        return new RiskReport(
            risk.Concentration.Where(c => c.Provider == key || c.Headline.Customers.Any(s => s.Customer == key) || c.Relations.Any(relations.Contains)).ToList(),
            risk.Cycles.Where(c => (key is not null && c.Companies.Contains(key, StringComparer.Ordinal)) || c.Relations.Any(r => relations.Contains(r.Id))).ToList(),
            risk.Deals.Where(d => paths.Contains(d.Document)).ToList(),
            risk.Skipped.Where(s => paths.Contains(s.Document)).ToList(),
            risk.RevenueConcentrations.Where(r => paths.Contains(r.Evidence.Document) || (key is not null && (r.Company == key || r.CustomerKey == key))).ToList());
    }

    private static ReportDocument Document(DocumentAnalysis analysis, DealRisk? risk, ReviewStatuses reviews)
    {
        var text = analysis.Document.Text;
        var deal = analysis.Deal;
        var clauses = analysis.Clauses.Concat(reviews.RejectedClauses(analysis.Sha256))
            .OrderBy(c => c.Start).ThenBy(c => c.End).ThenBy(c => c.Type, StringComparer.Ordinal)
            .Select(c => new ReportClause(
                c.Id, c.Type, c.Page, c.Start, c.End, c.Text, c.Fields, c.Confidence, c.Extractor, reviews.ForClause(analysis.Sha256, c.Id),
                Before(text, c.Start), After(text, c.End)))
            .ToList();
        var value = deal.TotalValue;
        var terms = new ReportDealTerms(
            deal.Parties, deal.Provider, deal.Customer,
            risk?.HeadlineValue ?? value?.Amount,
            risk is null ? (value is { Binding: true } ? value.Amount : null) : risk.BindingValue,
            value?.Currency, value?.Binding, value?.Redacted == true, risk?.TakeOrPayAmount,
            deal.TermMonths, deal.EffectiveDate, deal.EndDate, deal.CapacityMw, deal.GpuCount, deal.Chips, deal.PrepaymentPct,
            reviews.ForDealTerms(analysis.Sha256), deal.Evidence);
        return new ReportDocument(analysis.SourcePath, analysis.Sha256, analysis.Extractor, analysis.Document.Pages.Count,
            terms, risk, clauses, analysis.Warnings);
    }

    private static ReportTotals Totals(IReadOnlyList<ReportDocument> documents, RiskReport risk)
    {
        decimal headline = 0, binding = 0;
        var other = 0;
        foreach (var terms in documents.Select(d => d.DealTerms))
        {
            if (terms.Currency is not (null or TotalsCurrency))
            {
                other += terms.HeadlineValue is null ? 0 : 1;
                continue;
            }

            headline += terms.HeadlineValue ?? 0;
            binding += terms.BindingValue ?? 0;
        }

        var high = risk.Cycles.Count(c => c.Severity == Severity.High)
            + risk.Concentration.Count(c => c.Severity == Severity.High)
            + risk.Deals.Count(d => d.Severity == Severity.High)
            + risk.RevenueConcentrations.Count(r => r.Severity == Severity.High);
        var statuses = documents.SelectMany(d => d.Clauses).GroupBy(c => c.ReviewStatus, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ReportTotals(documents.Count, documents.Sum(d => d.Clauses.Count), TotalsCurrency, headline, binding, other, high, statuses);
    }

    /// <summary>Up to <see cref="ContextChars"/> characters before <paramref name="start"/>, starting at a word; "…" marks a cut.</summary>
    public static string Before(string text, int start)
    {
        start = Math.Clamp(start, 0, text.Length);
        var from = Math.Max(0, start - ContextChars);
        if (from == 0)
        {
            return text[..start];
        }

        var space = text.IndexOfAny([' ', '\n', '\t'], from, start - from);
        return space < 0 ? "" : "…" + text[(space + 1)..start];
    }

    /// <summary>Up to <see cref="ContextChars"/> characters after <paramref name="end"/>, ending at a word; "…" marks a cut.</summary>
    public static string After(string text, int end)
    {
        end = Math.Clamp(end, 0, text.Length);
        var to = Math.Min(text.Length, end + ContextChars);
        if (to == text.Length)
        {
            return text[end..];
        }

        var space = text.LastIndexOfAny([' ', '\n', '\t'], to - 1, to - end);
        return space < 0 ? "" : text[end..space] + "…";
    }

    /// <summary>The file name of a stored source path, for chart labels and headings.</summary>
    public static string ShortName(string path) => System.IO.Path.GetFileName(path.Replace('\\', '/')) is { Length: > 0 } name ? name : path;
}
