using System.Collections.Concurrent;
using System.Security.Cryptography;
using DealLens.Cli.Analysis;
using DealLens.Core;
using DealLens.Core.Pipeline;
using DealLens.Extraction;
using DealLens.Storage;

namespace DealLens.Cli.Batch;

/// <summary>
/// What became of one batch item in this run. Fallback is set when a model was asked for and the document was read by
/// the embedded extractor instead. LeftInQueue: documents of the run's scope no run had claimed yet when this one was
/// taken.
/// </summary>
public sealed record BatchOutcome(
    BatchItem Item, string DisplayPath, string Status, string? Sha256, string? Error, int Attempts, string? Fallback = null, int LeftInQueue = 0)
{
    /// <summary>
    /// The Status of a document whose claim was lost before its outcome was committed (its lease ran out and another run
    /// took it over, or the file changed): this run's work on it was discarded, and it is not counted.
    /// </summary>
    public const string TakenOver = "taken_over";
}

public sealed record BatchRunnerOptions
{
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public DocumentLimits Limits { get; init; } = DocumentLimits.Default;

    /// <summary>Turns a full path into the path shown in messages and stored as the document's source.</summary>
    public Func<string, string> Display { get; init; } = path => path;

    /// <summary>
    /// How long a claim lasts without a heartbeat. A live run renews its claims every quarter of it, so only a run that
    /// died (or lost the database for that long) loses them to another run.
    /// </summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Documents this run takes at most (--max-docs); the rest are left to other runs.</summary>
    public int MaxDocs { get; init; } = int.MaxValue;

    /// <summary>
    /// Marks the runs whose process is gone (RunLiveness) and returns how many it marked. Called when nothing is left
    /// to claim, so the claims of a run that died while this one worked are taken over now, not by a later run.
    /// </summary>
    public Func<CancellationToken, Task<int>>? MarkDeadRuns { get; init; }

    /// <summary>
    /// How often a run with nothing left to claim looks again while other runs still hold claims in its scope: it
    /// stays until they are committed, and takes over those of a run that dies meanwhile (found dead, or its lease out).
    /// </summary>
    public TimeSpan ClaimPoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock <see cref="ClaimPoll"/> is waited on.</summary>
    public TimeProvider PollClock { get; init; } = TimeProvider.System;

    /// <summary>Told once per run, when it first has nothing left to claim, how many documents other runs still hold.</summary>
    public Action<int>? Waiting { get; init; }
}

/// <summary>
/// Works the shared batch queue: each worker claims the next document of the run's scope in the database (several
/// runs, on several machines, claim from one queue at the same time and never get the same document), gets its bytes
/// (reads the inbox file, or downloads the filing document once into the downloads folder), skips content already
/// stored, analyses the rest within the per-document limits, and commits each item's outcome (analysis, item state,
/// run line, claim cleared) in one transaction. A heartbeat renews the run's claims while it lives; a failing item is
/// quarantined with its reason and never stops the others.
/// </summary>
public sealed class BatchRunner(DealLensDatabase database, DealPipeline pipeline, EdgarClient? client, BatchRunnerOptions options)
{
    // Content being analysed in this run: a second item with the same bytes waits for the first, then is unchanged.
    private readonly ConcurrentDictionary<string, Task> _contentInProgress = new(StringComparer.Ordinal);

    // Set once the run has said it is waiting for other runs' claims (several workers may wait at once).
    private int _toldWaiting;

