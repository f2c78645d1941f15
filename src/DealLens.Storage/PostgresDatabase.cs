using System.Data;
using Dapper;
using Npgsql;

namespace DealLens.Storage;

/// <summary>
/// Opens a shared PostgreSQL database for DealLens: the same checks as a SQLite file (unreachable, refused, missing,
/// schema too new: one line naming the database, exit 1) and the migrations applied before anything else writes.
/// </summary>
public static class PostgresDatabase
{
    /// <summary>
    /// The advisory-lock key every write transaction takes ("DLwrites" in ASCII). SQLite lets one writer at a time in
    /// (BEGIN IMMEDIATE) and the stores are written for that: read a version, then update it; look for a row, then
    /// insert it. Taking one lock at the start of each write transaction gives them the same guarantee on a shared
    /// server, whatever the machine, while readers go on unblocked (MVCC). Writes are short (one document, one
    /// decision), so a team does not queue noticeably; the long part of analysis happens outside any transaction.
    /// </summary>
    public const long WriteLockKey = 0x444C777269746573;

    /// <summary>Opens and migrates the database at <paramref name="location"/>. The caller disposes the connection.</summary>
    public static NpgsqlConnection Open(DatabaseLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!location.IsPostgreSql)
        {
            throw new ArgumentException("Not a PostgreSQL database.", nameof(location));
        }

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
            PostgresSchemaMigrator.Default.Migrate(connection, location.DisplayName);
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

    /// <summary>
    /// Begins a write transaction that holds the database's write lock until it ends (see <see cref="WriteLockKey"/>):
    /// PostgreSQL's counterpart of SQLite's BEGIN IMMEDIATE.
    /// </summary>
    public static async Task<NpgsqlTransaction> BeginWriteAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
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

    /// <summary>
    /// Begins a read transaction: one snapshot for all its queries, as SQLite's deferred transaction gives in WAL mode.
    /// </summary>
    public static Task<NpgsqlTransaction> BeginReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).AsTask();
    }
}
