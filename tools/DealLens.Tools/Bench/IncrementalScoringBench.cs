using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DealLens.Cli.Risk;
using DealLens.Cli;
using DealLens.Core;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Core.Review;
using DealLens.Core.Risk;
using DealLens.Storage;

namespace DealLens.Tools.Bench;

/// <summary>
/// <c>deallens bench scoring</c> (issue #21.2): seeds a store with N analysed documents (10,000 by default: synthetic
/// contracts and announcements between a few hundred companies), then times what `analyze` and `review` do after their
/// own work: adding one document and recording one review decision, each followed by the risk snapshot. "after" is the
/// scoring stage (facts per document, read again only where something changed); "before" is the rebuild from every
/// stored document that every analyze, batch and review decision did before. Target: after &lt;= 1 s at 10,000.
/// </summary>
public static class IncrementalScoringBench
{
    private const int LinesPerDocument = 40;

    /// <summary>
    /// Providers most deals are with (chip makers, clouds, data-centre operators): real deal flow is hub and spoke, many
    /// customers buying from a few providers, with vendor financing the exception.
    /// </summary>
    private const int Hubs = 25;

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var documents = new Option<int>("--documents") { Description = "Analysed documents seeded into the store.", DefaultValueFactory = _ => 10_000 };
        var runs = new Option<int>("--runs") { Description = "Timed runs of each figure; the median is reported.", DefaultValueFactory = _ => 3 };
        var baseline = new Option<bool>("--no-baseline") { Description = "Skip the rebuild-from-every-document figures (slow on a large store)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic documents.", DefaultValueFactory = _ => 42 };
        var json = new Option<bool>("--json") { Description = "Write the figures as one JSON document." };
        var command = new Command("scoring", "Time adding one document and recording one review decision in a store of N analysed documents (scoring stage vs rebuild).")
        {
            documents, runs, baseline, seed, json,
        };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct => RunAsync(
            context, parse.GetValue(documents), parse.GetValue(runs), !parse.GetValue(baseline), parse.GetValue(seed), parse.GetValue(json), ct), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, int documents, int runs, bool baseline, int seed, bool json, CancellationToken cancellationToken)
    {
        if (documents < 1 || runs < 1)
        {
            throw new DealLensException("--documents and --runs must be at least 1");
        }

        var work = Directory.CreateTempSubdirectory("deallens-bench-scoring-");
        try
        {
            var db = Path.Combine(work.FullName, "bench.db");
            var random = new Random(seed);
            var companies = Math.Max(Hubs * 2, documents / 5);
            var time = context.Time;

            var start = time.GetTimestamp();
            await using (var database = DealLensDatabase.Open(db, time))
            {
                var run = await database.Documents.StartRunAsync("bench", cancellationToken);
                for (var i = 0; i < documents; i++)
                {
                    await database.Documents.SaveAnalysisAsync(Synthetic(random, i, companies), run, cancellationToken);
                }
            }

            var seedMs = time.GetElapsedTime(start).TotalMilliseconds;
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"deallens: seeded {documents} documents in {seedMs / 1000:0.0} s"));

            start = time.GetTimestamp();
            RiskReport first;
            await using (var database = DealLensDatabase.Open(db, time))
            {
                first = (await RiskSession.SnapshotAsync(database, cancellationToken)).Report;
            }

            var firstMs = time.GetElapsedTime(start).TotalMilliseconds;

            IReadOnlyDictionary<string, double> phases = new Dictionary<string, double>();
            async Task<RiskReport> StageAsync(DealLensDatabase database, CancellationToken token)
            {
                var outcome = await RiskSession.SnapshotAsync(database, token);
                phases = outcome.PhaseMs;
                return outcome.Report;
            }

            var next = documents;
            var add = new List<double>();
            var decide = new List<double>();
            var addBefore = new List<double>();
            var decideBefore = new List<double>();
            var addStore = new List<double>();
            var decideStore = new List<double>();
            for (var r = 0; r < runs; r++)
            {
                add.Add(await TimeAsync(time, addStore, () => AddOneAsync(db, time, Synthetic(random, next++, companies), StageAsync, cancellationToken)));
                var clause = await PickCommitmentAsync(db, time, random, cancellationToken);
                decide.Add(await TimeAsync(time, decideStore, () => DecideOneAsync(db, time, clause, random, StageAsync, cancellationToken)));
                if (baseline)
                {
                    addBefore.Add(await TimeAsync(time, null, () => AddOneAsync(db, time, Synthetic(random, next++, companies), RebuildSnapshotAsync, cancellationToken)));
                    clause = await PickCommitmentAsync(db, time, random, cancellationToken);
                    decideBefore.Add(await TimeAsync(time, null, () => DecideOneAsync(db, time, clause, random, RebuildSnapshotAsync, cancellationToken)));
                }
            }

            // What the snapshot path reads of every unchanged row, against what `risk` and `report` read: the same rows,
            // with and without the deal part, fastest of five (one process, one store, so the load on the machine
            // weighs on both alike).
            double readFacts = double.MaxValue, readScoring = double.MaxValue;
            await using (var database = DealLensDatabase.Open(db, time))
            {
                var ids = (await database.RiskFacts.LoadStatesAsync(cancellationToken)).Select(s => s.DocumentId).ToList();
                for (var r = 0; r < 5; r++)
                {
                    readFacts = Math.Min(readFacts, await TimeAsync(time, null, async () => { await database.RiskFacts.LoadFactsAsync(ids, cancellationToken); return 0; }));
                    readScoring = Math.Min(readScoring, await TimeAsync(time, null, async () => { await database.RiskFacts.LoadScoringFactsAsync(ids, cancellationToken); return 0; }));
                }
            }

            var figures = new Dictionary<string, object?>
            {
                ["documents"] = documents,
                ["companies"] = companies,
                ["runs"] = runs,
                ["seed_s"] = Math.Round(seedMs / 1000, 1),
                ["first_scoring_ms"] = Math.Round(firstMs, 0),
                ["providers_scored"] = first.Concentration.Count,
                ["cycles"] = first.Cycles.Count,
                ["add_document_ms"] = Median(add),
                ["review_decision_ms"] = Median(decide),
                ["add_document_rebuild_ms"] = baseline ? Median(addBefore) : null,
                ["review_decision_rebuild_ms"] = baseline ? Median(decideBefore) : null,
                ["target_ms"] = 1000,
                ["add_document_store_ms"] = Median(addStore),
                ["review_decision_store_ms"] = Median(decideStore),
                ["read_every_row_with_deals_ms"] = Math.Round(readFacts, 0),
                ["read_every_row_without_deals_ms"] = Math.Round(readScoring, 0),
                ["last_scoring_phases_ms"] = phases,
            };
            if (json)
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(figures));
            }
            else
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"bench scoring: {documents} analysed documents, {companies} companies, median of {runs}"));
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"first scoring of the store (every document read once): {firstMs:0} ms; {first.Concentration.Count} providers, {first.Cycles.Count} cycles"));
                await context.Out.WriteLineAsync(Line("add one document", Median(add), baseline ? Median(addBefore) : null));
                await context.Out.WriteLineAsync(Line("record one review decision", Median(decide), baseline ? Median(decideBefore) : null));
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"before scoring (open the database, store the document or record the decision): add {Median(addStore):0} ms, decision {Median(decideStore):0} ms"));
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"read every stored row (fastest of 5): with deal risks (risk, report) {readFacts:0} ms, without (analyze, batch, review) {readScoring:0} ms"));
                await context.Out.WriteLineAsync("last scoring, by phase: " + string.Join(", ", phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:0} ms"))));
            }

            return ExitCodes.Ok;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Line(string what, double after, double? before)
        => string.Create(CultureInfo.InvariantCulture, $"{what}: {after:0} ms (target <= 1000 ms: {(after <= 1000 ? "ok" : "MISSED")})")
            + (before is { } b ? string.Create(CultureInfo.InvariantCulture, $"; rebuild from every document: {b:0} ms") : "");

    /// <summary>Returns the milliseconds spent before scoring (opening the database and storing the document).</summary>
    private static async Task<double> AddOneAsync(
        string db, TimeProvider time, DocumentAnalysis analysis, Func<DealLensDatabase, CancellationToken, Task<RiskReport>> score, CancellationToken cancellationToken)
    {
        // As `analyze` does: one database opened for the command, the document stored, then the scoring stage.
        var start = time.GetTimestamp();
        await using var database = DealLensDatabase.Open(db, time);
        await database.Documents.SaveAnalysisAsync(analysis, await database.Documents.StartRunAsync("bench", cancellationToken), cancellationToken);
        var stored = time.GetElapsedTime(start).TotalMilliseconds;
        await score(database, cancellationToken);
        return stored;
    }

    /// <summary>The take-or-pay clause of a random stored contract (chosen before the clock starts).</summary>
    private static async Task<string> PickCommitmentAsync(string db, TimeProvider time, Random random, CancellationToken cancellationToken)
    {
        await using var database = DealLensDatabase.Open(db, time);
        var documents = await database.Documents.ListDocumentsAsync(cancellationToken);
        while (true)
        {
            var analysis = await database.Documents.LoadAnalysisAsync(documents[random.Next(documents.Count)].Sha256, cancellationToken);
            if (analysis?.Clauses.FirstOrDefault(c => c.Type == ClauseTypes.TakeOrPay) is { } clause)
            {
                return clause.Id;
            }
        }
    }

    /// <summary>What `review edit` does: resolve the item, record the decision, then score. Returns the milliseconds before scoring.</summary>
    private static async Task<double> DecideOneAsync(
        string db, TimeProvider time, string clauseId, Random random, Func<DealLensDatabase, CancellationToken, Task<RiskReport>> score, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        await using var database = DealLensDatabase.Open(db, time);
        var target = await database.Review.ResolveReviewTargetAsync(clauseId, cancellationToken);
        await database.Review.ApplyReviewActionAsync(
            target,
            new ReviewAction(ReviewVerbs.Edit, "bench", Edit: new ReviewOverrides { Amount = random.Next(1, 200) * 50_000_000m, Currency = "USD" }),
            null, cancellationToken);
        var recorded = time.GetElapsedTime(start).TotalMilliseconds;
        await score(database, cancellationToken);
        return recorded;
    }

    /// <summary>The snapshot as it was before scoring was a stage: rebuild from every document, store every score.</summary>
    private static async Task<RiskReport> RebuildSnapshotAsync(DealLensDatabase database, CancellationToken cancellationToken)
    {
        var report = (await RiskSession.RebuildAsync(database, RiskOptions.Default, cancellationToken)).Report;
        await database.Risk.SaveSnapshotsAsync(RiskSnapshots.From(report), cancellationToken);
        return report;
    }

    /// <summary>The action's total milliseconds; what it reports (its time before scoring) goes to <paramref name="before"/>.</summary>
    private static async Task<double> TimeAsync(TimeProvider time, List<double>? before, Func<Task<double>> action)
    {
        var start = time.GetTimestamp();
        var inner = await action();
        before?.Add(inner);
        return time.GetElapsedTime(start).TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return Math.Round(median, 0);
    }

    private static string CompanyName(int i)
    {
        string[] stems = ["Alder", "Birch", "Cedar", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Indigo", "Juniper", "Kestrel", "Lumen"];
        string[] kinds = ["Compute Inc.", "Cloud LLC", "Semiconductor Corp.", "Data Centers, Inc.", "Capital Partners LP", "AI Labs, Inc."];
        return string.Create(CultureInfo.InvariantCulture, $"{stems[i % stems.Length]} {i / stems.Length + 1} {kinds[i % kinds.Length]}");
    }

    /// <summary>
    /// One synthetic analysed document, in the proportions of a deal desk's store: half contracts with no money relation
    /// (services, NDAs: boilerplate clauses only), a third purchase commitments of a customer to one of the
    /// <see cref="Hubs"/> providers (take-or-pay, prepayment), one in twenty of those with vendor equity back to the
    /// customer, and one in ten an announcement whose prose the relation reader reads. Amounts, dates, terms and
    /// parties vary; the text is contract boilerplate from <see cref="SyntheticDocuments"/>.
    /// </summary>
    private static DocumentAnalysis Synthetic(Random random, int id, int companies)
    {
        var customer = CompanyName(Hubs + random.Next(companies - Hubs));
        var provider = CompanyName(random.Next(Hubs));
        var amount = random.Next(1, 400) * 25_000_000m;
        var roll = random.Next(20);
        if (roll < 2)
        {
            var prose = string.Create(CultureInfo.InvariantCulture,
                $"{customer} today announced a multi-year agreement. {customer} has agreed to purchase ${amount / 1_000_000m:0} million of capacity from {provider}.");
            var news = prose + "\n" + string.Join('\n', SyntheticDocuments.PageLines(id).Skip(7).Take(LinesPerDocument / 4)) + "\n";
            return new DocumentAnalysis(
                string.Create(CultureInfo.InvariantCulture, $"bench/news/{id:00000}.txt"), Sha(news), DocumentText.FromPages([news], DocumentFormat.Text),
                [], DealTerms.Empty, [], "rules")
            {
                Origin = new DocumentOrigin(DocumentKinds.CurrentReport, customer, [], []),
            };
        }

        var commits = roll < 9;
        var purchase = commits
            ? string.Create(CultureInfo.InvariantCulture,
                $"Customer shall purchase from Provider cloud compute capacity for total fees of ${amount:#,0} over the Term, whether or not it is used (take or pay).")
            : "Provider shall provide the services described in each statement of work, and Customer shall pay the fees stated there.";
        decimal? invest = commits && random.Next(20) == 0 ? random.Next(1, 80) * 25_000_000m : null;
        var equity = invest is { } i
            ? string.Create(CultureInfo.InvariantCulture, $"Provider will invest ${i:#,0} in Customer in exchange for preferred shares.")
            : null;
        var prepay = "Customer shall prepay twenty percent (20%) of the first year's fees within thirty days of signature.";
        var termination = "Either party may terminate this Agreement for convenience on ninety days' written notice.";
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{(commits ? "MASTER COMPUTE AGREEMENT" : "MASTER SERVICES AGREEMENT")}\nThis Agreement is entered into by and between {customer} (\"Customer\") and {provider} (\"Provider\").\n")
            .Append("1. ").Append(purchase).Append('\n');
        if (equity is not null)
        {
            body.Append("2. ").Append(equity).Append('\n');
        }

        body.Append("3. ").Append(commits ? prepay : termination).Append('\n')
            .AppendJoin('\n', SyntheticDocuments.PageLines(id).Skip(4).Take(LinesPerDocument)).Append('\n');
        var text = body.ToString();
        var clauses = new List<Clause>();
        if (commits)
        {
            clauses.Add(ClauseOf(text, purchase, ClauseTypes.TakeOrPay, new ClauseFields { Amount = amount, Currency = "USD", Period = "total" }));
            clauses.Add(ClauseOf(text, prepay, ClauseTypes.Prepayment, new ClauseFields { Percent = 20m }));
        }
        else
        {
            clauses.Add(ClauseOf(text, termination, ClauseTypes.TerminationForConvenience, ClauseFields.None));
        }

        if (equity is not null)
        {
            clauses.Add(ClauseOf(text, equity, ClauseTypes.EquityInvestment, new ClauseFields { Amount = invest, Currency = "USD" }));
        }

        var deal = DealTerms.Empty with
        {
            Parties = [customer, provider],
            Provider = provider,
            Customer = customer,
            TotalValue = commits ? new DealValue(amount, "USD", true, false) : null,
            TermMonths = 12 * random.Next(1, 8),
            EffectiveDate = new DateOnly(2023 + random.Next(4), 1 + random.Next(12), 1),
        };
        return new DocumentAnalysis(
            string.Create(CultureInfo.InvariantCulture, $"bench/contracts/{id:00000}.txt"), Sha(text), DocumentText.FromPages([text], DocumentFormat.Text),
            clauses.OrderBy(c => c.Start).ToList(), deal, [], "rules")
        {
            Origin = new DocumentOrigin(DocumentKinds.Contract, null, [], []),
        };
    }

    private static Clause ClauseOf(string text, string sentence, string type, ClauseFields fields)
    {
        var start = text.IndexOf(sentence, StringComparison.Ordinal);
        return new Clause(Sha(text + "\n" + type)[..16], type, sentence, 1, start, start + sentence.Length, 0.9, "rules", fields);
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
