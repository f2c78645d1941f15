using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DealLens.Core.Pipeline;
using DealLens.Core.Review;
using DealLens.Core.Risk;
using DealLens.Storage;

namespace DealLens.Cli.Risk;

/// <summary>
/// Scoring as a stage: each current document's risk facts are read once (when it is analysed, re-analysed or
/// reviewed) and stored; the money graph and the scores are assembled from the stored facts. What changed is found by
/// stamps (see <see cref="RiskFactStore"/>), so every command that writes (analyze, batch, review, documents
/// remove) and every command that reads (risk, report, graph) gets the same result as a rebuild from every document,
/// while reading only the documents that changed.
/// </summary>
public static class ScoringStage
{
    /// <summary>
    /// The stage's result: every current document's graph facts, the resolver they were read with, the graph, the report
    /// (<see cref="Scored"/> before rejected cycles are left out) and the documents (source paths) read again this time.
    /// With <see cref="DealScope.ReadAgain"/> the reports list the deal risk of those documents only, and
    /// <see cref="HighDeals"/> counts the high ones of every current document.
    /// </summary>
    public sealed record Outcome(
        IReadOnlyList<DocumentGraphFacts> Facts,
        CompanyResolver Resolver,
        MoneyGraph Graph,
        RiskReport Scored,
        RiskReport Report,
        IReadOnlyList<string> Rescored)
    {
        /// <summary>Milliseconds spent in each phase (load stamps, load facts, read documents, save facts, assemble, score), for the bench.</summary>
        public IReadOnlyDictionary<string, double> PhaseMs { get; init; } = new Dictionary<string, double>();

        /// <summary>Current documents whose deal risk is high.</summary>
        public int HighDeals { get; init; }
    }

    /// <summary>Which deal risks the report lists.</summary>
    public enum DealScope
    {
        /// <summary>Every current document's (risk, report, graph: what a reader sees).</summary>
        All,

        /// <summary>
        /// Only those of the documents read again this run (analyze, batch, review: what a snapshot stores, since a deal's
        /// risk depends on its document alone). The other rows' deal part is not parsed.
        /// </summary>
        ReadAgain,
    }

    /// <summary>Brings the stored facts up to date and assembles the graph and the report (every deal) from them.</summary>
    public static Task<Outcome> RunAsync(DealLensDatabase database, RiskOptions options, CancellationToken cancellationToken)
        => RunAsync(database, options, DealScope.All, cancellationToken);

