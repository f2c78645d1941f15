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
/// the embedded extractor instead.
/// </summary>
public sealed record BatchOutcome(BatchItem Item, string DisplayPath, string Status, string? Sha256, string? Error, int Attempts, string? Fallback = null);

public sealed record BatchRunnerOptions
{
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public DocumentLimits Limits { get; init; } = DocumentLimits.Default;

    /// <summary>Turns a full path into the path shown in messages and stored as the document's source.</summary>
    public Func<string, string> Display { get; init; } = path => path;
}

/// <summary>
/// Processes batch items: gets each one's bytes (reads the inbox file, or downloads the filing document once into
/// the downloads folder), skips content already stored, analyses the rest in parallel within the per-document
/// limits, and commits each item's outcome (analysis, item state, run line) in one transaction, one at a time.
/// A failing item is quarantined with its reason and never stops the others.
/// </summary>
public sealed class BatchRunner(DealLensDatabase database, DealPipeline pipeline, EdgarClient? client, BatchRunnerOptions options)
{
    // Content being analysed in this run: a second item with the same bytes waits for the first, then is unchanged.
    private readonly ConcurrentDictionary<string, Task> _contentInProgress = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<BatchOutcome>> RunAsync(
        IReadOnlyList<BatchItem> items, long runId, Action<BatchOutcome> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(report);
        var outcomes = new ConcurrentBag<BatchOutcome>();
        var reportLock = new Lock();
        // Largest first: the workers share the long documents early instead of one of them finishing the run alone.
        var largestFirst = items.OrderByDescending(SizeOnDisk).ThenBy(i => i.Id).ToList();
        await Parallel.ForEachAsync(
            largestFirst,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
            async (item, token) =>
            {
                var outcome = await ProcessAsync(item, runId, token);
                outcomes.Add(outcome);
                lock (reportLock)
                {
                    report(outcome);
                }
            });
        return outcomes.OrderBy(o => o.Item.Id).ToList();
    }

    /// <summary>The item's file size, or 0 when it is not on disk yet (a filing document still to download).</summary>
    private static long SizeOnDisk(BatchItem item)
    {
        try
        {
            var info = new FileInfo(item.LocalPath);
            return info.Exists ? info.Length : 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return 0;
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
        await database.Batch.CommitBatchItemAsync(runId, new BatchItemResult(item.Id, display, sha256, itemStatus, status, error), analysis, CancellationToken.None);
        return new BatchOutcome(item, display, status, sha256, error, item.Attempts + (failed ? 1 : 0), ExtractorFallback.ReasonIn(analysis));
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
