using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using DealLens.Core;
using Npgsql;

namespace DealLens.Storage;

/// <summary>
/// Brings a PostgreSQL database up to the newest schema with the embedded <c>Schema/PostgreSql/NNNN_*.sql</c> scripts,
/// the same numbers as the SQLite ones. PostgreSQL has no <c>user_version</c>, so the applied versions are rows of
/// <c>DealLensSchema</c>. Every run holds a transaction-scoped advisory lock, so two machines starting at once apply
/// each script once; PostgreSQL's DDL is transactional, so a script and its version row commit together or not at all.
/// </summary>
public sealed class PostgresSchemaMigrator
{
    private const string ResourcePrefix = "DealLens.Storage.PostgreSqlSchema.";

    /// <summary>The advisory-lock key of migrations: "DLschema" in ASCII, so it cannot meet another program's key by chance.</summary>
    private const long MigrationLockKey = 0x444C736368656D61;

    private static readonly Regex s_scriptName = new(@"^(?<version>\d{4})_[A-Za-z0-9_]+\.sql$", RegexOptions.CultureInvariant);

    public PostgresSchemaMigrator(IEnumerable<SchemaScript> scripts)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        var ordered = scripts.OrderBy(s => s.Version).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Version != i + 1)
            {
                throw new ArgumentException(
                    $"Schema scripts must be numbered 1..{ordered.Count} without gaps; found {ordered[i].Name} at position {i + 1}.",
                    nameof(scripts));
            }
        }

        Scripts = ordered;
    }

    /// <summary>The migrator over the PostgreSQL scripts embedded in this assembly.</summary>
    public static PostgresSchemaMigrator Default { get; } = new(LoadEmbeddedScripts());

    public IReadOnlyList<SchemaScript> Scripts { get; }

    public int LatestVersion => Scripts.Count == 0 ? 0 : Scripts[^1].Version;

    /// <summary>
    /// Applies every script newer than the database's version; returns how many. Throws <see cref="DealLensException"/>
    /// when the database's schema is newer than this build knows (then nothing is changed).
    /// </summary>
    public int Migrate(NpgsqlConnection connection, string databaseName)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // Read first, without a lock: an up-to-date database (every command but the first after an upgrade) takes none.
        var current = GetVersion(connection);
        if (current > LatestVersion)
        {
            throw new DealLensException(
                $"{databaseName}: database schema version {current} is newer than this DealLens ({LatestVersion}); upgrade DealLens on this machine");
        }

        if (current == LatestVersion)
        {
            return 0;
        }

        using var transaction = connection.BeginTransaction();
        connection.Execute("SELECT pg_advisory_xact_lock(@MigrationLockKey)", new { MigrationLockKey }, transaction);
        connection.Execute(
            "CREATE TABLE IF NOT EXISTS DealLensSchema (Version BIGINT PRIMARY KEY, Name TEXT NOT NULL, AppliedAt TIMESTAMPTZ NOT NULL DEFAULT now())",
            transaction: transaction);
        // Another machine may have migrated while we waited for the lock: read again under it.
        current = connection.ExecuteScalar<int>("SELECT coalesce(max(Version), 0) FROM DealLensSchema", transaction: transaction);
        if (current > LatestVersion)
        {
            throw new DealLensException(
                $"{databaseName}: database schema version {current} is newer than this DealLens ({LatestVersion}); upgrade DealLens on this machine");
        }

        var applied = 0;
        foreach (var script in Scripts.Where(s => s.Version > current))
        {
            try
            {
                connection.Execute(script.Sql, transaction: transaction);
            }
            catch (PostgresException ex) when (PostgresFailure.Describe(ex, databaseName) is null)
            {
                throw new InvalidOperationException($"Schema script PostgreSql/{script.Name} failed: {ex.MessageText}", ex);
            }

            connection.Execute(
                "INSERT INTO DealLensSchema (Version, Name) VALUES (@Version, @Name)", new { script.Version, script.Name }, transaction);
            applied++;
        }

        transaction.Commit();
        return applied;
    }

    /// <summary>The newest script applied to the database; 0 for an empty one.</summary>
    public static int GetVersion(NpgsqlConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // to_regclass is NULL when the table does not exist: a new database, not an error.
        return connection.ExecuteScalar<bool>("SELECT to_regclass('DealLensSchema') IS NOT NULL")
            ? connection.ExecuteScalar<int>("SELECT coalesce(max(Version), 0) FROM DealLensSchema")
            : 0;
    }

    private static List<SchemaScript> LoadEmbeddedScripts()
    {
        var assembly = typeof(PostgresSchemaMigrator).Assembly;
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var fileName = resource[ResourcePrefix.Length..];
            var match = s_scriptName.Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Embedded schema script 'PostgreSql/{fileName}' is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
            using var reader = new StreamReader(stream);
            scripts.Add(new SchemaScript(int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), fileName, reader.ReadToEnd()));
        }

        return scripts;
    }
}
