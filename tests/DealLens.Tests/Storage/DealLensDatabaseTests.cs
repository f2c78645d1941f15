using Dapper;
using DealLens.Cli;
using DealLens.Core;
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

namespace DealLens.Tests.Storage;

/// <summary>Issue 21: one database per command, numeric amounts, risk snapshots in columns, flag ranks kept current.</summary>
public sealed class DealLensDatabaseTests : IDisposable
{
    private const string TakeOrPay = "Customer shall pay the Monthly Reserved Capacity Fee whether or not it uses the capacity.";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Open_AnalyzeThenReviewList_EachCommandOpensTheDatabaseOnce()
    {
        var contract = _folder.Write("msa.txt", "MASTER SERVICES AGREEMENT\n\nNimbus Compute, Inc. (\"Provider\") and Helios AI Labs, LLC (\"Customer\").\n\n1. " + TakeOrPay + " This is a take-or-pay obligation.\n");
        var db = _folder.File("count.db");
        var opened = 0;
        void Count(object? sender, DatabaseOpenedEventArgs e)
        {
            if (string.Equals(Path.GetFullPath(e.DisplayName, _folder.Path), db, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref opened);
            }
        }

        DealLensDatabase.Opened += Count;
        try
        {
            var analyze = await CliRunner.RunAsync(_folder.Path, "analyze", contract, "--db", db, "--quiet");
            var afterAnalyze = opened;
            var list = await CliRunner.RunAsync(_folder.Path, "review", "list", "--db", db);

            Assert.Equal(ExitCodes.Ok, analyze.ExitCode);
            Assert.Equal(ExitCodes.Ok, list.ExitCode);
            // analyze: runner, run liveness and risk snapshot on one connection (it used to open up to five).
            Assert.Equal(1, afterAnalyze);
            Assert.Equal(2, opened);
        }
        finally
        {
            DealLensDatabase.Opened -= Count;
        }
    }