    public async Task<IReadOnlyList<BatchOutcome>> RunAsync(
        BatchQueueScope scope, long runId, Action<BatchOutcome> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(report);
        var outcomes = new ConcurrentBag<BatchOutcome>();
        var reportLock = new Lock();
        var taken = 0;
        using var stopHeartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = HeartbeatAsync(runId, stopHeartbeat.Token);
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, Math.Max(1, options.Parallelism)),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
                async (_, token) =>
                {
                    // Each worker takes one document at a time, so the run never holds more claims than it works on.
                    while (Interlocked.Increment(ref taken) <= options.MaxDocs && await ClaimNextAsync(scope, runId, token) is { } claim)
                    {
                        var outcome = await ProcessAsync(claim.Item, runId, token) with { LeftInQueue = claim.LeftInQueue };
                        outcomes.Add(outcome);
                        lock (reportLock)
                        {
                            report(outcome);
                        }
                    }
                });
        }
        finally
        {
            await stopHeartbeat.CancelAsync();
            await heartbeat;
            await ReleaseClaimsAsync(runId);
        }

        return outcomes.OrderBy(o => o.Item.Id).ToList();
    }

    private async Task<BatchClaim?> ClaimNextAsync(BatchQueueScope scope, long runId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var claim = await database.Batch.ClaimNextAsync(runId, scope, options.ClaimLease, cancellationToken);
            if (claim is null && options.MarkDeadRuns is { } markDeadRuns && await markDeadRuns(cancellationToken) > 0)
            {
                claim = await database.Batch.ClaimNextAsync(runId, scope, options.ClaimLease, cancellationToken);
            }

            if (claim is not null)
            {
                return claim;
            }

            // Nothing free, but another run may still be at work on documents of this scope. Leaving now would strand
            // them if that run dies after this look (its lock is still held, or it is killed a moment later) until some
            // later run: stay, and take them over as soon as it is found dead or its lease runs out.
            var held = await database.Batch.CountClaimedByOthersAsync(runId, scope, cancellationToken);
            if (held == 0)
            {
                return null;
            }

            if (Interlocked.Exchange(ref _toldWaiting, 1) == 0)
            {
                options.Waiting?.Invoke(held);
            }

            // Real time, not the database's clock: a test's fake clock drives leases and heartbeats but never moves on
            // its own, and this wait must end when the other run commits.
            await Task.Delay(options.ClaimPoll, options.PollClock, cancellationToken);
        }
    }

    // On the database's clock, the one the leases are written in: a test's fake clock drives both.
    private async Task HeartbeatAsync(long runId, CancellationToken cancellationToken)
    {
        var every = options.ClaimLease / 4;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, database.Time, cancellationToken);
                await database.Batch.RenewClaimsAsync(runId, options.ClaimLease, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DealLensException or System.Data.Common.DbException)
            {
                // A missed beat only risks the claims: another run may take one over, and this run's commit of it is
                // then refused. The next beat tries again.
            }
        }
    }

    // Claims left after a cancelled or failed run go back to the queue at once instead of at the end of their lease.
    private async Task ReleaseClaimsAsync(long runId)
    {
        try
        {
            await database.Batch.ReleaseClaimsAsync(runId, CancellationToken.None);
        }
        catch (Exception ex) when (ex is DealLensException or System.Data.Common.DbException)
        {
            // The database is out of reach: the leases run out instead.
        }
    }

    private async Task<BatchOutcome> ProcessAsync(BatchItem item, long runId, CancellationToken cancellationToken)
    {
        var display = options.Display(item.LocalPath);
        string? sha256 = null;
        TaskCompletionSource? done = null;
        try
        {
            var extractor = TextExtractors.ForPath(item.LocalPath)
                ?? throw new DealLensException($"{display}: unsupported file type '{Path.GetExtension(item.LocalPath)}' (expected .pdf, .htm, .html or .txt)");
            var bytes = await GetBytesAsync(item, display, cancellationToken);
            sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var first = _contentInProgress.GetOrAdd(sha256, done.Task);
            if (first != done.Task)
            {
                done = null;
                await first.WaitAsync(cancellationToken);
                if (await database.Documents.FindDocumentAsync(sha256, cancellationToken) is null)
                {
                    throw new DealLensException($"{display}: same content as another document of this run, which failed");
                }
            }

            if (await database.Documents.FindDocumentAsync(sha256, cancellationToken) is not null)
            {
                return await CommitAsync(item, display, runId, sha256, DocumentStatus.Unchanged, null, null, cancellationToken);
            }

            var analysis = await LimitedAnalysis.AnalyzeAsync(pipeline, extractor, bytes, display, sha256, options.Limits, cancellationToken);
            return await CommitAsync(item, display, runId, sha256, DocumentStatus.Analyzed, null, analysis, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !DatabaseFailure.Is(ex))
        {
            var error = ex is DealLensException ? ex.Message : $"{display}: unexpected error: {ex.GetType().Name}: {ex.Message}";
            return await CommitAsync(item, display, runId, sha256, DocumentStatus.Failed, error, null, cancellationToken);
        }
        finally
        {
            done?.TrySetResult();
        }
    }

    private async Task<BatchOutcome> CommitAsync(
        BatchItem item, string display, long runId, string? sha256, string status, string? error, DocumentAnalysis? analysis,
        CancellationToken cancellationToken)
    {
        var failed = status == DocumentStatus.Failed;
        var itemStatus = failed ? BatchStatus.Quarantined : BatchStatus.Done;
        // The commit is not cancelled half-way by Ctrl-C: it is one short transaction, and finishing it keeps the
        // item's state true (a kill -9 instead rolls it back, which is just as consistent).
        var recorded = await database.Batch.CommitBatchItemAsync(
            runId, new BatchItemResult(item.Id, display, sha256, itemStatus, status, error), analysis, CancellationToken.None);
        return recorded is null
            ? new BatchOutcome(item, display, BatchOutcome.TakenOver, sha256, null, item.Attempts)
            : new BatchOutcome(item, display, recorded, sha256, error, item.Attempts + (failed ? 1 : 0), ExtractorFallback.ReasonIn(analysis));
    }

    private async Task<byte[]> GetBytesAsync(BatchItem item, string display, CancellationToken cancellationToken)
    {
        var maxBytes = DocumentFiles.LimitFor(item.LocalPath, options.Limits);
        if (item.Source == "feed" && !File.Exists(item.LocalPath))
        {
            if (client is null)
            {
                throw new DealLensException($"{display}: not downloaded yet, and this run has no feed (run with --feed to download it)");
            }

            var bytes = await client.GetAsync(new Uri(item.SourceKey), maxBytes, cancellationToken);
            await WriteWholeAsync(item.LocalPath, bytes, cancellationToken);
            return bytes;
        }

        return await DocumentFiles.ReadAsync(item.LocalPath, display, options.Limits, cancellationToken);
    }

    // Written beside its final name and renamed into place: a run killed mid-write never leaves a partial file that a
    // later run would take for the document.
    private static async Task WriteWholeAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var partial = path + ".part";
            await File.WriteAllBytesAsync(partial, bytes, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DealLensException($"{path}: cannot save the download: {ex.Message}", ex);
        }
    }
}
