using System.Diagnostics;
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
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [UnixFact]
    public async Task Issue22_ReadOnlyShmLeftBesideAWritableDatabase_ExitsOneNamingItNothingLost()
    {
        if (Environment.UserName == "root" && !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser"))
        {
            Assert.Fail("running as root, and runuser is missing to run the CLI as an unprivileged user");
        }

        var db = _folder.File("deallens.db");
        var first = _folder.Write("in/first.txt", HostileKit.Contract(1));
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(_folder.Path, "analyze", first, "--db", db)).ExitCode);
        SqliteConnection.ClearAllPools();
        Chmod(_folder.Path, "777");
        Chmod(_folder.File("in"), "777");
        Chmod(db, "444");

        // A reader opens the read-only database: SQLite makes its -shm with the file's mode, 0444.
        var reader = await RunAsUserAsync("risk", "--db", db);
        Assert.Equal(ExitCodes.UsageError, reader.ExitCode);
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

    private static void Chmod(string path, string mode)
    {
        Assert.True(OperatingSystem.IsLinux(), "file modes need Linux");
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode, 8));
        }
    }

    private async Task<CliResult> RunAsUserAsync(params string[] args)
    {
        var root = Environment.UserName == "root";
        var start = new ProcessStartInfo(root ? "runuser" : DealLensProcess.DotnetHost)
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (root)
        {
            foreach (var argument in (string[])["-u", "nobody", "--", DealLensProcess.DotnetHost])
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add(DealLensProcess.AssemblyPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("DEALLENS_", StringComparison.OrdinalIgnoreCase)))
        {
            start.Environment.Remove(name);
        }

        // 'nobody' has no home of its own to write to.
        start.Environment["HOME"] = _folder.Path;
        start.Environment["DOTNET_CLI_HOME"] = _folder.Path;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the CLI");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(s_timeout);
        await process.WaitForExitAsync(cancel.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
