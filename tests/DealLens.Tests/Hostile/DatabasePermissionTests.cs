using DealLens.Cli;
using DealLens.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace DealLens.Tests.Hostile;

/// <summary>
/// A SQLite database made read-only and then writable again: SQLite created its <c>-shm</c> file with the read-only
/// permissions of that moment, and it stays read-only after the database file is fixed. The message used to say "the
/// database is read-only" while the database file was writable; it now names the file to fix. Permissions do not bind
/// root, so as root the CLI runs as 'nobody' (runuser), in a real child process.
/// </summary>
[Trait(HostileKit.Suite, HostileKit.Hostile)]
public sealed class DatabasePermissionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [UnixFact]
    public async Task Issue22_ReadOnlyShmLeftBesideAWritableDatabase_ExitsOneNamingItNothingLost()
    {
        if (UnprivilegedCli.Unavailable() is { } reason)
        {
            Assert.Fail(reason);
        }

        var db = _folder.File("deallens.db");
        var first = _folder.Write("in/first.txt", HostileKit.Contract(1));
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(_folder.Path, "analyze", first, "--db", db)).ExitCode);
        SqliteConnection.ClearAllPools();
        Chmod(_folder.Path, "777");
        Chmod(_folder.File("in"), "777");
        Chmod(db, "444");

        // A reader opens the read-only database (read-only, so it succeeds): SQLite makes its -shm with the file's mode, 0444.
        var reader = await RunAsUserAsync("risk", "--db", db);
        Assert.True(reader.ExitCode == ExitCodes.Ok, $"exit {reader.ExitCode}: {reader.Error}");
        Assert.True(File.Exists(db + "-shm"), "SQLite made no -shm file: " + reader.Error);

        Chmod(db, "666");
        var second = _folder.Write("in/second.txt", HostileKit.Contract(2));
        var result = await RunAsUserAsync("analyze", second, "--db", db);

        Assert.True(result.ExitCode == ExitCodes.UsageError, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains(db + "-shm", result.Error, StringComparison.Ordinal);
        Assert.Contains("make deallens.db-shm writable", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", result.Error, StringComparison.Ordinal);
        using var check = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        check.Open();
        using var count = check.CreateCommand();
        count.CommandText = "SELECT count(*) FROM Documents";
        Assert.Equal(1L, (long)count.ExecuteScalar()!);
    }

    private static void Chmod(string path, string mode) => UnprivilegedCli.Chmod(path, mode);

    private Task<CliResult> RunAsUserAsync(params string[] args) => UnprivilegedCli.RunAsync(_folder.Path, args);
}
