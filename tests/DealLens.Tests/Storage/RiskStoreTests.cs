using DealLens.Storage;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Storage;

public class RiskStoreTests : IDisposable
{
    private readonly InMemoryDatabase _db;

    public RiskStoreTests()
        : this(StoreBackend.Sqlite)
    {
    }

    protected RiskStoreTests(StoreBackend backend) => _db = new InMemoryDatabase(backend, new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _db.Dispose();
        }
    }

    [StoreFact]
    public async Task MergeSplit_AliasTableRoundTrips()
    {
        var store = _db.Risk;

        await store.MergeAsync("Beacon Intelligence Inc.", "Beacon AI", CancellationToken.None);
        var resolver = await store.LoadResolverAsync(CancellationToken.None);
        var removed = await store.SplitAsync("BEACON INTELLIGENCE", CancellationToken.None);

        Assert.Equal("beacon ai", resolver.Resolve("Beacon Intelligence"));
        Assert.True(removed);
        Assert.Empty(await store.LoadAliasesAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task Snapshots_StoredWithTimestamp()
    {
        var store = _db.Risk;

        await store.SaveSnapshotsAsync([("deal", "a.txt", "{}"), ("cycle", "a>b", "{}")], CancellationToken.None);

        var snapshots = await store.LoadSnapshotsAsync("deal", CancellationToken.None);
        var snapshot = Assert.Single(snapshots);
        Assert.Equal(_db.Time.GetUtcNow(), snapshot.ComputedAt);
        Assert.Equal(SchemaMigrator.For(_db.Database.Dialect).LatestVersion, _db.Database.Dialect.ReadSchemaVersion(_db.Connection, null));
    }
}

/// <summary>The same tests on PostgreSQL (issue #21).</summary>
public sealed class RiskStorePostgreSqlTests() : RiskStoreTests(StoreBackend.PostgreSql), IPostgreSqlStoreTests;
