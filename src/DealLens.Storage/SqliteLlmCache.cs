using System.Globalization;
using Dapper;
using DealLens.Core.Clauses;
using Microsoft.Data.Sqlite;

namespace DealLens.Storage;

/// <summary>Bounds of the reply cache: oldest replies go first when either bound is passed.</summary>
public sealed record SqliteLlmCacheOptions
{
    public static SqliteLlmCacheOptions Default { get; } = new();

    /// <summary>Replies kept at most (a reply is one batch of passages: about 20 per 100-page filing).</summary>
    public int MaxEntries { get; init; } = 20_000;

    /// <summary>Bytes of reply text kept at most.</summary>
    public long MaxBytes { get; init; } = 64L << 20;

    /// <summary>A longer reply is not cached at all: no extraction reply is anywhere near it.</summary>
    public int MaxReplyBytes { get; init; } = 1 << 20;
}

/// <summary>
/// The LLM reply cache (table LlmCache) in the DealLens database, bounded by <see cref="SqliteLlmCacheOptions"/>.
/// Holds its own connection, so it can be used beside a <see cref="SqliteAnalysisStore"/> on the same file (WAL and
/// busy_timeout handle the two writers).
/// </summary>
public sealed class SqliteLlmCache : ILlmReplyCache, IDisposable, IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _timeProvider;
    private readonly bool _ownsConnection;
    private readonly SqliteLlmCacheOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteLlmCache(SqliteConnection connection, TimeProvider timeProvider, bool ownsConnection, SqliteLlmCacheOptions? options)
    {
        _connection = connection;
        _timeProvider = timeProvider;
        _ownsConnection = ownsConnection;
        _options = options ?? SqliteLlmCacheOptions.Default;
    }

    /// <summary>Opens the database file (migrating it like the store does).</summary>
    public static SqliteLlmCache Open(string databasePath, TimeProvider timeProvider, SqliteLlmCacheOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new SqliteLlmCache(SqliteDatabase.OpenFile(databasePath), timeProvider, ownsConnection: true, options);
    }

    /// <summary>Uses a connection the caller owns (tests: <c>Data Source=:memory:</c>); disposing leaves it open.</summary>
    public static SqliteLlmCache Open(SqliteConnection connection, TimeProvider timeProvider, SqliteLlmCacheOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        SqliteDatabase.Prepare(connection, databaseName: null);
        return new SqliteLlmCache(connection, timeProvider, ownsConnection: false, options);
    }

    public async Task<string?> GetAsync(string passageHash, string promptHash, string model, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await _connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                "SELECT Reply FROM LlmCache WHERE PassageHash = @passageHash AND PromptHash = @promptHash AND Model = @model",
                new { passageHash, promptHash, model }, cancellationToken: cancellationToken));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task SetAsync(string passageHash, string promptHash, string model, string reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (System.Text.Encoding.UTF8.GetByteCount(reply) > _options.MaxReplyBytes)
        {
            return;
        }

        var createdAt = _timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO LlmCache (PassageHash, PromptHash, Model, Reply, CreatedAt)
                VALUES (@passageHash, @promptHash, @model, @reply, @createdAt)
                ON CONFLICT (PassageHash, PromptHash, Model) DO UPDATE SET Reply = excluded.Reply, CreatedAt = excluded.CreatedAt
                """,
                new { passageHash, promptHash, model, reply, createdAt }, cancellationToken: cancellationToken));
            // Oldest first, by count, then by bytes (kept newest-first until the running total passes the bound).
            await _connection.ExecuteAsync(new CommandDefinition(
                """
                DELETE FROM LlmCache WHERE rowid IN (
                    SELECT rowid FROM LlmCache ORDER BY CreatedAt, rowid
                    LIMIT max(0, (SELECT count(*) FROM LlmCache) - @MaxEntries));
                DELETE FROM LlmCache WHERE rowid IN (
                    SELECT rowid FROM (
                        SELECT rowid, sum(length(CAST(Reply AS BLOB))) OVER (ORDER BY CreatedAt DESC, rowid DESC) AS Running FROM LlmCache)
                    WHERE Running > @MaxBytes);
                """,
                new { _options.MaxEntries, _options.MaxBytes }, cancellationToken: cancellationToken));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Removes every cached reply; returns how many there were.</summary>
    public async Task<int> ClearAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await _connection.ExecuteAsync(new CommandDefinition("DELETE FROM LlmCache", cancellationToken: cancellationToken));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Cached replies and their bytes of text.</summary>
    public async Task<(int Entries, long Bytes)> SizeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var (entries, bytes) = await _connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
                "SELECT count(*), coalesce(sum(length(CAST(Reply AS BLOB))), 0) FROM LlmCache", cancellationToken: cancellationToken));
            return ((int)entries, bytes);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<int> CountAsync(CancellationToken cancellationToken)
        => _connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT count(*) FROM LlmCache", cancellationToken: cancellationToken));

    public void Dispose()
    {
        if (_ownsConnection)
        {
            _connection.Dispose();
        }

        _gate.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
