using DealLens.Core;
using DealLens.Core.Clauses;
using DealLens.Core.Review;
using DealLens.Core.Risk;
using DealLens.Storage;
using DealLens.Tests.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DealLens.Tests.Storage;

public sealed class SchemaMigratorTests : IDisposable
{
    // As the store writes ClauseFields: snake_case, nulls left out.
    private static readonly System.Text.Json.JsonSerializerOptions s_fieldsJson = new()
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

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
            var ex = Assert.Throws<DealLensException>(() => DealLensDatabase.Open(path, new FakeTimeProvider()));

            // Assert
            Assert.StartsWith($"{path}: not a SQLite database", ex.Message, StringComparison.Ordinal);
            Assert.Equal(bytes, File.ReadAllBytes(path));
            Assert.Equal(["not-a-database.db"], folder.GetFiles().Select(f => f.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Migrate_To7_FillsFlagRankOfStoredClausesAsTheDefaultFlaggerJudgesThem()
    {
        new SchemaMigrator(SchemaMigrator.Default.Scripts.Where(s => s.Version <= 6)).Migrate(_connection);
        _connection.Execute("INSERT INTO Runs (Id, Command, StartedAt, Status) VALUES (1, 'analyze', '2026-01-01', 'done')");
        _connection.Execute(
            """
            INSERT INTO Documents (Id, Sha256, SourcePath, Format, PageCount, Text, Extractor, AnalyzedAt, RunId, WarningsJson, TextWarningsJson)
            VALUES (1, 'abc', 'a.txt', 'text', 1, 'x', 'rules', '2026-01-01', 1, '[]', '[]')
            """);
        var clauses = new List<Clause>();
        var types = ClauseTypes.All.ToList();
        var fieldsChoices = new[]
        {
            ClauseFields.None, new ClauseFields { Redacted = true }, new ClauseFields { Access = "subject_to_availability" },
            new ClauseFields { Access = "guaranteed", Redacted = false },
        };
        for (var i = 0; i < types.Count * 8; i++)
        {
            var clause = new Clause($"c{i}", types[i % types.Count], "x", 1, i, i + 1, i / 8 % 2 == 0 ? 0.3 : 0.9, "rules", fieldsChoices[i / 2 % 4]);
            clauses.Add(clause);
            _connection.Execute(
                """INSERT INTO Clauses (Id, DocumentId, Type, Text, Page, Start, "End", Confidence, Extractor, FieldsJson) VALUES (@Id, 1, @Type, 'x', 1, @Start, @End, @Confidence, 'rules', @FieldsJson)""",
                new { clause.Id, clause.Type, clause.Start, clause.End, clause.Confidence, FieldsJson = System.Text.Json.JsonSerializer.Serialize(clause.Fields, s_fieldsJson) });
        }

        SchemaMigrator.Default.Migrate(_connection);

        var stored = _connection.Query<(string Id, long FlagRank)>("SELECT Id, FlagRank FROM Clauses").ToDictionary(r => r.Id, r => r.FlagRank);
        Assert.Contains(stored.Values, r => r == 3);
        Assert.Contains(stored.Values, r => r == 1);
        Assert.All(clauses, c => Assert.Equal(ReviewFlagger.Default.Flag(c) is { } flag ? Severity.Rank(flag.Severity) : 0, stored[c.Id]));
    }
}
