using DealLens.Cli;
using DealLens.Tests.Cli.Batch;
using DealLens.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace DealLens.Tests.Hostile;

/// <summary>
/// Issue 22, "every failure has a class": a database the user can fix (read-only, locked past the time-out, damaged,
/// from a newer DealLens, full disk, not a database, a device) exits 1 with what to do, never 2 ("a bug"); a full disk
/// keeps what was stored and leaves the database usable; a killed run is marked as such by the next one.
/// </summary>
[Trait(HostileKit.Suite, HostileKit.Hostile)]
public sealed class DatabaseFailureTests : IDisposable
{
    private static readonly string[] s_sideFiles = ["-wal", "-shm"];

    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private string Db => _folder.File("deallens.db");

    private async Task<CliResult> AnalyzeAsync(string db, params string[] extra)
    {
        var input = _folder.Write($"in/contract-{Guid.NewGuid():N}.txt", HostileKit.Contract(Random.Shared.Next(1, 1_000_000)));
        var result = await CliRunner.RunAsync(_folder.Path, ["analyze", input, "--db", db, .. extra]);
        SqliteConnection.ClearAllPools();
        return result;
    }

    private static void AssertUserFixable(CliResult result, string database, string what, string todo)
    {
        Assert.True(result.ExitCode == ExitCodes.UsageError, $"exit {result.ExitCode}: {result.Error}");
        Assert.DoesNotContain("unexpected error", result.Error, StringComparison.Ordinal);
        Assert.Contains(database, result.Error, StringComparison.Ordinal);
        Assert.Contains(what, result.Error, StringComparison.Ordinal);
        Assert.Contains(todo, result.Error, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task Issue22_DevNullAsDatabase_ExitsOneNamingIt()
    {
        var result = await AnalyzeAsync("/dev/null");

        AssertUserFixable(result, "/dev/null", "not a regular file", "--db");
    }

    [Fact]
    public async Task Issue22_NotADatabase_ExitsOne()
    {
        File.WriteAllText(Db, "this is a shopping list, not a database\n" + new string('x', 5000));

        var result = await AnalyzeAsync(Db);

        AssertUserFixable(result, Db, "not a SQLite database", "--db");
        Assert.StartsWith("this is a shopping list", File.ReadAllText(Db), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue22_DamagedDatabase_ExitsOneWithHowToRecover()
    {
        Assert.Equal(ExitCodes.Ok, (await AnalyzeAsync(Db)).ExitCode);
        var bytes = File.ReadAllBytes(Db);
        new Random(22).NextBytes(bytes.AsSpan(4096, bytes.Length - 4096));
        File.WriteAllBytes(Db, bytes);
        File.Delete(Db + "-wal");
        File.Delete(Db + "-shm");

        var result = await CliRunner.RunAsync(_folder.Path, "analyze", _folder.File("in"), "--db", Db, "--force");

        AssertUserFixable(result, Db, "damaged", ".recover");
    }

    [Fact]
    public async Task Issue22_NewerSchema_ExitsOneSayingUpgrade()
    {
        Assert.Equal(ExitCodes.Ok, (await AnalyzeAsync(Db)).ExitCode);
        using (var connection = BatchTestKit.Open(Db))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA user_version = 9999";
            command.ExecuteNonQuery();
        }

        var result = await AnalyzeAsync(Db);

        AssertUserFixable(result, Db, "newer than this DealLens", "upgrade");
    }

    [Fact]
    public async Task Issue22_DatabaseLockedPastTheTimeout_ExitsOne()
    {
        Assert.Equal(ExitCodes.Ok, (await AnalyzeAsync(Db)).ExitCode);
        using var holder = BatchTestKit.Open(Db);
        using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }

        var result = await AnalyzeAsync(Db);

        AssertUserFixable(result, Db, "locked by another process", "run again");
    }

    [TmpfsFact]
    public async Task Issue22_ReadOnlyDisk_ExitsOneNothingChanged()
    {
        var mount = _folder.File("ro");
        HostileKit.MountTmpfs(mount, 4096);
        try
        {
            var db = Path.Combine(mount, "deallens.db");
            Assert.Equal(ExitCodes.Ok, (await AnalyzeAsync(db)).ExitCode);
            HostileKit.Remount(mount, "ro");

            var result = await AnalyzeAsync(db);

            AssertUserFixable(result, db, "read-only", "writable");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            HostileKit.Unmount(mount);
        }
    }

    [TmpfsFact]
    public async Task Issue22_DiskFull_StopsCleanlyKeepsStoredAndStaysUsable()
    {
        var mount = _folder.File("small");
        HostileKit.MountTmpfs(mount, 1024);
        try
        {
            var db = Path.Combine(mount, "deallens.db");
            Assert.Equal(ExitCodes.Ok, (await AnalyzeAsync(db)).ExitCode);
            // Forty contracts of ~60 KB each cannot fit in what is left of 1 MiB.
            for (var i = 0; i < 40; i++)
            {
                _folder.Write($"many/c{i:D2}.txt", string.Concat(Enumerable.Repeat(HostileKit.Contract(1000 + i) + "\n\n", 80)));
            }

            var result = await CliRunner.RunAsync(_folder.Path, "analyze", _folder.File("many"), "--db", db, "--parallel", "1");
            SqliteConnection.ClearAllPools();

            AssertUserFixable(result, db, "disk full", "free space");
            Assert.True(result.Error.Split('\n').Count(l => l.Contains("disk full", StringComparison.Ordinal)) <= 2, "the run went on after the disk was full: " + result.Error);
            Assert.Equal("ok", Scalar(db, "PRAGMA integrity_check"));
            var stored = long.Parse(Scalar(db, "SELECT count(*) FROM Documents"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(stored, 1, 40);

            // Space freed: the next run finishes the job.
            File.Move(db, _folder.File("moved.db"));
            foreach (var side in s_sideFiles.Where(s => File.Exists(db + s)))
            {
                File.Move(db + side, _folder.File("moved.db" + side));
            }

            var again = await CliRunner.RunAsync(_folder.Path, "analyze", _folder.File("many"), "--db", _folder.File("moved.db"));
            Assert.Equal(ExitCodes.Ok, again.ExitCode);
            Assert.Equal("41", Scalar(_folder.File("moved.db"), "SELECT count(*) FROM Documents"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            HostileKit.Unmount(mount);
        }
    }

    [Fact]
    public async Task Issue22_KilledAnalyzeRun_MarkedKilledByTheNextRun()
    {
        for (var i = 0; i < 40; i++)
        {
            _folder.Write($"many/c{i:D2}.txt", HostileKit.Contract(2000 + i));
        }

        var killed = await DealLensProcess.RunAndKillAsync(_folder.Path, () => File.Exists(RunLockOf(1)), TimeSpan.FromMinutes(2),
            "analyze", _folder.File("many"), "--db", Db, "--parallel", "1");
        Assert.True(killed, "the first run finished before it could be killed");
        SqliteConnection.ClearAllPools();
        Assert.Equal("running", Scalar(Db, "SELECT Status FROM Runs WHERE Id = 1"));

        var next = await AnalyzeAsync(Db);

        Assert.Equal(ExitCodes.Ok, next.ExitCode);
        Assert.Contains("1 earlier analyze run(s) were killed", next.Error, StringComparison.Ordinal);
        Assert.Equal("killed", Scalar(Db, "SELECT Status FROM Runs WHERE Id = 1"));
        Assert.Equal("ok", Scalar(Db, "SELECT Status FROM Runs WHERE Id = 2"));
    }

    [Fact]
    public async Task Issue22_RunningAnalyze_NotMarkedKilledByAnother()
    {
        Assert.Equal(ExitCodes.Ok, (await AnalyzeAsync(Db)).ExitCode);
        // A live run: its row says running and its process holds the lock.
        using (var connection = BatchTestKit.Open(Db))
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO Runs (Id, Command, StartedAt, Status) VALUES (99, 'analyze', '2026-01-01T00:00:00Z', 'running')";
            insert.ExecuteNonQuery();
        }

        using var alive = DealLens.Cli.Batch.RunLiveness.Hold(Db, 99);

        Assert.Equal(ExitCodes.Ok, (await AnalyzeAsync(Db)).ExitCode);
        Assert.Equal("running", Scalar(Db, "SELECT Status FROM Runs WHERE Id = 99"));
    }

    private string RunLockOf(long runId) => DealLens.Cli.Batch.RunLiveness.PathFor(Db, runId);

    private static string Scalar(string db, string sql)
    {
        using var connection = BatchTestKit.Open(db);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
