using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using DealLens.Core.Risk;
using Microsoft.Data.Sqlite;

namespace DealLens.Storage;

/// <summary>
/// One current document as the scoring stage sees it: its stamps now, and the stamps of its stored risk facts (null
/// when it has none). The facts hold while both sets match.
/// </summary>
public sealed record RiskFactState(
    long DocumentId,
    string Sha256,
    string SourcePath,
    string AnalyzedAt,
    string ReviewStamp,
    string? FactsAnalyzedAt,
    string? FactsReviewStamp,
    string? FactsReaderVersion,
    string? FactsAliasStamp)
{
    public bool Holds(string readerVersion, string aliasStamp)
        => FactsAnalyzedAt == AnalyzedAt && FactsReviewStamp == ReviewStamp && FactsReaderVersion == readerVersion && FactsAliasStamp == aliasStamp;
}

/// <summary>Risk facts to store for one document, with the stamps they were read under.</summary>
public sealed record RiskFactRow(RiskFactState State, string ReaderVersion, string AliasStamp, DocumentRiskFacts Facts);

/// <summary>
/// The stored risk facts of the current documents (table RiskFacts): what the scoring stage assembles the money graph
/// and the scores from. Reads here never touch document text.
/// </summary>
public sealed class SqliteRiskFactStore : IDisposable, IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly bool _ownsConnection;

    private SqliteRiskFactStore(SqliteConnection connection, bool ownsConnection)
    {
        _connection = connection;
        _ownsConnection = ownsConnection;
    }

    /// <summary>Opens the database at <paramref name="databasePath"/> with the same checks and migrations as every store.</summary>
    public static SqliteRiskFactStore Open(string databasePath) => new(SqliteDatabase.OpenFile(databasePath), ownsConnection: true);

    /// <summary>Uses a connection the caller owns (an in-memory database in tests); migrates it. Disposing leaves it open.</summary>
    public static SqliteRiskFactStore Open(SqliteConnection connection)
    {
        SqliteDatabase.Prepare(connection, databaseName: null);
        return new SqliteRiskFactStore(connection, ownsConnection: false);
    }

    /// <summary>
    /// Every current document with its stamps and those of its stored facts, by source path then SHA-256 (the order the
    /// graph is assembled in). The review stamp counts the document's clause and deal-terms review items and sums their
    /// versions: every decision and every re-binding adds a version, so any change to them changes the stamp.
    /// </summary>
    public async Task<IReadOnlyList<RiskFactState>> LoadStatesAsync(CancellationToken cancellationToken)
    {
        var rows = await _connection.QueryAsync<StateRow>(new CommandDefinition(
            """
            SELECT d.Id AS DocumentId, d.Sha256, d.SourcePath, d.AnalyzedAt,
                   coalesce(r.Items, 0) || ':' || coalesce(r.Versions, 0) AS ReviewStamp,
                   f.AnalyzedAt AS FactsAnalyzedAt, f.ReviewStamp AS FactsReviewStamp,
                   f.ReaderVersion AS FactsReaderVersion, f.AliasStamp AS FactsAliasStamp
            FROM Documents d
            LEFT JOIN RiskFacts f ON f.DocumentId = d.Id
            LEFT JOIN (SELECT DocumentSha256, count(*) AS Items, sum(Version) AS Versions FROM ReviewItems
                       WHERE Kind <> 'cycle' GROUP BY DocumentSha256) r ON r.DocumentSha256 = d.Sha256
            WHERE d.SupersededBy IS NULL
            ORDER BY d.SourcePath, d.Sha256
            """,
            cancellationToken: cancellationToken));
        return rows.Select(r => new RiskFactState(
            r.DocumentId, r.Sha256, r.SourcePath, r.AnalyzedAt, r.ReviewStamp, r.FactsAnalyzedAt, r.FactsReviewStamp, r.FactsReaderVersion, r.FactsAliasStamp))
            .ToList();
    }

    /// <summary>
    /// The stored facts of <paramref name="documentIds"/>, by document id. A row that no longer parses (written by another
    /// build) is left out, so the stage reads its document again.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, DocumentRiskFacts>> LoadFactsAsync(IReadOnlyCollection<long> documentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var wanted = documentIds.ToHashSet();
        var result = new Dictionary<long, DocumentRiskFacts>(wanted.Count);
        if (wanted.Count == 0)
        {
            return result;
        }

        // One pass over the table rather than thousands of IN parameters; rows of other documents are skipped unparsed.
        var rows = await _connection.QueryAsync<FactsRow>(new CommandDefinition(
            "SELECT DocumentId, FactsJson FROM RiskFacts", cancellationToken: cancellationToken));
        foreach (var row in rows)
        {
            if (!wanted.Contains(row.DocumentId))
            {
                continue;
            }

            try
            {
                result[row.DocumentId] = StorageJson.Deserialize<DocumentRiskFacts>(row.FactsJson);
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException)
            {
                // Unreadable facts are as good as none: the document is read again.
            }
        }

        return result;
    }

    /// <summary>
    /// Stores (replacing) the facts of some documents and deletes the facts of documents that are no longer current, in
    /// one transaction. A document removed meanwhile is skipped: it has nothing to score.
    /// </summary>
    public async Task SaveFactsAsync(IReadOnlyList<RiskFactRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        await _connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM RiskFacts WHERE DocumentId IN (SELECT Id FROM Documents WHERE SupersededBy IS NOT NULL)",
            transaction: transaction, cancellationToken: cancellationToken));
        if (rows.Count > 0)
        {
            await _connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO RiskFacts (DocumentId, Sha256, AnalyzedAt, ReviewStamp, ReaderVersion, AliasStamp, FactsJson)
                SELECT @DocumentId, @Sha256, @AnalyzedAt, @ReviewStamp, @ReaderVersion, @AliasStamp, @FactsJson
                WHERE EXISTS (SELECT 1 FROM Documents WHERE Id = @DocumentId AND Sha256 = @Sha256)
                ON CONFLICT (DocumentId) DO UPDATE SET
                    Sha256 = excluded.Sha256, AnalyzedAt = excluded.AnalyzedAt, ReviewStamp = excluded.ReviewStamp,
                    ReaderVersion = excluded.ReaderVersion, AliasStamp = excluded.AliasStamp, FactsJson = excluded.FactsJson
                """,
                rows.Select(r => new
                {
                    r.State.DocumentId,
                    r.State.Sha256,
                    r.State.AnalyzedAt,
                    r.State.ReviewStamp,
                    r.ReaderVersion,
                    r.AliasStamp,
                    FactsJson = StorageJson.Serialize(r.Facts),
                }).ToList(),
                transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A stamp of the alias table: facts read under another table are read again.</summary>
    public async Task<string> LoadAliasStampAsync(CancellationToken cancellationToken)
    {
        var rows = await _connection.QueryAsync<(string Alias, string CompanyName)>(new CommandDefinition(
            "SELECT Alias, CompanyName FROM CompanyAliases ORDER BY Alias", cancellationToken: cancellationToken));
        var text = string.Join('\n', rows.Select(r => r.Alias + '\t' + r.CompanyName));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    public void Dispose()
    {
        if (_ownsConnection)
        {
            _connection.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsConnection)
        {
            await _connection.DisposeAsync();
        }
    }

    private sealed class StateRow
    {
        public long DocumentId { get; init; }

        public string Sha256 { get; init; } = "";

        public string SourcePath { get; init; } = "";

        public string AnalyzedAt { get; init; } = "";

        public string ReviewStamp { get; init; } = "";

        public string? FactsAnalyzedAt { get; init; }

        public string? FactsReviewStamp { get; init; }

        public string? FactsReaderVersion { get; init; }

        public string? FactsAliasStamp { get; init; }
    }

    private sealed class FactsRow
    {
        public long DocumentId { get; init; }

        public string FactsJson { get; init; } = "";
    }
}
