using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DealLens.Core;
using DealLens.Core.Text;

namespace DealLens.Cli.Batch;

public sealed record EdgarClientOptions
{
    /// <summary>"Name email@example.com", as SEC asks of automated clients.</summary>
    public required string UserAgent { get; init; }

    /// <summary>Relative links resolve against it; its host is one of the hosts documents may come from.</summary>
    public required Uri BaseUri { get; init; }

    /// <summary>Where EDGAR's JSON APIs (submissions) are: data.sec.gov for www.sec.gov, else the base itself (a mirror, a test server).</summary>
    public Uri DataUri => BaseUri.Host.Equals("www.sec.gov", StringComparison.OrdinalIgnoreCase) ? new Uri("https://data.sec.gov/") : BaseUri;

    /// <summary>Hosts (with port) requests may go to; any other is refused without a request.</summary>
    public required IReadOnlySet<string> AllowedAuthorities { get; init; }

    /// <summary>SEC's fair-access limit is 10 requests per second, for all of a client's workers together.</summary>
    public double RequestsPerSecond { get; init; } = 10;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a 429, a 5xx, a time-out or a dropped connection.</summary>
    public int MaxRetries { get; init; } = 4;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After longer than this is cut to it.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// Fetches EDGAR pages and documents politely: a declared User-Agent, requests paced to
/// <see cref="EdgarClientOptions.RequestsPerSecond"/> across all callers, back-off on 429 and 5xx (honouring
/// Retry-After), a time-out per request, a size limit, and only the configured hosts.
/// </summary>
public sealed partial class EdgarClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly EdgarClientOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _paceLock = new();
    private long _nextSlot;
    private int _requests;

