using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace DealLens.Storage;

/// <summary>
/// The one way every store opens the DealLens database: the same checks (not a database, cannot open, schema too
/// new), the same per-connection pragmas, and migrations applied before anything else writes.
/// </summary>
internal static class SqliteDatabase
{
    /// <summary>SQLITE_NOTADB.</summary>
    private const int SqliteNotADatabase = 26;

    /// <summary>How long a write waits for another process's lock before it fails (then: exit 1, "locked").</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Opens (creating it and its folder if missing) the database at <paramref name="databasePath"/>, migrated to the
    /// newest schema. <c>":memory:"</c> gives a private in-memory database. An existing file is never replaced.
    /// </summary>
    public static SqliteConnection OpenFile(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var inMemory = databasePath == ":memory:";
        var dataSource = inMemory ? databasePath : Path.GetFullPath(databasePath);
        if (!inMemory)
        {
            DatabaseFailure.CheckPath(databasePath, dataSource);
            var folder = Path.GetDirectoryName(dataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // A store keeps its one connection for its lifetime; without pooling, Dispose really closes the file.
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Prepare(connection, databasePath);
            return connection;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteNotADatabase)
        {
            connection.Dispose();
            throw SchemaMigrator.NotADatabase(databasePath, ex);
        }
        catch (SqliteException ex) when (DatabaseFailure.Describe(ex, databasePath, inMemory ? null : dataSource) is { } failure)
        {
            connection.Dispose();
            throw failure;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="connection"/> if needed, sets the pragmas and migrates it.</summary>
    public static void Prepare(SqliteConnection connection, string? databaseName)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State != ConnectionState.Open)
        {
            connection.Open();
        }

        var name = SchemaMigrator.DescribeDatabase(connection, databaseName);
        try
        {
            // Read before anything writes: on a file that is not a database this fails with SQLITE_NOTADB and the
            // file is left exactly as it was.
            connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master");
            // Per connection, and a no-op inside a transaction, so it is set here, first.
            connection.Execute("PRAGMA foreign_keys = ON");
            connection.Execute("PRAGMA busy_timeout = " + ((int)BusyTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
            // 64 MB of page cache instead of SQLite's 2 MB: the review queue and reports revisit the same clause and
            // document pages; about 20 % faster on a queue of 100,000 clauses (deallens bench).
            connection.Execute("PRAGMA cache_size = -65536");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteNotADatabase)
        {
            throw SchemaMigrator.NotADatabase(name, ex);
        }
        catch (SqliteException ex) when (DatabaseFailure.Describe(ex, name, connection.DataSource) is { } failure)
        {
            throw failure;
        }

        try
        {
            Finish(connection, name);
        }
        catch (SqliteException ex) when (DatabaseFailure.Describe(ex, name, connection.DataSource) is { } failure)
        {
            throw failure;
        }
    }

    private static void Finish(SqliteConnection connection, string name)
    {
        // Migrate (or refuse a newer schema) before switching to WAL, so a database we refuse is not modified.
        SchemaMigrator.Default.Migrate(connection, name);

        // WAL lets readers run while a write is in progress. An in-memory database answers "memory"; that is fine.
        connection.ExecuteScalar<string>("PRAGMA journal_mode = WAL");
        // In WAL mode NORMAL syncs at checkpoints instead of at every commit: a crash or power loss can forget the last
        // commits but never leaves the database inconsistent, and a forgotten document is simply analysed again by the
        // next run. It takes the fsync out of each document's write, which the parallel workers otherwise queue behind.
        connection.Execute("PRAGMA synchronous = NORMAL");
    }
}
