using DealLens.Core.Pipeline;
using DealLens.Core.Review;
using DealLens.Core.Risk;
using DealLens.Storage;

namespace DealLens.Cli.Risk;

/// <summary>
/// Everything stored, turned into the money graph and its risk report (the one place commands do this). Reviewers'
/// decisions are applied first: rejected clauses and cycles are left out, corrected types and values used.
/// </summary>
public sealed record RiskSession(IReadOnlyList<DocumentAnalysis> Analyses, CompanyResolver Resolver, MoneyGraph Graph, RiskReport Report)
{
    public static async Task<RiskSession> LoadAsync(string databasePath, TimeProvider time, RiskOptions options, CancellationToken cancellationToken)
    {
        await using var database = DealLensDatabase.Open(databasePath, time);
        return await LoadAsync(database, options, cancellationToken);
    }

    /// <summary>As <see cref="LoadAsync(string, TimeProvider, RiskOptions, CancellationToken)"/>, over a database the command opened.</summary>
    public static async Task<RiskSession> LoadAsync(DealLensDatabase database, RiskOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var analyses = new List<DocumentAnalysis>();
        await foreach (var analysis in database.Review.LoadReviewedAnalysesAsync(cancellationToken))
        {
            analyses.Add(analysis);
        }

        var rejectedCycles = await database.Review.LoadRejectedCyclesAsync(cancellationToken);
        var resolver = await database.Risk.LoadResolverAsync(cancellationToken);
        var graph = MoneyGraphBuilder.Build(analyses, resolver);
        var report = ReviewOverlay.WithoutRejectedCycles(new RiskScorer(options).Score(graph, analyses), rejectedCycles);
        return new RiskSession(analyses, resolver, graph, report);
    }

    /// <summary>Recomputes the scores and stores them with a timestamp, so risk can be followed over time.</summary>
    public static async Task<RiskReport> SnapshotAsync(DealLensDatabase database, CancellationToken cancellationToken)
    {
        var session = await LoadAsync(database, RiskOptions.Default, cancellationToken);
        var report = session.Report;
        var scores = report.Concentration.Select(c => ("concentration", c.Provider, RiskJson.Serialize(c, indented: false)))
            .Concat(report.Cycles.Select(c => ("cycle", ReviewItemIds.CycleSubject(c), RiskJson.Serialize(c, indented: false))))
            .Concat(report.Deals.Select(d => ("deal", d.Document, RiskJson.Serialize(d, indented: false))))
            .Concat(report.RevenueConcentrations.Select(r => ("revenue_concentration", r.Evidence.Document + "#" + r.Evidence.Start.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + (r.Rank ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture), RiskJson.Serialize(r, indented: false))))
            .ToList();
        await database.Risk.SaveSnapshotsAsync(scores, cancellationToken);
        return report;
    }

    /// <summary>The report limited to what involves <paramref name="companyKey"/>.</summary>
    public RiskReport ReportFor(string companyKey)
    {
        var documents = Graph.Relations.Where(r => r.From == companyKey || r.To == companyKey).SelectMany(r => r.Documents).ToHashSet(StringComparer.Ordinal);
        return new RiskReport(
            Report.Concentration.Where(c => c.Provider == companyKey || c.Headline.Customers.Any(s => s.Customer == companyKey)).ToList(),
            Report.Cycles.Where(c => c.Companies.Contains(companyKey, StringComparer.Ordinal)).ToList(),
            Report.Deals.Where(d => documents.Contains(d.Document)).ToList(),
            Report.Skipped.Where(s => documents.Contains(s.Document)).ToList(),
            Report.RevenueConcentrations.Where(r => r.Company == companyKey || r.CustomerKey == companyKey).ToList());
    }

    /// <summary>The graph limited to relations touching <paramref name="companyKey"/> (and the cycles through it).</summary>
    public (MoneyGraph Graph, IReadOnlyList<FinancingCycle> Cycles) GraphFor(string? companyKey)
    {
        if (companyKey is null)
        {
            return (Graph, Report.Cycles);
        }

        var cycles = Report.Cycles.Where(c => c.Companies.Contains(companyKey, StringComparer.Ordinal)).ToList();
        var cycleRelations = cycles.SelectMany(c => c.Relations).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var relations = Graph.Relations.Where(r => r.From == companyKey || r.To == companyKey || cycleRelations.Contains(r.Id)).ToList();
        var keys = relations.SelectMany(r => new[] { r.From, r.To }).Append(companyKey).ToHashSet(StringComparer.Ordinal);
        return (Graph with { Companies = Graph.Companies.Where(c => keys.Contains(c.Key)).ToList(), Relations = relations }, cycles);
    }

    /// <summary>The key of a company the user named; a user error when no stored document names it.</summary>
    public string RequireCompany(string name)
    {
        var key = Resolver.Resolve(name);
        if (Graph.FindCompany(key) is null)
        {
            throw new Core.DealLensException($"no stored deal names the company \"{name}\" (see `deallens companies list`)");
        }

        return key;
    }
}
