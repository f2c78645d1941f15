using System.Globalization;
using Dapper;
using DealLens.Core.Clauses;
using Microsoft.Data.Sqlite;

namespace DealLens.Storage;

/// <summary>
/// The LLM reply cache (table LlmCache) in the DealLens database. Holds its own connection, so it can be used beside
/// a <see cref="SqliteAnalysisStore"/> on the same file (WAL and busy_timeout handle the two writers).
/// </summary>
public sealed class SqliteLlmCache : ILlmReplyCache, IDisposable, IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _timeProvider;
    private readonly bool _ownsConnection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteLlmCache(SqliteConnection connection, TimeProvider timeProvider, bool ownsConnection)
    {
        _connection = connection;
        _timeProvider = timeProvider;
        _ownsConnection = ownsConnection;
    }

    /// <summary>Opens the database file (migrating it like the store does).</summary>
    public static SqliteLlmCache Open(string databasePath, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new SqliteLlmCache(SqliteDatabase.OpenFile(databasePath), timeProvider, ownsConnection: true);
    }

    /// <summary>Uses a connection the caller owns (tests: <c>Data Source=:memory:</c>); disposing leaves it open.</summary>
    public static SqliteLlmCache Open(SqliteConnection connection, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        SqliteDatabase.Prepare(connection, databaseName: null);
        return new SqliteLlmCache(connection, timeProvider, ownsConnection: false);
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
