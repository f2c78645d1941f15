using System.Security.Cryptography;
using DealLens.Cli.Analysis;
using DealLens.Core;
using DealLens.Extraction;
using DealLens.Extraction.Edgar;
using DealLens.Storage;

namespace DealLens.Cli.Batch;

/// <summary>What looking at the sources found: counts, and problems to show (they do not stop the run).</summary>
public sealed record Discovery(int NewFilings, int SeenFilings, int FailedFilings, int NewFiles, int ChangedFiles, int UnchangedFiles, IReadOnlyList<string> Problems)
{
    public static Discovery None { get; } = new(0, 0, 0, 0, 0, 0, []);

    public Discovery Add(Discovery other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(NewFilings + other.NewFilings, SeenFilings + other.SeenFilings, FailedFilings + other.FailedFilings,
            NewFiles + other.NewFiles, ChangedFiles + other.ChangedFiles, UnchangedFiles + other.UnchangedFiles, [.. Problems, .. other.Problems]);
    }
}

/// <summary>How the inbox is read: which links are followed, and how long a file must be left alone to count as written.</summary>
public sealed record InboxOptions
{
    /// <summary>
    /// A file modified less than this long ago is left for the next run: it may still be being copied in. Its size
    /// and modification time must also be the same before and after it is hashed.
    /// </summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(10);

    public InputFileOptions Files { get; init; } = InputFileOptions.Default;

    /// <summary>The clock file modification times are compared with: the real one (file systems keep real time).</summary>
    public TimeProvider FileClock { get; init; } = TimeProvider.System;
}

/// <summary>
/// Turns an inbox folder into batch items: every new file, and every file whose content changed. Only regular files
/// are read (FIFOs and devices are reported, never opened), links out of the inbox are not followed, and a file still
/// being written is left for the next run, so that a half-copied file is never stored beside its finished version.
/// </summary>
public static class InboxSource
{
    public static async Task<Discovery> DiscoverAsync(
        string folder, DealLensDatabase database, long runId, InboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        if (!Directory.Exists(folder))
        {
            throw new DealLensException($"{folder}: inbox folder not found");
        }

        var inputs = InputFiles.Expand([folder], TextExtractors.SupportedExtensions, options.Files);
        var known = (await database.Batch.LoadBatchItemsAsync("inbox", cancellationToken)).ToDictionary(i => i.SourceKey, StringComparer.Ordinal);
        int added = 0, changed = 0, unchanged = 0;
        var problems = new List<string>(inputs.Problems);
        foreach (var file in inputs.Files)
        {
            string sha256;
            try
            {
                var before = Look(file.FullPath);
                var age = options.FileClock.GetUtcNow() - before.Modified;
                if (age < options.SettleTime)
                {
                    problems.Add($"{file.DisplayPath}: modified less than {options.SettleTime.TotalSeconds:0.###} s ago (still being written?); left for the next run");
                    continue;
                }

                // Streamed: a huge file is hashed without being held in memory (and refused later by the size limit).
                await using (var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 81920, useAsync: true))
                {
                    sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
                }

                if (Look(file.FullPath) != before)
                {
                    problems.Add($"{file.DisplayPath}: changed while it was read (still being written?); left for the next run");
                    continue;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{file.DisplayPath}: cannot read: {ex.Message}");
                continue;
            }

            if (known.TryGetValue(file.FullPath, out var item))
            {
                if (item.Sha256 == sha256)
                {
                    unchanged += item.Status == BatchStatus.Done ? 1 : 0;
                    continue;
                }

                changed++;
            }
            else
            {
                added++;
            }

            await database.Batch.EnqueueInboxFileAsync(file.FullPath, sha256, runId, cancellationToken);
        }

        return new Discovery(0, 0, 0, added, changed, unchanged, problems);
    }

    private readonly record struct FileLook(long Length, DateTimeOffset Modified);

    // Through links to the file itself: its size and modification time, as the writer leaves them.
    private static FileLook Look(string path)
    {
        var info = new FileInfo(path);
        var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
        target.Refresh();
        return new FileLook(target.Length, new DateTimeOffset(target.LastWriteTimeUtc, TimeSpan.Zero));
    }
}

