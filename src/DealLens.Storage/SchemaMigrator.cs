using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using DealLens.Core;
using Microsoft.Data.Sqlite;

namespace DealLens.Storage;

/// <summary>
/// Brings a database up to the newest schema. The only class that runs DDL. Scripts are the embedded
/// <c>Schema/NNNN_*.sql</c> files of the provider (<see cref="SqlDialect.SchemaResourcePrefix"/>); the applied version
/// lives where the dialect keeps it (SQLite: <c>PRAGMA user_version</c>; DbUp's convention of scripts run once, without
/// the package). Each script and its version bump commit together or not at all.
/// </summary>
public sealed class SchemaMigrator
{
    private static readonly Regex s_scriptName = new(@"^(?<version>\d{4})_[A-Za-z0-9_]+\.sql$", RegexOptions.CultureInvariant);

    public SchemaMigrator(IEnumerable<SchemaScript> scripts)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        var ordered = scripts.OrderBy(s => s.Version).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            // Versions are 1, 2, 3, ...: a gap or a duplicate means a script was misnamed.
            if (ordered[i].Version != i + 1)
            {
                throw new ArgumentException(
                    $"Schema scripts must be numbered 1..{ordered.Count} without gaps; found {ordered[i].Name} at position {i + 1}.",
                    nameof(scripts));
            }
        }

        Scripts = ordered;
    }

    private static readonly ConcurrentDictionary<string, SchemaMigrator> s_byPrefix = new(StringComparer.Ordinal);

    /// <summary>The migrator over the SQLite scripts embedded in this assembly.</summary>
    public static SchemaMigrator Default => For(SqliteDialect.Instance);

    /// <summary>The migrator over the scripts of <paramref name="dialect"/>, embedded in this assembly.</summary>
    public static SchemaMigrator For(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return s_byPrefix.GetOrAdd(dialect.SchemaResourcePrefix, prefix => new SchemaMigrator(LoadEmbeddedScripts(prefix)));
    }

    public IReadOnlyList<SchemaScript> Scripts { get; }

    /// <summary>The version a fully migrated database has.</summary>
    public int LatestVersion => Scripts.Count == 0 ? 0 : Scripts[^1].Version;

    /// <summary>
    /// Applies every script newer than the database's <c>user_version</c>. Returns how many were applied.
    /// Throws <see cref="DealLensException"/> when the file is not a SQLite database or its schema is newer than
    /// this build knows. <paramref name="databaseName"/> names the database in messages (defaults to its file).
    /// </summary>
    public int Migrate(SqliteConnection connection, string? databaseName = null)
        => Migrate(connection, SqliteDialect.Instance, databaseName);

    /// <summary>As <see cref="Migrate(SqliteConnection, string?)"/>, for any provider's connection.</summary>
    public int Migrate(DbConnection connection, SqlDialect dialect, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dialect);
        var name = DescribeDatabase(connection, databaseName);
        try
        {
            var current = dialect.ReadSchemaVersion(connection, null);
            if (current > LatestVersion)
            {
                throw new DealLensException(
                    $"{name}: database schema version {current} is newer than this DealLens ({LatestVersion}); upgrade DealLens");
            }

            var applied = 0;
            foreach (var script in Scripts.Where(s => s.Version > current))
            {
                if (Apply(connection, dialect, name, script))
                {
                    applied++;
                }
            }

            return applied;
        }
        catch (DbException ex) when (dialect.Describe(ex, name) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>The database's <c>PRAGMA user_version</c>: the newest script applied to it.</summary>
    public static int GetVersion(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.ExecuteScalar<int>("PRAGMA user_version");
    }

    internal static string DescribeDatabase(DbConnection connection, string? databaseName)
        => !string.IsNullOrEmpty(databaseName) ? databaseName
            : string.IsNullOrEmpty(connection.DataSource) ? ":memory:"
            : connection.DataSource;

    private static bool Apply(DbConnection connection, SqlDialect dialect, string name, SchemaScript script)
    {
        // The dialect's migration transaction holds the lock that makes a second process that raced us here wait, then
        // re-read the version and skip the script instead of failing on "table already exists"; a script that fails
        // half-way leaves neither tables nor a version bump behind.
        using var transaction = dialect.BeginMigration(connection);
        try
        {
            if (dialect.ReadSchemaVersion(connection, transaction) >= script.Version)
            {
                return false;
            }

            connection.Execute(script.Sql, transaction: transaction);
            dialect.WriteSchemaVersion(connection, transaction, script.Version);
            transaction.Commit();
            return true;
        }
        catch (DbException ex) when (dialect.Describe(ex, name) is { } failure)
        {
            // A full, read-only, locked or damaged database: the user's to fix, not a broken script.
            throw failure;
        }
        catch (DbException ex)
        {
            throw new InvalidOperationException($"Schema script {script.Name} failed: {ex.Message}", ex);
        }
    }

    private static List<SchemaScript> LoadEmbeddedScripts(string prefix)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.IndexOf('.', prefix.Length) == n.LastIndexOf('.')))
        {
            var fileName = resource[prefix.Length..];
            var match = s_scriptName.Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Embedded schema script '{fileName}' is not named NNNN_name.sql.");
            }

            scripts.Add(new SchemaScript(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), fileName, ReadResource(assembly, resource)));
        }

        return scripts;
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
