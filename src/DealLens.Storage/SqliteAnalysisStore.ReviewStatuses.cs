using Dapper;
using DealLens.Core.Reports;

namespace DealLens.Storage;

public sealed partial class SqliteAnalysisStore
{
    /// <summary>
    /// The review status of every clause and every document's deal terms that a reviewer has touched (ReviewItems,
    /// schema 0005). A clause item no longer bound to a clause (ClauseId NULL) names no current clause and is left out.
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

            return new ReviewStatuses(clauses, dealTerms);
        }, cancellationToken);
}

internal sealed class ReviewStatusRow
{
    public string Kind { get; init; } = "";

    public string DocumentSha256 { get; init; } = "";

    public string? ClauseId { get; init; }

    public string Status { get; init; } = "";
}
