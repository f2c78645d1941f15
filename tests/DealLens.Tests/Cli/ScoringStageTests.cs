using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using DealLens.Cli.Risk;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Core.Review;
using DealLens.Core.Risk;
using DealLens.Storage;
using DealLens.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DealLens.Tests.Cli;

/// <summary>
/// Issue #21.2: the scoring stage (facts stored per document, graph and scores assembled from them) must give what a
/// rebuild from every stored document gives, after any sequence of analyses, new versions, removals, review decisions
/// and alias merges, on a real SQLite file.
/// </summary>
public sealed class ScoringStageTests : IDisposable
{
    private static readonly string[] s_companies =
    [
        "Marrow Labs, Inc.", "Brightfold Cloud Inc.", "Quillon Systems Corp.", "Tallow Data Centers, Inc.", "Harbor Lane Bank", "Ridge Power LLC",
    ];

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("stage.db");

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Issue21_RandomSequenceOfChanges_StageEqualsRebuildAfterEachStep(int seed)
    {
        var random = new Random(seed);
        var current = new Dictionary<string, DocumentAnalysis>(StringComparer.Ordinal);
        var next = 0;
        for (var step = 0; step < 14; step++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            var operation = current.Count < 3 ? "add" : Pick(random, ["add", "add", "add", "supersede", "supersede", "remove", "clause", "clause", "deal", "cycle", "merge"]);
            var done = await ApplyAsync(operation!, random, current, () => next++);
            // Every other step the snapshot path (analyze, batch, review) runs first, so it is the one reading the changes.
            if (step % 2 == 0)
            {
                await AssertSnapshotEqualsRebuildAsync($"seed {seed}, step {step}: {done}");
            }

            await AssertStageEqualsRebuildAsync($"seed {seed}, step {step}: {done}");
        }
    }

    /// <summary>Stores <paramref name="count"/> random contracts, scores them once, then overwrites one stored facts row (SQL SET list).</summary>
    private async Task<List<DocumentAnalysis>> ScoreThenDamageOneRowAsync(int seed, int count, int damaged, string set)
    {
        var random = new Random(seed);
        var contracts = Enumerable.Range(0, count).Select(i => Contract(random, i, version: 0)).ToList();
        foreach (var contract in contracts)
        {
            await SaveAsync(contract);
        }

        await RunStageAsync();
        await using var raw = new SqliteConnection($"Data Source={Db};Pooling=False");
        raw.Open();
        Assert.Equal(1, raw.Execute($"UPDATE RiskFacts SET {set} WHERE Sha256 = @Sha256", new { contracts[damaged].Sha256 }));
        return contracts;
    }

    [Fact]
    public async Task Issue21_RunAsync_RowWithoutDealSeverity_ReadsOnlyThatDocumentAgain()
    {
        // Rows stored before schema version 15 hold '' in DealSeverity and ScoringJson: the count of high deals would miss
        // them and the snapshot path could not read them, so they are read again.
        var contracts = await ScoreThenDamageOneRowAsync(seed: 13, count: 5, damaged: 2, "DealSeverity = '', ScoringJson = ''");

        var outcome = await RunStageAsync();

        Assert.Equal(new[] { contracts[2].SourcePath }, outcome.Rescored);
        await AssertSnapshotEqualsRebuildAsync("one row without its deal severity");
    }

    [Fact]
    public async Task Issue21_SnapshotAsync_ScoringJsonUnreadable_ReadsOnlyThatDocumentAgain()
    {
        var contracts = await ScoreThenDamageOneRowAsync(seed: 17, count: 5, damaged: 4, "ScoringJson = '{\"graph\": 7}'");

        await using var database = Open();
        var snapshot = await RiskSession.SnapshotAsync(database, CancellationToken.None);

        Assert.Equal(new[] { contracts[4].SourcePath }, snapshot.Rescored);
        Assert.Equal(5, snapshot.Facts.Count);
    }

    [Fact]
    public async Task RunAsync_OneDocumentAdded_ReadsOnlyThatDocument()
    {
        var random = new Random(7);
        for (var i = 0; i < 5; i++)
        {
            await SaveAsync(Contract(random, i, version: 0));
        }

        await RunStageAsync();
        var added = Contract(random, 5, version: 0);
        await SaveAsync(added);

        var outcome = await RunStageAsync();

        Assert.Equal(new[] { added.SourcePath }, outcome.Rescored);
        Assert.Equal(6, outcome.Facts.Count);
    }

