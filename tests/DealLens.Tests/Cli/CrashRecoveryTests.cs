using System.Text.Json;
using Dapper;
using DealLens.Cli;
using DealLens.Tests.Cli.Batch;
using DealLens.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace DealLens.Tests.Cli;

/// <summary>
/// Issue 22: kill -9 at several moments of analyze, batch and review apply (while the database is created, after some
/// documents or actions are stored), then check the database: intact, every document stored once, every decision once
/// in the audit trail, and the next run finishes the work.
/// </summary>
[Collection(HeavyTests.Name)]
[Trait("Suite", "Concurrency")]
public sealed class CrashRecoveryTests : IDisposable
{
    private const int Documents = 30;
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("crash.db");

    private string Inbox()
    {
        for (var n = 1; n <= Documents; n++)
        {
            _folder.Write($"inbox/contract-{n:00}.txt", BatchTestKit.Contract(n));
        }

        return _folder.File("inbox");
    }

    /// <summary>A count from the database while another process writes it; -1 while it does not exist or cannot be read yet.</summary>
    private long CountOrMinusOne(string sql)
    {
        if (!File.Exists(Db))
        {
            return -1;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={Db};Mode=ReadOnly;Pooling=False;Default Timeout=1");
            connection.Open();
            return connection.ExecuteScalar<long>(sql);
        }
        catch (SqliteException)
        {
            return -1;
        }
    }

    private void AssertIntact()
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check"));
        Assert.Empty(connection.Query("PRAGMA foreign_key_check"));
        if (connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE name = 'Documents'") == 0)
        {
            // Killed before the first migration committed: an empty file, and nothing half-created.
            Assert.Equal(0, connection.ExecuteScalar<long>("PRAGMA user_version"));
            Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master"));
            return;
        }

        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM (SELECT Sha256 FROM Documents GROUP BY Sha256 HAVING count(*) > 1)"));
        // Every stored document is whole: its pages are there (a document is written in one transaction).
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM Documents d WHERE NOT EXISTS (SELECT 1 FROM Pages p WHERE p.DocumentId = d.Id)"));
    }

    private Func<bool> WhenDocumentsStored(long atLeast)
        => atLeast == 0 ? () => File.Exists(Db) : () => CountOrMinusOne("SELECT count(*) FROM Documents") >= atLeast;

    [Fact]
    public async Task Issue22_AnalyzeKilledAtSeveralMoments_DatabaseIntactEachDocumentOnce()
    {
        var inbox = Inbox();
        var killed = 0;
        foreach (var moment in new long[] { 0, 3, 12 })
        {
            killed += await DealLensProcess.RunAndKillAsync(_folder.Path, WhenDocumentsStored(moment), s_timeout,
                "analyze", inbox, "--db", Db, "--json", "--parallel", "2") ? 1 : 0;
            AssertIntact();
        }

        var finish = await DealLensProcess.RunAsync(_folder.Path, s_timeout, "analyze", inbox, "--db", Db, "--json");

        Assert.True(killed >= 2, $"only {killed} of 3 runs were killed before they finished");
        Assert.True(finish.ExitCode == ExitCodes.Ok, finish.Error);
        AssertIntact();
        Assert.Equal(Documents, CountOrMinusOne("SELECT count(*) FROM Documents"));
    }

    [Fact]
    public async Task Issue22_BatchKilledAtSeveralMoments_NextRunFinishesEachDocumentOnce()
    {
        var inbox = Inbox();
        var killed = 0;
        foreach (var moment in new long[] { 0, 2, 10 })
        {
            killed += await DealLensProcess.RunAndKillAsync(_folder.Path, WhenDocumentsStored(moment), s_timeout,
                "batch", "--inbox", inbox, "--settle", "0", "--db", Db, "--parallel", "2") ? 1 : 0;
            AssertIntact();
        }

        var finish = await DealLensProcess.RunAsync(_folder.Path, s_timeout, "batch", "--inbox", inbox, "--settle", "0", "--db", Db, "--json");

        Assert.True(killed >= 2, $"only {killed} of 3 runs were killed before they finished");
        Assert.True(finish.ExitCode == ExitCodes.Ok, finish.Error);
        AssertIntact();
        Assert.Equal(Documents, CountOrMinusOne("SELECT count(*) FROM Documents"));
        Assert.All(BatchTestKit.AnalyzedCounts(Db), c => Assert.Equal(1, c.Count));
        Assert.Equal(Documents, CountOrMinusOne("SELECT count(*) FROM BatchItems WHERE Status = 'done'"));
    }

