using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using DealLens.Core;
using Microsoft.Data.Sqlite;

namespace DealLens.Storage;

/// <summary>The embedded default: one SQLite file (or <c>:memory:</c>), opened by path or by <c>Data Source=...</c>.</summary>
public sealed class SqliteDialect : SqlDialect
{
    /// <summary>SQLITE_NOTADB.</summary>
    private const int NotADatabase = 26;

    /// <summary>SQLITE_CONSTRAINT (primary code).</summary>
    private const int Constraint = 19;

    public static SqliteDialect Instance { get; } = new();

    /// <summary>How long a write waits for another process's lock before it fails (then: exit 1, "locked").</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    public override string Name => "sqlite";

    public override string SchemaResourcePrefix => "DealLens.Storage.Schema.";

    /// <summary>A path (anything that is not a <c>key=value</c> connection string), or a connection string naming a Data Source.</summary>
    public override bool Accepts(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return !ConnectionStrings.Looks(target) || ConnectionStrings.Has(target, "Data Source", "DataSource", "Filename");
    }

    public override DbConnection OpenConnection(string target, out string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var builder = ConnectionStrings.Looks(target) ? new SqliteConnectionStringBuilder(target) : new SqliteConnectionStringBuilder { DataSource = target };
        var given = builder.DataSource;
        var inMemory = given == ":memory:" || builder.Mode == SqliteOpenMode.Memory;
        displayName = given;
        if (!inMemory)
        {
            var full = Path.GetFullPath(given);
            DatabaseFailure.CheckPath(given, full);
            var folder = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            builder.DataSource = full;
            builder.Mode = builder.Mode == SqliteOpenMode.ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate;
        }

        // The database keeps its one connection for the command; without pooling, Dispose really closes the file.
        builder.Pooling = false;
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            return connection;
        }
        catch (SqliteException ex) when (DatabaseFailure.Describe(ex, given, inMemory ? null : builder.DataSource) is { } failure)
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

    /// <summary>
    /// Whether <paramref name="target"/> is to be opened read-only: a connection string with <c>Mode=ReadOnly</c>, or an
    /// existing file this process cannot write, beside companion files (<c>-wal</c>, <c>-shm</c>) it cannot write, or in
    /// a folder where SQLite could not make them.
    /// </summary>
    public static bool IsReadOnlyTarget(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var builder = ConnectionStrings.Looks(target) ? new SqliteConnectionStringBuilder(target) : new SqliteConnectionStringBuilder { DataSource = target };
        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            return true;
        }

