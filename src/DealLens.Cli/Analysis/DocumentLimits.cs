using System.Globalization;
using System.Text.RegularExpressions;
using DealLens.Core;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Core.Text;

namespace DealLens.Cli.Analysis;

/// <summary>Per-document limits shared by <c>analyze</c> and <c>batch</c>: a document over any of them fails alone.</summary>
public sealed record DocumentLimits
{
    public static DocumentLimits Default { get; } = new();

    /// <summary>Files larger than this are refused before they are read.</summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// Text and HTML files larger than this are refused before they are read. Lower than <see cref="MaxFileBytes"/>:
    /// a scanned PDF can be large, but the largest EDGAR HTML documents (10-Ks with inline XBRL) are tens of MB, and a
    /// 200 MB text took 300 s and 3.8 GB before the time limit refused it.
    /// </summary>
    public long MaxTextFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Documents with more pages are refused (PDFs before any page is read).</summary>
    public int MaxPages { get; init; } = 5000;

    /// <summary>Text extraction plus analysis of one document; past it the document fails and its work is abandoned.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>Extracts and analyses one document within <see cref="DocumentLimits"/>.</summary>
public static class LimitedAnalysis
{
    // Every regex time-out in the process, even one a reader catches and handles, is counted against the document
    // being analysed in that flow (RegexTimeouts.Watch), so it becomes a warning instead of a silent miss.
    static LimitedAnalysis() => AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
    {
        if (e.Exception is RegexMatchTimeoutException timeout)
        {
            RegexTimeouts.Record(timeout);
        }
    };

    /// <summary>
    /// Runs extraction and the pipeline on a worker thread and waits at most <see cref="DocumentLimits.Timeout"/>.
    /// On time-out the work is told to stop (PDF extraction checks between pages, the pipeline at its await points)
    /// and abandoned: the caller gets a <see cref="DealLensException"/> at once and moves on, even if a page that
    /// PdfPig cannot interrupt keeps one thread busy a little longer.
    /// </summary>
    public static async Task<DocumentAnalysis> AnalyzeAsync(
        DealPipeline pipeline, ITextExtractor extractor, byte[] bytes, string displayPath, string sha256, DocumentLimits limits,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(limits);
        if (bytes.LongLength > limits.MaxFileBytes)
        {
            throw new DealLensException($"{displayPath}: file is {bytes.LongLength:N0} bytes, over the {limits.MaxFileBytes:N0}-byte limit");
        }

        // Not disposed when the work is abandoned: the abandoned work may still read its token.
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Set before Task.Run so that the work's flow (and every task it starts) records into it.
        using var timeouts = RegexTimeouts.Watch();
        var work = Task.Run(
            async () =>
            {
                DocumentText text;
                using (var stream = new MemoryStream(bytes, writable: false))
                {
                    text = extractor.Extract(stream, displayPath, limits.MaxPages, stop.Token);
                }

                return await pipeline.AnalyzeAsync(displayPath, sha256, text, stop.Token);
            },
            CancellationToken.None);
        try
        {
            var analysis = await work.WaitAsync(limits.Timeout, cancellationToken);
            stop.Dispose();
            return timeouts.Warning() is { } warning ? analysis with { Warnings = [.. analysis.Warnings, warning] } : analysis;
        }
        catch (TimeoutException)
        {
            await stop.CancelAsync();
            // Observe the abandoned task's end so its exception is not reported as unobserved.
            _ = work.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new DealLensException(
                $"{displayPath}: analysis took longer than the {limits.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}-second limit; abandoned");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stop.CancelAsync();
            throw;
        }
    }
}
