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

    public InMemoryDatabase(DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? DefaultNow);
        Connection = new SqliteConnection("Data Source=:memory:");
        Connection.Open();
        Database = DealLensDatabase.Open(Connection, SqliteDialect.Instance, Time);
    }

    /// <summary>The raw connection, for checking what the stores wrote.</summary>
    public SqliteConnection Connection { get; }

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
    }
}
