using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DealLens.Core;

namespace DealLens.Cli.Batch;

public sealed record EdgarClientOptions
{
    /// <summary>"Name email@example.com", as SEC asks of automated clients.</summary>
    public required string UserAgent { get; init; }

    /// <summary>Relative links resolve against it; its host is one of the hosts documents may come from.</summary>
    public required Uri BaseUri { get; init; }

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

    /// <summary>Requests sent so far, retries included.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>A User-Agent SEC accepts: some name and an e-mail address.</summary>
    public static bool IsValidUserAgent(string? userAgent)
        => userAgent is not null && UserAgentPattern().IsMatch(userAgent.Trim());

    /// <summary>
    /// The absolute URL of a link found in <paramref name="page"/>. EDGAR's inline-XBRL viewer links
    /// (<c>/ix?doc=/Archives/...</c>) become the document they show.
    /// </summary>
    public static Uri Resolve(Uri page, string href)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(href);
        if (!Uri.TryCreate(page, href.Trim(), out var uri))
        {
            throw new DealLensException($"{page}: bad link '{href}'");
        }

        if (uri.AbsolutePath.Equals("/ix", StringComparison.OrdinalIgnoreCase) && IxDocPattern().Match(uri.Query) is { Success: true } doc)
        {
            return Resolve(page, Uri.UnescapeDataString(doc.Groups[1].Value));
        }

        return uri;
    }

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

    [GeneratedRegex(@"\S.*\s\S+@\S+\.\S+|\S+@\S+\.\S+.*\s\S", RegexOptions.CultureInvariant)]
    private static partial Regex UserAgentPattern();

    [GeneratedRegex(@"[?&]doc=([^&]+)", RegexOptions.CultureInvariant)]
    private static partial Regex IxDocPattern();
}