    [Fact]
    public async Task Open_DataSourceConnectionString_OpensTheSqliteFile()
    {
        var path = _folder.File("by-connection-string.db");

        await using (var database = DealLensDatabase.Open($"Data Source={path}", new FakeTimeProvider()))
        {
            Assert.Equal("sqlite", database.Dialect.Name);
            Assert.Equal(0, await database.Documents.CountDocumentsAsync(CancellationToken.None));
        }

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Issue21_Migrate_VersionNineFileWithTextAmounts_StoresNumbersThatSortNumerically()
    {
        // Arrange: a database file as DealLens left it at schema 9, amounts as decimal text.
        var path = _folder.File("old.db");
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            new SchemaMigrator(SchemaMigrator.Default.Scripts.Take(9)).Migrate(old);
            old.Execute("INSERT INTO Runs (Id, Command, StartedAt, Status) VALUES (1, 'analyze', '2025-01-01T00:00:00.0000000+00:00', 'ok')");
            var amounts = new[] { "9000000000", "10000000000", "250000000.5", "9999999999999.99" };
            for (var i = 0; i < amounts.Length; i++)
            {
                old.Execute(
                    """
                    INSERT INTO Documents (Id, Sha256, SourcePath, Format, PageCount, Text, Extractor, AnalyzedAt, RunId, WarningsJson, TextWarningsJson)
                    VALUES (@Id, @Sha, @Path, 'text', 1, 'text', 'embedded', '2025-01-01T00:00:00.0000000+00:00', 1, '[]', '[]');
                    INSERT INTO Pages (DocumentId, Number, Start, Length) VALUES (@Id, 1, 0, 4);
                    INSERT INTO DealTerms (DocumentId, Amount, Currency, Binding, Redacted, CapacityMw, ChipsJson, PrepaymentPct, EvidenceJson)
                    VALUES (@Id, @Amount, 'USD', 1, 0, '250.5', '[]', '10', '[]');
                    """,
                    new { Id = i + 1, Sha = new string((char)('a' + i), 64), Path = $"d{i}.txt", Amount = amounts[i] });
            }
        }

        // Act
        await using var database = DealLensDatabase.Open(path, new FakeTimeProvider());

        // Assert: numbers, in numeric order, read back exactly.
        using var raw = new SqliteConnection($"Data Source={path};Pooling=False");
        raw.Open();
        Assert.Equal(["real"], raw.Query<string>("SELECT DISTINCT typeof(Amount) FROM DealTerms"));
        Assert.Equal(
            ["250000000.5", "9000000000", "10000000000", "9999999999999.99"],
            raw.Query<double>("SELECT Amount FROM DealTerms ORDER BY Amount").Select(a => a.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var last = await database.Documents.LoadAnalysisAsync(new string('d', 64), CancellationToken.None);
        Assert.Equal(9999999999999.99m, last!.Deal.TotalValue!.Amount);
        Assert.Equal(250.5m, last.Deal.CapacityMw);
        Assert.Equal(10m, last.Deal.PrepaymentPct);
        Assert.Equal(SchemaMigrator.Default.LatestVersion, SchemaMigrator.GetVersion(raw));
    }

    [Theory]
    [InlineData("0.1")]
    [InlineData("11900000000.5")]
    [InlineData("9999999999999.99")]
    [InlineData("10000000000000")]
    public async Task SaveAnalysis_AmountUpToTenTrillionWithCents_RoundTripsExactly(string amount)
    {
        using var db = new InMemoryDatabase();
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        var analysis = Analysis("ab12", []) with { Deal = DealTerms.Empty with { TotalValue = new DealValue(value, "USD", true, false) } };
        var run = await db.Documents.StartRunAsync("analyze", CancellationToken.None);

        await db.Documents.SaveAnalysisAsync(analysis, run, CancellationToken.None);

        Assert.Equal(value, (await db.Documents.LoadAnalysisAsync("ab12", CancellationToken.None))!.Deal.TotalValue!.Amount);
    }

    [Fact]
    public async Task Issue21_Migrate_RiskSnapshotJsonAsTheCliWroteIt_BecomesColumns()
    {
        var path = _folder.File("snapshots.db");
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            new SchemaMigrator(SchemaMigrator.Default.Scripts.Take(9)).Migrate(old);
            old.Execute(
                """
                INSERT INTO RiskSnapshots (ComputedAt, Kind, Subject, ScoreJson) VALUES
                ('2025-01-01T00:00:00.0000000+00:00', 'cycle', 'acme>beacon',
                 '{"kind":"vendor_equity_for_purchase","severity":"high","vendor":"acme","companies":["acme","beacon"],"names":["Acme Corp.","Beacon AI"],"relations":[],"financing_provided":100,"purchases_committed":400,"circularity_ratio":0.25,"vests_on_purchase_milestones":false,"documents":["a.pdf"]}'),
                ('2025-01-01T00:00:00.0000000+00:00', 'deal', 'a.pdf',
                 '{"document":"a.pdf","severity":"medium","score":42,"headline_value":11900000000,"currency":"USD","flags":[]}'),
                ('2025-01-01T00:00:00.0000000+00:00', 'deal', 'broken.pdf', 'not json')
                """);
        }

        await using var database = DealLensDatabase.Open(path, new FakeTimeProvider());

        var snapshots = await database.Risk.LoadSnapshotsAsync(null, CancellationToken.None);
        Assert.Equivalent(
            new RiskSnapshot("cycle", "acme>beacon", Severity.High, 0.25m, 400m, null, "vendor_equity_for_purchase",
                [new SnapshotCompany("acme", "Acme Corp."), new SnapshotCompany("beacon", "Beacon AI")], ["a.pdf"]),
            snapshots[0].Snapshot, strict: true);
        Assert.Equivalent(new RiskSnapshot("deal", "a.pdf", Severity.Medium, 42m, 11900000000m, "USD", null, [], ["a.pdf"]), snapshots[1].Snapshot, strict: true);
        Assert.Equivalent(new RiskSnapshot("deal", "broken.pdf", null, null, null, null, null, [], []), snapshots[2].Snapshot, strict: true);
        // The review queue reads the migrated cycle from the columns.
        var cycle = Assert.Single(await database.Review.LoadReviewQueueAsync(new ReviewQueueFilter { Type = "cycle" }, ReviewFlagger.Default, CancellationToken.None));
        Assert.Equal("Acme Corp. -> Beacon AI -> Acme Corp.", Assert.IsType<CycleReviewItem>(cycle).Path);
    }

    [Fact]
    public async Task Issue21_LoadReviewQueue_FlagRanksStoredUnderOtherSeverities_AreRecomputed()
    {
        using var db = new InMemoryDatabase();
        var clause = new Clause("c1", ClauseTypes.TakeOrPay, TakeOrPay, 1, 0, TakeOrPay.Length, 0.9, "embedded", ClauseFields.None);
        var run = await db.Documents.StartRunAsync("analyze", CancellationToken.None);
        await db.Documents.SaveAnalysisAsync(Analysis("ab12", [clause]), run, CancellationToken.None);
        var page = new ReviewQueueFilter { Limit = 50 };
        Assert.Single(await db.Review.LoadReviewQueueAsync(page, ReviewFlagger.Default, CancellationToken.None));

        // Ranks as rules where take_or_pay carried no severity would have stored them.
        db.Connection.Execute("UPDATE Clauses SET FlagRank = 0");
        var stale = await db.Review.LoadReviewQueueAsync(page, ReviewFlagger.Default, CancellationToken.None);
        db.Connection.Execute("UPDATE StoreState SET Value = 'rules-without-take-or-pay' WHERE Key = 'review_flag_rules'");

        var recomputed = await db.Review.LoadReviewQueueAsync(page, ReviewFlagger.Default, CancellationToken.None);

        // Under unchanged rules the stored ranks are trusted (so the stale ones hid the clause); changed rules recompute them.
        Assert.Empty(stale);
        Assert.Equal("c1", Assert.IsType<ClauseReviewItem>(Assert.Single(recomputed)).ClauseId);
        Assert.Equal(3, db.Connection.ExecuteScalar<long>("SELECT FlagRank FROM Clauses"));
        Assert.Equal(ReviewFlagger.Default.RulesFingerprint, db.Connection.ExecuteScalar<string>("SELECT Value FROM StoreState WHERE Key = 'review_flag_rules'"));
    }

    private static DocumentAnalysis Analysis(string sha, IReadOnlyList<Clause> clauses)
        => new("a.txt", sha, DocumentText.FromPages([TakeOrPay], DocumentFormat.Text), clauses, DealTerms.Empty, [], "embedded");

    [Fact]
    public async Task Issue19_Open_NewFile_IsInWalModeAtTheLatestVersion()
    {
        var path = _folder.File("new.db");

        await using (var database = DealLensDatabase.Open(path, new FakeTimeProvider()))
        {
            Assert.Equal(SchemaMigrator.Default.LatestVersion, database.MigrationsApplied);
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
        Assert.Equal(SchemaMigrator.Default.LatestVersion, connection.ExecuteScalar<int>("PRAGMA user_version"));
    }

    [Fact]
    public void Issue19_Open_ExistingFileWithNewerSchema_KeepsItsJournalMode()
    {
        // Arrange: a database of a newer DealLens, in SQLite's default rollback-journal mode.
        var path = _folder.File("newer.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            connection.Execute("CREATE TABLE Later (Id INTEGER); PRAGMA user_version = " + (SchemaMigrator.Default.LatestVersion + 1));
        }

        // Act
        var error = Assert.Throws<DealLensException>(() => DealLensDatabase.Open(path, new FakeTimeProvider()));

        // Assert: refused, and the file's journal mode was not switched on the way (only a new, empty file is).
        Assert.Contains("is newer than this DealLens", error.Message, StringComparison.Ordinal);
        using var reopened = new SqliteConnection($"Data Source={path};Pooling=False");
        reopened.Open();
        Assert.Equal("delete", reopened.ExecuteScalar<string>("PRAGMA journal_mode"));
    }
}
