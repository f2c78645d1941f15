using System.Data.Common;
using DealLens.Core;

namespace DealLens.Storage;

/// <summary>Raised each time a <see cref="DealLensDatabase"/> opens its connection (tests count them).</summary>
public sealed class DatabaseOpenedEventArgs(string displayName, string provider) : EventArgs
{
    /// <summary>How the database is named in messages: the path as given, or the connection string without secrets.</summary>
    public string DisplayName { get; } = displayName;

    public string Provider { get; } = provider;
}

/// <summary>
/// The DealLens database, opened once per command: one connection, its settings applied and its schema migrated once,
/// shared by the stores of each table group (<see cref="Documents"/>, <see cref="Review"/>, <see cref="Risk"/>,
/// <see cref="RiskFacts"/>, <see cref="Batch"/>, <see cref="ModelCache"/>, <see cref="EvalRuns"/>). One operation at a time uses the connection
/// (SQLite serialises writers anyway), so the stores are safe to share between the tasks of one process; other
/// processes are handled by the provider (WAL and busy_timeout for SQLite). Provider differences live in
/// <see cref="Dialect"/>.
/// </summary>
public sealed class DealLensDatabase : IDisposable, IAsyncDisposable
{
    /// <summary>The providers a target is matched against, most specific first; SQLite (any path) is the fallback.</summary>
    private static readonly List<SqlDialect> s_dialects = [PostgresDialect.Instance, SqliteDialect.Instance];

    private readonly DbConnection _connection;
    private readonly bool _ownsConnection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private DealLensDatabase(DbConnection connection, SqlDialect dialect, string displayName, TimeProvider time, bool ownsConnection, int migrationsApplied, bool isReadOnly = false)
    {
        MigrationsApplied = migrationsApplied;
        IsReadOnly = isReadOnly;
        _connection = connection;
        _ownsConnection = ownsConnection;
        Dialect = dialect;
        DisplayName = displayName;
        Time = time;
        Documents = new DocumentStore(this);
        Review = new ReviewStore(this);
        Risk = new RiskStore(this);
        RiskFacts = new RiskFactStore(this);
        Batch = new BatchStore(this);
        ModelCache = new ModelReplyCache(this);
        EvalRuns = new EvalRunStore(this);
    }

    /// <summary>Raised after a database is opened and migrated.</summary>
    public static event EventHandler<DatabaseOpenedEventArgs>? Opened;

    public SqlDialect Dialect { get; }

    /// <summary>The schema version the database is at (the newest numbered migration of its provider).</summary>
    public int SchemaVersion => SchemaMigrator.For(Dialect).LatestVersion;

    /// <summary>How many numbered migrations opening the database applied (0 when it was already up to date).</summary>
    public int MigrationsApplied { get; }

    /// <summary>
    /// Whether the database was opened read-only (<see cref="OpenForReading"/> on a SQLite file this process cannot
    /// write, or <c>Mode=ReadOnly</c>): nothing is migrated, and caches the reads would refresh are left as stored.
    /// </summary>
    public bool IsReadOnly { get; }

    /// <summary>How the database is named in messages (never with a password).</summary>
    public string DisplayName { get; }

    public TimeProvider Time { get; }

    /// <summary>Documents, their analyses (clauses, deal terms, parties, origin), versions and run history.</summary>
    public DocumentStore Documents { get; }

    /// <summary>Review items, their audit trail, and the rows the review queue is built from.</summary>
    public ReviewStore Review { get; }

    /// <summary>Company aliases and risk snapshots.</summary>
    public RiskStore Risk { get; }

    /// <summary>Each current document's risk facts: what the scoring stage assembles the graph and scores from.</summary>
    public RiskFactStore RiskFacts { get; }

    /// <summary>The batch queue (inbox files and EDGAR filings) and run liveness.</summary>
    public BatchStore Batch { get; }

    /// <summary>The LLM reply cache.</summary>
    public ModelReplyCache ModelCache { get; }

    /// <summary>Stored evaluation results.</summary>
    public EvalRunStore EvalRuns { get; }

    /// <summary>
    /// Adds a provider (PostgreSQL registers itself here). Targets are matched against providers added later first, so
    /// SQLite stays the fallback for plain paths.
    /// </summary>
    public static void Register(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        lock (s_dialects)
        {
            if (!s_dialects.Contains(dialect))
            {
                s_dialects.Insert(0, dialect);
            }
        }
    }

    /// <summary>The provider for <paramref name="target"/>: a file path or a connection string.</summary>
    public static SqlDialect DialectFor(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        lock (s_dialects)
        {
            return s_dialects.FirstOrDefault(d => d.Accepts(target))
                ?? throw new DealLensException($"--db: no database provider understands this connection string (SQLite takes a path or \"Data Source=...\")");
        }
    }

