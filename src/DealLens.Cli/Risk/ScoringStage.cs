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
    /// The stage's result: every current document's facts, the resolver they were read with, the graph, the report
    /// (<see cref="Scored"/> before rejected cycles are left out) and the documents (source paths) read again this time.
    /// </summary>
    public sealed record Outcome(
        IReadOnlyList<DocumentRiskFacts> Facts,
        CompanyResolver Resolver,
        MoneyGraph Graph,
        RiskReport Scored,
        RiskReport Report,
        IReadOnlyList<string> Rescored)
    {
        /// <summary>Milliseconds spent in each phase (load stamps, load facts, read documents, save facts, assemble, score), for the bench.</summary>
        public IReadOnlyDictionary<string, double> PhaseMs { get; init; } = new Dictionary<string, double>();
    }

    /// <summary>Brings the stored facts up to date and assembles the graph and the report from them.</summary>
    public static async Task<Outcome> RunAsync(DealLensDatabase database, RiskOptions options, CancellationToken cancellationToken)
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
        var facts = new Dictionary<long, DocumentRiskFacts>(
            await factStore.LoadFactsAsync(states.Where(s => s.Holds(readerVersion, aliasStamp)).Select(s => s.DocumentId).ToList(), cancellationToken));
        Phase("load_facts");

        // Documents without facts that hold: read their prose first, since the links it states may re-key other documents.
        var changed = new Dictionary<long, DocumentAnalysis>();
        foreach (var state in states.Where(s => !facts.ContainsKey(s.DocumentId)))
        {
            if (await LoadReviewedAsync(database, state.Sha256, cancellationToken) is { } analysis)
            {
                changed[state.DocumentId] = analysis;
            }
        }

        states = states.Where(s => facts.ContainsKey(s.DocumentId) || changed.ContainsKey(s.DocumentId)).ToList();
        var prose = changed.ToDictionary(p => p.Key, p => MoneyGraphBuilder.ReadProse(p.Value, aliases));
        var extended = MoneyGraphBuilder.Extend(aliases, states.Select(s =>
            facts.TryGetValue(s.DocumentId, out var stored) ? stored.Graph.StatedLinks : prose[s.DocumentId].StatedLinks));

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
        foreach (var state in states)
        {
            if (changed.TryGetValue(state.DocumentId, out var analysis))
            {
                facts[state.DocumentId] = scorer.ReadFacts(analysis, MoneyGraphBuilder.ReadFacts(analysis, prose[state.DocumentId], extended));
                rows.Add(new RiskFactRow(state, readerVersion, aliasStamp, facts[state.DocumentId]));
            }
            else if (!MoneyGraphBuilder.Holds(facts[state.DocumentId].Graph, ResolveOnce)
                && await LoadReviewedAsync(database, state.Sha256, cancellationToken) is { } rekeyed)
            {
                // Another document's stated link changed how this one's parties resolve: its clauses are read again, its
                // prose (read with the alias table alone) is kept.
                var kept = facts[state.DocumentId].Graph;
                facts[state.DocumentId] = scorer.ReadFacts(rekeyed, MoneyGraphBuilder.ReadFacts(rekeyed, new DocumentProse(kept.ReadsProse, kept.Prose, kept.StatedLinks), extended));
                rows.Add(new RiskFactRow(state, readerVersion, aliasStamp, facts[state.DocumentId]));
            }
        }

        Phase("read_changed_documents");
        await factStore.SaveFactsAsync(rows, cancellationToken);
        Phase("save_facts");

        var all = states.Select(s => facts[s.DocumentId]).ToList();
        var graph = MoneyGraphBuilder.Assemble(all.Select(f => f.Graph).ToList(), extended);
        Phase("assemble_graph");
        var scored = scorer.Score(graph, all);
        var report = ReviewOverlay.WithoutRejectedCycles(scored, await database.Review.LoadRejectedCyclesAsync(cancellationToken));
        Phase("score");
        return new Outcome(all, extended, graph, scored, report, rows.Select(r => r.Facts.Document).ToList()) { PhaseMs = phases };
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