    public EdgarClient(EdgarClientOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        _http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, AllowAutoRedirect = false })
        {
            // Each attempt has its own time-out below; the client's would cover the retries too.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
        _http.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        _http.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("deflate"));
    }

    public Uri BaseUri => _options.BaseUri;

    /// <summary>Where EDGAR's JSON APIs (submissions) are.</summary>
    public Uri DataUri => _options.DataUri;

    /// <summary>Requests sent so far, retries included.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>A User-Agent SEC accepts: some name and an e-mail address.</summary>
    public static bool IsValidUserAgent(string? userAgent)
        => userAgent is not null && UserAgentPattern().IsMatch(userAgent.Trim());

    /// <summary>Viewer links wrap a document once; more than this many wrappings is not a link EDGAR writes.</summary>
    public const int MaxViewerNesting = 4;

    /// <summary>EDGAR's links are a few hundred characters at most; anything far longer is refused before parsing.</summary>
    public const int MaxLinkLength = 8 * 1024;

    /// <summary>
    /// The absolute URL of a link found in <paramref name="page"/>. EDGAR's inline-XBRL viewer links
    /// (<c>/ix?doc=/Archives/...</c>) become the document they show. A link is untrusted: it is unwrapped in a loop
    /// (never by recursion, which a link nested 60,000 deep turned into a stack overflow), at most
    /// <see cref="MaxViewerNesting"/> times, and a link longer than <see cref="MaxLinkLength"/> is refused.
    /// </summary>
    public static Uri Resolve(Uri page, string href)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(href);
        var link = href.Trim();
        for (var nesting = 0; ; nesting++)
        {
            if (link.Length > MaxLinkLength)
            {
                throw new DealLensException($"{page}: link of {link.Length:N0} characters refused (over {MaxLinkLength:N0}; links nested or padded on purpose?)");
            }

            if (!Uri.TryCreate(page, link, out var uri))
            {
                throw new DealLensException($"{page}: bad link '{Shorten(link)}'");
            }

            if (!uri.AbsolutePath.Equals("/ix", StringComparison.OrdinalIgnoreCase) || IxDocPattern().Match(uri.Query) is not { Success: true } doc)
            {
                return uri;
            }

            if (nesting >= MaxViewerNesting)
            {
                throw new DealLensException($"{page}: viewer link nested more than {MaxViewerNesting} deep ('{Shorten(link)}'); refused");
            }

            link = Uri.UnescapeDataString(doc.Groups[1].Value).Trim();
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");

    /// <summary>Refuses (with no request) a URL that is not http(s) on an allowed host.</summary>
    public void CheckAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Scheme is not ("http" or "https") || !_options.AllowedAuthorities.Contains(uri.Authority.ToLowerInvariant()))
        {
            throw new DealLensException(
                $"{uri}: refused: not on the configured EDGAR host ({string.Join(", ", _options.AllowedAuthorities.Order(StringComparer.Ordinal))})");
        }
    }

    /// <summary>GETs <paramref name="uri"/>, at most <paramref name="maxBytes"/> bytes; failures are <see cref="DealLensException"/>.</summary>
    public async Task<byte[]> GetAsync(Uri uri, long maxBytes, CancellationToken cancellationToken)
    {
        CheckAllowed(uri);
        var redirects = 0;
        for (var attempt = 0; ; attempt++)
        {
            await PaceAsync(cancellationToken);
            Interlocked.Increment(ref _requests);
            string failure;
            TimeSpan? retryAfter = null;
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(_options.RequestTimeout);
            try
            {
                using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, attemptTimeout.Token);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return await ReadBodyAsync(uri, response, maxBytes, attemptTimeout.Token);
                }

                if (status is >= 300 and < 400 && response.Headers.Location is { } location && redirects++ < 5)
                {
                    // Followed by hand so that a redirect to another host is refused like a link to it.
                    uri = new Uri(uri, location);
                    CheckAllowed(uri);
                    attempt--;
                    continue;
                }

                failure = $"HTTP {status} {response.ReasonPhrase}";
                if (status != 429 && status < 500)
                {
                    throw new DealLensException($"{uri}: {failure}");
                }

                retryAfter = RetryAfter(response.Headers.RetryAfter);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"no answer within {_options.RequestTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.NameResolutionError)
            {
                // A name that does not resolve is a wrong URL or no network: waiting and asking again does not fix
                // it, unlike a 503 or a dropped connection.
                throw new DealLensException($"{uri}: host {uri.Host} could not be resolved (DNS: {ex.Message}); not retried. Check the URL and the network", ex);
            }
            catch (HttpRequestException ex)
            {
                failure = ex.Message;
            }

            if (attempt >= _options.MaxRetries)
            {
                throw new DealLensException($"{uri}: {failure} (after {attempt + 1} attempts)");
            }

            var backOff = retryAfter ?? _options.RetryBaseDelay * Math.Pow(2, attempt);
            await Task.Delay(backOff < _options.MaxRetryDelay ? backOff : _options.MaxRetryDelay, _time, cancellationToken);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(Uri uri, HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
        {
            throw new DealLensException($"{uri}: {length:N0} bytes, over the {maxBytes:N0}-byte limit");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new DealLensException($"{uri}: over the {maxBytes:N0}-byte limit");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    // Each request takes the next free slot, 1/RequestsPerSecond apart, shared by every caller: never more than the
    // limit in any second, however many workers there are.
    private Task PaceAsync(CancellationToken cancellationToken)
    {
        var interval = (long)(_time.TimestampFrequency / _options.RequestsPerSecond);
        long wait;
        lock (_paceLock)
        {
            var now = _time.GetTimestamp();
            var slot = Math.Max(now, _nextSlot);
            _nextSlot = slot + interval;
            wait = slot - now;
        }

        return wait <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromSeconds((double)wait / _time.TimestampFrequency), _time, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"\S.*\s\S+@\S+\.\S+|\S+@\S+\.\S+.*\s\S", RegexOptions.CultureInvariant, RegexTimeouts.LimitMilliseconds)]
    private static partial Regex UserAgentPattern();

    [GeneratedRegex(@"[?&]doc=([^&]+)", RegexOptions.CultureInvariant, RegexTimeouts.LimitMilliseconds)]
    private static partial Regex IxDocPattern();
}