    /// <summary>
    /// Opens the database named by <paramref name="target"/>: a file path (SQLite, created with its folder if missing;
    /// <c>:memory:</c> for a private in-memory database) or a connection string (its provider chosen by its keys).
    /// Applies the provider's settings and migrations once. Throws <see cref="DealLensException"/> for what the user
    /// can fix (not a database, cannot open, schema too new); an existing file is never deleted or replaced.
    /// </summary>
    public static DealLensDatabase Open(string target, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentNullException.ThrowIfNull(time);
        var dialect = DialectFor(target);
        var connection = dialect.OpenConnection(target, out var displayName);
        try
        {
            return Prepare(connection, dialect, displayName, time, ownsConnection: true);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the database for a command that only reads (report, risk, lists). As <see cref="Open(string, TimeProvider)"/>,
    /// except that a SQLite file this process may read but not write (its permissions, its folder's, or
    /// <c>Mode=ReadOnly</c> in a connection string) is opened read-only instead of failing: it must exist and be at this
    /// DealLens's schema version, and any write fails with a message naming the file.
    /// </summary>
    public static DealLensDatabase OpenForReading(string target, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentNullException.ThrowIfNull(time);
        var dialect = DialectFor(target);
        if (dialect is not SqliteDialect sqlite || !SqliteDialect.IsReadOnlyTarget(target))
        {
            return Open(target, time);
        }

        var connection = sqlite.OpenReadOnlyConnection(target, out var displayName);
        try
        {
            try
            {
                sqlite.ConfigureReadOnly(connection);
                var version = dialect.ReadSchemaVersion(connection, null);
                var latest = SchemaMigrator.For(dialect).LatestVersion;
                if (version != latest)
                {
                    throw new DealLensException(version > latest
                        ? $"{displayName}: database schema version {version} is newer than this DealLens ({latest}); upgrade DealLens"
                        : $"{displayName}: the database is read-only and at schema version {version}, older than this DealLens ({latest}); "
                            + "run `deallens db migrate` on it once where it is writable, or use the DealLens that made it");
                }
            }
            catch (DbException ex) when (dialect.Describe(ex, displayName) is { } failure)
            {
                throw failure;
            }

            var database = new DealLensDatabase(connection, dialect, displayName, time, ownsConnection: true, migrationsApplied: 0, isReadOnly: true);
            Opened?.Invoke(database, new DatabaseOpenedEventArgs(displayName, dialect.Name));
            return database;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Uses a connection the caller owns (tests keep a <c>Data Source=:memory:</c> connection open this way): opens it
    /// if needed, applies the settings and migrates. Disposing the database leaves the connection open.
    /// </summary>
    public static DealLensDatabase Open(DbConnection connection, SqlDialect dialect, TimeProvider time, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(time);
        if (connection.State != System.Data.ConnectionState.Open)
        {
            connection.Open();
        }

        return Prepare(connection, dialect, displayName ?? NameOf(connection), time, ownsConnection: false);
    }

    private static DealLensDatabase Prepare(DbConnection connection, SqlDialect dialect, string displayName, TimeProvider time, bool ownsConnection)
    {
        int applied;
        try
        {
            dialect.Configure(connection, displayName);
            applied = SchemaMigrator.For(dialect).Migrate(connection, dialect, displayName);
            dialect.AfterMigrate(connection);
        }
        catch (DbException ex) when (dialect.Describe(ex, displayName) is { } failure)
        {
            throw failure;
        }

        var database = new DealLensDatabase(connection, dialect, displayName, time, ownsConnection, applied);
        Opened?.Invoke(database, new DatabaseOpenedEventArgs(displayName, dialect.Name));
        return database;
    }

    private static string NameOf(DbConnection connection)
        => string.IsNullOrEmpty(connection.DataSource) ? ":memory:" : connection.DataSource;

    /// <summary>
    /// Runs <paramref name="action"/> with the connection, one operation at a time; failures the user can fix become a
    /// <see cref="DealLensException"/> naming the database.
    /// </summary>
    internal async Task<T> UseAsync<T>(Func<DbConnection, Task<T>> action, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await action(_connection);
        }
        catch (DbException ex) when (Dialect.Describe(ex, DisplayName) is { } failure)
        {
            throw failure;
        }
        finally
        {
            _gate.Release();
        }
    }

    internal Task UseAsync(Func<DbConnection, Task> action, CancellationToken cancellationToken)
        => UseAsync(async connection =>
        {
            await action(connection);
            return true;
        }, cancellationToken);

    /// <summary>Now, as stored: UTC in the round-trip format.</summary>
    internal string Now() => StorageFormat.Timestamp(Time.GetUtcNow());

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_ownsConnection)
        {
            _connection.Dispose();
        }

        _gate.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_ownsConnection)
        {
            await _connection.DisposeAsync();
        }

        _gate.Dispose();
    }
}
