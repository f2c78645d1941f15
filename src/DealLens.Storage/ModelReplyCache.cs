using System.Globalization;
using Dapper;
using DealLens.Core.Clauses;

namespace DealLens.Storage;

/// <summary>Bounds of the reply cache: oldest replies go first when either bound is passed.</summary>
public sealed record ModelReplyCacheOptions
{
    public static ModelReplyCacheOptions Default { get; } = new();

    /// <summary>Replies kept at most (a reply is one batch of passages: about 20 per 100-page filing).</summary>
    public int MaxEntries { get; init; } = 20_000;

    /// <summary>Bytes of reply text kept at most.</summary>
    public long MaxBytes { get; init; } = 64L << 20;

    /// <summary>A longer reply is not cached at all: no extraction reply is anywhere near it.</summary>
    public int MaxReplyBytes { get; init; } = 1 << 20;
}

/// <summary>The LLM reply cache (table LlmCache), bounded by <see cref="ModelReplyCacheOptions"/>.</summary>
public sealed class ModelReplyCache : ILlmReplyCache
{
    private readonly DealLensDatabase _database;

    internal ModelReplyCache(DealLensDatabase database) => _database = database;

    /// <summary>The bounds kept; set once by the command that opens the database.</summary>
    public ModelReplyCacheOptions Options { get; set; } = ModelReplyCacheOptions.Default;

    public async Task<string?> GetAsync(string passageHash, string promptHash, string model, CancellationToken cancellationToken)
    {
        return await _database.UseAsync(connection => connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT Reply FROM LlmCache WHERE PassageHash = @passageHash AND PromptHash = @promptHash AND Model = @model",
            new { passageHash, promptHash, model }, cancellationToken: cancellationToken)), cancellationToken);
    }

    public async Task SetAsync(string passageHash, string promptHash, string model, string reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (System.Text.Encoding.UTF8.GetByteCount(reply) > Options.MaxReplyBytes)
        {
            return;
        }

        var createdAt = _database.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var options = Options;
        await _database.UseAsync(async connection =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO LlmCache (PassageHash, PromptHash, Model, Reply, CreatedAt)
                VALUES (@passageHash, @promptHash, @model, @reply, @createdAt)
                ON CONFLICT (PassageHash, PromptHash, Model) DO UPDATE SET Reply = excluded.Reply, CreatedAt = excluded.CreatedAt
                """,
                new { passageHash, promptHash, model, reply, createdAt }, cancellationToken: cancellationToken));
            // Oldest first, by count, then by bytes (kept newest-first until the running total passes the bound).
            var dialect = _database.Dialect;
            var rowId = dialect.RowId;
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                DELETE FROM LlmCache WHERE {rowId} IN (
                    SELECT {rowId} FROM LlmCache ORDER BY CreatedAt, {rowId}
                    LIMIT {dialect.Greatest("0", "(SELECT count(*) FROM LlmCache) - @MaxEntries")});
                DELETE FROM LlmCache WHERE {rowId} IN (
                    SELECT RowKey FROM (
                        SELECT {rowId} AS RowKey, sum({dialect.ByteLength("Reply")}) OVER (ORDER BY CreatedAt DESC, {rowId} DESC) AS Running FROM LlmCache) AS Ranked
                    WHERE Running > @MaxBytes);
                """,
                new { options.MaxEntries, options.MaxBytes }, cancellationToken: cancellationToken));
        }, cancellationToken);
    }

    /// <summary>Removes every cached reply; returns how many there were.</summary>
    public async Task<int> ClearAsync(CancellationToken cancellationToken)
    {
        return await _database.UseAsync(
            connection => connection.ExecuteAsync(new CommandDefinition("DELETE FROM LlmCache", cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>Cached replies and their bytes of text.</summary>
    public async Task<(int Entries, long Bytes)> SizeAsync(CancellationToken cancellationToken)
    {
        var (entries, bytes) = await _database.UseAsync(connection => connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            $"SELECT count(*), coalesce(sum({_database.Dialect.ByteLength("Reply")}), 0) FROM LlmCache", cancellationToken: cancellationToken)), cancellationToken);
        return ((int)entries, bytes);
    }

    public Task<int> CountAsync(CancellationToken cancellationToken)
        => _database.UseAsync(
            connection => connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT count(*) FROM LlmCache", cancellationToken: cancellationToken)), cancellationToken);
}
