using DealLens.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DealLens.Tests.TestSupport;

/// <summary>
/// The one in-memory setup of the storage tests: a <c>Data Source=:memory:</c> connection kept open for the whole test
/// (closing it would drop the database), migrated through <see cref="DealLensDatabase"/>, with a fixed clock.
/// </summary>
public sealed class InMemoryDatabase : IDisposable
{
    public static readonly DateTimeOffset DefaultNow = new(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    private readonly TestDatabase? _server;

    public InMemoryDatabase(DateTimeOffset? now = null)
        : this(StoreBackend.Sqlite, now)
    {
    }

    /// <summary>
    /// On <see cref="StoreBackend.PostgreSql"/>: a fresh database on the test server (<see cref="PostgresServer"/>),
    /// opened by its connection string like the CLI opens it, and dropped on dispose.
    /// </summary>
    public InMemoryDatabase(StoreBackend backend, DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? DefaultNow);
        if (backend == StoreBackend.Sqlite)
        {
            var connection = new SqliteConnection("Data Source=:memory:");
            connection.Open();
            Connection = connection;
            Database = DealLensDatabase.Open(connection, SqliteDialect.Instance, Time);
            return;
        }

        _server = TestDatabase.Create(backend);
        Database = DealLensDatabase.Open(_server.Value, Time);
        var raw = new Npgsql.NpgsqlConnection(_server.Value);
        raw.Open();
        Connection = raw;
    }

    /// <summary>A raw connection to the same database, for checking what the stores wrote.</summary>
    public System.Data.Common.DbConnection Connection { get; }

    public FakeTimeProvider Time { get; }

    public DealLensDatabase Database { get; }

    public DocumentStore Documents => Database.Documents;

    public ReviewStore Review => Database.Review;

    public RiskStore Risk => Database.Risk;

    public BatchStore Batch => Database.Batch;

    public ModelReplyCache ModelCache => Database.ModelCache;

    public EvalRunStore EvalRuns => Database.EvalRuns;

    public void Dispose()
    {
        Database.Dispose();
        Connection.Dispose();
        _server?.Dispose();
    }
}
