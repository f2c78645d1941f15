using System.Net;

namespace DealLens.Llm;

/// <summary>Settings for <see cref="RetryHandler"/>.</summary>
public sealed record RetryHandlerOptions
{
    public int MaxRetries { get; init; } = 3;

    /// <summary>
    /// Retries after a connection failure (refused, reset, closed mid-answer). Kept low: a dead endpoint should fall
    /// back to the embedded extractor quickly, while a busy local server that drops one connection gets a second try.
    /// </summary>
    public int MaxConnectionRetries { get; init; } = 1;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Limit for one attempt: request sent to the last byte of the reply read (a slow-dripping body counts).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Largest reply body read; a longer one is a failed attempt, not a memory problem.</summary>
    public long MaxResponseBytes { get; init; } = 16L << 20;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How to wait between attempts; tests replace it to record the delays instead of sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }
}

/// <summary>
/// Retries 429 and 5xx answers with exponential back-off, honouring Retry-After, retries a failed connection once,
/// and bounds each attempt by a timeout that covers the whole reply: the body is read here, inside the attempt's time
/// limit and a size cap, because the connector reads it only after this handler has returned. Semantic Kernel turns off the OpenAI SDK's own retries when it is given an HttpClient, so this handler
/// is the one retry authority.
/// </summary>
public sealed class RetryHandler : DelegatingHandler
{
    private readonly RetryHandlerOptions _options;

    public RetryHandler(RetryHandlerOptions options, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content is not null)
        {
            // Buffer once so every attempt sends the same bytes.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        var connectionRetries = 0;
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            using (var timeout = new CancellationTokenSource(_options.AttemptTimeout, _options.TimeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    response = await base.SendAsync(request, linked.Token);
                    await BufferBodyAsync(response, _options.MaxResponseBytes, linked.Token);
                }
                catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException(
                        $"no complete answer within {_options.AttemptTimeout.TotalSeconds:0.###} s", ex);
                }
                catch (HttpRequestException) when (connectionRetries < _options.MaxConnectionRetries && !cancellationToken.IsCancellationRequested)
                {
                    connectionRetries++;
                    await (_options.Delay ?? DelayAsync)(_options.BaseDelay, cancellationToken);
                    continue;
                }
            }

            if (!IsTransient(response.StatusCode) || attempt >= _options.MaxRetries)
            {
                return response;
            }

            var delay = DelayFor(response, attempt);
            response.Dispose();
            await (_options.Delay ?? DelayAsync)(delay, cancellationToken);
        }
    }

    /// <summary>Reads the whole body into memory (at most <paramref name="maxBytes"/>) and puts it back as the response's content.</summary>
    private static async Task BufferBodyAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var original = response.Content;
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = await original.ReadAsStreamAsync(cancellationToken))
            {
                var chunk = new byte[16 * 1024];
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
                {
                    if (buffer.Length + read > maxBytes)
                    {
                        throw new HttpRequestException($"the reply is longer than {maxBytes} bytes");
                    }

                    buffer.Write(chunk, 0, read);
                }
            }

            var content = new ByteArrayContent(buffer.ToArray());
            foreach (var header in original.Headers)
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = content;
            original.Dispose();
        }
        catch (IOException ex)
        {
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "the reply ended before its end", ex);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>Retry-After (seconds or a date) when the server sent one, else BaseDelay * 2^attempt; at most MaxDelay.</summary>
    public TimeSpan DelayFor(HttpResponseMessage response, int attempt)
    {
        ArgumentNullException.ThrowIfNull(response);
        var delay = TimeSpan.FromTicks(_options.BaseDelay.Ticks * (1L << Math.Min(attempt, 16)));
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                delay = delta;
            }
            else if (retryAfter.Date is { } date)
            {
                delay = date - _options.TimeProvider.GetUtcNow();
            }
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > _options.MaxDelay ? _options.MaxDelay : delay;
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
        => Task.Delay(delay, _options.TimeProvider, cancellationToken);
}