    [Fact]
    public async Task RunAsync_NothingChanged_ReadsNoDocument()
    {
        await SaveAsync(Contract(new Random(3), 0, version: 0));
        await RunStageAsync();

        var outcome = await RunStageAsync();

        Assert.Empty(outcome.Rescored);
        Assert.Single(outcome.Facts);
    }

    [Fact]
    public async Task Issue21_RunAsync_StoredFactsUnreadable_ReadsOnlyThatDocumentAgain()
    {
        // Stored facts are parsed in parallel; a row another build wrote (no longer parses) must cost only its own document.
        var contracts = await ScoreThenDamageOneRowAsync(seed: 11, count: 6, damaged: 3, "FactsJson = '{\"graph\": 7}'");

        var outcome = await RunStageAsync();

        Assert.Equal(new[] { contracts[3].SourcePath }, outcome.Rescored);
        Assert.Equal(6, outcome.Facts.Count);
        await AssertStageEqualsRebuildAsync("one stored facts row unreadable");
    }

    [Fact]
    public async Task RunAsync_AnnouncementStatesParent_RekeysEarlierContractOfSubsidiary()
    {
        // A contract of Ridge Power LLC, then an 8-K stating it is Tallow's subsidiary: the contract's relation moves to Tallow.
        var contract = Contract("contracts/ridge.txt", "Ridge Power LLC", "Brightfold Cloud Inc.", 900_000_000m, null, null);
        await SaveAsync(contract);
        await RunStageAsync();
        await SaveAsync(Announcement("news/ridge.txt", "Ridge Power LLC, a wholly-owned subsidiary of Tallow Data Centers, Inc. (Nasdaq: TLLW), signed a lease with Brightfold Cloud Inc."));

        var outcome = await RunStageAsync();

        Assert.Contains(contract.SourcePath, outcome.Rescored);
        Assert.Contains(outcome.Graph.Relations, r => r.From == "tallow data centers" && r.To == "brightfold cloud" && r.Kind == RelationKind.Purchase);
        await AssertStageEqualsRebuildAsync("subsidiary stated after its contract");
    }

    private async Task<string> ApplyAsync(string operation, Random random, Dictionary<string, DocumentAnalysis> current, Func<int> nextId)
    {
        switch (operation)
        {
            case "add":
            {
                var id = nextId();
                var analysis = random.Next(4) == 0 ? RandomAnnouncement(random, id) : Contract(random, id, version: 0);
                await SaveAsync(analysis);
                current[analysis.SourcePath] = analysis;
                return $"add {analysis.SourcePath}";
            }

            case "supersede":
            {
                var old = Pick(random, current.Values.Where(a => a.SourcePath.StartsWith("contracts/", StringComparison.Ordinal)).ToList());
                if (old is null)
                {
                    return "supersede (no contract)";
                }

                var id = int.Parse(Path.GetFileNameWithoutExtension(old.SourcePath)[1..], CultureInfo.InvariantCulture);
                var analysis = Contract(random, id, version: random.Next(1, 1000));
                await SaveAsync(analysis);
                current[analysis.SourcePath] = analysis;
                return $"supersede {analysis.SourcePath}";
            }

            case "remove":
            {
                var victim = Pick(random, current.Values.ToList())!;
                await using var database = Open();
                var removal = await database.Documents.RemoveDocumentAsync(victim.Sha256, CancellationToken.None);
                current.Remove(victim.SourcePath);
                if (removal?.Reinstated is { } reinstated && await database.Documents.LoadAnalysisAsync(reinstated.Sha256, CancellationToken.None) is { } back)
                {
                    current[back.SourcePath] = back;
                }

                return $"remove {victim.SourcePath}";
            }

            case "clause":
            {
                var analysis = Pick(random, current.Values.Where(a => a.Clauses.Count > 0).ToList());
                if (analysis is null)
                {
                    return "clause (none)";
                }

                var clause = Pick(random, analysis.Clauses.ToList())!;
                var action = random.Next(3) switch
                {
                    0 => new ReviewAction(ReviewVerbs.Reject, "ana"),
                    1 => new ReviewAction(ReviewVerbs.Edit, "ana", Edit: new ReviewOverrides { Amount = random.Next(1, 90) * 100_000_000m, Currency = "USD" }),
                    _ => new ReviewAction(ReviewVerbs.Accept, "ana"),
                };
                await DecideAsync(clause.Id, action);
                return $"{action.Verb} clause {clause.Id} of {analysis.SourcePath}";
            }

            case "deal":
            {
                var analysis = Pick(random, current.Values.ToList())!;
                var action = new ReviewAction(ReviewVerbs.Edit, "ana", Edit: new ReviewOverrides { Amount = random.Next(1, 90) * 100_000_000m, Currency = "USD", Binding = random.Next(2) == 0 });
                await DecideAsync(ReviewItemIds.ForDeal(analysis.Sha256), action);
                return $"edit deal of {analysis.SourcePath}";
            }

            case "cycle":
            {
                RiskSession session;
                await using (var opened = Open())
                {
                    session = await RiskSession.LoadAsync(opened, RiskOptions.Default, CancellationToken.None);
                }

                var cycle = Pick(random, session.Report.Cycles.ToList());
                if (cycle is null)
                {
                    return "cycle (none)";
                }

                var subject = ReviewItemIds.CycleSubject(cycle);
                await using var database = Open();
                await database.Review.ApplyReviewActionAsync(
                    new ReviewTarget(ReviewItemIds.ForCycle(subject), ReviewItemKind.Cycle, null, subject, null, null),
                    new ReviewAction(ReviewVerbs.Reject, "ana"), null, CancellationToken.None);
                return $"reject cycle {subject}";
            }

            default:
            {
                await using var database = Open();
                var (alias, company) = random.Next(2) == 0 ? ("Harbor Lane Bank", "Quillon Systems Corp.") : ("Quillon", "Quillon Systems Corp.");
                await database.Risk.MergeAsync(alias, company, CancellationToken.None);
                return $"merge {alias} into {company}";
            }
        }
    }

