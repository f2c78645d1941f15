using Dapper;
using DealLens.Storage;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Storage;

public class ModelReplyCacheTests : StoreTests
{
    public ModelReplyCacheTests()
        : this(StoreBackend.Sqlite)
    {
    }

    protected ModelReplyCacheTests(StoreBackend backend)
        : base(backend, CliRunner.FixedNow)
    {
    }

    [StoreFact]
    public async Task Get_AfterSet_ReturnsReplyForThatKeyOnly()
    {
        var cache = Db.ModelCache;

        await cache.SetAsync("p1", "h1", "m", "{\"clauses\":[]}", CancellationToken.None);

        Assert.Equal("{\"clauses\":[]}", await cache.GetAsync("p1", "h1", "m", CancellationToken.None));
        Assert.Null(await cache.GetAsync("p1", "h1", "other-model", CancellationToken.None));
        Assert.Null(await cache.GetAsync("p1", "h2", "m", CancellationToken.None));
        Assert.Null(await cache.GetAsync("p2", "h1", "m", CancellationToken.None));
        Assert.Equal("2026-01-02T03:04:05.0000000+00:00", Db.Connection.ExecuteScalar<string>("SELECT CreatedAt FROM LlmCache"));
    }

    [StoreFact]
    public async Task Set_SameKeyTwice_KeepsOneRowWithTheNewReply()
    {
        var cache = Db.ModelCache;

        await cache.SetAsync("p", "h", "m", "old", CancellationToken.None);
        await cache.SetAsync("p", "h", "m", "new", CancellationToken.None);

        Assert.Equal(1, await cache.CountAsync(CancellationToken.None));
        Assert.Equal("new", await cache.GetAsync("p", "h", "m", CancellationToken.None));
    }

    [StoreFact]
    public async Task Open_FileDatabase_CacheSurvivesReopening()
    {
        using var folder = new TempFolder();
        var path = folder.File("shared.db");
        await using (var database = DealLensDatabase.Open(path, TimeProvider.System))
        {
            await database.ModelCache.SetAsync("p", "h", "m", "r", CancellationToken.None);
            Assert.Equal(0, await database.Documents.CountDocumentsAsync(CancellationToken.None));
        }

        await using var reopened = DealLensDatabase.Open(path, TimeProvider.System);
        Assert.Equal("r", await reopened.ModelCache.GetAsync("p", "h", "m", CancellationToken.None));
    }

    [StoreFact]
    public async Task Issue22_Set_PastMaxEntries_DropsTheOldestReplies()
    {
        var time = Db.Time;
        var cache = Db.ModelCache;
        cache.Options = new ModelReplyCacheOptions { MaxEntries = 3 };

        for (var i = 1; i <= 5; i++)
        {
            await cache.SetAsync($"p{i}", "h", "m", $"reply {i}", CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(3, await cache.CountAsync(CancellationToken.None));
        Assert.Null(await cache.GetAsync("p2", "h", "m", CancellationToken.None));
        Assert.Equal("reply 5", await cache.GetAsync("p5", "h", "m", CancellationToken.None));
    }

    [StoreFact]
    public async Task Issue22_Set_PastMaxBytesOrOneHugeReply_KeepsWithinTheBound()
    {
        var cache = Db.ModelCache;
        cache.Options = new ModelReplyCacheOptions { MaxBytes = 250, MaxReplyBytes = 200 };

        for (var i = 1; i <= 4; i++)
        {
            await cache.SetAsync($"p{i}", "h", "m", new string('x', 100), CancellationToken.None);
        }

        await cache.SetAsync("huge", "h", "m", new string('y', 201), CancellationToken.None);

        var (entries, bytes) = await cache.SizeAsync(CancellationToken.None);
        Assert.Equal((2, 200L), (entries, bytes));
        Assert.NotNull(await cache.GetAsync("p4", "h", "m", CancellationToken.None));
        Assert.Null(await cache.GetAsync("huge", "h", "m", CancellationToken.None));
    }

    [StoreFact]
    public async Task Issue22_Clear_RemovesEveryReply()
    {
        var cache = Db.ModelCache;
        await cache.SetAsync("p1", "h", "m", "a", CancellationToken.None);
        await cache.SetAsync("p2", "h", "m", "b", CancellationToken.None);

        Assert.Equal(2, await cache.ClearAsync(CancellationToken.None));
        Assert.Equal(0, await cache.CountAsync(CancellationToken.None));
    }
}

/// <summary>The same tests on PostgreSQL (issue #21).</summary>
public sealed class ModelReplyCachePostgreSqlTests() : ModelReplyCacheTests(StoreBackend.PostgreSql), IPostgreSqlStoreTests;
