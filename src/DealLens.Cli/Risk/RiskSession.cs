using DealLens.Core.Pipeline;
using DealLens.Core.Review;
using DealLens.Core.Risk;
using DealLens.Storage;

namespace DealLens.Cli.Risk;

/// <summary>
/// The money graph and its risk report as the scoring stage keeps them (<see cref="ScoringStage"/>: assembled from each
/// document's stored facts, read again only for documents that changed), the one place commands get them. Reviewers'
/// decisions are applied: rejected clauses and cycles are left out, corrected types and values used.
/// </summary>
public sealed record RiskSession(CompanyResolver Resolver, MoneyGraph Graph, RiskReport Report)
{
    /// <summary>The report before rejected cycles are left out (what a reviewer looking at a rejected cycle needs).</summary>
    public RiskReport Scored { get; init; } = Report;

    public static async Task<RiskSession> LoadAsync(string databasePath, TimeProvider time, RiskOptions options, CancellationToken cancellationToken)
    {
        await using var database = DealLensDatabase.OpenForReading(databasePath, time);
        return await LoadAsync(database, options, cancellationToken);
    }

    /// <summary>As <see cref="LoadAsync(string, TimeProvider, RiskOptions, CancellationToken)"/>, over a database the command opened.</summary>
    public static async Task<RiskSession> LoadAsync(DealLensDatabase database, RiskOptions options, CancellationToken cancellationToken)
    {
        var outcome = await ScoringStage.RunAsync(database, options, cancellationToken);
        return new RiskSession(outcome.Resolver, outcome.Graph, outcome.Report) { Scored = outcome.Scored };
    }

    /// <summary>Every current analysis with reviewers' decisions applied, by source path: what reports quote from.</summary>
    public static async Task<IReadOnlyList<DocumentAnalysis>> LoadAnalysesAsync(DealLensDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var analyses = new List<DocumentAnalysis>();
        await foreach (var analysis in database.Review.LoadReviewedAnalysesAsync(cancellationToken))
        {
            analyses.Add(analysis);
        }

        return analyses;
    }

    /// <summary>
    /// The graph and report rebuilt from every stored document's text, as before scoring was a stage: what the stage's
    /// result must equal (tests), and the baseline of the bench.
    /// </summary>
    public static async Task<RiskSession> RebuildAsync(DealLensDatabase database, RiskOptions options, CancellationToken cancellationToken)
    {
        var analyses = await LoadAnalysesAsync(database, cancellationToken);
        var rejectedCycles = await database.Review.LoadRejectedCyclesAsync(cancellationToken);
        var resolver = await database.Risk.LoadResolverAsync(cancellationToken);
        var graph = MoneyGraphBuilder.Build(analyses, resolver);
        var scored = new RiskScorer(options).Score(graph, analyses);
        return new RiskSession(resolver, graph, ReviewOverlay.WithoutRejectedCycles(scored, rejectedCycles)) { Scored = scored };
    }

    /// <summary>
    /// Brings the scores up to date and stores them with a timestamp, so risk can be followed over time: every
    /// concentration, cycle and revenue share, and the deal risk of each document read again (a deal's risk depends on its
    /// document alone, so the others' have not changed since their last snapshot). The outcome's reports list only those
    /// deals (<see cref="ScoringStage.DealScope.ReadAgain"/>: the other rows' deal part is not even parsed); its
    /// <see cref="ScoringStage.Outcome.HighDeals"/> counts every current document's. Its phases include the snapshot's write.
    /// </summary>
    public static async Task<ScoringStage.Outcome> SnapshotAsync(DealLensDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var time = database.Time;
        var outcome = await ScoringStage.RunAsync(database, RiskOptions.Default, ScoringStage.DealScope.ReadAgain, cancellationToken);
        var start = time.GetTimestamp();
        await database.Risk.SaveSnapshotsAsync(RiskSnapshots.From(outcome.Report), cancellationToken);
        var phases = new Dictionary<string, double>(outcome.PhaseMs, StringComparer.Ordinal)
        {
            ["save_snapshot"] = Math.Round(time.GetElapsedTime(start).TotalMilliseconds, 1),
        };
        return outcome with { PhaseMs = phases };
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
