using System.Text.RegularExpressions;
using DealLens.Cli;
using DealLens.Storage;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli;

public sealed class DbCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static int Latest(SqlDialect dialect) => SchemaMigrator.For(dialect).LatestVersion;

    [Fact]
    public async Task Issue21_Migrate_NewFileThenAgain_CreatesThenSaysUpToDate()
    {
        var db = _folder.File("team.db");

        var first = await CliRunner.RunAsync(_folder.Path, "db", "migrate", "--db", db);
        var second = await CliRunner.RunAsync(_folder.Path, "db", "migrate", "--db", db);

        Assert.True(first.ExitCode == ExitCodes.Ok, first.Error);
        Assert.Contains($"(sqlite): schema version {Latest(SqliteDialect.Instance)}, {Latest(SqliteDialect.Instance)} migrations applied", first.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(db));
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Contains("already up to date", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_NotADatabase_ExitOneNamingTheFileAndLeavingItAlone()
    {
        var db = _folder.Write("notes.db", "these are my notes, not a database");

        var result = await CliRunner.RunAsync(_folder.Path, "db", "migrate", "--db", db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("notes.db", result.Error, StringComparison.Ordinal);
        Assert.Equal("these are my notes, not a database", File.ReadAllText(db));
    }

    [PostgreSqlFact]
    public async Task Issue21_Migrate_PostgreSql_CreatesTablesOnce()
    {
        using var database = TestDatabase.Create(StoreBackend.PostgreSql);

        var first = await CliRunner.RunAsync(_folder.Path, "db", "migrate", "--db", database.Value);
        var second = await CliRunner.RunAsync(_folder.Path, "db", "migrate", "--db", database.Value);

        Assert.True(first.ExitCode == ExitCodes.Ok, first.Error);
        Assert.Matches(new Regex($@"^postgresql://\S+ \(postgresql\): schema version {Latest(PostgresDialect.Instance)}, {Latest(PostgresDialect.Instance)} migrations applied$", RegexOptions.Multiline, TimeSpan.FromSeconds(1)), first.Out);
        Assert.Contains("already up to date", second.Out, StringComparison.Ordinal);
    }
}
