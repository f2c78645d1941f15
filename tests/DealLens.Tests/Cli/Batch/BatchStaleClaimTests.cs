using System.Text;
using System.Text.Json;
using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli.Batch;

/// <summary>
/// The last batch run is killed while it holds a claim, with no other run left to take it over (docs/batch-queue.md).
/// `batch --status` must call the claim stale, and the next scheduled run must take it over without an operator and
/// without analysing any document twice. Real CLI processes, SQLite and PostgreSQL.
/// </summary>
public sealed class BatchStaleClaimTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(4);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [SqliteBackend]
    [PostgreSqlBackend]
    public async Task Issue21_LastRunKilledHoldingAClaim_StatusShowsItStale_NextRunTakesItOverOnce(StoreBackend backend)
    {
        using var database = TestDatabase.Create(backend);
        var inbox = Path.Combine(_folder.Path, "inbox");
        Directory.CreateDirectory(inbox);
        // Two long contracts (taken first: largest first) and two short ones, each its own content.
        var files = new List<string>();
        for (var n = 1; n <= 4; n++)
        {
            var path = Path.Combine(inbox, $"contract-{n}.txt");
            File.WriteAllText(path, n <= 2 ? LongContract(n, 250_000 + (n * 10_000)) : BatchTestKit.Contract(n));
            File.SetLastWriteTimeUtc(path, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            files.Add(path);
        }

        string[] run = ["batch", "--inbox", inbox, "--settle", "1", "--parallel", "1", "--json", "--db", database.Value];
        DealLens.Storage.DealLensDatabase.Open(database.Value, TimeProvider.System).Dispose();

        // Killed (SIGKILL: its claim stays in the database) once it has committed one document and claimed the next.
        var polled = System.Diagnostics.Stopwatch.StartNew();
        bool CommittedOneAndHoldsAClaim()
        {
            if (polled.ElapsedMilliseconds < 100)
            {
                return false;
            }

            polled.Restart();
            return database.Count("SELECT count(*) FROM RunDocuments") >= 1
                && database.Count("SELECT count(*) FROM BatchItems WHERE ClaimRunId IS NOT NULL") == 1;
        }

        Assert.True(await DealLensProcess.RunAndKillAsync(_folder.Path, CommittedOneAndHoldsAClaim, s_timeout, run), "the run finished before it was killed");
        var claimed = database.Count("SELECT Id FROM BatchItems WHERE ClaimRunId IS NOT NULL");
        var committedBefore = database.Count("SELECT count(*) FROM RunDocuments");

        // The claim is reported stale (a PostgreSQL server drops the dead session's lock a moment after the kill).
        var status = await StaleStatusAsync(database);
        var claim = Assert.Single(status.GetProperty("claims").EnumerateArray());
        Assert.Equal("stale", claim.GetProperty("state").GetString());
        Assert.Contains("process is gone", claim.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("gone", Assert.Single(status.GetProperty("runs").EnumerateArray()).GetProperty("liveness").GetString());
        Assert.Equal(files.Count - committedBefore, status.GetProperty("pending").GetInt32());
        // --status changed nothing: the claim and the run are as the kill left them.
        Assert.Equal(claimed, database.Count("SELECT Id FROM BatchItems WHERE ClaimRunId IS NOT NULL"));
        Assert.Equal(1, database.Count("SELECT count(*) FROM Runs WHERE Status = 'running'"));

        // The next scheduled run, with no operator action, finishes the queue.
        var next = await DealLensProcess.RunAsync(_folder.Path, s_timeout, run);

        Assert.True(next.ExitCode == ExitCodes.Ok, $"{next.ExitCode}\n{next.Error}");
        Assert.Contains("interrupted; this run finishes what they left", next.Error, StringComparison.Ordinal);
        Assert.Equal(files.Count - committedBefore, JsonDocument.Parse(next.Out).RootElement.GetProperty("new").GetInt32());
        Assert.Equal(files.Count, database.Count("SELECT count(*) FROM Documents"));
        Assert.Equal(files.Count, database.Count("SELECT count(*) FROM RunDocuments WHERE Status = 'analyzed'"));
        Assert.Equal(0, database.Count("SELECT count(*) FROM (SELECT Sha256 FROM RunDocuments GROUP BY Sha256 HAVING count(*) > 1) t"));
        Assert.Equal(files.Count, database.Count("SELECT count(*) FROM BatchItems WHERE Status = 'done' AND ClaimRunId IS NULL"));
        Assert.Equal(1, database.Count("SELECT count(*) FROM Runs WHERE Status = 'interrupted'"));

        var after = await StatusAsync(database);
        Assert.Empty(after.GetProperty("claims").EnumerateArray());
        Assert.Empty(after.GetProperty("runs").EnumerateArray());
        Assert.Equal(files.Count, after.GetProperty("done").GetInt32());
    }

    private static string LongContract(int n, int length)
    {
        var text = new StringBuilder(BatchTestKit.Contract(n));
        for (var section = 3; text.Length < length; section++)
        {
            text.Append($"\n{section}. Provider shall deliver the Reserved Capacity described in Schedule {section} of Agreement No. {n}, and Customer shall pay each invoice within thirty (30) days.\n");
        }

        return text.ToString();
    }

    private async Task<JsonElement> StatusAsync(TestDatabase database)
    {
        var result = await DealLensProcess.RunAsync(_folder.Path, s_timeout, "batch", "--status", "--json", "--db", database.Value);
        Assert.True(result.ExitCode == ExitCodes.Ok, $"{result.ExitCode}\n{result.Error}");
        return JsonDocument.Parse(result.Out).RootElement.Clone();
    }

    private async Task<JsonElement> StaleStatusAsync(TestDatabase database)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var status = await StatusAsync(database);
            if (status.GetProperty("claims").EnumerateArray().All(c => c.GetProperty("state").GetString() == "stale")
                || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return status;
            }

            await Task.Delay(250);
        }
    }
}