    [Fact]
    public async Task Issue22_ReviewApplyKilledAtSeveralMoments_EachDecisionOnceInTheAuditTrail()
    {
        await AnalysedSamples.CopyToAsync(Db);
        var list = await CliRunner.RunAsync(_folder.Path, "review", "list", "--json", "--limit", "0", "--db", Db);
        var items = JsonDocument.Parse(list.Out).RootElement.EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() == "clause")
            .Select(i => i.GetProperty("id").GetString()!).Take(10).ToList();
        Assert.Equal(10, items.Count);
        // 60 decisions, each told apart by its comment: accept, reject and comment over ten items.
        var actions = Enumerable.Range(0, 60).Select(n => (
            Comment: $"decision {n:00}",
            Line: JsonSerializer.Serialize(new { item = items[n % items.Count], action = (n % 3) switch { 0 => "accept", 1 => "reject", _ => "comment" }, comment = $"decision {n:00}" })))
            .ToList();
        const string countDecisions = "SELECT count(*) FROM ReviewAudit WHERE Actor = 'alice'";

        var killed = 0;
        foreach (var moment in new long[] { 1, 15, 40 })
        {
            var done = AuditedComments();
            var remaining = actions.Where(a => !done.Contains(a.Comment)).Select(a => a.Line).ToList();
            var file = _folder.Write($"actions-{moment}.jsonl", string.Join('\n', remaining));
            killed += await DealLensProcess.RunAndKillAsync(_folder.Path, () => CountOrMinusOne(countDecisions) >= moment, s_timeout,
                "review", "apply", file, "--as", "alice", "--db", Db) ? 1 : 0;
            AssertIntact();
            AssertEachDecisionOnceAndVersionsUnbroken();
        }

        var rest = actions.Where(a => !AuditedComments().Contains(a.Comment)).Select(a => a.Line).ToList();
        var finish = await DealLensProcess.RunAsync(_folder.Path, s_timeout, "review", "apply", _folder.Write("rest.jsonl", string.Join('\n', rest)), "--as", "alice", "--db", Db);

        Assert.True(killed >= 2, $"only {killed} of 3 runs were killed before they finished");
        Assert.True(finish.ExitCode == ExitCodes.Ok, finish.Error);
        AssertIntact();
        AssertEachDecisionOnceAndVersionsUnbroken();
        Assert.Equal(actions.Count, AuditedComments().Count);
    }

    private HashSet<string> AuditedComments()
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        return connection.Query<string>("SELECT Comment FROM ReviewAudit WHERE Actor = 'alice'").ToHashSet(StringComparer.Ordinal);
    }

    private void AssertEachDecisionOnceAndVersionsUnbroken()
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        Assert.Empty(connection.Query<string>("SELECT Comment FROM ReviewAudit WHERE Actor = 'alice' GROUP BY Comment HAVING count(*) > 1"));
        // Version = the item's audit rows: no action is half-applied (a state without its audit row, or the reverse).
        Assert.Empty(connection.Query<long>(
            "SELECT i.Id FROM ReviewItems i WHERE i.Version != (SELECT count(*) FROM ReviewAudit a WHERE a.ReviewItemId = i.Id)"));
    }

    [Fact]
    public async Task Issue22_AnalyzeBatchAndReviewApplyAtOnce_AllFinishEachDocumentAndDecisionOnce()
    {
        await AnalysedSamples.CopyToAsync(Db);
        var list = await CliRunner.RunAsync(_folder.Path, "review", "list", "--json", "--limit", "0", "--db", Db);
        var items = JsonDocument.Parse(list.Out).RootElement.EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() == "clause")
            .Select(i => i.GetProperty("id").GetString()!).Take(8).ToList();
        var actions = Enumerable.Range(0, 40)
            .Select(n => JsonSerializer.Serialize(new { item = items[n % items.Count], action = n % 2 == 0 ? "accept" : "comment", comment = $"decision {n:00}" }))
            .ToList();
        var storedBefore = CountOrMinusOne("SELECT count(*) FROM Documents");
        for (var n = 1; n <= 10; n++)
        {
            _folder.Write($"a/contract-{n:00}.txt", BatchTestKit.Contract(100 + n));
            _folder.Write($"b/contract-{n:00}.txt", BatchTestKit.Contract(200 + n));
        }

        // Three writers on one database at once.
        var results = await Task.WhenAll(
            DealLensProcess.RunAsync(_folder.Path, s_timeout, "analyze", _folder.File("a"), "--db", Db, "--json"),
            DealLensProcess.RunAsync(_folder.Path, s_timeout, "batch", "--inbox", _folder.File("b"), "--settle", "0", "--db", Db, "--json"),
            DealLensProcess.RunAsync(_folder.Path, s_timeout, "review", "apply", _folder.Write("actions.jsonl", string.Join('\n', actions)), "--as", "alice", "--db", Db));

        Assert.All(results, r => Assert.True(r.ExitCode == ExitCodes.Ok, $"exit {r.ExitCode}: {r.Error}"));
        AssertIntact();
        Assert.Equal(storedBefore + 20, CountOrMinusOne("SELECT count(*) FROM Documents"));
        AssertEachDecisionOnceAndVersionsUnbroken();
        Assert.Equal(actions.Count, AuditedComments().Count);
    }
}
