using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DealLens.Cli.Bench;

/// <summary>The filters of the review queue; null means "any".</summary>
public sealed record ReviewQueueFilter(string? Company = null, string? ClauseType = null, string? SourcePath = null, string? Status = null, int Limit = 50);

/// <summary>
/// "The queue query" the benchmark times: flagged clauses (a high-risk type, or low confidence) with their review
/// status, most severe first, filtered by company, type, document and status. It stands in for the review store's own
/// query (issue #6): when that lands, <see cref="Run"/> should call it instead, so the figure measures what users run.
/// </summary>
public static class ReviewQueueQuery
{
    /// <summary>Clause types that move money or risk: always flagged, most severe first.</summary>
    public static readonly IReadOnlyList<string> HighRiskTypes =
        ["take_or_pay", "minimum_commitment", "uncapped_liability", "backstop", "prepayment", "loan", "equity_investment", "warrant"];

    public const double LowConfidence = 0.6;

    private static readonly string s_sql = string.Create(CultureInfo.InvariantCulture, $"""
        SELECT c.DocumentId, c.Id, c.Type, c.Confidence, d.SourcePath, COALESCE(r.Status, 'open') AS Status,
               (CASE WHEN c.Type IN ({TypeList()}) THEN 2 ELSE 0 END) + (CASE WHEN c.Confidence < {LowConfidence} THEN 1 ELSE 0 END) AS Severity
        FROM Clauses c
        JOIN Documents d ON d.Id = c.DocumentId
        LEFT JOIN ReviewItems r ON r.Kind = 'clause' AND r.DocumentSha256 = d.Sha256 AND r.ItemKey = c.Id
        WHERE (c.Type IN ({TypeList()}) OR c.Confidence < {LowConfidence})
          AND (@type IS NULL OR c.Type = @type)
          AND (@source IS NULL OR d.SourcePath = @source)
          AND (@status IS NULL OR COALESCE(r.Status, 'open') = @status)
          AND (@company IS NULL OR EXISTS (SELECT 1 FROM Parties p WHERE p.DocumentId = c.DocumentId AND p.Name = @company))
        ORDER BY Severity DESC, c.Confidence, d.SourcePath, c.Start
        LIMIT @limit
        """);

    /// <summary>Runs the queue query and returns the number of rows it produced (the rows themselves are read and dropped).</summary>
    public static int Run(SqliteConnection connection, ReviewQueueFilter filter)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(filter);
        using var command = connection.CreateCommand();
        command.CommandText = s_sql;
        command.Parameters.AddWithValue("@type", (object?)filter.ClauseType ?? DBNull.Value);
        command.Parameters.AddWithValue("@source", (object?)filter.SourcePath ?? DBNull.Value);
        command.Parameters.AddWithValue("@status", (object?)filter.Status ?? DBNull.Value);
        command.Parameters.AddWithValue("@company", (object?)filter.Company ?? DBNull.Value);
        command.Parameters.AddWithValue("@limit", filter.Limit);
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }

    private static string TypeList() => string.Join(", ", HighRiskTypes.Select(t => "'" + t + "'"));
}
