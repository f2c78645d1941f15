using System.Text.Json;
using Dapper;
using DealLens.Cli;
using DealLens.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DealLens.Tests.Cli;

/// <summary>
/// Issue #21: several analysts' processes on one database. Real CLI processes (the built deallens.dll), on a SQLite
/// file and on a PostgreSQL database.
/// </summary>
public sealed class TeamStoreTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(4);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [SqliteBackend]
    [PostgreSqlBackend]
    public async Task Issue21_AnalyzeAndReviewApply_TwoProcessesAtOnce_NoDecisionOrRowLost(StoreBackend backend)
    {
        using var database = TestDatabase.Create(backend);
        var contracts = Path.Combine(RepoPaths.Root, "samples", "contracts");
        var announcements = Path.Combine(RepoPaths.Root, "samples", "announcements");
        await SetUpAsync("analyze", contracts, "--db", database.Value);
        var open = OpenItemIds(await SetUpAsync("review", "list", "--json", "--status", "open", "--limit", "1000", "--db", database.Value));
        Assert.True(open.Count >= 5, $"the sample contracts gave only {open.Count} open review items");
        var decisions = _folder.Write("decisions.jsonl", string.Join('\n', open.Select((id, i) =>
            JsonSerializer.Serialize(new Dictionary<string, string> { ["item"] = id, ["action"] = i % 2 == 0 ? "accept" : "reject", ["comment"] = $"decision {i}" }))));
        var announcementCount = Directory.GetFiles(announcements, "*.txt").Length;

        // Act: one analyst analyses 50-odd announcements while another records every decision, each in its own process.
        var analyzing = DealLensProcess.RunAsync(_folder.Path, s_timeout, "analyze", announcements, "--db", database.Value);
        var reviewing = DealLensProcess.RunAsync(_folder.Path, s_timeout, "review", "apply", decisions, "--as", "ana", "--db", database.Value);
        var results = await Task.WhenAll(analyzing, reviewing);

        Assert.True(results[0].ExitCode == ExitCodes.Ok, $"analyze: {results[0].ExitCode}\n{results[0].Error}");
        Assert.True(results[1].ExitCode == ExitCodes.Ok, $"review apply: {results[1].ExitCode}\n{results[1].Error}");
        var contractCount = Directory.GetFiles(contracts).Length;
        Assert.Equal(contractCount + announcementCount, database.Count("SELECT count(*) FROM Documents"));
        Assert.Equal(contractCount + announcementCount, database.Count("SELECT count(*) FROM RunDocuments"));
        Assert.Equal(open.Count, database.Count("SELECT count(*) FROM ReviewAudit WHERE Actor = 'ana'"));
        Assert.Equal(open.Count, database.Count("SELECT count(*) FROM ReviewItems WHERE Status IN ('accepted', 'rejected') AND UpdatedBy = 'ana'"));
        Assert.Equal((open.Count + 1) / 2, database.Count("SELECT count(*) FROM ReviewItems WHERE Status = 'accepted'"));
    }

    [Theory]
    [SqliteBackend]
    [PostgreSqlBackend]
    public async Task Issue21_TwoReviewersApplyingAtOnce_EveryDecisionKept(StoreBackend backend)
    {
        using var database = TestDatabase.Create(backend);
        await SetUpAsync("analyze", Path.Combine(RepoPaths.Root, "samples", "contracts"), "--db", database.Value);
        var open = OpenItemIds(await SetUpAsync("review", "list", "--json", "--status", "open", "--limit", "1000", "--db", database.Value));
        // Both reviewers comment on every item and each decides half of them: the two processes interleave on the same rows.
        string Script(string who, int half) => string.Join('\n', open.SelectMany((id, i) => (IEnumerable<string>)
        [
            JsonSerializer.Serialize(new Dictionary<string, string> { ["item"] = id, ["action"] = "comment", ["comment"] = $"{who} read {i}" }),
            .. i % 2 == half ? [JsonSerializer.Serialize(new Dictionary<string, string> { ["item"] = id, ["action"] = "accept" })] : Array.Empty<string>(),
        ]));
        var ana = _folder.Write("ana.jsonl", Script("ana", 0));
        var ben = _folder.Write("ben.jsonl", Script("ben", 1));

        var results = await Task.WhenAll(
            DealLensProcess.RunAsync(_folder.Path, s_timeout, "review", "apply", ana, "--as", "ana", "--db", database.Value),
            DealLensProcess.RunAsync(_folder.Path, s_timeout, "review", "apply", ben, "--as", "ben", "--db", database.Value));

        Assert.All(results, r => Assert.True(r.ExitCode == ExitCodes.Ok, $"{r.ExitCode}\n{r.Error}"));
        Assert.Equal(open.Count * 2 + open.Count, database.Count("SELECT count(*) FROM ReviewAudit"));
        Assert.Equal(open.Count, database.Count("SELECT count(*) FROM ReviewItems WHERE Status = 'accepted'"));
        // Version = the item's audit rows (0005_review.sql): no action overwrote another's.
        Assert.Equal(0, database.Count("SELECT count(*) FROM ReviewItems r WHERE Version <> (SELECT count(*) FROM ReviewAudit a WHERE a.ReviewItemId = r.Id)"));
    }

    [Theory]
    [SqliteBackend]
    [PostgreSqlBackend]
    public async Task Issue21_TwoBatchRunsOnOneQueue_BothAnalyseAtOnceAndEachDocumentOnce(StoreBackend backend)
    {
        using var database = TestDatabase.Create(backend);
        var inbox = Path.Combine(_folder.Path, "inbox");
        Directory.CreateDirectory(inbox);
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "announcements"), "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "contracts")))
            .ToList();
        foreach (var file in files)
        {
            var copy = Path.Combine(inbox, Path.GetFileName(file));
            File.Copy(file, copy);
            // Settled long ago: the runs need not wait for the inbox to be quiet.
            File.SetLastWriteTimeUtc(copy, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        var distinct = files.Select(f => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))).Distinct().Count();

        // Two machines' scheduled runs starting together on the same queue: no --wait, one document at a time each.
        var results = await Task.WhenAll(
            DealLensProcess.RunAsync(_folder.Path, s_timeout, "batch", "--inbox", inbox, "--settle", "1", "--parallel", "1", "--json", "--db", database.Value),
            DealLensProcess.RunAsync(_folder.Path, s_timeout, "batch", "--inbox", inbox, "--settle", "1", "--parallel", "1", "--json", "--db", database.Value));

        Assert.All(results, r => Assert.True(r.ExitCode == ExitCodes.Ok, $"{r.ExitCode}\n{r.Error}"));
        Assert.Equal(distinct, database.Count("SELECT count(*) FROM Documents"));
        Assert.Equal(distinct, database.Count("SELECT count(*) FROM RunDocuments WHERE Status = 'analyzed'"));
        Assert.Equal(files.Count, database.Count("SELECT count(*) FROM RunDocuments"));
        Assert.Equal(0, database.Count("SELECT count(*) FROM (SELECT Sha256 FROM RunDocuments WHERE Status = 'analyzed' GROUP BY Sha256 HAVING count(*) > 1) t"));
        Assert.Equal(files.Count, database.Count("SELECT count(*) FROM BatchItems WHERE Status = 'done' AND ClaimRunId IS NULL"));
        Assert.Equal(2, database.Count("SELECT count(*) FROM Runs WHERE Command = 'batch' AND Status <> 'running'"));
        // Both runs took documents: they worked the queue at the same time rather than one after the other.
        var news = results.Select(r => JsonDocument.Parse(r.Out).RootElement.GetProperty("new").GetInt32()).ToList();
        Assert.True(news.All(n => n > 0), $"documents analysed by each run: {string.Join(", ", news)}");
        Assert.Equal(distinct, news.Sum());
        Assert.All(results, r => Assert.Contains(" took [", r.Error, StringComparison.Ordinal));
    }

    [Theory]
    [SqliteBackend]
    [PostgreSqlBackend]
    public async Task Issue21_TwoBatchRunsOnOneQueue_OneKilled_TheOtherTakesOverItsClaim(StoreBackend backend)
    {
        using var database = TestDatabase.Create(backend);
        var inbox = Path.Combine(_folder.Path, "inbox");
        Directory.CreateDirectory(inbox);
        // Four copies of each announcement, each with its own last line (so its own content): enough work that the first
        // run cannot finish the queue before the second has started and committed documents of its own.
        var sources = Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "announcements"), "*.txt");
        var files = new List<string>();
        foreach (var (file, copyNumber) in sources.SelectMany(f => Enumerable.Range(1, 4).Select(n => (f, n))))
        {
            var copy = Path.Combine(inbox, $"{copyNumber}-{Path.GetFileName(file)}");
            File.WriteAllText(copy, File.ReadAllText(file) + $"\nCopy {copyNumber}.\n");
            File.SetLastWriteTimeUtc(copy, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            files.Add(copy);
        }

        var distinct = files.Select(f => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))).Distinct().Count();
        string[] args = ["batch", "--inbox", inbox, "--settle", "1", "--parallel", "1", "--json", "--db", database.Value];
        // The team's database exists already (the test polls its tables from the start).
        DealLens.Storage.DealLensDatabase.Open(database.Value, TimeProvider.System).Dispose();
        var polled = System.Diagnostics.Stopwatch.StartNew();
        // Killed (SIGKILL: no clean-up, its claim left in the database) once both runs have committed documents and hold a claim.
        bool BothAtWork()
        {
            if (polled.ElapsedMilliseconds < 100)
            {
                return false;
            }

            polled.Restart();
            return database.Count("SELECT count(*) FROM (SELECT RunId FROM RunDocuments GROUP BY RunId HAVING count(*) >= 2) t") == 2
                && database.Count("SELECT count(DISTINCT ClaimRunId) FROM BatchItems WHERE ClaimRunId IS NOT NULL") == 2;
        }

        var killing = DealLensProcess.RunAndKillAsync(_folder.Path, BothAtWork, s_timeout, args);
        var surviving = DealLensProcess.RunAsync(_folder.Path, s_timeout, args);
        var killed = await killing;
        var survivor = await surviving;

        Assert.True(killed, "the first run finished before both runs were at work");
        Assert.True(survivor.ExitCode == ExitCodes.Ok, $"{survivor.ExitCode}\n{survivor.Error}");
        Assert.Equal(distinct, database.Count("SELECT count(*) FROM Documents"));
        Assert.Equal(0, database.Count("SELECT count(*) FROM (SELECT Sha256 FROM RunDocuments WHERE Status = 'analyzed' GROUP BY Sha256 HAVING count(*) > 1) t"));
        Assert.Equal(files.Count, database.Count("SELECT count(*) FROM BatchItems WHERE Status = 'done' AND ClaimRunId IS NULL"));
        Assert.Equal(1, database.Count("SELECT count(*) FROM Runs WHERE Command = 'batch' AND Status = 'interrupted'"));
        Assert.Contains("stopped while this one worked", survivor.Error, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task Issue21_PasswordInConnectionString_NeverPrintedOrStored()
    {
        using var database = TestDatabase.Create(StoreBackend.PostgreSql);
        var password = new NpgsqlConnectionStringBuilder(database.Value).Password!;
        var inbox = Path.Combine(_folder.Path, "inbox");
        Directory.CreateDirectory(inbox);
        File.Copy(Path.Combine(RepoPaths.Root, "samples", "contracts", "capacity-backstop.txt"), Path.Combine(inbox, "a.txt"));
        File.SetLastWriteTimeUtc(Path.Combine(inbox, "a.txt"), new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var wrong = new NpgsqlConnectionStringBuilder(database.Value) { Password = "not-" + password }.ConnectionString;

        var outputs = new List<CliResult>
        {
            await DealLensProcess.RunAsync(_folder.Path, s_timeout, "analyze", Path.Combine(RepoPaths.Root, "samples", "contracts"), "--db", database.Value),
            await DealLensProcess.RunAsync(_folder.Path, s_timeout, "batch", "--inbox", inbox, "--settle", "1", "--json", "--db", database.Value),
            await DealLensProcess.RunAsync(_folder.Path, s_timeout, "review", "list", "--db", database.Value),
            await DealLensProcess.RunAsync(_folder.Path, s_timeout, "risk", "--db", database.Value),
            await DealLensProcess.RunAsync(_folder.Path, s_timeout, "documents", "list", "--db", database.Value),
            await DealLensProcess.RunAsync(_folder.Path, s_timeout, "risk", "--db", wrong),
        };

        Assert.All(outputs.Take(5), r => Assert.True(r.ExitCode == ExitCodes.Ok, $"{r.ExitCode}\n{r.Error}"));
        Assert.Equal(ExitCodes.UsageError, outputs[^1].ExitCode);
        Assert.Contains("refused the user name or password", outputs[^1].Error, StringComparison.Ordinal);
        Assert.All(outputs, r => Assert.DoesNotContain(password, r.Out + r.Error, StringComparison.Ordinal));
        // Nothing in any text column of any table, and no file named after the connection string.
        using var connection = new NpgsqlConnection(database.Value);
        connection.Open();
        var columns = connection.Query<(string Table, string Column)>(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'text'").ToList();
        Assert.NotEmpty(columns);
        foreach (var (table, column) in columns)
        {
            Assert.Equal(0L, connection.ExecuteScalar<long>($"SELECT count(*) FROM {table} WHERE strpos({column}, @password) > 0", new { password }));
        }

        Assert.DoesNotContain(Directory.GetFileSystemEntries(_folder.Path, "*", SearchOption.AllDirectories), p => p.Contains(password, StringComparison.Ordinal));
    }

    // The set-up before the processes under test runs in this process (the command tree as CliRunner runs it): what it
    // stores is the same, and the test is about the processes that run at once, not about these.
    private async Task<string> SetUpAsync(params string[] args)
    {
        var result = await CliRunner.RunAsync(_folder.Path, args);
        Assert.True(result.ExitCode == ExitCodes.Ok, $"deallens {string.Join(' ', args.Where(a => !a.Contains("Password", StringComparison.OrdinalIgnoreCase)))}: {result.ExitCode}\n{result.Error}");
        return result.Out;
    }

    private static List<string> OpenItemIds(string json)
        => JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(e => e.EnumerateObject().First(p => p.NameEquals("id")).Value.ToString())
            .ToList();
}
