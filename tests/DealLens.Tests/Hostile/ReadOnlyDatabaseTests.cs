using System.Security.Cryptography;
using DealLens.Cli;
using DealLens.Cli.Risk;
using DealLens.Core;
using DealLens.Core.Review;
using DealLens.Core.Risk;
using DealLens.Storage;
using DealLens.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DealLens.Tests.Hostile;

/// <summary>
/// A database the user may read but not write (a colleague's file, a read-only share): the reading commands open it
/// read-only and answer; the writing ones exit 1 naming the file. Permissions do not bind root, so the CLI runs as
/// 'nobody' when the tests run as root (real child processes); the store-level tests use SQLite's own read-only mode,
/// which binds root too.
/// </summary>
[Trait(HostileKit.Suite, HostileKit.Hostile)]
public sealed class ReadOnlyDatabaseTests : IDisposable
{
    private static readonly string[][] s_readers =
    [
        ["risk"],
        ["risk", "--json"],
        ["report", "--format", "md", "--out", "-"],
        ["review", "list"],
        ["companies", "list"],
        ["companies", "kinds"],
        ["documents", "list"],
        ["batch", "--status"],
        ["graph", "--format", "json"],
    ];

    private static readonly string[][] s_writers =
    [
        ["companies", "merge", "Cobalt Compute", "Cobalt Cloud Holdings, LLC"],
        ["companies", "kind", "Cobalt Compute", "gpu_cloud"],
    ];

    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in Directory.EnumerateFileSystemEntries(_folder.Path, "*", SearchOption.AllDirectories).Prepend(_folder.Path))
        {
            UnprivilegedCli.Chmod(path, Directory.Exists(path) ? "777" : "666");
        }

        _folder.Dispose();
    }

    [UnixFact]
    public async Task ReadOnlyFile_ReadersAnswerWritersExitOneNamingIt()
    {
        Require();
        var db = await AnalyzedDatabaseAsync("shared");
        UnprivilegedCli.Chmod(Path.GetDirectoryName(db)!, "777");
        UnprivilegedCli.Chmod(db, "444");

        await AssertReadOnlyBehaviourAsync(db);
    }

    [UnixFact]
    public async Task ReadOnlyFolder_ReadersAnswerWithoutLeavingFilesBehind()
    {
        Require();
        var db = await AnalyzedDatabaseAsync("share");
        var folder = Path.GetDirectoryName(db)!;
        UnprivilegedCli.Chmod(db, "444");
        UnprivilegedCli.Chmod(folder, "555");

        await AssertReadOnlyBehaviourAsync(db);
        Assert.Equal(["deallens.db", "first.txt"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [UnixFact]
    public async Task WritableFile_WritersStillWrite()
    {
        Require();
        var db = await AnalyzedDatabaseAsync("own");
        UnprivilegedCli.Chmod(Path.GetDirectoryName(db)!, "777");
        UnprivilegedCli.Chmod(db, "666");

        var merge = await UnprivilegedCli.RunAsync(_folder.Path, "companies", "merge", "Cobalt Compute", "Cobalt Cloud Holdings, LLC", "--db", db);

        Assert.True(merge.ExitCode == ExitCodes.Ok, $"exit {merge.ExitCode}: {merge.Error}");
    }

    [Fact]
    public async Task OpenForReading_ModeReadOnly_ReadsAndRefusesWritesNamingTheFile()
    {
        var db = await AnalyzedDatabaseAsync("store");
        var before = Hash(db);
        var time = new FakeTimeProvider(CliRunner.FixedNow);

        await using (var database = DealLensDatabase.OpenForReading($"Data Source={db};Mode=ReadOnly", time))
        {
            Assert.True(database.IsReadOnly);
            var session = await RiskSession.LoadAsync(database, RiskOptions.Default, CancellationToken.None);
            Assert.NotEmpty(session.Graph.Companies);
            Assert.NotNull(await database.Review.LoadReviewQueueAsync(new ReviewQueueFilter(), ReviewFlagger.Default, CancellationToken.None));
            Assert.Single(await database.Documents.ListDocumentsAsync(includeSuperseded: false, CancellationToken.None));

            var write = await Assert.ThrowsAsync<DealLensException>(() => database.Risk.MergeAsync("Cobalt Compute", "Cobalt Cloud Holdings, LLC", CancellationToken.None));
            Assert.Contains(db, write.Message, StringComparison.Ordinal);
            Assert.Contains("read-only", write.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, Hash(db));
    }

    [Fact]
    public async Task OpenForReading_OlderSchemaReadOnly_SaysHowToUpgrade()
    {
        var db = await AnalyzedDatabaseAsync("old");
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = " + (SchemaMigrator.Default.LatestVersion - 1);
            command.ExecuteNonQuery();
        }

        var failure = Assert.Throws<DealLensException>(() => DealLensDatabase.OpenForReading($"Data Source={db};Mode=ReadOnly", TimeProvider.System));

        Assert.Contains("older than this DealLens", failure.Message, StringComparison.Ordinal);
        Assert.Contains("deallens db migrate", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenForReading_MissingFileReadOnly_IsNotCreated()
    {
        var db = _folder.File("missing.db");

        var failure = Assert.Throws<DealLensException>(() => DealLensDatabase.OpenForReading($"Data Source={db};Mode=ReadOnly", TimeProvider.System));

        Assert.Contains("no such database", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    private async Task AssertReadOnlyBehaviourAsync(string db)
    {
        var before = Hash(db);
        foreach (var args in s_readers)
        {
            var result = await UnprivilegedCli.RunAsync(_folder.Path, [.. args, "--db", db]);
            Assert.True(result.ExitCode == ExitCodes.Ok, $"{string.Join(' ', args)}: exit {result.ExitCode}: {result.Error}");
        }

        var risk = await UnprivilegedCli.RunAsync(_folder.Path, "risk", "--db", db);
        Assert.Contains("Cobalt", risk.Out, StringComparison.Ordinal);
        foreach (var args in (string[][])[.. s_writers, ["documents", "remove", Path.Combine(Path.GetDirectoryName(db)!, "first.txt")]])
        {
            var result = await UnprivilegedCli.RunAsync(_folder.Path, [.. args, "--db", db]);
            Assert.True(result.ExitCode == ExitCodes.UsageError, $"{string.Join(' ', args)}: exit {result.ExitCode}: {result.Error}");
            Assert.Contains(db, result.Error, StringComparison.Ordinal);
            Assert.Contains("read-only", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("unexpected error", result.Error, StringComparison.Ordinal);
        }

        Assert.Equal(before, Hash(db));
    }

    private async Task<string> AnalyzedDatabaseAsync(string folder)
    {
        var contract = _folder.Write(Path.Combine(folder, "first.txt"), RiskCommandContract);
        var db = _folder.File(Path.Combine(folder, "deallens.db"));
        var analyze = await CliRunner.RunAsync(_folder.Path, "analyze", contract, "--db", db);
        Assert.True(analyze.ExitCode == ExitCodes.Ok, analyze.Error);
        SqliteConnection.ClearAllPools();
        return db;
    }

    private static void Require()
    {
        if (UnprivilegedCli.Unavailable() is { } reason)
        {
            Assert.Fail(reason);
        }
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private const string RiskCommandContract =
        "GPU CAPACITY AGREEMENT\n\nThis GPU Capacity Agreement is entered into by and between Cobalt Compute, Inc. (\"Provider\") and "
        + "Beacon AI, Inc. (\"Customer\").\n\n1. Commitment. Customer shall purchase GPU cloud capacity of not less than $5,000,000,000 over "
        + "the term, and shall pay for the committed capacity whether or not it is used.\n";
}
