using DealLens.Core;
using DealLens.Storage;
using DealLens.Tests.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DealLens.Tests.Storage;

public sealed class SchemaMigratorTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SchemaMigratorTests() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Migrate_EmptyDatabase_AppliesEveryScript()
    {
        var scriptFiles = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "DealLens.Storage", "Schema"), "*.sql");

        var applied = SchemaMigrator.Default.Migrate(_connection);

        Assert.Equal(scriptFiles.Length, SchemaMigrator.Default.Scripts.Count);
        Assert.Equal(scriptFiles.Length, applied);
        Assert.Equal(scriptFiles.Length, _connection.ExecuteScalar<int>("PRAGMA user_version"));
        Assert.Equal(SchemaMigrator.Default.LatestVersion, SchemaMigrator.GetVersion(_connection));
        var tables = _connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'").ToHashSet();
        Assert.Superset(new HashSet<string> { "Clauses", "CompanyAliases", "DealTerms", "Documents", "EvalRuns", "LlmCache", "Pages", "Parties", "RiskSnapshots", "RunDocuments", "Runs" }, tables);
    }

    [Fact]
    public void Migrate_AlreadyCurrent_AppliesNothing()
    {
        SchemaMigrator.Default.Migrate(_connection);

        Assert.Equal(0, SchemaMigrator.Default.Migrate(_connection));
        Assert.Equal(SchemaMigrator.Default.LatestVersion, SchemaMigrator.GetVersion(_connection));
    }

    [Fact]
    public void Migrate_SchemaNewerThanBuild_ThrowsDealLensException()
    {
        var newer = SchemaMigrator.Default.LatestVersion + 1;
        _connection.Execute($"PRAGMA user_version = {newer}");

        var ex = Assert.Throws<DealLensException>(() => SchemaMigrator.Default.Migrate(_connection, "deals.db"));

        Assert.Equal(
            $"deals.db: database schema version {newer} is newer than this DealLens ({SchemaMigrator.Default.LatestVersion}); upgrade DealLens",
            ex.Message);
        Assert.Equal(newer, SchemaMigrator.GetVersion(_connection));
    }

    [Fact]
    public void Migrate_ScriptFails_RollsBackThatScriptOnly()
    {
        var migrator = new SchemaMigrator(
        [
            new SchemaScript(1, "0001_a.sql", "CREATE TABLE A (Id INTEGER PRIMARY KEY);"),
            new SchemaScript(2, "0002_b.sql", "CREATE TABLE B (Id INTEGER PRIMARY KEY); INSERT INTO Missing VALUES (1);"),
        ]);

        var ex = Assert.Throws<InvalidOperationException>(() => migrator.Migrate(_connection));

        Assert.Contains("0002_b.sql", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, SchemaMigrator.GetVersion(_connection));
        Assert.Equal(["A"], _connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'"));
    }

    [Fact]
    public void Constructor_GapInVersions_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SchemaMigrator(
        [
            new SchemaScript(1, "0001_a.sql", "SELECT 1;"),
            new SchemaScript(3, "0003_c.sql", "SELECT 1;"),
        ]));
    }

    [Fact]
    public void Open_FileWithRandomBytes_ThrowsNamingFileAndLeavesItUnchanged()
    {
        var folder = Directory.CreateTempSubdirectory("deallens-tests-");
        try
        {
            // Arrange: a fixed seed, so the "random" file is the same on every run.
            var path = Path.Combine(folder.FullName, "not-a-database.db");
            var bytes = new byte[8192];
            new Random(20250102).NextBytes(bytes);
            File.WriteAllBytes(path, bytes);

            // Act
            var ex = Assert.Throws<DealLensException>(() => SqliteAnalysisStore.Open(path, new FakeTimeProvider()));

            // Assert
            Assert.Equal($"{path}: not a SQLite database", ex.Message);
            Assert.Equal(bytes, File.ReadAllBytes(path));
            Assert.Equal(["not-a-database.db"], folder.GetFiles().Select(f => f.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
