using Dapper;
using DealLens.Core.Pipeline;

namespace DealLens.Storage;

/// <summary>
/// The batch tables (0006_batch.sql) and run liveness. Every method here is one transaction, so a process killed
/// between two of them leaves the database consistent.
/// </summary>
public sealed class BatchStore
{
    private readonly DealLensDatabase _database;

    internal BatchStore(DealLensDatabase database) => _database = database;

    /// <summary>
    /// Marks runs of <paramref name="command"/> still 'running' as 'interrupted', with their counts taken from the
    /// documents they recorded. Only call this while holding the batch lock: then no such run can still be alive.
    /// </summary>
    public Task<int> InterruptStaleRunsAsync(string command, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        return _database.UseAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE Runs SET
                Status = @Interrupted,
                Analyzed = (SELECT count(*) FROM RunDocuments d WHERE d.RunId = Runs.Id AND d.Status = 'analyzed'),
                Unchanged = (SELECT count(*) FROM RunDocuments d WHERE d.RunId = Runs.Id AND d.Status = 'unchanged'),
                Failed = (SELECT count(*) FROM RunDocuments d WHERE d.RunId = Runs.Id AND d.Status = 'failed')
            WHERE Command = @command AND Status = @Running
            """,
            new { command, Interrupted = BatchStatus.Interrupted, Running = DocumentStore.RunningStatus },
            cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>The ids of the <paramref name="command"/> runs still marked running.</summary>
    public Task<IReadOnlyList<long>> LoadRunningRunIdsAsync(string command, CancellationToken cancellationToken)
        => _database.UseAsync<IReadOnlyList<long>>(async connection => (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT Id FROM Runs WHERE Command = @command AND Status = @Running ORDER BY Id",
            new { command, Running = DocumentStore.RunningStatus }, cancellationToken: cancellationToken))).ToList(), cancellationToken);

    /// <summary>Ends a run left running with <paramref name="status"/> (killed), its counts taken from what it committed.</summary>
    public Task<int> MarkRunAsync(long runId, string status, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(status);
        return _database.UseAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE Runs SET
                Status = @status,
                Analyzed = (SELECT count(*) FROM RunDocuments d WHERE d.RunId = Runs.Id AND d.Status = 'analyzed'),
                Unchanged = (SELECT count(*) FROM RunDocuments d WHERE d.RunId = Runs.Id AND d.Status = 'unchanged'),
                Failed = (SELECT count(*) FROM RunDocuments d WHERE d.RunId = Runs.Id AND d.Status = 'failed')
            WHERE Id = @runId AND Status = @Running
            """,
            new { runId, status, Running = DocumentStore.RunningStatus },
            cancellationToken: cancellationToken)), cancellationToken);
    }

    public Task<IReadOnlyList<BatchFiling>> LoadBatchFilingsAsync(CancellationToken cancellationToken)
        => _database.UseAsync<IReadOnlyList<BatchFiling>>(async connection =>
        {
            var rows = await connection.QueryAsync<BatchFilingRow>(new CommandDefinition(
                "SELECT AccessionNumber, Cik, Company, FormType, IndexUrl, Status, Attempts, LastError FROM BatchFilings ORDER BY FirstSeenAt, AccessionNumber",
                cancellationToken: cancellationToken));
            return rows.Select(r => new BatchFiling(
                r.AccessionNumber, r.Cik, r.Company, r.FormType, r.IndexUrl, r.Status, checked((int)r.Attempts), r.LastError)).ToList();
        }, cancellationToken);

    /// <summary>Records a filing whose index was read, with its documents as pending items, in one transaction.</summary>
    public Task ListFilingAsync(BatchFiling filing, IReadOnlyList<NewFeedItem> items, long runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filing);
        ArgumentNullException.ThrowIfNull(items);
        return _database.UseAsync(async connection =>
        {
            await using var transaction = await _database.Dialect.BeginWriteAsync(connection, cancellationToken);
            var now = _database.Now();
            await UpsertFilingAsync(connection, transaction, filing with { Status = BatchStatus.Listed, LastError = null }, runId, now, cancellationToken);
            foreach (var item in items)
            {
                // A document URL belongs to one filing; seen again (a re-listed filing), it keeps its state.
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO BatchItems (Source, SourceKey, AccessionNumber, DocumentType, LocalPath, Sha256, Status, Attempts, LastError, FirstSeenAt, UpdatedAt, LastRunId)
                    VALUES ('feed', @Url, @AccessionNumber, @DocumentType, @LocalPath, NULL, 'pending', 0, NULL, @now, @now, @runId)
                    ON CONFLICT (SourceKey) DO NOTHING
                    """,
                    new { item.Url, filing.AccessionNumber, item.DocumentType, item.LocalPath, now, runId },
                    transaction, cancellationToken: cancellationToken));
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Records that a filing's index could not be read: quarantined with the reason and its attempts set to
    /// <paramref name="attempts"/> (one more than before, or past the retry limit for an index refused for its content).
    /// </summary>
    public Task QuarantineFilingAsync(BatchFiling filing, string error, int attempts, long runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filing);
        return _database.UseAsync(async connection =>
        {
            await using var transaction = await _database.Dialect.BeginWriteAsync(connection, cancellationToken);
            await UpsertFilingAsync(
                connection, transaction, filing with { Status = BatchStatus.Quarantined, LastError = error }, runId,
                _database.Now(), cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE BatchFilings SET Attempts = {_database.Dialect.Greatest("Attempts + 1", "@attempts")} WHERE AccessionNumber = @AccessionNumber",
                new { filing.AccessionNumber, attempts }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Batch items of one source ('inbox' or 'feed'), oldest first.</summary>
    public Task<IReadOnlyList<BatchItem>> LoadBatchItemsAsync(string source, CancellationToken cancellationToken)
        => _database.UseAsync<IReadOnlyList<BatchItem>>(async connection =>
        {
            var rows = await connection.QueryAsync<BatchItemRow>(new CommandDefinition(
                """
                SELECT Id, Source, SourceKey, AccessionNumber, DocumentType, LocalPath, Sha256, Status, Attempts, LastError
                FROM BatchItems WHERE Source = @source ORDER BY Id
                """,
                new { source }, cancellationToken: cancellationToken));
            return rows.Select(ToBatchItem).ToList();
        }, cancellationToken);

    /// <summary>
    /// Adds an inbox file as pending, or sets a known one back to pending with no attempts when its content changed.
    /// Returns the item's id.
    /// </summary>
    public Task<long> EnqueueInboxFileAsync(string fullPath, string sha256, long runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullPath);
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        return _database.UseAsync(connection => connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO BatchItems (Source, SourceKey, AccessionNumber, DocumentType, LocalPath, Sha256, Status, Attempts, LastError, FirstSeenAt, UpdatedAt, LastRunId)
            VALUES ('inbox', @fullPath, NULL, NULL, @fullPath, @sha256, 'pending', 0, NULL, @now, @now, @runId)
            ON CONFLICT (SourceKey) DO UPDATE SET
                Sha256 = excluded.Sha256, Status = 'pending', Attempts = 0, LastError = NULL, UpdatedAt = excluded.UpdatedAt, LastRunId = excluded.LastRunId
            WHERE BatchItems.Sha256 IS DISTINCT FROM excluded.Sha256
            RETURNING Id
            """,
            new { fullPath, sha256, now = _database.Now(), runId },
            cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>
    /// Commits what became of one batch item, in one transaction: its analysis (when there is one), its new state and
    /// its line in the run's RunDocuments. A failure counts one more attempt.
    /// </summary>
    public Task CommitBatchItemAsync(long runId, BatchItemResult result, DocumentAnalysis? analysis, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return _database.UseAsync(async connection =>
        {
            await using var transaction = await _database.Dialect.BeginWriteAsync(connection, cancellationToken);
            if (analysis is not null)
            {
                await _database.Documents.InsertAnalysisAsync(connection, transaction, analysis, runId, cancellationToken);
            }

            var updated = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE BatchItems SET
                    Status = @Status, Sha256 = coalesce(@Sha256, Sha256), LastError = @Error,
                    Attempts = Attempts + (CASE WHEN @Status = 'quarantined' THEN 1 ELSE 0 END),
                    UpdatedAt = @now, LastRunId = @runId
                WHERE Id = @ItemId
                """,
                new { result.Status, result.Sha256, result.Error, result.ItemId, now = _database.Now(), runId },
                transaction, cancellationToken: cancellationToken));
            if (updated == 0)
            {
                throw new InvalidOperationException($"Batch item {result.ItemId} does not exist.");
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO RunDocuments (RunId, SourcePath, Sha256, Status, Error) VALUES (@runId, @DisplayPath, @Sha256, @RunStatus, @Error)",
                new { runId, result.DisplayPath, result.Sha256, result.RunStatus, result.Error },
                transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Stores the summary of a batch run (as --json prints it).</summary>
    public Task SaveBatchRunAsync(long runId, string summaryJson, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(summaryJson);
        return _database.UseAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO BatchRuns (RunId, SummaryJson) VALUES (@runId, @summaryJson) ON CONFLICT (RunId) DO UPDATE SET SummaryJson = excluded.SummaryJson",
            new { runId, summaryJson }, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>The stored summary of a batch run, or null.</summary>
    public Task<string?> LoadBatchRunAsync(long runId, CancellationToken cancellationToken)
        => _database.UseAsync(connection => connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT SummaryJson FROM BatchRuns WHERE RunId = @runId", new { runId }, cancellationToken: cancellationToken)), cancellationToken);

    private static Task<int> UpsertFilingAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, BatchFiling filing, long runId, string now,
        CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO BatchFilings (AccessionNumber, Cik, Company, FormType, IndexUrl, Status, Attempts, LastError, FirstSeenAt, UpdatedAt, LastRunId)
            VALUES (@AccessionNumber, @Cik, @Company, @FormType, @IndexUrl, @Status, 0, @LastError, @now, @now, @runId)
            ON CONFLICT (AccessionNumber) DO UPDATE SET
                Status = excluded.Status, LastError = excluded.LastError, UpdatedAt = excluded.UpdatedAt, LastRunId = excluded.LastRunId
            """,
            new { filing.AccessionNumber, filing.Cik, filing.Company, filing.FormType, filing.IndexUrl, filing.Status, filing.LastError, now, runId },
            transaction, cancellationToken: cancellationToken));

    private static BatchItem ToBatchItem(BatchItemRow r) => new(
        r.Id, r.Source, r.SourceKey, r.AccessionNumber, r.DocumentType, r.LocalPath, r.Sha256, r.Status, checked((int)r.Attempts), r.LastError);
}

internal sealed class BatchItemRow
{
    public long Id { get; init; }

    public string Source { get; init; } = "";

    public string SourceKey { get; init; } = "";

    public string? AccessionNumber { get; init; }

    public string? DocumentType { get; init; }

    public string LocalPath { get; init; } = "";

    public string? Sha256 { get; init; }

    public string Status { get; init; } = "";

    public long Attempts { get; init; }

    public string? LastError { get; init; }
}

internal sealed class BatchFilingRow
{
    public string AccessionNumber { get; init; } = "";

    public string? Cik { get; init; }

    public string? Company { get; init; }

    public string FormType { get; init; } = "";

    public string IndexUrl { get; init; } = "";

    public string Status { get; init; } = "";

    public long Attempts { get; init; }

    public string? LastError { get; init; }
}
