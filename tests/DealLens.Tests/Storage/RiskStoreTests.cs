using Dapper;
using DealLens.Core.Risk;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Storage;

public class RiskStoreTests : StoreTests
{
    public RiskStoreTests()
        : this(StoreBackend.Sqlite)
    {
    }

    protected RiskStoreTests(StoreBackend backend)
        : base(backend, new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero))
    {
    }

    [StoreFact]
    public async Task MergeSplit_AliasTableRoundTrips()
    {
        var store = Db.Risk;

        await store.MergeAsync("Beacon Intelligence Inc.", "Beacon AI", CancellationToken.None);
        var resolver = await store.LoadResolverAsync(CancellationToken.None);
        var removed = await store.SplitAsync("BEACON INTELLIGENCE", CancellationToken.None);

        Assert.Equal("beacon ai", resolver.Resolve("Beacon Intelligence"));
        Assert.True(removed);
        Assert.Empty(await store.LoadAliasesAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task SaveSnapshots_ThenLoad_ColumnsRoundTrip()
    {
        var cycle = new RiskSnapshot(
            RiskSnapshots.Cycle, "acme>beacon", Severity.High, 0.875m, 9999999999999.99m, null, "vendor_equity_for_purchase",
            [new SnapshotCompany("acme", "Acme Corp."), new SnapshotCompany("beacon", "Beacon AI, Inc.")], ["a.pdf", "b.htm"]);
        var deal = new RiskSnapshot(RiskSnapshots.Deal, "a.pdf", Severity.Medium, 42m, 0.1m, "USD", null, [], ["a.pdf"]);

        await Db.Risk.SaveSnapshotsAsync([cycle, deal], CancellationToken.None);

        var all = await Db.Risk.LoadSnapshotsAsync(null, CancellationToken.None);
        Assert.Equal(2, all.Count);
        Assert.All(all, s => Assert.Equal(Db.Time.GetUtcNow(), s.ComputedAt));
        Assert.Equivalent(cycle, all[0].Snapshot, strict: true);
        Assert.Equal(9999999999999.99m, all[0].Snapshot.Amount);
        Assert.Equivalent(deal, all[1].Snapshot, strict: true);
        var latestCycles = await Db.Risk.LoadLatestSnapshotsAsync(RiskSnapshots.Cycle, CancellationToken.None);
        Assert.Equal("acme>beacon", Assert.Single(latestCycles).Snapshot.Subject);
        var amountType = Db.Database.Dialect is DealLens.Storage.SqliteDialect
            ? Db.Connection.ExecuteScalar<string>("SELECT typeof(Amount) FROM RiskSnapshots WHERE Kind = 'cycle'")
            : Db.Connection.ExecuteScalar<string>("SELECT pg_typeof(Amount)::text FROM RiskSnapshots WHERE Kind = 'cycle'");
        Assert.True(amountType is "real" or "double precision", $"Amount is stored as {amountType}, not a number");
    }
}

/// <summary>The same tests on PostgreSQL (issue #21).</summary>
public sealed class RiskStorePostgreSqlTests() : RiskStoreTests(StoreBackend.PostgreSql), IPostgreSqlStoreTests;