    private async Task DecideAsync(string reference, ReviewAction action)
    {
        await using var database = Open();
        var target = await database.Review.ResolveReviewTargetAsync(reference, CancellationToken.None);
        await database.Review.ApplyReviewActionAsync(target, action, null, CancellationToken.None);
    }

    private async Task AssertStageEqualsRebuildAsync(string what)
    {
        await using var database = Open();
        var staged = await RiskSession.LoadAsync(database, RiskOptions.Default, CancellationToken.None);
        var rebuilt = await RiskSession.RebuildAsync(database, RiskOptions.Default, CancellationToken.None);

        Assert.True(RiskJson.Serialize(rebuilt.Graph) == RiskJson.Serialize(staged.Graph), $"{what}: the graph differs from a rebuild");
        Assert.True(RiskJson.Serialize(rebuilt.Report) == RiskJson.Serialize(staged.Report), $"{what}: the report differs from a rebuild");
        Assert.True(RiskJson.Serialize(rebuilt.Scored) == RiskJson.Serialize(staged.Scored), $"{what}: the report before rejected cycles differs from a rebuild");
    }

    /// <summary>
    /// The snapshot path parses no deal risk of unchanged rows: its graph and its scores across documents must equal a
    /// rebuild's, its deals the rebuild's deals of the documents it read again, its count of high deals the rebuild's.
    /// </summary>
    private async Task AssertSnapshotEqualsRebuildAsync(string what)
    {
        await using var database = Open();
        var rebuilt = await RiskSession.RebuildAsync(database, RiskOptions.Default, CancellationToken.None);
        var snapshot = await RiskSession.SnapshotAsync(database, CancellationToken.None);
        var rescored = snapshot.Rescored.ToHashSet(StringComparer.Ordinal);
        RiskReport ReadAgain(RiskReport report) => report with { Deals = report.Deals.Where(d => rescored.Contains(d.Document)).ToList() };

        Assert.True(RiskJson.Serialize(rebuilt.Graph) == RiskJson.Serialize(snapshot.Graph), $"{what}: the snapshot's graph differs from a rebuild");
        Assert.True(RiskJson.Serialize(ReadAgain(rebuilt.Report)) == RiskJson.Serialize(snapshot.Report), $"{what}: the snapshot's report differs from a rebuild");
        Assert.True(RiskJson.Serialize(ReadAgain(rebuilt.Scored)) == RiskJson.Serialize(snapshot.Scored), $"{what}: the snapshot's report before rejected cycles differs from a rebuild");
        Assert.True(rebuilt.Report.Deals.Count(d => d.Severity == Severity.High) == snapshot.HighDeals, $"{what}: the snapshot counts another number of high deals");
    }

    private async Task SaveAsync(DocumentAnalysis analysis)
    {
        await using var database = Open();
        await database.Documents.SaveAnalysisAsync(analysis, await database.Documents.StartRunAsync("test", CancellationToken.None), CancellationToken.None);
    }

