using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using DealLens.Core.Output;
using DealLens.Core.Risk;

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
public sealed class RiskFactStore
{
    private readonly DealLensDatabase _database;

    internal RiskFactStore(DealLensDatabase database) => _database = database;

    /// <summary>
    /// Every current document with its stamps and those of its stored facts, by source path then SHA-256 (the order the
    /// graph is assembled in). A row written before version 14 (no deal severity, no scoring JSON) does not hold. The review stamp counts the document's clause and deal-terms review items and sums their
    /// versions: every decision and every re-binding adds a version, so any change to them changes the stamp.
    /// </summary>
    public Task<IReadOnlyList<RiskFactState>> LoadStatesAsync(CancellationToken cancellationToken)
        => _database.UseAsync<IReadOnlyList<RiskFactState>>(async connection =>
        {
            var rows = await connection.QueryAsync<StateRow>(new CommandDefinition(
                """
                SELECT d.Id AS DocumentId, d.Sha256, d.SourcePath, d.AnalyzedAt,
                       coalesce(r.Items, 0) || ':' || coalesce(r.Versions, 0) AS ReviewStamp,
                       CASE WHEN f.DealSeverity = '' OR f.ScoringJson = '' THEN NULL ELSE f.AnalyzedAt END AS FactsAnalyzedAt, f.ReviewStamp AS FactsReviewStamp,
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
        }, cancellationToken);

    /// <summary>
    /// The stored facts of <paramref name="documentIds"/>, by document id. A row that no longer parses (written by another
    /// build) is left out, so the stage reads its document again.
    /// </summary>
    public Task<IReadOnlyDictionary<long, DocumentRiskFacts>> LoadFactsAsync(IReadOnlyCollection<long> documentIds, CancellationToken cancellationToken)
        => LoadAsync<DocumentRiskFacts>("FactsJson", documentIds, cancellationToken);

    /// <summary>
    /// As <see cref="LoadFactsAsync"/> without the deal risks (column ScoringJson): what the scores across documents
    /// need, without reading or parsing the deal part of every row.
    /// </summary>
    public Task<IReadOnlyDictionary<long, DocumentScoringFacts>> LoadScoringFactsAsync(IReadOnlyCollection<long> documentIds, CancellationToken cancellationToken)
        => LoadAsync<DocumentScoringFacts>("ScoringJson", documentIds, cancellationToken);

    /// <summary>How many current documents' stored deal risk has <paramref name="severity"/> (read from a column, no JSON).</summary>
    public Task<int> CountDealsAsync(Severity severity, CancellationToken cancellationToken)
        => _database.UseAsync(async connection => await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT count(*) FROM RiskFacts f JOIN Documents d ON d.Id = f.DocumentId
            WHERE d.SupersededBy IS NULL AND f.DealSeverity = @Severity
            """,
            new { Severity = Vocabulary.Name(severity) }, cancellationToken: cancellationToken)), cancellationToken);

    private Task<IReadOnlyDictionary<long, T>> LoadAsync<T>(string column, IReadOnlyCollection<long> documentIds, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var wanted = documentIds.ToHashSet();
        if (wanted.Count == 0)
        {
            return Task.FromResult<IReadOnlyDictionary<long, T>>(new Dictionary<long, T>());
        }

        return _database.UseAsync<IReadOnlyDictionary<long, T>>(async connection =>
        {
            // One pass over the table rather than thousands of IN parameters; rows of other documents are skipped unparsed.
            var rows = await connection.QueryAsync<FactsRow>(new CommandDefinition(
                $"SELECT DocumentId, {column} AS Json FROM RiskFacts", cancellationToken: cancellationToken));
            // Parsing every row is most of this call's time and each row stands alone: parse on every core.
            return rows.Where(r => wanted.Contains(r.DocumentId))
                .AsParallel()
                .Select(r => (r.DocumentId, Facts: TryParse<T>(r.Json)))
                .Where(p => p.Facts is not null)
                .ToDictionary(p => p.DocumentId, p => p.Facts!);
        }, cancellationToken);
    }

    /// <summary>Unreadable facts (written by another build) are as good as none: the document is read again.</summary>
    private static T? TryParse<T>(string json)
        where T : class
    {
        try
        {
            return StorageJson.Deserialize<T>(json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stores (replacing) the facts of some documents and deletes the facts of documents that are no longer current, in
    /// one transaction. A document removed meanwhile is skipped: it has nothing to score.
    /// </summary>
    public Task SaveFactsAsync(IReadOnlyList<RiskFactRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return _database.UseAsync(async connection =>
        {
            await using var transaction = await _database.Dialect.BeginWriteAsync(connection, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM RiskFacts WHERE DocumentId IN (SELECT Id FROM Documents WHERE SupersededBy IS NOT NULL)",
                transaction: transaction, cancellationToken: cancellationToken));
            if (rows.Count > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO RiskFacts (DocumentId, Sha256, AnalyzedAt, ReviewStamp, ReaderVersion, AliasStamp, FactsJson, DealSeverity, ScoringJson)
                    SELECT @DocumentId, @Sha256, @AnalyzedAt, @ReviewStamp, @ReaderVersion, @AliasStamp, @FactsJson, @DealSeverity, @ScoringJson
                    WHERE EXISTS (SELECT 1 FROM Documents WHERE Id = @DocumentId AND Sha256 = @Sha256)
                    ON CONFLICT (DocumentId) DO UPDATE SET
                        Sha256 = excluded.Sha256, AnalyzedAt = excluded.AnalyzedAt, ReviewStamp = excluded.ReviewStamp,
                        ReaderVersion = excluded.ReaderVersion, AliasStamp = excluded.AliasStamp, FactsJson = excluded.FactsJson, DealSeverity = excluded.DealSeverity,
                        ScoringJson = excluded.ScoringJson
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
                        DealSeverity = Vocabulary.Name(r.Facts.Deal.Severity),
                        ScoringJson = StorageJson.Serialize(new DocumentScoringFacts(r.Facts.Graph, r.Facts.RevenueShares)),
                    }).ToList(),
                    transaction, cancellationToken: cancellationToken));
            }

            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>A stamp of the alias table: facts read under another table are read again.</summary>
    public async Task<string> LoadAliasStampAsync(CancellationToken cancellationToken)
    {
        var aliases = await _database.Risk.LoadAliasesAsync(cancellationToken);
        var text = string.Join('\n', aliases.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + '\t' + a.Value));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
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

        public string Json { get; init; } = "";
    }
}
