using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using DealLens.Core;
using Microsoft.Data.Sqlite;

namespace DealLens.Storage;

/// <summary>
/// Brings a database up to the newest schema. The only class that runs DDL. Scripts are the embedded
/// <c>Schema/NNNN_*.sql</c> files; the applied version lives in <c>PRAGMA user_version</c> (DbUp's convention of
/// scripts run once, without the package). Each script and its version bump commit together or not at all.
/// </summary>
public sealed class SchemaMigrator
{
    /// <summary>SQLITE_NOTADB: the file is not a SQLite database (or is encrypted).</summary>
    private const int SqliteNotADatabase = 26;

    private const string ResourcePrefix = "DealLens.Storage.Schema.";

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

    /// <summary>The migrator over the scripts embedded in this assembly.</summary>
    public static SchemaMigrator Default { get; } = new(LoadEmbeddedScripts());

    public IReadOnlyList<SchemaScript> Scripts { get; }

    /// <summary>The version a fully migrated database has.</summary>
    public int LatestVersion => Scripts.Count == 0 ? 0 : Scripts[^1].Version;

    /// <summary>
    /// Applies every script newer than the database's <c>user_version</c>. Returns how many were applied.
    /// Throws <see cref="DealLensException"/> when the file is not a SQLite database or its schema is newer than
    /// this build knows. <paramref name="databaseName"/> names the database in messages (defaults to its file).
    /// </summary>
    public int Migrate(SqliteConnection connection, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var name = DescribeDatabase(connection, databaseName);
        try
        {
            var current = GetVersion(connection);
            if (current > LatestVersion)
            {
                throw new DealLensException(
                    $"{name}: database schema version {current} is newer than this DealLens ({LatestVersion}); upgrade DealLens");
            }

            var applied = 0;
            foreach (var script in Scripts.Where(s => s.Version > current))
            {
                if (Apply(connection, script))
                {
                    applied++;
                }
            }

            return applied;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteNotADatabase)
        {
            throw NotADatabase(name, ex);
        }
    }

    /// <summary>The database's <c>PRAGMA user_version</c>: the newest script applied to it.</summary>
    public static int GetVersion(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.ExecuteScalar<int>("PRAGMA user_version");
    }

    internal static DealLensException NotADatabase(string name, SqliteException inner)
        => DatabaseFailure.Describe(inner, name) ?? new($"{name}: not a SQLite database", inner);

    internal static string DescribeDatabase(SqliteConnection connection, string? databaseName)
    {
        if (!string.IsNullOrEmpty(databaseName))
        {
            return databaseName;
        }

        var builder = new SqliteConnectionStringBuilder(connection.ConnectionString);
        return string.IsNullOrEmpty(builder.DataSource) ? ":memory:" : builder.DataSource;
    }

    private static bool Apply(SqliteConnection connection, SchemaScript script)
    {
        // DDL is transactional in SQLite, and so is user_version (it lives in the database header), so a script
        // that fails half-way leaves neither tables nor a version bump behind.
        // BeginTransaction is BEGIN IMMEDIATE: it takes the write lock, so re-reading the version inside it makes a
        // second process that raced us here skip the script instead of failing on "table already exists".
        using var transaction = connection.BeginTransaction();
        try
        {
            if (connection.ExecuteScalar<int>("PRAGMA user_version", transaction: transaction) >= script.Version)
            {
                return false;
            }

            connection.Execute(script.Sql, transaction: transaction);
            // PRAGMA takes no parameters; the version is an int we parsed, not user input.
            connection.Execute(
                "PRAGMA user_version = " + script.Version.ToString(CultureInfo.InvariantCulture), transaction: transaction);
            transaction.Commit();
            return true;
        }
        catch (SqliteException ex) when (DatabaseFailure.Describe(ex, DescribeDatabase(connection, null)) is { } failure)
        {
            // A full, read-only, locked or damaged database: the user's to fix, not a broken script.
            throw failure;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode != SqliteNotADatabase)
        {
            throw new InvalidOperationException($"Schema script {script.Name} failed: {ex.Message}", ex);
        }
    }

    private static List<SchemaScript> LoadEmbeddedScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var fileName = resource[ResourcePrefix.Length..];
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