    /// <summary>Brings the stored facts up to date and assembles the graph and the report from them.</summary>
    public static async Task<Outcome> RunAsync(DealLensDatabase database, RiskOptions options, DealScope deals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        var time = database.Time;
        var phases = new Dictionary<string, double>(StringComparer.Ordinal);
        var clock = time.GetTimestamp();
        void Phase(string name)
        {
            phases[name] = Math.Round(time.GetElapsedTime(clock).TotalMilliseconds, 1);
            clock = time.GetTimestamp();
        }

        var factStore = database.RiskFacts;
        var aliases = await database.Risk.LoadResolverAsync(cancellationToken);
        var aliasStamp = await factStore.LoadAliasStampAsync(cancellationToken);
        var readerVersion = ReaderVersion(options);
        var states = (await factStore.LoadStatesAsync(cancellationToken))
            .OrderBy(s => s.SourcePath, StringComparer.Ordinal).ThenBy(s => s.Sha256, StringComparer.Ordinal)
            .ToList();
        Phase("open_and_stamps");

        // What each document contributes: graph facts and revenue shares always, deal risk as the scope asks.
        var graphs = new Dictionary<long, DocumentGraphFacts>();
        var revenue = new Dictionary<long, IReadOnlyList<RevenueFact>>();
        var dealRisks = new Dictionary<long, DealRisk>();
        var holding = states.Where(s => s.Holds(readerVersion, aliasStamp)).Select(s => s.DocumentId).ToList();
        if (deals == DealScope.All)
        {
            foreach (var (id, stored) in await factStore.LoadFactsAsync(holding, cancellationToken))
            {
                (graphs[id], revenue[id], dealRisks[id]) = (stored.Graph, stored.RevenueShares, stored.Deal);
            }
        }
        else
        {
            foreach (var (id, stored) in await factStore.LoadScoringFactsAsync(holding, cancellationToken))
            {
                (graphs[id], revenue[id]) = (stored.Graph, stored.RevenueShares);
            }
        }

        Phase("load_facts");

        // Documents without facts that hold: read their prose first, since the links it states may re-key other documents.
        var changed = new Dictionary<long, DocumentAnalysis>();
        foreach (var state in states.Where(s => !graphs.ContainsKey(s.DocumentId)))
        {
            if (await LoadReviewedAsync(database, state.Sha256, cancellationToken) is { } analysis)
            {
                changed[state.DocumentId] = analysis;
            }
        }

        states = states.Where(s => graphs.ContainsKey(s.DocumentId) || changed.ContainsKey(s.DocumentId)).ToList();
        var prose = changed.ToDictionary(p => p.Key, p => MoneyGraphBuilder.ReadProse(p.Value, aliases));
        var extended = MoneyGraphBuilder.Extend(aliases, states.Select(s =>
            graphs.TryGetValue(s.DocumentId, out var stored) ? stored.StatedLinks : prose[s.DocumentId].StatedLinks));

        // Party names repeat across thousands of documents: resolve each once for the Holds check below.
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        string ResolveOnce(string name)
        {
            if (!resolved.TryGetValue(name, out var key))
            {
                resolved[name] = key = extended.Resolve(name);
            }

            return key;
        }

        var scorer = new RiskScorer(options);
        var rows = new List<RiskFactRow>();
        void Store(RiskFactState state, DocumentRiskFacts facts)
        {
            (graphs[state.DocumentId], revenue[state.DocumentId], dealRisks[state.DocumentId]) = (facts.Graph, facts.RevenueShares, facts.Deal);
            rows.Add(new RiskFactRow(state, readerVersion, aliasStamp, facts));
        }

        foreach (var state in states)
        {
            if (changed.TryGetValue(state.DocumentId, out var analysis))
            {
                Store(state, scorer.ReadFacts(analysis, MoneyGraphBuilder.ReadFacts(analysis, prose[state.DocumentId], extended)));
            }
            else if (!MoneyGraphBuilder.Holds(graphs[state.DocumentId], ResolveOnce)
                && await LoadReviewedAsync(database, state.Sha256, cancellationToken) is { } rekeyed)
            {
                // Another document's stated link changed how this one's parties resolve: its clauses are read again, its
                // prose (read with the alias table alone) is kept.
                var kept = graphs[state.DocumentId];
                Store(state, scorer.ReadFacts(rekeyed, MoneyGraphBuilder.ReadFacts(rekeyed, new DocumentProse(kept.ReadsProse, kept.Prose, kept.StatedLinks), extended)));
            }
        }

        Phase("read_changed_documents");
        // A read-only database keeps its stored facts; the ones read again here are used for this command only.
        if (!database.IsReadOnly)
        {
            await factStore.SaveFactsAsync(rows, cancellationToken);
        }

        var highDeals = deals == DealScope.All
            ? dealRisks.Values.Count(d => d.Severity == Severity.High)
            : await factStore.CountDealsAsync(Severity.High, cancellationToken);
        Phase("save_facts");

        var all = states.Select(s => graphs[s.DocumentId]).ToList();
        var graph = MoneyGraphBuilder.Assemble(all, extended);
        Phase("assemble_graph");
        var scored = scorer.Score(
            graph,
            states.Where(s => dealRisks.ContainsKey(s.DocumentId)).Select(s => dealRisks[s.DocumentId]),
            states.Select(s => (graphs[s.DocumentId].Document, revenue[s.DocumentId])));
        var report = ReviewOverlay.WithoutRejectedCycles(scored, await database.Review.LoadRejectedCyclesAsync(cancellationToken));
        Phase("score");
        return new Outcome(all, extended, graph, scored, report, rows.Select(r => r.Facts.Document).ToList()) { PhaseMs = phases, HighDeals = highDeals };
    }

    /// <summary>
    /// The build of the readers and the scoring options: stored facts read by another build (new rules, a retrained
    /// model, another alias list bundled) or under other options are read again.
    /// </summary>
    public static string ReaderVersion(RiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var build = typeof(MoneyGraphBuilder).Assembly.ManifestModule.ModuleVersionId.ToString("N", CultureInfo.InvariantCulture);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(build + "\n" + options)))[..16];
    }

    /// <summary>One stored analysis with its reviewers' decisions applied, as <see cref="ReviewStore.LoadReviewedAnalysesAsync"/> gives them all.</summary>
    private static async Task<DocumentAnalysis?> LoadReviewedAsync(DealLensDatabase database, string sha256, CancellationToken cancellationToken)
    {
        var analysis = await database.Documents.LoadAnalysisAsync(sha256, cancellationToken);
        if (analysis is null)
        {
            return null;
        }

        var items = await database.Review.LoadReviewItemsAsync(sha256, cancellationToken);
        return items.Count == 0 ? analysis : ReviewOverlay.Apply(analysis, items);
    }
}
