using System.Net;
using System.Text;
using System.Text.Json;

namespace DealLens.Tests.TestSupport;

/// <summary>One request the fake server received.</summary>
public sealed record FakeRequest(int Number, string Method, string PathAndQuery, string Body, string? Authorization, string? ApiKeyHeader)
{
    /// <summary>The user message (the rendered data block) of a chat request.</summary>
    public string UserContent()
    {
        using var json = JsonDocument.Parse(Body);
        return string.Join("\n", json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("role").GetString() == "user")
            .Select(m => m.GetProperty("content").ValueKind == JsonValueKind.String
                ? m.GetProperty("content").GetString()
                : string.Concat(m.GetProperty("content").EnumerateArray().Select(p => p.GetProperty("text").GetString()))));
    }
}

/// <summary>
/// What the fake server answers: a status, a body, optional headers, optionally after a delay. With
/// <see cref="DripInterval"/>, the headers go out at once and the body a few bytes at a time, one piece per interval
/// (a server that keeps the connection alive without ever finishing its answer).
/// </summary>
public sealed record FakeReply(int Status, string Body, TimeSpan Delay = default, IReadOnlyDictionary<string, string>? Headers = null)
{
    public TimeSpan DripInterval { get; init; }

    /// <summary>A 200 chat completion whose body arrives <paramref name="bytesPerDrip"/> bytes every <paramref name="interval"/>.</summary>
    public static FakeReply Dripping(string content, TimeSpan interval, int bytesPerDrip = 4) => Chat(content) with { DripInterval = interval, DripBytes = bytesPerDrip };

    public int DripBytes { get; init; } = 4;

    /// <summary>A 200 chat completion whose assistant message is <paramref name="content"/>.</summary>
    public static FakeReply Chat(string content, TimeSpan delay = default) => new(200, JsonSerializer.Serialize(new
    {
        id = "chatcmpl-fake",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "fake-model",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
    }), delay);

    public static FakeReply Error(int status, string message = "fake failure", IReadOnlyDictionary<string, string>? headers = null)
        => new(status, JsonSerializer.Serialize(new { error = new { message, type = "server_error" } }), default, headers);
}

/// <summary>
/// A small OpenAI-compatible server on 127.0.0.1 (HttpListener, a free port) for connector tests: serves
/// POST /v1/chat/completions and the Azure route /openai/deployments/{name}/chat/completions?api-version=...,
/// answers each request with the script (request, 1-based request number), and counts and records requests.
/// </summary>
public sealed class FakeOpenAiServer : IDisposable
{
    private readonly LoopbackHttpListener _listener;
    private readonly Func<FakeRequest, FakeReply> _script;
    private readonly Lock _lock = new();
    private readonly List<FakeRequest> _requests = [];

    public FakeOpenAiServer(Func<FakeRequest, FakeReply> script)
    {
        _script = script;
        _listener = new LoopbackHttpListener(HandleAsync);
    }

    public int Port => _listener.Port;

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    public Uri V1 => new($"http://127.0.0.1:{Port}/v1");

    public int RequestCount
    {
        get
        {
            lock (_lock)
            {
                return _requests.Count;
            }
        }
    }

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>A server that answers every chat request with <paramref name="content"/>.</summary>
    public static FakeOpenAiServer Replying(string content) => new(_ => FakeReply.Chat(content));

    public void Dispose() => _listener.Dispose();

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var path = context.Request.Url!.AbsolutePath;
            var isChat = context.Request.HttpMethod == "POST"
                && (path == "/v1/chat/completions" || (path.StartsWith("/openai/deployments/", StringComparison.Ordinal) && path.EndsWith("/chat/completions", StringComparison.Ordinal)));
            FakeReply reply;
            if (!isChat)
            {
                reply = FakeReply.Error(404, "no such route");
            }
            else
            {
                FakeRequest request;
                lock (_lock)
                {
                    request = new FakeRequest(_requests.Count + 1, context.Request.HttpMethod, context.Request.Url.PathAndQuery, body,
                        context.Request.Headers["Authorization"], context.Request.Headers["api-key"]);
                    _requests.Add(request);
                }

                reply = _script(request);
            }

            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, _listener.Stopping);
            }

            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.ContentLength64 = bytes.Length;
            if (reply.DripInterval > TimeSpan.Zero)
            {
                for (var offset = 0; offset < bytes.Length; offset += reply.DripBytes)
                {
                    await context.Response.OutputStream.WriteAsync(bytes.AsMemory(offset, Math.Min(reply.DripBytes, bytes.Length - offset)), _listener.Stopping);
                    await context.Response.OutputStream.FlushAsync(_listener.Stopping);
                    await Task.Delay(reply.DripInterval, _listener.Stopping);
                }
            }
            else
            {
                await context.Response.OutputStream.WriteAsync(bytes, _listener.Stopping);
            }

            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client gave up (a timeout test) or the server is stopping.
        }
    }
}
