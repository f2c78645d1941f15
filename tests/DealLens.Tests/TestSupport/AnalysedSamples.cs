using DealLens.Cli;
using Microsoft.Data.Sqlite;

namespace DealLens.Tests.TestSupport;

/// <summary>
/// samples/ (about 250 documents) analysed once per test run, in process with the fixed clock of <see cref="CliRunner"/>,
/// into a database that tests copy before they change it. The same command a test would run itself
/// (<c>analyze samples/ --db PATH</c>), so a copy holds the same rows; each test that analysed the samples for its set-up
/// took 10-25 s of the serial heavy collection.
/// </summary>
public static class AnalysedSamples
{
    private static readonly Lazy<Task<byte[]>> s_database = new(AnalyseAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Writes a private copy of the analysed samples to <paramref name="path"/> (a database file that does not exist yet).</summary>
    public static async Task CopyToAsync(string path)
    {
        Assert.False(File.Exists(path), $"{path} exists already");
        await File.WriteAllBytesAsync(path, await s_database.Value);
    }

    private static async Task<byte[]> AnalyseAsync()
    {
        using var folder = new TempFolder();
        var db = folder.File("samples.db");
        var result = await CliRunner.RunAsync(folder.Path, "analyze", RepoPaths.Samples, "--db", db);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        // Pooled connections keep the write-ahead log open; closing them checkpoints it into the database file.
        SqliteConnection.ClearAllPools();
        Assert.False(File.Exists(db + "-wal") && new FileInfo(db + "-wal").Length > 0, "the analysed samples' write-ahead log was not checkpointed");
        return await File.ReadAllBytesAsync(db);
    }
}