/// <summary>
/// Turns an EDGAR "latest filings" feed into batch items: each filing of a wanted form type not seen before (by
/// accession number) has its index read, and its primary document and EX-10.x / EX-99.x exhibits become items.
/// Filings whose index could not be read are retried while they have retries left, even once off the feed.
/// </summary>
public static class FeedSource
{
    private const long MaxPageBytes = 20L * 1024 * 1024;

    public static async Task<Discovery> DiscoverAsync(
        string feed, IReadOnlySet<string> forms, string downloads, EdgarClient client, DealLensDatabase database, long runId, int maxRetries,
        Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(log);
        var (content, linkBase) = await ReadFeedAsync(feed, client, cancellationToken);
        return await ListFilingsAsync(content, linkBase, forms, downloads, client, database, runId, maxRetries, log, cancellationToken);
    }

    /// <summary>
    /// Reads EDGAR's JSON for one company (a CIK, or a ticker looked up in SEC's ticker list) and lists its filings
    /// of the wanted form types filed in the date range, as the feed's are listed.
    /// </summary>
    public static async Task<Discovery> DiscoverCompanyAsync(
        string company, FilingFilter filter, string downloads, EdgarClient client, DealLensDatabase database, long runId, int maxRetries,
        Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(client);
        var cik = EdgarSubmissionsReader.PadCik(company);
        if (cik is null)
        {
            var tickers = new Uri(client.BaseUri, "/files/company_tickers.json");
            using var stream = new MemoryStream(await client.GetAsync(tickers, MaxPageBytes, cancellationToken), writable: false);
            cik = EdgarSubmissionsReader.CikFromTickers(stream, company, tickers.ToString())
                ?? throw new DealLensException($"{company}: no such ticker in EDGAR's ticker list ({tickers}); give the company's CIK instead");
        }

        var submissions = new Uri(client.DataUri, $"/submissions/CIK{cik}.json");
        using (var stream = new MemoryStream(await client.GetAsync(submissions, MaxPageBytes, cancellationToken), writable: false))
        {
            var content = EdgarSubmissionsReader.Read(stream, cik, filter, submissions.ToString());
            log($"{company} (CIK {cik}): {content.Filings.Count} filing(s) of {string.Join(", ", filter.Forms.Order(StringComparer.Ordinal))} in the date range");
            return await ListFilingsAsync(content, client.BaseUri, filter.Forms, downloads, client, database, runId, maxRetries, log, cancellationToken);
        }
    }

    /// <summary>Lists one filing given by its accession number (its index is in the folder of <paramref name="cik"/>).</summary>
    public static Task<Discovery> DiscoverAccessionAsync(
        string accession, string cik, string downloads, EdgarClient client, DealLensDatabase database, long runId, int maxRetries,
        Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var number = EdgarFeedReader.AccessionIn(accession) ?? throw new DealLensException($"{accession}: not an accession number (like 0000320193-25-000071)");
        // Its form type is unknown until the index is read: the primary document is the first one of the index.
        var content = new FeedContent([new FeedFiling(AnyForm, null, cik, number, EdgarSubmissionsReader.IndexPath(cik, number))], []);
        return ListFilingsAsync(content, client.BaseUri, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { AnyForm }, downloads, client, database, runId, maxRetries, log, cancellationToken);
    }

    /// <summary>The form type of a filing fetched by accession number, before its index is read.</summary>
    private const string AnyForm = "(by accession)";

    private static async Task<Discovery> ListFilingsAsync(
        FeedContent content, Uri linkBase, IReadOnlySet<string> forms, string downloads, EdgarClient client, DealLensDatabase database, long runId,
        int maxRetries, Action<string> log, CancellationToken cancellationToken)
    {
        var problems = new List<string>(content.Problems);

        var known = (await database.Batch.LoadBatchFilingsAsync(cancellationToken)).ToDictionary(f => f.AccessionNumber, StringComparer.Ordinal);
        var todo = new List<(BatchFiling Filing, Uri LinkBase)>();
        var seen = 0;
        var queued = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in content.Filings.Where(f => forms.Contains(f.FormType)))
        {
            if (!queued.Add(entry.AccessionNumber))
            {
                continue;
            }

            if (known.TryGetValue(entry.AccessionNumber, out var filing))
            {
                if (filing.Status == BatchStatus.Listed || filing.Attempts > maxRetries)
                {
                    seen++;
                    continue;
                }

                todo.Add((filing, linkBase));
            }
            else
            {
                todo.Add((new BatchFiling(entry.AccessionNumber, entry.Cik, entry.Company, entry.FormType, entry.IndexLink, BatchStatus.Listed, 0, null), linkBase));
            }
        }

