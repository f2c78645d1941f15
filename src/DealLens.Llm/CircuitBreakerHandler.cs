using System.Net;

namespace DealLens.Llm;

/// <summary>Thrown instead of calling an endpoint the circuit breaker gave up on; its message is the reason, fit for a warning.</summary>
public sealed class LlmCircuitOpenException(string message) : Exception(message);

/// <summary>
/// Stops calling a dead or rate-limited endpoint for the rest of the run: after <paramref name="failureThreshold"/>
/// requests in a row failed (each already retried by <see cref="RetryHandler"/>: a 429 or 5xx answer, 401/403/404, a
/// timeout or a connection failure), every later request fails at once with <see cref="LlmCircuitOpenException"/>,
/// so each document falls back to the embedded extractor without waiting out retries and timeouts again.
/// A small handler instead of a resilience library: one counter, no half-open probing, because a run is short and
/// the next scheduled run starts with a closed circuit.
/// </summary>
public sealed class CircuitBreakerHandler(int failureThreshold, HttpMessageHandler innerHandler) : DelegatingHandler(innerHandler)
{
    private readonly Lock _lock = new();
    private int _consecutiveFailures;
    private string? _openReason;

    /// <summary>Why the circuit is open, or null while requests still go through.</summary>
    public string? OpenReason
    {
        get
        {
            lock (_lock)
            {
                return _openReason;
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (OpenReason is { } reason)
        {
            throw new LlmCircuitOpenException(reason);
        }

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or TimeoutException)
        {
            RecordFailure(KernelClauseExtractor.Describe(ex));
            throw;
        }

        if (IsEndpointFailure(response.StatusCode))
        {
            RecordFailure($"HTTP {(int)response.StatusCode} {response.StatusCode}");
        }
        else if (response.IsSuccessStatusCode)
        {
            lock (_lock)
            {
                _consecutiveFailures = 0;
            }
        }

        return response;
    }

    /// <summary>Answers that will not get better by asking again in this run (a 400 is the reply-format step-down, not one of them).</summary>
    public static bool IsEndpointFailure(HttpStatusCode status)
        => RetryHandler.IsTransient(status) || status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound;

    private void RecordFailure(string what)
    {
        lock (_lock)
        {
            _consecutiveFailures++;
            if (_openReason is null && _consecutiveFailures >= failureThreshold)
            {
                _openReason = $"circuit open: the endpoint failed {_consecutiveFailures} requests in a row (last: {what}); not called again in this run";
            }
        }
    }
}
