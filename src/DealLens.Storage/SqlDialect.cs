using System.Data.Common;
using DealLens.Core;

namespace DealLens.Storage;

/// <summary>
/// Everything that differs between database providers, held by <see cref="DealLensDatabase"/> so the stores above it
/// write one portable SQL (Dapper parameters, <c>INSERT ... ON CONFLICT ... DO UPDATE</c>, <c>RETURNING</c>, which
/// SQLite and PostgreSQL share). A provider brings: how to open a connection from its connection string, its
/// per-connection settings, its numbered migrations folder and where it records the schema version, how a read
/// snapshot is begun, the few SQL fragments that really differ, and which of its errors the user can fix.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Short provider name shown in messages and docs ("sqlite", "postgresql").</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Prefix of the embedded migration scripts (<c>NNNN_name.sql</c>) of this provider. Each provider has its own
    /// folder with the same numbers, so a version means the same schema everywhere.
    /// </summary>
    public abstract string SchemaResourcePrefix { get; }

    /// <summary>Whether <paramref name="target"/> (a <c>--db</c> value or <c>DEALLENS_DB</c>) is for this provider.</summary>
    public abstract bool Accepts(string target);

    /// <summary>
    /// Opens a connection to <paramref name="target"/> (a connection string, or for SQLite also a file path), creating
    /// what the provider creates on first use. Throws <see cref="DealLensException"/> for what the user can fix.
    /// <paramref name="displayName"/> is set to how the database is named in messages (never with a password).
    /// </summary>
    public abstract DbConnection OpenConnection(string target, out string displayName);

    /// <summary>Per-connection settings applied once, right after opening and before migrating (SQLite pragmas).</summary>
    public abstract void Configure(DbConnection connection, string displayName);

    /// <summary>Settings applied once after the schema is current (SQLite: WAL), so a database refused is not modified.</summary>
    public virtual void AfterMigrate(DbConnection connection)
    {
    }

    /// <summary>The schema version recorded in the database (0 for a new one).</summary>
    public abstract int ReadSchemaVersion(DbConnection connection, DbTransaction? transaction);

    /// <summary>Records <paramref name="version"/> inside the migration's transaction.</summary>
    public abstract void WriteSchemaVersion(DbConnection connection, DbTransaction transaction, int version);

    /// <summary>
    /// Begins the transaction one migration script runs in, holding whatever lock makes a second process that raced
    /// here wait and then see the new version (SQLite: BEGIN IMMEDIATE).
    /// </summary>
    public abstract DbTransaction BeginMigration(DbConnection connection);

    /// <summary>A transaction that gives several reads one snapshot without taking the write lock.</summary>
    public abstract DbTransaction BeginRead(DbConnection connection);

    /// <summary>
    /// A write transaction that holds the database's one write lock until it ends, so a store may read, then write what
    /// it read, as if alone (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock every writer takes).
    /// </summary>
    public virtual async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>
    /// The user-facing failure for <paramref name="exception"/> (disk full, read-only, locked, damaged, not a database,
    /// cannot connect), or null when it is not one the user can fix (then it is a bug: exit 2).
    /// </summary>
    public abstract DealLensException? Describe(DbException exception, string displayName);

    /// <summary>Whether <paramref name="exception"/> is a unique or primary-key violation (a concurrent insert won).</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>SQL for the larger of two values (SQLite <c>max(a, b)</c>, PostgreSQL <c>GREATEST(a, b)</c>).</summary>
    public abstract string Greatest(string left, string right);

    /// <summary>SQL for the text of a top-level field of a JSON text column, or NULL (<c>FieldsJson</c>, <c>redacted</c>).</summary>
    public abstract string JsonText(string column, string field);

    /// <summary>An index hint after a table alias where the provider has one (SQLite <c>INDEXED BY</c>); empty elsewhere.</summary>
    public virtual string IndexHint(string index) => "";

    /// <summary>
    /// SQL for "<paramref name="expression"/> is one of the list <paramref name="parameter"/>". Dapper expands
    /// <c>IN @list</c> into one parameter per value for SQLite, but hands Npgsql the list as one array parameter, which
    /// PostgreSQL reads with <c>= ANY(@list)</c>.
    /// </summary>
    public virtual string InList(string expression, string parameter) => $"{expression} IN {parameter}";

    /// <summary>SQL for a JSON text column's top-level field being JSON <c>true</c>.</summary>
    public abstract string JsonIsTrue(string column, string field);

    /// <summary>The hidden physical row id, for "these rows" subqueries on tables without one key column (SQLite <c>rowid</c>, PostgreSQL <c>ctid</c>).</summary>
    public abstract string RowId { get; }

    /// <summary>SQL for the length in bytes (UTF-8) of a text value.</summary>
    public abstract string ByteLength(string expression);
}
