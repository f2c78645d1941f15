using DealLens.Cli.Analysis;
using DealLens.Core;
using DealLens.Extraction;
using DealLens.Extraction.Edgar;

namespace DealLens.Cli.Batch;

/// <summary>
/// <c>analyze https://www.sec.gov/Archives/...</c>: an EDGAR URL given to analyze is downloaded (politely, through
/// <see cref="EdgarClient"/>) into the downloads folder and analysed under its URL. A filing index URL
/// (<c>...-index.htm</c>) stands for its primary document and its EX-10 / EX-99 exhibits; any other URL is one document.
/// Only EDGAR's host (or the configured SecBaseUrl's) is fetched.
/// </summary>
public static class EdgarUrls
{
    private const long MaxIndexBytes = 20L * 1024 * 1024;

    public static bool IsUrl(string path)
        => Uri.TryCreate(path, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>A client for the URLs of an analyze run: the User-Agent from DEALLENS_USER_AGENT or "UserAgent" in deallens.json.</summary>
    public static EdgarClient CreateClient(CliContext context, DealLensSettings settings, IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(urls);
        var userAgent = context.ReadEnvironment("DEALLENS_USER_AGENT") ?? settings["UserAgent"];
        if (!EdgarClient.IsValidUserAgent(userAgent))
        {
            throw new DealLensException(
                "analyzing an EDGAR URL needs a User-Agent naming you and an e-mail address, as SEC requires of automated clients: "
                + "set DEALLENS_USER_AGENT=\"Jane Doe jane@example.com\", or \"UserAgent\" in deallens.json");
        }

        var baseText = settings["SecBaseUrl"] ?? "https://www.sec.gov/";
        if (!Uri.TryCreate(baseText, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new DealLensException($"SecBaseUrl \"{baseText}\" is not an http(s) URL");
        }

        var allowed = new HashSet<string>(StringComparer.Ordinal) { baseUri.Authority.ToLowerInvariant() };
        foreach (var url in urls)
        {
            var uri = new Uri(url);
            if (!allowed.Contains(uri.Authority.ToLowerInvariant()))
            {
                throw new DealLensException($"{url}: not an EDGAR URL (only {baseUri.Authority} is fetched; set SecBaseUrl for a mirror)");
            }
        }

        return new EdgarClient(
            new EdgarClientOptions { UserAgent = userAgent!.Trim(), BaseUri = baseUri, AllowedAuthorities = allowed }, TimeProvider.System);
    }

    /// <summary>Downloads what <paramref name="url"/> stands for; the files come back named by their URLs.</summary>
    public static async Task<IReadOnlyList<InputFile>> DownloadAsync(
        string url, string downloads, EdgarClient client, DocumentLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(limits);
        var uri = EdgarClient.Resolve(client.BaseUri, url);
        var (cik, accession) = FolderOf(uri);
        var documents = new List<Uri>();
        if (uri.AbsolutePath.EndsWith("-index.htm", StringComparison.OrdinalIgnoreCase) || uri.AbsolutePath.EndsWith("-index.html", StringComparison.OrdinalIgnoreCase))
        {
            var html = System.Text.Encoding.UTF8.GetString(await client.GetAsync(uri, MaxIndexBytes, cancellationToken));
            var all = FilingIndexReader.Read(html, uri.ToString());
            var form = all.FirstOrDefault(d => d.Sequence == 1)?.Type ?? "";
            documents.AddRange(FilingIndexReader.SelectForAnalysis(all, form).Select(d => EdgarClient.Resolve(uri, d.Href)));
        }
        else
        {
            documents.Add(uri);
        }

        var files = new List<InputFile>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var local = DownloadPaths.Unique(DownloadPaths.For(downloads, cik, accession, document), taken);
            if (TextExtractors.ForPath(local) is null)
            {
                continue;
            }

            var bytes = await client.GetAsync(document, DocumentFiles.LimitFor(local, limits), cancellationToken);
            Directory.CreateDirectory(Path.GetDirectoryName(local)!);
            await File.WriteAllBytesAsync(local + ".part", bytes, cancellationToken);
            File.Move(local + ".part", local, overwrite: true);
            files.Add(new InputFile(document.ToString(), local));
        }

        return files.Count > 0 ? files : throw new DealLensException($"{url}: no .pdf, .htm, .html or .txt document to analyse");
    }

    // /Archives/edgar/data/<cik>/<accession without dashes>/<file>: the folder names the download goes under.
    private static (string? Cik, string Accession) FolderOf(Uri uri)
    {
        var parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var data = Array.FindIndex(parts, p => p.Equals("data", StringComparison.OrdinalIgnoreCase));
        return data >= 0 && parts.Length > data + 2 ? (parts[data + 1], parts[data + 2]) : (null, "edgar");
    }
}
