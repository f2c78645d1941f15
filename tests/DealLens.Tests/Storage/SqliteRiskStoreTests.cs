using DealLens.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DealLens.Tests.Storage;

public sealed class SqliteRiskStoreTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task MergeSplit_AliasTableRoundTrips()
    {
        await using var store = SqliteRiskStore.Open(_connection, new FakeTimeProvider());

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
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        await using var store = SqliteRiskStore.Open(_connection, time);

        await store.SaveSnapshotsAsync([("deal", "a.txt", "{}"), ("cycle", "a>b", "{}")], CancellationToken.None);

        var snapshots = await store.LoadSnapshotsAsync("deal", CancellationToken.None);
        var snapshot = Assert.Single(snapshots);
        Assert.Equal(time.GetUtcNow(), snapshot.ComputedAt);
        Assert.Equal(SchemaMigrator.Default.LatestVersion, SchemaMigrator.GetVersion(_connection));
    }
}
