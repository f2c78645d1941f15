using System.Data.Common;
using Dapper;
using DealLens.Core.Pipeline;
using DealLens.Core.Review;
using Microsoft.Data.Sqlite;

namespace DealLens.Storage;

/// <summary>What <see cref="SqliteAnalysisStore.RemoveDocumentAsync"/> did: the version removed, and the older version that became current again.</summary>
public sealed record DocumentRemoval(StoredDocument Removed, StoredDocument? Reinstated);

// Document versions (Schema/0009_document_versions.sql): a new version of a source supersedes the current one, its
// reviewers' decisions are carried over to the new version, and `deallens documents remove` forgets one version.
public sealed partial class SqliteAnalysisStore
{
    /// <summary>ReviewAudit.Action of a decision copied onto a new version of its document.</summary>
    public const string CarryOverAction = "carry_over";

    /// <summary>How many clauses each stored version holds, by SHA-256 (versions without clauses are left out).</summary>
    public Task<IReadOnlyDictionary<string, int>> CountClausesByDocumentAsync(CancellationToken cancellationToken)
        => UseAsync<IReadOnlyDictionary<string, int>>(async connection =>
        {
            var rows = await connection.QueryAsync<(string Sha256, long Count)>(new CommandDefinition(
                "SELECT d.Sha256, count(*) AS Count FROM Clauses c JOIN Documents d ON d.Id = c.DocumentId GROUP BY d.Sha256",
                cancellationToken: cancellationToken));
            return rows.ToDictionary(r => r.Sha256, r => checked((int)r.Count), StringComparer.Ordinal);
        }, cancellationToken);

    /// <summary>
    /// Removes one stored version (its text, clauses, deal terms and parties). When it was the current version, the
    /// newest version it superseded becomes current again. Review decisions and their audit trail stay (the trail is
    /// append-only); they no longer show in the queue. Returns null when no document has this SHA-256.
    /// </summary>
    public Task<DocumentRemoval?> RemoveDocumentAsync(string sha256, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        return UseAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var row = await connection.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
                "SELECT Id, Sha256, SourcePath, PageCount, AnalyzedAt, SupersededBy, SupersededAt FROM Documents WHERE Sha256 = @sha256",
                new { sha256 }, transaction, cancellationToken: cancellationToken));
            if (row is null)
            {
                return null;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM Documents WHERE Id = @Id", new { row.Id }, transaction, cancellationToken: cancellationToken));

            DocumentRow? reinstated = null;
            if (row.SupersededBy is null)
            {
                reinstated = await connection.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
                    """
                    SELECT Id, Sha256, SourcePath, PageCount, AnalyzedAt, SupersededBy, SupersededAt FROM Documents
                    WHERE SupersededBy = @Sha256 ORDER BY AnalyzedAt DESC, Id DESC LIMIT 1
                    """,
                    new { row.Sha256 }, transaction, cancellationToken: cancellationToken));
                if (reinstated is not null)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE Documents SET SupersededBy = NULL, SupersededAt = NULL WHERE Id = @Id",
                        new { reinstated.Id }, transaction, cancellationToken: cancellationToken));
                }
            }

            // Older versions that named the removed one as their successor now name its successor (or the reinstated one).
            var successor = row.SupersededBy ?? reinstated?.Sha256;
            await connection.ExecuteAsync(new CommandDefinition(
                successor is null
                    ? "UPDATE Documents SET SupersededBy = NULL, SupersededAt = NULL WHERE SupersededBy = @Removed"
                    : "UPDATE Documents SET SupersededBy = @Successor WHERE SupersededBy = @Removed",
                new { Removed = row.Sha256, Successor = successor }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return new DocumentRemoval(
                ToStoredDocument(row),
                reinstated is null ? null : ToStoredDocument(reinstated) with { SupersededBy = null, SupersededAt = null });
        }, cancellationToken);
    }

    /// <summary>
    /// Runs inside the save transaction of <paramref name="analysis"/>: the current versions of the same source path
    /// (other content) become superseded by it, and their reviewed clauses are copied onto it, to be re-bound to its
    /// clauses by <see cref="ReviewRebinder"/> right after (kept where the clause still exists, else no_longer_found).
    /// Deal-terms decisions stay with their version: a new version may state new terms.
    /// </summary>
    private async Task SupersedeOlderVersionsAsync(
        SqliteConnection connection, DbTransaction transaction, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        var older = (await connection.QueryAsync<DocumentRow>(new CommandDefinition(
            """
            SELECT Id, Sha256, SourcePath, PageCount, AnalyzedAt, SupersededBy, SupersededAt FROM Documents
            WHERE SourcePath = @SourcePath AND Sha256 <> @Sha256 AND SupersededBy IS NULL
            ORDER BY AnalyzedAt DESC, Id DESC
            """,
            new { analysis.SourcePath, analysis.Sha256 }, transaction, cancellationToken: cancellationToken))).ToList();
        if (older.Count == 0)
        {
            return;
        }

        var now = FormatTimestamp(_timeProvider.GetUtcNow());
        var taken = (await QueryReviewItemsAsync(
                connection, transaction, "Kind = 'clause' AND DocumentSha256 = @Sha256", new { analysis.Sha256 }, cancellationToken))
            .Select(i => i.ItemKey).ToHashSet(StringComparer.Ordinal);
        foreach (var version in older)
        {
            var items = await QueryReviewItemsAsync(
                connection, transaction, "Kind = 'clause' AND DocumentSha256 = @Sha256", new { version.Sha256 }, cancellationToken);
            foreach (var item in items.Where(i => taken.Add(i.ItemKey)))
            {
                var after = item.State with { Version = 1 };
                var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    INSERT INTO ReviewItems (Kind, DocumentSha256, ItemKey, ClauseId, ClauseType, Quote, Start, "End", Status, Assignee,
                                             OverridesJson, Version, UpdatedAt, UpdatedBy)
                    VALUES (@Kind, @DocumentSha256, @ItemKey, @ClauseId, @ClauseType, @Quote, @Start, @End, @Status, @Assignee,
                            @OverridesJson, 1, @UpdatedAt, @UpdatedBy)
                    RETURNING Id
                    """,
                    new
                    {
                        item.Kind,
                        DocumentSha256 = analysis.Sha256,
                        item.ItemKey,
                        item.ClauseId,
                        item.ClauseType,
                        item.Quote,
                        item.Start,
                        item.End,
                        item.Status,
                        item.Assignee,
                        OverridesJson = StorageJson.Serialize(item.Overrides),
                        UpdatedAt = now,
                        UpdatedBy = SystemActor,
                    },
                    transaction, cancellationToken: cancellationToken));
                await InsertAuditAsync(
                    connection, transaction, id, now, SystemActor, CarryOverAction, null, after,
                    $"new version of {analysis.SourcePath}: decision carried over from version {version.Sha256[..Math.Min(12, version.Sha256.Length)]} (review item {item.Id})",
                    cancellationToken);
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE Documents SET SupersededBy = @Sha256, SupersededAt = @Now WHERE Id IN @Ids",
            new { analysis.Sha256, Now = now, Ids = older.Select(o => o.Id).ToList() }, transaction, cancellationToken: cancellationToken));
    }
}
