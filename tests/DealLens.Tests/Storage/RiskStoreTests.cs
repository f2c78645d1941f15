using DealLens.Storage;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Storage;

public sealed class RiskStoreTests : IDisposable
{
    private readonly InMemoryDatabase _db = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    public void Dispose() => _db.Dispose();

    [Fact]
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

    [Fact]
    public async Task Snapshots_StoredWithTimestamp()
    {
        var store = _db.Risk;

        await store.SaveSnapshotsAsync([("deal", "a.txt", "{}"), ("cycle", "a>b", "{}")], CancellationToken.None);

        var snapshots = await store.LoadSnapshotsAsync("deal", CancellationToken.None);
        var snapshot = Assert.Single(snapshots);
        Assert.Equal(_db.Time.GetUtcNow(), snapshot.ComputedAt);
        Assert.Equal(SchemaMigrator.Default.LatestVersion, SchemaMigrator.GetVersion(_db.Connection));
    }
}
