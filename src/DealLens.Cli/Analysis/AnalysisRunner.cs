using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using DealLens.Core;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Storage;

namespace DealLens.Cli.Analysis;

/// <summary>What happened to one input: analysed, unchanged since it was stored, or failed with a reason.</summary>
public sealed record DocumentOutcome(InputFile Input, string Status, string? Sha256, string? Error, DocumentAnalysis? Analysis);

public sealed record AnalysisRunnerOptions
{
    /// <summary>Re-analyse documents already stored with the same content.</summary>
    public bool Force { get; init; }

    /// <summary>Documents analysed at once; writes to the store are always one at a time.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>File size, page count and time allowed per document.</summary>
    public DocumentLimits Limits { get; init; } = DocumentLimits.Default;
}

/// <summary>
/// Reads, analyses and stores documents. Analysis runs in parallel; the store is touched by one document at
/// a time, and each document is saved in its own transaction, so one failure never affects another.
/// Outcomes come back in input order.
/// </summary>
public sealed class AnalysisRunner : IDisposable
{
    private readonly DealPipeline _pipeline;
    private readonly IAnalysisStore _store;
    private readonly Func<string, ITextExtractor?> _extractorFor;
    private readonly AnalysisRunnerOptions _options;
    private readonly SemaphoreSlim _storeLock = new(1, 1);

    // Content being analysed in this run: a second file with the same bytes waits for the first and is then
    // reported unchanged, instead of racing it and analysing the same content twice.
    private readonly ConcurrentDictionary<string, Task> _contentInProgress = new(StringComparer.Ordinal);

    public AnalysisRunner(
        DealPipeline pipeline, IAnalysisStore store, Func<string, ITextExtractor?> extractorFor, AnalysisRunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(extractorFor);
        ArgumentNullException.ThrowIfNull(options);
        _pipeline = pipeline;
        _store = store;
        _extractorFor = extractorFor;
        _options = options;
    }

    public async IAsyncEnumerable<DocumentOutcome> RunAsync(
        IReadOnlyList<InputFile> inputs, long runId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var parallelism = Math.Max(1, _options.Parallelism);
        var inFlight = new Queue<Task<DocumentOutcome>>();
        var next = 0;
        while (next < inputs.Count || inFlight.Count > 0)
        {
            while (next < inputs.Count && inFlight.Count < parallelism)
            {
                // Reading and hashing happen here, in input order, so that of two files with the same content the
                // first one given is the one analysed; the analysis itself runs in parallel.
                var claim = await ClaimAsync(inputs[next++], cancellationToken);
                inFlight.Enqueue(Task.Run(() => AnalyzeOneAsync(claim, runId, cancellationToken), cancellationToken));
            }

            var outcome = await inFlight.Dequeue();
            await WithStoreAsync(
                () => _store.RecordRunDocumentAsync(
                    runId, new RunDocument(outcome.Input.DisplayPath, outcome.Sha256, outcome.Status, outcome.Error), cancellationToken),
                cancellationToken);
            yield return outcome;
        }
    }

    private sealed record Claim(InputFile Input, ITextExtractor? Extractor, byte[]? Bytes, string? Sha256, string? Error, Task? SameContentFirst, TaskCompletionSource? Done);

    private async Task<Claim> ClaimAsync(InputFile input, CancellationToken cancellationToken)
    {
        try
        {
            var extractor = _extractorFor(input.FullPath)
                ?? throw new DealLensException(File.Exists(input.FullPath) || Directory.Exists(input.FullPath)
                    ? $"{input.DisplayPath}: unsupported file type '{Path.GetExtension(input.FullPath)}' (expected .pdf, .htm, .html or .txt)"
                    // A mistyped path with no known ending ("contracts-q3") is missing, not of an unsupported type.
                    : $"{input.DisplayPath}: file or folder not found");
            var bytes = await ReadAsync(input, cancellationToken);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var first = _contentInProgress.GetOrAdd(sha256, done.Task);
            return first == done.Task
                ? new Claim(input, extractor, bytes, sha256, null, null, done)
                : new Claim(input, extractor, null, sha256, null, first, null);
        }
        catch (DealLensException ex)
        {
            return new Claim(input, null, null, null, ex.Message, null, null);
        }
    }

    private async Task<DocumentOutcome> AnalyzeOneAsync(Claim claim, long runId, CancellationToken cancellationToken)
    {
        var input = claim.Input;
        try
        {
            if (claim.Error is not null)
            {
                return Failed(claim.Error);
            }

            if (claim.SameContentFirst is not null)
            {
                // Another input of this run has the same bytes: wait for it, then report what it stored.
                await claim.SameContentFirst.WaitAsync(cancellationToken);
                var stored = await WithStoreAsync(() => _store.LoadAnalysisAsync(claim.Sha256!, cancellationToken), cancellationToken);
                return stored is null
                    ? Failed($"{input.DisplayPath}: same content as another input of this run, which failed")
                    : new DocumentOutcome(input, DocumentStatus.Unchanged, claim.Sha256, null, stored);
            }

            return await AnalyzeContentAsync(input, claim.Extractor!, claim.Bytes!, claim.Sha256!, runId, cancellationToken);
        }
        catch (DealLensException ex) when (!DatabaseFailure.Is(ex))
        {
            return Failed(ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (!DatabaseFailure.Is(ex))
        {
            // A bug or a library failure on one document must not stop the others.
            return Failed($"{input.DisplayPath}: unexpected error: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            claim.Done?.TrySetResult();
        }

        DocumentOutcome Failed(string error) => new(input, DocumentStatus.Failed, claim.Sha256, error, null);
    }

    private async Task<DocumentOutcome> AnalyzeContentAsync(
        InputFile input, ITextExtractor extractor, byte[] bytes, string sha256, long runId, CancellationToken cancellationToken)
    {
        if (!_options.Force)
        {
            var stored = await WithStoreAsync(() => _store.LoadAnalysisAsync(sha256, cancellationToken), cancellationToken);
            if (stored is not null)
            {
                return new DocumentOutcome(input, DocumentStatus.Unchanged, sha256, null, stored);
            }
        }

        var analysis = await LimitedAnalysis.AnalyzeAsync(_pipeline, extractor, bytes, input.DisplayPath, sha256, _options.Limits, cancellationToken);
        await WithStoreAsync(() => _store.SaveAnalysisAsync(analysis, runId, cancellationToken), cancellationToken);
        return new DocumentOutcome(input, DocumentStatus.Analyzed, sha256, null, analysis);
    }

    private Task<byte[]> ReadAsync(InputFile input, CancellationToken cancellationToken)
        => DocumentFiles.ReadAsync(input.FullPath, input.DisplayPath, _options.Limits, cancellationToken);

    private async Task<T> WithStoreAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        await _storeLock.WaitAsync(cancellationToken);
        try
        {
            return await action();
        }
        finally
        {
            _storeLock.Release();
        }
    }

    private async Task WithStoreAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        await _storeLock.WaitAsync(cancellationToken);
        try
        {
            await action();
        }
        finally
        {
            _storeLock.Release();
        }
    }

    public void Dispose() => _storeLock.Dispose();
}
