using Dapper;
using DealLens.Core.Reports;

namespace DealLens.Storage;

public sealed partial class SqliteAnalysisStore
{
    /// <summary>
    /// The review status of every clause and every document's deal terms that a reviewer has touched (ReviewItems,
    /// schema 0005), and the rejected clauses as stored. A clause item no longer bound to a clause (ClauseId NULL) names no
    /// current clause and is left out.
    /// </summary>
    public Task<ReviewStatuses> LoadReviewStatusesAsync(CancellationToken cancellationToken)
        => UseAsync(async connection =>
        {
            var rows = await connection.QueryAsync<ReviewStatusRow>(new CommandDefinition(
                """
                SELECT Kind, DocumentSha256, ClauseId, Status FROM ReviewItems
                WHERE DocumentSha256 IS NOT NULL AND (Kind = 'deal_terms' OR (Kind = 'clause' AND ClauseId IS NOT NULL))
                ORDER BY Id
                """,
                cancellationToken: cancellationToken));
            var clauses = new Dictionary<(string, string), string>();
            var dealTerms = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (row.Kind == "clause")
                {
                    clauses[(row.DocumentSha256, row.ClauseId!)] = row.Status;
                }
                else
                {
                    dealTerms[row.DocumentSha256] = row.Status;
                }
            }

            var rejected = await connection.QueryAsync<RejectedClauseRow>(new CommandDefinition(
                """
                SELECT d.Sha256, c.Id, c.DocumentId, c.Type, c.Text, c.Page, c.Start, c."End", c.Confidence, c.Extractor, c.FieldsJson
                FROM ReviewItems r
                JOIN Documents d ON d.Sha256 = r.DocumentSha256
                JOIN Clauses c ON c.DocumentId = d.Id AND c.Id = r.ClauseId
                WHERE r.Kind = 'clause' AND r.Status = 'rejected'
                """,
                cancellationToken: cancellationToken));
            return new ReviewStatuses(clauses, dealTerms, rejected.Select(r => (r.Sha256, ToClause(r))));
        }, cancellationToken);
}

internal sealed class ReviewStatusRow
{
    public string Kind { get; init; } = "";

    public string DocumentSha256 { get; init; } = "";

    public string? ClauseId { get; init; }

    public string Status { get; init; } = "";
}
