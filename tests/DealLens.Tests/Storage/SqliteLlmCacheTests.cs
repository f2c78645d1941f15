using Dapper;
using DealLens.Storage;
using DealLens.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DealLens.Tests.Storage;

public sealed class SqliteLlmCacheTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteLlmCacheTests() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task Get_AfterSet_ReturnsReplyForThatKeyOnly()
    {
        await using var cache = SqliteLlmCache.Open(_connection, new FakeTimeProvider(CliRunner.FixedNow));

        await cache.SetAsync("p1", "h1", "m", "{\"clauses\":[]}", CancellationToken.None);

        Assert.Equal("{\"clauses\":[]}", await cache.GetAsync("p1", "h1", "m", CancellationToken.None));
        Assert.Null(await cache.GetAsync("p1", "h1", "other-model", CancellationToken.None));
        Assert.Null(await cache.GetAsync("p1", "h2", "m", CancellationToken.None));
        Assert.Null(await cache.GetAsync("p2", "h1", "m", CancellationToken.None));
        Assert.Equal("2026-01-02T03:04:05.0000000+00:00", _connection.ExecuteScalar<string>("SELECT CreatedAt FROM LlmCache"));
    }

    [Fact]
    public async Task Set_SameKeyTwice_KeepsOneRowWithTheNewReply()
    {
        await using var cache = SqliteLlmCache.Open(_connection, new FakeTimeProvider(CliRunner.FixedNow));

        await cache.SetAsync("p", "h", "m", "old", CancellationToken.None);
        await cache.SetAsync("p", "h", "m", "new", CancellationToken.None);

        Assert.Equal(1, await cache.CountAsync(CancellationToken.None));
        Assert.Equal("new", await cache.GetAsync("p", "h", "m", CancellationToken.None));
    }

    [Fact]
    public async Task Open_BesideAnalysisStore_SharesTheMigratedFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("shared.db");
        await using (var store = SqliteAnalysisStore.Open(path, TimeProvider.System))
        await using (var cache = SqliteLlmCache.Open(path, TimeProvider.System))
        {
            await cache.SetAsync("p", "h", "m", "r", CancellationToken.None);
            Assert.Equal(0, await store.CountDocumentsAsync(CancellationToken.None));
        }

        await using var reopened = SqliteLlmCache.Open(path, TimeProvider.System);
        Assert.Equal("r", await reopened.GetAsync("p", "h", "m", CancellationToken.None));
    }
}
