using Dapper;
using DealLens.Cli.Batch;
using DealLens.Storage;
using DealLens.Tests.TestSupport;
using Npgsql;

namespace DealLens.Tests.Cli.Batch;

/// <summary>Issue #21: the batch's session advisory lock on a shared PostgreSQL database.</summary>
public sealed class BatchLockPostgreSqlTests
{
    /// <summary>
    /// Users' connection strings pool connections (Npgsql's default; the test databases turn it off). A pooled
    /// connection's Dispose keeps its session, and with it the lock, until the connection is taken from the pool again:
    /// another machine would then wait for the lock long after this run let it go.
    /// </summary>
    [PostgreSqlFact]
    public void Issue21_BatchLock_Disposed_OtherSessionsTakeItAtOnceEvenWithPooling()
    {
        using var database = TestDatabase.Create(StoreBackend.PostgreSql);
        var pooled = new NpgsqlConnectionStringBuilder(database.Value) { Pooling = true, ApplicationName = "deallens-pooled-lock-test" }.ConnectionString;

        var held = BatchLock.TryAcquire(pooled);
        Assert.NotNull(held);
        Assert.False(TryLockElsewhere(database.Value));
        held.Dispose();

        Assert.True(TryLockElsewhere(database.Value));
    }

    private static bool TryLockElsewhere(string connectionString)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection.ExecuteScalar<bool>("SELECT pg_try_advisory_lock(@key)", new { key = PostgresDialect.BatchLockKey });
    }
}
