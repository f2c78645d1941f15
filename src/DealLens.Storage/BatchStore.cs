using Dapper;
using DealLens.Core.Pipeline;

namespace DealLens.Storage;

/// <summary>
/// The batch tables (0006_batch.sql, 0014_batch_claims.sql) and run liveness. Every method here is one transaction, so
/// a process killed between two of them leaves the database consistent. Runs on several machines share the queue by
/// claiming one document at a time (<see cref="ClaimNextAsync"/>); only the run holding a claim may commit it.
/// </summary>
public sealed class BatchStore
{
    private readonly DealLensDatabase _database;

    internal BatchStore(DealLensDatabase database) => _database = database;

    /// <summary>The ids of the <paramref name="command"/> runs still marked running.</summary>
    public Task<IReadOnlyList<long>> LoadRunningRunIdsAsync(string command, CancellationToken cancellationToken)
        => _database.UseAsync<IReadOnlyList<long>>(async connection => (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT Id FROM Runs WHERE Command = @command AND Status = @Running ORDER BY Id",
            new { command, Running = DocumentStore.RunningStatus }, cancellationToken: cancellationToken))).ToList(), cancellationToken);

    /// <summary>
    /// PostgreSQL: the runs of <paramref name="command"/> still marked running, other than <paramref name="exceptRunId"/>,
    /// whose liveness lock (<paramref name="lockSpace"/>, run id) no session holds: their processes are gone. One query
    /// on this database's connection (pg_locks), where trying each run's lock took a new connection per run.
    /// </summary>
    public Task<IReadOnlyList<long>> LoadRunsWithoutLivenessLockAsync(string command, int lockSpace, long exceptRunId, CancellationToken cancellationToken)
        => _database.UseAsync<IReadOnlyList<long>>(async connection => (await connection.QueryAsync<long>(new CommandDefinition(
            """
            SELECT r.Id FROM Runs r
            WHERE r.Command = @command AND r.Status = @Running AND r.Id <> @exceptRunId
            AND NOT EXISTS (
                SELECT 1 FROM pg_catalog.pg_locks l
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = current_database())
                AND l.classid::bigint = @lockSpace AND l.objid::bigint = r.Id)
            ORDER BY r.Id
            """,
            new { command, lockSpace = (long)lockSpace, exceptRunId, Running = DocumentStore.RunningStatus }, cancellationToken: cancellationToken))).ToList(), cancellationToken);

    /// <summary>The queue's documents by status, every claim with its run's recorded state, and the batch runs still marked running.</summary>
    public Task<BatchQueueState> LoadQueueStateAsync(CancellationToken cancellationToken)
        => _database.UseAsync(async connection =>
        {
            var counts = (await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(
                "SELECT Status, count(*) FROM BatchItems GROUP BY Status ORDER BY Status", cancellationToken: cancellationToken)))
                .ToDictionary(r => r.Status, r => checked((int)r.Count), StringComparer.Ordinal);
            var claims = (await connection.QueryAsync<ClaimStateRow>(new CommandDefinition(
                """
                SELECT b.Id, b.LocalPath, b.Status, b.ClaimRunId, r.Status AS RunStatus, r.StartedAt AS RunStartedAt, b.ClaimExpiresAt
                FROM BatchItems b LEFT JOIN Runs r ON r.Id = b.ClaimRunId
                WHERE b.ClaimRunId IS NOT NULL ORDER BY b.ClaimRunId, b.Id
                """, cancellationToken: cancellationToken))).ToList();
            var now = _database.Now();
            var running = (await connection.QueryAsync<long>(new CommandDefinition(
                "SELECT Id FROM Runs WHERE Command = 'batch' AND Status = @Running ORDER BY Id",
                new { Running = DocumentStore.RunningStatus }, cancellationToken: cancellationToken))).ToList();
            return new BatchQueueState(
                counts,
                claims.Select(c => new BatchClaimRow(
                    c.Id, c.LocalPath, c.Status, c.ClaimRunId, c.RunStatus, c.RunStartedAt, c.ClaimExpiresAt,
                    c.ClaimExpiresAt is null || string.CompareOrdinal(c.ClaimExpiresAt, now) < 0)).ToList(),
                running);
        }, cancellationToken);

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
    /// <remarks>
    /// A changed file also loses any claim on it: a run still analysing the old content then finds its claim gone and
    /// discards that work, and the new content is claimed afresh.
    /// </remarks>
    public Task<long> EnqueueInboxFileAsync(string fullPath, string sha256, long sizeBytes, long runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullPath);
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        return _database.UseAsync(connection => connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO BatchItems (Source, SourceKey, AccessionNumber, DocumentType, LocalPath, Sha256, Status, Attempts, LastError, FirstSeenAt, UpdatedAt, LastRunId, SizeBytes)
            VALUES ('inbox', @fullPath, NULL, NULL, @fullPath, @sha256, 'pending', 0, NULL, @now, @now, @runId, @sizeBytes)
            ON CONFLICT (SourceKey) DO UPDATE SET
                Sha256 = excluded.Sha256, Status = 'pending', Attempts = 0, LastError = NULL, UpdatedAt = excluded.UpdatedAt, LastRunId = excluded.LastRunId,
                SizeBytes = excluded.SizeBytes, RetryAfterRunId = NULL, ClaimRunId = NULL, ClaimExpiresAt = NULL
            WHERE BatchItems.Sha256 IS DISTINCT FROM excluded.Sha256
            RETURNING Id
            """,
            new { fullPath, sha256, now = _database.Now(), runId, sizeBytes },
            cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>
    /// Claims the next document of <paramref name="scope"/> for run <paramref name="runId"/> until
    /// now + <paramref name="lease"/>, in one statement: the largest pending document (then the oldest), or a failed one
    /// with retries left that failed before this run started. A document claimed by another run is skipped unless that
    /// claim's lease ran out or its run is no longer running (killed). Returns null when nothing is left to claim.
    /// </summary>
    public Task<BatchClaim?> ClaimNextAsync(long runId, BatchQueueScope scope, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return _database.UseAsync(async connection =>
        {
            await using var transaction = await _database.Dialect.BeginClaimAsync(connection, cancellationToken);
            var parameters = ScopeParameters(runId, scope);
            parameters.Add("expires", StorageFormat.Timestamp(_database.Time.GetUtcNow() + lease));
            var row = await connection.QuerySingleOrDefaultAsync<BatchItemRow>(new CommandDefinition(
                $"""
                UPDATE BatchItems SET ClaimRunId = @runId, ClaimExpiresAt = @expires
                WHERE Id = (
                    SELECT b.Id FROM BatchItems b
                    WHERE {Claimable("b")}
                    ORDER BY coalesce(b.SizeBytes, 0) DESC, b.Id
                    LIMIT 1
                    {_database.Dialect.SkipLockedRows("b")})
                RETURNING Id, Source, SourceKey, AccessionNumber, DocumentType, LocalPath, Sha256, Status, Attempts, LastError
                """,
                parameters, transaction, cancellationToken: cancellationToken));
            if (row is null)
            {
                await transaction.CommitAsync(cancellationToken);
                return null;
            }

            var left = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT count(*) FROM BatchItems b WHERE {Claimable("b")}", parameters, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return new BatchClaim(ToBatchItem(row), checked((int)left));
        }, cancellationToken);
    }

    /// <summary>How many documents of <paramref name="scope"/> run <paramref name="runId"/> could claim now.</summary>
    public Task<int> CountClaimableAsync(long runId, BatchQueueScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return _database.UseAsync(async connection => checked((int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM BatchItems b WHERE {Claimable("b")}", ScopeParameters(runId, scope), cancellationToken: cancellationToken))),
            cancellationToken);
    }

    /// <summary>The heartbeat of a live run: extends the lease of every claim it holds to now + <paramref name="lease"/>.</summary>
    public Task<int> RenewClaimsAsync(long runId, TimeSpan lease, CancellationToken cancellationToken)
        => _database.UseAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE BatchItems SET ClaimExpiresAt = @expires WHERE ClaimRunId = @runId",
            new { runId, expires = StorageFormat.Timestamp(_database.Time.GetUtcNow() + lease) }, cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>Gives back the claims run <paramref name="runId"/> still holds (a run cancelled half-way), so others take them at once.</summary>
    public Task<int> ReleaseClaimsAsync(long runId, CancellationToken cancellationToken)
        => _database.UseAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE BatchItems SET ClaimRunId = NULL, ClaimExpiresAt = NULL WHERE ClaimRunId = @runId",
            new { runId }, cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>
    /// What the run <c>@runId</c> may claim, for a queue row aliased <paramref name="b"/>: its scope (inbox files
    /// under the inbox folder, filing documents), its state (pending; or quarantined with retries left, failed before the
    /// run started, so runs already at work do not each retry it), and free (unclaimed, lease expired, or claimed by a
    /// run that is no longer running).
    /// </summary>
    private static string Claimable(string b) => $"""
        {Wanted(b)}
        AND ({b}.ClaimRunId IS NULL OR {b}.ClaimExpiresAt < @now
            OR NOT EXISTS (SELECT 1 FROM Runs r WHERE r.Id = {b}.ClaimRunId AND r.Status = 'running'))
        """;

    /// <summary>Scope and state of <see cref="Claimable"/>: a document the run would take if nobody held it.</summary>
    private static string Wanted(string b) => $"""
        (({b}.Source = 'inbox' AND @inboxPrefix <> '' AND substr({b}.SourceKey, 1, length(@inboxPrefix)) = @inboxPrefix)
            OR ({b}.Source = 'feed' AND @feed = 1))
        AND ({b}.Status = 'pending'
            OR ({b}.Status = 'quarantined' AND {b}.Attempts <= @maxRetries AND coalesce({b}.RetryAfterRunId, 0) < @runId))
        """;

    /// <summary>
    /// How many documents of <paramref name="scope"/> that run <paramref name="runId"/> would take are held by another
    /// run's live claim (lease not run out, run still marked running): they are finished by that run, or become
    /// claimable when it is found dead or its lease runs out.
    /// </summary>
    public Task<int> CountClaimedByOthersAsync(long runId, BatchQueueScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return _database.UseAsync(async connection => checked((int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"""
            SELECT count(*) FROM BatchItems b
            WHERE {Wanted("b")}
            AND b.ClaimRunId IS NOT NULL AND b.ClaimRunId <> @runId AND b.ClaimExpiresAt >= @now
            AND EXISTS (SELECT 1 FROM Runs r WHERE r.Id = b.ClaimRunId AND r.Status = 'running')
            """,
            ScopeParameters(runId, scope), cancellationToken: cancellationToken))),
            cancellationToken);
    }

    private DynamicParameters ScopeParameters(long runId, BatchQueueScope scope)
    {
        var parameters = new DynamicParameters();
        parameters.Add("runId", runId);
        parameters.Add("inboxPrefix", scope.InboxFolder is { } inbox ? Path.TrimEndingDirectorySeparator(inbox) + Path.DirectorySeparatorChar : "");
        parameters.Add("feed", scope.Feed ? 1 : 0);
        parameters.Add("maxRetries", scope.MaxRetries);
        parameters.Add("now", _database.Now());
        return parameters;
    }

    /// <summary>
    /// Commits what became of one batch item claimed by <paramref name="runId"/>, in one transaction: its analysis (when
    /// there is one), its new state (its claim cleared) and its line in the run's RunDocuments. A failure counts one more
    /// attempt and is left for runs started after it. Content another run stored meanwhile is recorded as unchanged,
    /// not stored twice. Returns the RunDocuments status recorded, or null when the claim is no longer this run's (its
    /// lease ran out and another run took it over, or the file changed): then nothing is written.
    /// </summary>
    public Task<string?> CommitBatchItemAsync(long runId, BatchItemResult result, DocumentAnalysis? analysis, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return _database.UseAsync(async connection =>
        {
            await using var transaction = await _database.Dialect.BeginWriteAsync(connection, cancellationToken);
            var updated = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE BatchItems SET
                    Status = @Status, Sha256 = coalesce(@Sha256, Sha256), LastError = @Error,
                    Attempts = Attempts + (CASE WHEN @Status = 'quarantined' THEN 1 ELSE 0 END),
                    RetryAfterRunId = (CASE WHEN @Status = 'quarantined' THEN (SELECT max(Id) FROM Runs) ELSE NULL END),
                    UpdatedAt = @now, LastRunId = @runId, ClaimRunId = NULL, ClaimExpiresAt = NULL
                WHERE Id = @ItemId AND ClaimRunId = @runId
                """,
                new { result.Status, result.Sha256, result.Error, result.ItemId, now = _database.Now(), runId },
                transaction, cancellationToken: cancellationToken));
            if (updated == 0)
            {
                var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT count(*) FROM BatchItems WHERE Id = @ItemId", new { result.ItemId }, transaction, cancellationToken: cancellationToken));
                if (exists == 0)
                {
                    throw new InvalidOperationException($"Batch item {result.ItemId} does not exist.");
                }

                await transaction.RollbackAsync(cancellationToken);
                return null;
            }

            var runStatus = result.RunStatus;
            if (analysis is not null)
            {
                var stored = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT count(*) FROM Documents WHERE Sha256 = @Sha256", new { analysis.Sha256 }, transaction, cancellationToken: cancellationToken));
                if (stored > 0)
                {
                    runStatus = DocumentStatus.Unchanged;
                }
                else
                {
                    await _database.Documents.InsertAnalysisAsync(connection, transaction, analysis, runId, cancellationToken);
                }
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO RunDocuments (RunId, SourcePath, Sha256, Status, Error) VALUES (@runId, @DisplayPath, @Sha256, @runStatus, @Error)",
                new { runId, result.DisplayPath, result.Sha256, runStatus, result.Error },
                transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return (string?)runStatus;
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

internal sealed class ClaimStateRow
{
    public long Id { get; init; }

    public string LocalPath { get; init; } = "";

    public string Status { get; init; } = "";

    public long ClaimRunId { get; init; }

    public string? RunStatus { get; init; }

    public string? RunStartedAt { get; init; }

    public string? ClaimExpiresAt { get; init; }
}
