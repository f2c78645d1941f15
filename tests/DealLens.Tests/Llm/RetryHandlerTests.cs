using System.Net;
using DealLens.Llm;

namespace DealLens.Tests.Llm;

public sealed class RetryHandlerTests
{
    /// <summary>Answers from a script, one entry per attempt: an exception to throw or a status to return.</summary>
    private sealed class ScriptedHandler(params object[] script) : HttpMessageHandler
    {
        public int Attempts { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var step = script[Math.Min(Attempts++, script.Length - 1)];
            return step is Exception exception
                ? Task.FromException<HttpResponseMessage>(exception)
                : Task.FromResult(new HttpResponseMessage((HttpStatusCode)step));
        }
    }

    private static (HttpClient Client, List<TimeSpan> Delays) Client(ScriptedHandler inner, int maxConnectionRetries = 1)
    {
        var delays = new List<TimeSpan>();
        var handler = new RetryHandler(
            new RetryHandlerOptions
            {
                MaxConnectionRetries = maxConnectionRetries,
                Delay = (delay, _) => { delays.Add(delay); return Task.CompletedTask; },
            },
            inner);
        return (new HttpClient(handler), delays);
    }

    [Fact]
    public async Task Send_ConnectionResetThenSuccess_RetriesOnceAfterBaseDelay()
    {
        var inner = new ScriptedHandler(new HttpRequestException("connection reset"), HttpStatusCode.OK);
        var (client, delays) = Client(inner);

        using var response = await client.PostAsync(new Uri("http://127.0.0.1:9/v1/chat/completions"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, inner.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(1)], delays);
    }

    [Fact]
    public async Task Send_ConnectionKeepsFailing_GivesUpAfterOneRetry()
    {
        var inner = new ScriptedHandler(new HttpRequestException("connection refused"));
        var (client, _) = Client(inner);

        await Assert.ThrowsAsync<HttpRequestException>(
            () => client.PostAsync(new Uri("http://127.0.0.1:9/v1/chat/completions"), new StringContent("{}")));

        Assert.Equal(2, inner.Attempts);
    }

    [Fact]
    public async Task Send_NoConnectionRetries_FailsAtOnce()
    {
        var inner = new ScriptedHandler(new HttpRequestException("connection refused"));
        var (client, delays) = Client(inner, maxConnectionRetries: 0);

        await Assert.ThrowsAsync<HttpRequestException>(
            () => client.PostAsync(new Uri("http://127.0.0.1:9/v1/chat/completions"), new StringContent("{}")));

        Assert.Equal(1, inner.Attempts);
        Assert.Empty(delays);
    }
}
