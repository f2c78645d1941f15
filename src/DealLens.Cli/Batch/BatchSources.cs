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

/// <summary>Turns an inbox folder into batch items: every new file, and every file whose content changed.</summary>
public static class InboxSource
{
    public static async Task<Discovery> DiscoverAsync(string folder, SqliteAnalysisStore store, long runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!Directory.Exists(folder))
        {
            throw new DealLensException($"{folder}: inbox folder not found");
        }

        var inputs = InputFiles.Expand([folder], TextExtractors.SupportedExtensions);
        var known = (await store.LoadBatchItemsAsync("inbox", cancellationToken)).ToDictionary(i => i.SourceKey, StringComparer.Ordinal);
        int added = 0, changed = 0, unchanged = 0;
        var problems = new List<string>(inputs.Problems);
        foreach (var file in inputs.Files)
        {
            string sha256;
            try
            {
                // Streamed: a huge file is hashed without being held in memory (and refused later by the size limit).
                await using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
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

            await store.EnqueueInboxFileAsync(file.FullPath, sha256, runId, cancellationToken);
        }

        return new Discovery(0, 0, 0, added, changed, unchanged, problems);
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
        string feed, IReadOnlySet<string> forms, string downloads, EdgarClient client, SqliteAnalysisStore store, long runId, int maxRetries,
        Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(log);
        var (content, linkBase) = await ReadFeedAsync(feed, client, cancellationToken);
        var problems = new List<string>(content.Problems);

        var known = (await store.LoadBatchFilingsAsync(cancellationToken)).ToDictionary(f => f.AccessionNumber, StringComparer.Ordinal);
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
            try
            {
                var indexUri = EdgarClient.Resolve(baseUri, filing.IndexUrl);
                var html = System.Text.Encoding.UTF8.GetString(await client.GetAsync(indexUri, MaxPageBytes, cancellationToken));
                var documents = FilingIndexReader.SelectForAnalysis(FilingIndexReader.Read(html, indexUri.ToString()), filing.FormType);
                var items = new List<NewFeedItem>();
                foreach (var document in documents)
                {
                    var uri = EdgarClient.Resolve(indexUri, document.Href);
                    var localPath = DownloadPaths.For(downloads, filing.Cik, filing.AccessionNumber, uri);
                    if (TextExtractors.ForPath(localPath) is null)
                    {
                        problems.Add($"{filing.AccessionNumber}: {document.Type} {document.FileName}: not a .pdf, .htm, .html or .txt document; skipped");
                        continue;
                    }

                    items.Add(new NewFeedItem(uri.ToString(), document.Type, localPath));
                }

                await store.ListFilingAsync(filing with { IndexUrl = indexUri.ToString() }, items, runId, cancellationToken);
                listed++;
                log($"{filing.AccessionNumber} {filing.FormType} {filing.Company}: {items.Count} document(s) to analyse");
            }
            catch (DealLensException ex)
            {
                failed++;
                var attempts = filing.Attempts + 1;
                var error = $"filing {filing.AccessionNumber}: {ex.Message}";
                await store.QuarantineFilingAsync(filing, error, runId, cancellationToken);
                problems.Add(attempts > maxRetries ? $"{error} (quarantined; no retries left)" : $"{error} (quarantined; retried on a later run)");
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