        // Quarantined filings no longer in the feed still get their retries.
        foreach (var filing in known.Values.Where(f => f.Status == BatchStatus.Quarantined && f.Attempts <= maxRetries && queued.Add(f.AccessionNumber)))
        {
            todo.Add((filing, client.BaseUri));
        }

        int listed = 0, failed = 0;
        foreach (var (filing, baseUri) in todo)
        {
            // Once the index is here, any failure comes from its content: the same bytes would fail again, so the
            // filing is not retried. Failures before that (network) are retried by later runs.
            var fetched = false;
            try
            {
                var indexUri = EdgarClient.Resolve(baseUri, filing.IndexUrl);
                var html = System.Text.Encoding.UTF8.GetString(await client.GetAsync(indexUri, MaxPageBytes, cancellationToken));
                fetched = true;
                var all = FilingIndexReader.Read(html, indexUri.ToString());
                var formType = filing.FormType == AnyForm ? all.FirstOrDefault(d => d.Sequence == 1)?.Type ?? filing.FormType : filing.FormType;
                var documents = FilingIndexReader.SelectForAnalysis(all, formType);
                var items = new List<NewFeedItem>();
                var localPaths = new HashSet<string>(StringComparer.Ordinal);
                foreach (var document in documents)
                {
                    var uri = EdgarClient.Resolve(indexUri, document.Href);
                    var localPath = DownloadPaths.Unique(DownloadPaths.For(downloads, filing.Cik, filing.AccessionNumber, uri), localPaths);
                    if (TextExtractors.ForPath(localPath) is null)
                    {
                        problems.Add($"{filing.AccessionNumber}: {document.Type} {document.FileName}: not a .pdf, .htm, .html or .txt document; skipped");
                        continue;
                    }

                    items.Add(new NewFeedItem(uri.ToString(), document.Type, localPath));
                }

                await database.Batch.ListFilingAsync(filing with { IndexUrl = indexUri.ToString(), FormType = formType }, items, runId, cancellationToken);
                listed++;
                log($"{filing.AccessionNumber} {filing.FormType} {filing.Company}: {items.Count} document(s) to analyse");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException && !DatabaseFailure.Is(ex))
            {
                // Whatever the index holds, the failure is recorded with its reason: a filing that crashed the run
                // would be fetched (and crash it) again on every later run.
                failed++;
                var attempts = fetched ? maxRetries + 1 : filing.Attempts + 1;
                var reason = ex is DealLensException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
                var error = $"filing {filing.AccessionNumber}: {reason}";
                await database.Batch.QuarantineFilingAsync(filing, error, attempts, runId, cancellationToken);
                problems.Add(attempts > maxRetries
                    ? $"{error} (quarantined; {(fetched ? "its index is refused, not retried" : "no retries left")})"
                    : $"{error} (quarantined; retried on a later run)");
            }
        }

        return new Discovery(listed, seen, failed, 0, 0, 0, problems);
    }

    private static async Task<(FeedContent Content, Uri LinkBase)> ReadFeedAsync(string feed, EdgarClient client, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(feed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            var bytes = await client.GetAsync(uri, MaxPageBytes, cancellationToken);
            using var stream = new MemoryStream(bytes, writable: false);
            return (EdgarFeedReader.Read(stream, feed), uri);
        }

        try
        {
            await using var stream = File.OpenRead(feed);
            return (EdgarFeedReader.Read(stream, feed), client.BaseUri);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DealLensException($"{feed}: cannot read the feed: {ex.Message}", ex);
        }
    }
}