        if (builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource))
        {
            return false;
        }

        var path = Path.GetFullPath(builder.DataSource);
        if (!File.Exists(path))
        {
            return false;
        }

        if (!DatabaseFailure.CanWrite(path))
        {
            return true;
        }

        var companions = new[] { path + "-wal", path + "-shm" };
        return companions.Any(c => File.Exists(c) && !DatabaseFailure.CanWrite(c))
            || !File.Exists(path + "-shm") && !DatabaseFailure.CanCreateIn(Path.GetDirectoryName(path)!);
    }

    /// <summary>
    /// A read-only connection to an existing file (<see cref="IsReadOnlyTarget"/>). SQLite reads a WAL database through
    /// its <c>-shm</c> file and makes one if it is missing; in a folder where it cannot, the file is opened as
    /// immutable (no locks, no <c>-shm</c>), which is safe only while nobody writes it, so only when no <c>-wal</c>
    /// file holds commits that were never copied into the database.
    /// </summary>
    public DbConnection OpenReadOnlyConnection(string target, out string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var builder = ConnectionStrings.Looks(target) ? new SqliteConnectionStringBuilder(target) : new SqliteConnectionStringBuilder { DataSource = target };
        var given = builder.DataSource;
        displayName = given;
        var full = Path.GetFullPath(given);
        DatabaseFailure.CheckPath(given, full);
        if (!File.Exists(full))
        {
            throw new DealLensException($"{given}: no such database (a read-only database is never created)");
        }

        builder.DataSource = full;
        if (!File.Exists(full + "-shm") && !DatabaseFailure.CanCreateIn(Path.GetDirectoryName(full)!))
        {
            if (new FileInfo(full + "-wal") is { Exists: true, Length: > 0 })
            {
                throw new DealLensException(
                    $"{given}: the database is read-only and its folder too, and {full}-wal holds commits not yet in the database "
                    + "file; open it once where it is writable (any DealLens command), or copy the three files to a writable folder");
            }

            builder.DataSource = new Uri(full).AbsoluteUri + "?immutable=1";
        }

        builder.Mode = SqliteOpenMode.ReadOnly;
        builder.Pooling = false;
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            return connection;
        }
        catch (SqliteException ex) when (DatabaseFailure.Describe(ex, given, full) is { } failure)
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

    /// <summary>The per-connection settings of <see cref="Configure"/> that write nothing.</summary>
    public void ConfigureReadOnly(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master");
        connection.Execute("PRAGMA busy_timeout = " + ((int)BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        connection.Execute("PRAGMA cache_size = -65536");
    }

    public override void Configure(DbConnection connection, string displayName)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State != ConnectionState.Open)
        {
            connection.Open();
        }

        // Read before anything writes: on a file that is not a database this fails with SQLITE_NOTADB and the file is
        // left exactly as it was.
        var objects = connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master");
        // Per connection, and a no-op inside a transaction, so it is set here, first.
        connection.Execute("PRAGMA foreign_keys = ON");
        connection.Execute("PRAGMA busy_timeout = " + ((int)BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        if (objects == 0)
        {
            // A new, empty database gets the journal settings of AfterMigrate before its migrations: each script still
            // commits with its version bump or not at all, but appends to the log instead of syncing the file and its
            // rollback journal (15 scripts took 0.06 s instead of 0.4 s on a busy disk; issue #19, cold start). An
            // existing database is left as it is until it has been migrated.
            AfterMigrate(connection);
        }

        // 64 MB of page cache instead of SQLite's 2 MB: the review queue and reports revisit the same clause and
        // document pages; about 20 % faster on a queue of 100,000 clauses (deallens bench).
        connection.Execute("PRAGMA cache_size = -65536");
    }

    public override void AfterMigrate(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // WAL lets readers run while a write is in progress. An in-memory database answers "memory"; that is fine.
        connection.ExecuteScalar<string>("PRAGMA journal_mode = WAL");
        // In WAL mode NORMAL syncs at checkpoints instead of at every commit: a crash or power loss can forget the last
        // commits but never leaves the database inconsistent, and a forgotten document is simply analysed again by the
        // next run. It takes the fsync out of each document's write, which the parallel workers otherwise queue behind.
        connection.Execute("PRAGMA synchronous = NORMAL");
    }

    /// <summary>SQLite keeps the version in the file header (<c>PRAGMA user_version</c>): DbUp's convention without a table.</summary>
    public override int ReadSchemaVersion(DbConnection connection, DbTransaction? transaction)
        => connection.ExecuteScalar<int>("PRAGMA user_version", transaction: transaction);

    public override void WriteSchemaVersion(DbConnection connection, DbTransaction transaction, int version)
        // PRAGMA takes no parameters; the version is an int we parsed, not user input.
        => connection.Execute("PRAGMA user_version = " + version.ToString(CultureInfo.InvariantCulture), transaction: transaction);

    /// <summary>
    /// BEGIN IMMEDIATE: it takes the write lock, so re-reading the version inside it makes a second process that raced us
    /// here skip the script instead of failing on "table already exists". DDL and user_version are transactional in SQLite.
    /// </summary>
    public override DbTransaction BeginMigration(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    /// <summary>BEGIN DEFERRED: a snapshot for the reads, even while another process writes (WAL).</summary>
    public override DbTransaction BeginRead(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public override DealLensException? Describe(DbException exception, string displayName)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is not SqliteException sqlite)
        {
            return null;
        }

        return sqlite.SqliteErrorCode == NotADatabase
            ? DatabaseFailure.Describe(sqlite, displayName) ?? new DealLensException($"{displayName}: not a SQLite database", sqlite)
            : DatabaseFailure.Describe(sqlite, displayName, displayName == ":memory:" ? null : displayName);
    }

    public override bool IsUniqueViolation(DbException exception)
        => exception is SqliteException { SqliteErrorCode: Constraint };

    public override string Greatest(string left, string right) => $"max({left}, {right})";

    public override string JsonText(string column, string field) => $"({column} ->> '$.{field}')";

    public override string IndexHint(string index) => "INDEXED BY " + index;

    // SQLite's ->> gives a JSON true as the integer 1.
    public override string JsonIsTrue(string column, string field) => $"({JsonText(column, field)} = 1)";

    public override string RowId => "rowid";

    public override string ByteLength(string expression) => $"length(CAST({expression} AS BLOB))";
}

/// <summary>Tells a <c>key=value;...</c> connection string from a file path.</summary>
public static class ConnectionStrings
{
    /// <summary>Whether <paramref name="target"/> is a connection string rather than a path: it has a <c>key=</c> before any path separator.</summary>
    public static bool Looks(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var equals = target.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return false;
        }

        var key = target[..equals];
        return key.Trim().Length > 0 && key.IndexOfAny(['/', '\\', '.']) < 0;
    }

    /// <summary>Whether the connection string has one of <paramref name="keys"/> (case-insensitive).</summary>
    public static bool Has(string connectionString, params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return false;
        }

        return keys.Any(builder.ContainsKey);
    }
}
