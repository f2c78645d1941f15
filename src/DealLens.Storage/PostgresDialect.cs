using System.Data;
using System.Data.Common;
using Dapper;
using DealLens.Core;
using Npgsql;

namespace DealLens.Storage;

/// <summary>
/// A PostgreSQL database a team shares from several machines (Npgsql), chosen by a connection string with a Host (or
/// Server) key or a <c>postgresql://</c> URI. Its migrations are <c>Schema/PostgreSql/NNNN_*.sql</c>, the same numbers
/// as SQLite's; the applied versions are rows of <c>DealLensSchema</c>. It is named in messages by
/// <see cref="DatabaseLocation.DisplayName"/>, never by the connection string (which may hold a password).
/// </summary>
public sealed class PostgresDialect : SqlDialect
{
    /// <summary>The advisory-lock key of migrations ("DLschema" in ASCII, so it meets no other program's key by chance).</summary>
    public const long MigrationLockKey = 0x444C736368656D61;

    /// <summary>
    /// The advisory-lock key every write transaction takes ("DLwrites"). SQLite lets one writer in at a time and the
    /// stores are written for that: read an item's version then update it, look for a row then insert it. One lock at
    /// the start of each write transaction gives them the same guarantee across machines, while readers go on
    /// unblocked (MVCC). Writes are short (one document's rows, one decision); analysis runs outside any transaction.
    /// </summary>
    public const long WriteLockKey = 0x444C777269746573;

    /// <summary>The session advisory lock of `deallens batch` ("DLbatch!"): one batch at a time per database, whatever the machine.</summary>
    public const long BatchLockKey = 0x444C626174636821;

    /// <summary>Run liveness: each run holds the session lock (<see cref="RunLockSpace"/>, run id) while its process lives.</summary>
    public const int RunLockSpace = 0x444C5275;

    public static PostgresDialect Instance { get; } = new();

    /// <summary>
    /// Takes a session-level advisory lock on a connection of its own, or returns null at once when another session
    /// holds it. The server drops the lock when the holder's connection ends, however its process ends (kill -9, a
    /// machine lost), so a lock left by a dead run is simply free: no stale-lock guesswork. Disposing releases it.
    /// </summary>
    public static IDisposable? TryHoldLock(string target, long key) => TryHold(target, "SELECT pg_try_advisory_lock(@key)", new { key });

    /// <summary><see cref="TryHoldLock(string, long)"/> for a key in two parts (a space and an id, such as a run's).</summary>
    public static IDisposable? TryHoldLock(string target, int space, int id) => TryHold(target, "SELECT pg_try_advisory_lock(@space, @id)", new { space, id });

    private static NpgsqlConnection? TryHold(string target, string sql, object parameters)
    {
        var connection = (NpgsqlConnection)Instance.OpenConnection(target, out var displayName);
        try
        {
            if (connection.ExecuteScalar<bool>(sql, parameters))
            {
                return connection;
            }
        }
        catch (DbException ex) when (PostgresFailure.Describe(ex, displayName) is { } failure)
        {
            connection.Dispose();
            throw failure;
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        connection.Dispose();
        return null;
    }

    public override string Name => "postgresql";

    public override string SchemaResourcePrefix => "DealLens.Storage.PostgreSqlSchema.";

    public override bool Accepts(string target) => DatabaseLocation.IsConnectionString(target);

    public override DbConnection OpenConnection(string target, out string displayName)
    {
        var location = DatabaseLocation.Parse(target);
        displayName = location.DisplayName;
        var builder = new NpgsqlConnectionStringBuilder(location.Value);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            // Shows in pg_stat_activity, so an administrator can tell DealLens sessions apart.
            builder.ApplicationName = "deallens";
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (Exception ex) when (PostgresFailure.Describe(ex, location.DisplayName) is { } failure)
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

    public override void Configure(DbConnection connection, string displayName)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State != ConnectionState.Open)
        {
            connection.Open();
        }
    }

    public override int ReadSchemaVersion(DbConnection connection, DbTransaction? transaction)
        // No table yet: a new database, version 0. pg_class is read with the statement's snapshot, so a process that
        // waited for the migration lock sees the table another just committed (to_regclass could answer from this
        // session's catalog cache, filled before the wait).
        => connection.ExecuteScalar<bool>(
                """
                SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                               WHERE c.relname = 'deallensschema' AND n.nspname = current_schema())
                """, transaction: transaction)
            ? connection.ExecuteScalar<int>("SELECT coalesce(max(Version), 0) FROM DealLensSchema", transaction: transaction)
            : 0;

    public override void WriteSchemaVersion(DbConnection connection, DbTransaction transaction, int version)
        => connection.Execute(
            """
            CREATE TABLE IF NOT EXISTS DealLensSchema (Version BIGINT PRIMARY KEY, AppliedAt TIMESTAMPTZ NOT NULL DEFAULT now());
            INSERT INTO DealLensSchema (Version) VALUES (@version);
            """,
            new { version }, transaction);

    /// <summary>
    /// Holds the migration advisory lock until the transaction ends: a second machine that raced here waits, then
    /// re-reads the version and skips the script. PostgreSQL's DDL is transactional: a script commits whole or not at all.
    /// </summary>
    public override DbTransaction BeginMigration(DbConnection connection)
    {
        var transaction = ((NpgsqlConnection)connection).BeginTransaction(IsolationLevel.ReadCommitted);
        connection.Execute("SELECT pg_advisory_xact_lock(@MigrationLockKey)", new { MigrationLockKey }, transaction);
        return transaction;
    }

    /// <summary>REPEATABLE READ: one snapshot for every read of the transaction, as SQLite's deferred transaction in WAL mode.</summary>
    public override DbTransaction BeginRead(DbConnection connection)
        => ((NpgsqlConnection)connection).BeginTransaction(IsolationLevel.RepeatableRead);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@WriteLockKey)", new { WriteLockKey }, transaction, cancellationToken: cancellationToken));
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public override DealLensException? Describe(DbException exception, string displayName)
        => PostgresFailure.Describe(exception, displayName);

    public override bool IsUniqueViolation(DbException exception)
        => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override string Greatest(string left, string right) => $"GREATEST({left}, {right})";

    // The columns hold JSON as text (the same strings as in SQLite); jsonb reads it.
    public override string JsonText(string column, string field) => $"({column}::jsonb ->> '{field}')";

    public override string JsonIsTrue(string column, string field) => $"(({column}::jsonb -> '{field}') = 'true'::jsonb)";

    public override string InList(string expression, string parameter) => $"{expression} = ANY({parameter})";

    public override string RowId => "ctid";

    public override string ByteLength(string expression) => $"octet_length({expression})";
}
