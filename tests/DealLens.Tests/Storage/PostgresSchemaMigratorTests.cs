using Dapper;
using DealLens.Core;
using DealLens.Storage;
using DealLens.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DealLens.Tests.Storage;

public sealed class PostgresSchemaMigratorTests
{
    private static readonly SchemaMigrator s_migrator = SchemaMigrator.For(PostgresDialect.Instance);

    [Fact]
    public void Scripts_PostgreSqlFolder_SameNumbersAndNamesAsSqlite()
    {
        Assert.Equal(
            SchemaMigrator.Default.Scripts.Select(s => s.Name),
            s_migrator.Scripts.Select(s => s.Name));
        Assert.Equal(
            Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "DealLens.Storage", "Schema", "PostgreSql"), "*.sql").Length,
            s_migrator.Scripts.Count);
    }

    [PostgreSqlFact]
    public void Migrate_EmptyDatabase_SameTablesAndColumnsAsSqlite()
    {
        using var database = TestDatabase.Create(StoreBackend.PostgreSql);
        using var connection = new NpgsqlConnection(database.Value);
        connection.Open();

        var applied = s_migrator.Migrate(connection, PostgresDialect.Instance, "test");

        Assert.Equal(s_migrator.LatestVersion, applied);
        Assert.Equal(s_migrator.LatestVersion, PostgresDialect.Instance.ReadSchemaVersion(connection, null));
        var postgres = connection.Query<(string Table, string Column)>(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'deallensschema'")
            .Select(c => $"{c.Table}.{c.Column}".ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        using var sqlite = new SqliteConnection("Data Source=:memory:");
        sqlite.Open();
        SchemaMigrator.Default.Migrate(sqlite);
        var expected = sqlite.Query<(string Table, string Column)>(
                "SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table'")
            .Select(c => $"{c.Table}.{c.Column}".ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, postgres);
    }

    [PostgreSqlFact]
    public void Migrate_AlreadyCurrent_AppliesNothing()
    {
        using var database = TestDatabase.Create(StoreBackend.PostgreSql);
        using var connection = new NpgsqlConnection(database.Value);
        connection.Open();
        s_migrator.Migrate(connection, PostgresDialect.Instance, "test");

        Assert.Equal(0, s_migrator.Migrate(connection, PostgresDialect.Instance, "test"));
    }

    [PostgreSqlFact]
    public async Task Migrate_EightConnectionsAtOnce_EachScriptAppliedOnce()
    {
        using var database = TestDatabase.Create(StoreBackend.PostgreSql);

        var applied = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            using var connection = new NpgsqlConnection(database.Value);
            connection.Open();
            return s_migrator.Migrate(connection, PostgresDialect.Instance, "test");
        })));

        Assert.Equal(s_migrator.LatestVersion, applied.Sum());
        using var check = new NpgsqlConnection(database.Value);
        check.Open();
        Assert.Equal(
            Enumerable.Range(1, s_migrator.LatestVersion).Select(v => (long)v),
            check.Query<long>("SELECT Version FROM DealLensSchema ORDER BY Version"));
    }

    [PostgreSqlFact]
    public void Migrate_SchemaNewerThanBuild_ThrowsAndChangesNothing()
    {
        using var database = TestDatabase.Create(StoreBackend.PostgreSql);
        using var connection = new NpgsqlConnection(database.Value);
        connection.Open();
        s_migrator.Migrate(connection, PostgresDialect.Instance, "test");
        var newer = s_migrator.LatestVersion + 1;
        connection.Execute("INSERT INTO DealLensSchema (Version) VALUES (@newer)", new { newer });

        var ex = Assert.Throws<DealLensException>(() => s_migrator.Migrate(connection, PostgresDialect.Instance, "postgresql://db/deallens"));

        Assert.Equal(
            $"postgresql://db/deallens: database schema version {newer} is newer than this DealLens ({s_migrator.LatestVersion}); upgrade DealLens",
            ex.Message);
    }

    [PostgreSqlFact]
    public void Migrate_ScriptFails_RollsBackThatScriptOnly()
    {
        using var database = TestDatabase.Create(StoreBackend.PostgreSql);
        using var connection = new NpgsqlConnection(database.Value);
        connection.Open();
        var migrator = new SchemaMigrator(
        [
            new SchemaScript(1, "0001_a.sql", "CREATE TABLE A (Id BIGINT PRIMARY KEY);"),
            new SchemaScript(2, "0002_b.sql", "CREATE TABLE B (Id BIGINT PRIMARY KEY); INSERT INTO Missing VALUES (1);"),
        ]);

        var ex = Assert.Throws<InvalidOperationException>(() => migrator.Migrate(connection, PostgresDialect.Instance, "test"));

        Assert.Contains("0002_b.sql", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, PostgresDialect.Instance.ReadSchemaVersion(connection, null));
        Assert.Equal(["a", "deallensschema"], connection.Query<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"));
    }

    [PostgreSqlFact]
    public void ReviewAudit_UpdateDeleteOrTruncate_Refused()
    {
        using var database = TestDatabase.Create(StoreBackend.PostgreSql);
        using var opened = DealLensDatabase.Open(database.Value, TimeProvider.System);
        using var connection = new NpgsqlConnection(database.Value);
        connection.Open();
        connection.Execute(
            """
            INSERT INTO ReviewItems (Kind, ItemKey, Status, UpdatedAt, UpdatedBy) VALUES ('cycle', 'A>B', 'accepted', 't', 'ana');
            INSERT INTO ReviewAudit (ReviewItemId, At, Actor, Action) SELECT Id, 't', 'ana', 'accept' FROM ReviewItems;
            """);

        foreach (var sql in (string[])["UPDATE ReviewAudit SET Actor = 'mallory'", "DELETE FROM ReviewAudit", "TRUNCATE ReviewAudit"])
        {
            var ex = Assert.Throws<PostgresException>(() => connection.Execute(sql));
            Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
        }

        Assert.Equal("ana", connection.ExecuteScalar<string>("SELECT Actor FROM ReviewAudit"));
    }
}