    private DealLensDatabase Open() => DealLensDatabase.Open(Db, _time);

    private async Task<ScoringStage.Outcome> RunStageAsync()
    {
        await using var database = Open();
        return await ScoringStage.RunAsync(database, RiskOptions.Default, CancellationToken.None);
    }

    private static T? Pick<T>(Random random, IReadOnlyList<T> items) => items.Count == 0 ? default : items[random.Next(items.Count)];

    private static DocumentAnalysis Contract(Random random, int id, int version)
    {
        var customer = s_companies[random.Next(s_companies.Length)];
        var provider = Pick(random, s_companies.Where(c => c != customer).ToList())!;
        decimal? invest = random.Next(2) == 0 ? random.Next(1, 40) * 100_000_000m : null;
        decimal? headline = random.Next(3) == 0 ? null : random.Next(1, 120) * 100_000_000m;
        var amount = random.Next(4) == 0 ? (decimal?)null : random.Next(1, 120) * 100_000_000m;
        var analysis = Contract(FormattableString.Invariant($"contracts/c{id:000}.txt"), customer, provider, amount, invest, headline, version);
        return analysis with
        {
            Deal = analysis.Deal with
            {
                EffectiveDate = random.Next(3) == 0 ? null : new DateOnly(2024 + random.Next(3), 1 + random.Next(12), 1),
                TermMonths = 12 * random.Next(1, 8),
            },
        };
    }

    private static DocumentAnalysis Contract(string path, string customer, string provider, decimal? amount, decimal? invest, decimal? headline, int version = 0)
    {
        var purchase = amount is { } a
            ? FormattableString.Invariant($"Customer shall purchase from Provider compute capacity for total fees of ${a:#,0} over the Term (take or pay).")
            : "Customer shall purchase from Provider compute capacity for the fees in Schedule A over the Term (take or pay).";
        var equity = invest is { } i ? FormattableString.Invariant($"Provider will invest ${i:#,0} in Customer.") : null;
        var text = $"MASTER SERVICES AGREEMENT (version {version})\n{customer} (\"Customer\") and {provider} (\"Provider\") agree as follows.\n1. {purchase}\n"
            + (equity is null ? "" : $"2. {equity}\n");
        var clauses = new List<Clause> { ClauseOf(text, purchase, ClauseTypes.TakeOrPay, amount) };
        if (equity is not null)
        {
            clauses.Add(ClauseOf(text, equity, ClauseTypes.EquityInvestment, invest));
        }

        var deal = DealTerms.Empty with
        {
            Parties = [customer, provider],
            Provider = provider,
            Customer = customer,
            TotalValue = headline is { } h ? new DealValue(h, "USD", true, false) : null,
        };
        return new DocumentAnalysis(path, Sha(text), DocumentText.FromPages([text], DocumentFormat.Text), clauses, deal, [], "rules")
        {
            Origin = new DocumentOrigin(DocumentKinds.Contract, null, [], []),
        };
    }

    private static DocumentAnalysis RandomAnnouncement(Random random, int id)
    {
        var a = s_companies[random.Next(4)];
        var b = Pick(random, s_companies.Take(4).Where(c => c != a).ToList())!;
        var sentences = new List<string>();
        if (random.Next(2) == 0)
        {
            sentences.Add("Ridge Power LLC, a wholly-owned subsidiary of Tallow Data Centers, Inc. (Nasdaq: TLLW), signed a lease with Brightfold Cloud Inc.");
        }

        sentences.Add(random.Next(2) == 0
            ? FormattableString.Invariant($"{b} will invest ${random.Next(1, 30)} billion in {a}.")
            : FormattableString.Invariant($"{a} has agreed to purchase ${random.Next(1, 30)} billion of capacity from {b}."));
        return Announcement(FormattableString.Invariant($"news/n{id:000}.txt"), string.Join(' ', sentences));
    }

    private static DocumentAnalysis Announcement(string path, string text)
        => new(path, Sha(text), DocumentText.FromPages([text], DocumentFormat.Text), [], DealTerms.Empty, [], "rules")
        {
            Origin = new DocumentOrigin(DocumentKinds.CurrentReport, null, [], []),
        };

    private static Clause ClauseOf(string text, string sentence, string type, decimal? amount)
    {
        var start = text.IndexOf(sentence, StringComparison.Ordinal);
        return new Clause(Sha(text + type + start)[..16], type, sentence, 1, start, start + sentence.Length, 0.9, "rules",
            new ClauseFields { Amount = amount, Currency = amount is null ? null : "USD" });
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
