namespace DealLens.Storage;

/// <summary>Values of <c>BatchItems.Status</c> and <c>BatchFilings.Status</c>.</summary>
public static class BatchStatus
{
    public const string Pending = "pending";
    public const string Done = "done";
    public const string Quarantined = "quarantined";

    /// <summary>A filing whose index was read and whose documents are in BatchItems.</summary>
    public const string Listed = "listed";

    /// <summary>Runs.Status of a batch found still 'running' by a later batch although its process is gone: it was killed.</summary>
    public const string Interrupted = "interrupted";
}

/// <summary>A document a batch has to handle: an inbox file or a filing document (see 0006_batch.sql).</summary>
public sealed record BatchItem(
    long Id,
    string Source,
    string SourceKey,
    string? AccessionNumber,
    string? DocumentType,
    string LocalPath,
    string? Sha256,
    string Status,
    int Attempts,
    string? LastError);

/// <summary>A document of a filing, found in its index, to be added to BatchItems.</summary>
public sealed record NewFeedItem(string Url, string DocumentType, string LocalPath);

/// <summary>A filing seen in a feed.</summary>
public sealed record BatchFiling(
    string AccessionNumber, string? Cik, string? Company, string FormType, string IndexUrl, string Status, int Attempts, string? LastError);

/// <summary>
/// What became of one batch item in a run: <paramref name="Status"/> is the item's new status
/// (<see cref="BatchStatus"/>), <paramref name="RunStatus"/> the RunDocuments status (analyzed, unchanged, failed).
/// </summary>
public sealed record BatchItemResult(long ItemId, string DisplayPath, string? Sha256, string Status, string RunStatus, string? Error);

/// <summary>
/// The part of the shared queue one batch run works: inbox files under <paramref name="InboxFolder"/> (a full path;
/// null: none), filing documents when <paramref name="Feed"/>, and failed documents while their attempts are at most
/// <paramref name="MaxRetries"/>.
/// </summary>
public sealed record BatchQueueScope(string? InboxFolder, bool Feed, int MaxRetries);

/// <summary>A document a run claimed, and how many documents of its scope were left for any run to claim just after.</summary>
public sealed record BatchClaim(BatchItem Item, int LeftInQueue);

/// <summary>A document some run has claimed, with that run's state as the database records it (for `batch --status`).</summary>
public sealed record BatchClaimRow(long ItemId, string LocalPath, string Status, long RunId, string? RunStatus, string? RunStartedAt, string? ClaimExpiresAt, bool LeaseRunOut);

/// <summary>The shared queue at one moment: documents by status, and every claim (for `batch --status`).</summary>
public sealed record BatchQueueState(IReadOnlyDictionary<string, int> ItemsByStatus, IReadOnlyList<BatchClaimRow> Claims, IReadOnlyList<long> RunningRuns);
