using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DealLens.Tests.TestSupport;

/// <summary>
/// Runs only where Debian's chromium is installed, except in CI (CI=true), where a missing browser fails the test
/// instead: .ci/run installs it.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.FindExecutable() is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "chromium is not installed (apt-get install chromium); CI installs it and runs this test";
        }
    }
}

/// <summary>
/// A real headless Chromium driven over the DevTools protocol (a WebSocket on loopback). The page is opened in its own
/// browser context whose proxy is a listener the test owns: every connection reaching it is a request the page made
/// (<see cref="ProxyConnections"/>); Network.requestWillBeSent events are recorded too. The browser's own background
/// traffic (update and time checks) goes to a second loopback listener that drops it, so nothing leaves the machine.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ClientWebSocket _socket;
    private readonly TcpListener _proxy;
    private readonly TcpListener _sink;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<(string Method, JsonElement Params)> _events = new();
    private readonly ConcurrentQueue<string> _proxyConnections = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private readonly Task _proxying;
    private readonly Task _sinking;
    private int _nextId;

    private HeadlessChromium(Process process, ClientWebSocket socket, TcpListener proxy, TcpListener sink)
    {
        _process = process;
        _socket = socket;
        _proxy = proxy;
        _sink = sink;
        _receiving = Task.Run(ReceiveLoopAsync);
        _proxying = Task.Run(() => ProxyLoopAsync(_proxy, _proxyConnections));
        _sinking = Task.Run(() => ProxyLoopAsync(_sink, new ConcurrentQueue<string>()));
    }

    /// <summary>The DevTools session of the page (set by <see cref="OpenPageAsync"/>); commands without one go to the browser.</summary>
    public string? PageSession { get; private set; }

    /// <summary>Requests the proxy received (their first line), i.e. anything the browser tried to fetch from a network.</summary>
    public IReadOnlyList<string> ProxyConnections => [.. _proxyConnections];

    public IReadOnlyList<(string Method, JsonElement Params)> Events => [.. _events];

    public static string? FindExecutable()
    {
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static async Task<HeadlessChromium> StartAsync(string profileFolder, CancellationToken cancellationToken)
    {
        var executable = FindExecutable() ?? throw new InvalidOperationException("chromium is not installed: apt-get install chromium");
        var proxy = new TcpListener(IPAddress.Loopback, 0);
        proxy.Start();
        var sink = new TcpListener(IPAddress.Loopback, 0);
        sink.Start();
        var sinkPort = ((IPEndPoint)sink.LocalEndpoint).Port;
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
            "--disable-extensions", "--disable-domain-reliability", "--disable-features=Translate,OptimizationHints,MediaRouter",
            $"--user-data-dir={profileFolder}", "--remote-debugging-port=0", "--window-size=1280,900",
            // The browser's own traffic goes to the sink; the page's context gets the counting proxy (OpenPageAsync).
            $"--proxy-server=http://127.0.0.1:{sinkPort}", "--proxy-bypass-list=<-loopback>",
            "about:blank",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start chromium");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var portFile = Path.Combine(profileFolder, "DevToolsActivePort");
            while (!File.Exists(portFile) || (await File.ReadAllLinesAsync(portFile, cancellationToken)).Length < 2)
            {
                Assert.False(process.HasExited, "chromium exited before opening its DevTools port");
                await Task.Delay(100, cancellationToken);
            }

            var lines = await File.ReadAllLinesAsync(portFile, cancellationToken);
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), cancellationToken);
            return new HeadlessChromium(process, socket, proxy, sink);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            proxy.Stop();
            sink.Stop();
            throw;
        }
    }

    /// <summary>
    /// Opens a blank page in a new browser context whose every request goes through the counting proxy (loopback too),
    /// and attaches to it; later commands go to that page.
    /// </summary>
    public async Task OpenPageAsync(int width, int height, CancellationToken cancellationToken)
    {
        var proxyPort = ((IPEndPoint)_proxy.LocalEndpoint).Port;
        var context = await SendAsync("Target.createBrowserContext",
            new { proxyServer = $"http://127.0.0.1:{proxyPort}", proxyBypassList = "<-loopback>" }, cancellationToken);
        var target = await SendAsync("Target.createTarget",
            new { url = "about:blank", browserContextId = context.GetProperty("browserContextId").GetString() }, cancellationToken);
        var attached = await SendAsync("Target.attachToTarget",
            new { targetId = target.GetProperty("targetId").GetString(), flatten = true }, cancellationToken);
        PageSession = attached.GetProperty("sessionId").GetString();
        await SendAsync("Emulation.setDeviceMetricsOverride", new { width, height, deviceScaleFactor = 1, mobile = false }, cancellationToken);
    }

    public async Task<JsonElement> SendAsync(string method, object? parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = JsonSerializer.SerializeToNode(parameters ?? new { }) };
        if (PageSession is not null)
        {
            message["sessionId"] = PageSession;
        }

        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);
        var response = await reply.Task.WaitAsync(cancellationToken);
        Assert.False(response.TryGetProperty("error", out var error), $"{method} failed: {error}");
        return response.GetProperty("result");
    }

    /// <summary>Waits for an event named <paramref name="method"/> among those after the first <paramref name="skip"/> received.</summary>
    public async Task WaitForEventAsync(string method, int skip, CancellationToken cancellationToken)
    {
        while (!_events.Skip(skip).Any(e => e.Method == method))
        {
            Assert.False(_receiving.IsCompleted, "the DevTools connection closed");
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Evaluates an expression in the page (awaiting a promise) and returns its JSON value.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, awaitPromise = true, returnByValue = true }, cancellationToken);
        Assert.False(result.TryGetProperty("exceptionDetails", out var exception), $"page script failed: {exception}");
        return result.GetProperty("result").GetProperty("value");
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
        {
            WebSocketReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(buffer, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                return;
            }

            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }

            var root = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
            message.SetLength(0);
            if (root.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var reply))
            {
                reply.TrySetResult(root);
            }
            else if (root.TryGetProperty("method", out var method))
            {
                _events.Enqueue((method.GetString()!, root.TryGetProperty("params", out var p) ? p : default));
            }
        }
    }

    private async Task ProxyLoopAsync(TcpListener listener, ConcurrentQueue<string> connections)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var client = await listener.AcceptTcpClientAsync(_stop.Token);
                client.ReceiveTimeout = 2000;
                var buffer = new byte[1024];
                var read = 0;
                try
                {
                    read = await client.GetStream().ReadAsync(buffer, _stop.Token).AsTask().WaitAsync(TimeSpan.FromSeconds(2), _stop.Token);
                }
                catch (Exception ex) when (ex is TimeoutException or IOException)
                {
                    // A connection that sends nothing still counts.
                }

                connections.Enqueue(Encoding.ASCII.GetString(buffer, 0, read).Split('\n')[0].Trim());
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// True when a PNG shows something: its pixel rows, inflated, hold many distinct byte values (a blank page holds one
    /// or two). Also returns the image size from its header.
    /// </summary>
    public static (bool Varied, int Width, int Height) InspectPng(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        Assert.True(png.Length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "not a PNG");
        using var idat = new MemoryStream();
        int width = 0, height = 0;
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "IHDR")
            {
                width = (png[at + 8] << 24) | (png[at + 9] << 16) | (png[at + 10] << 8) | png[at + 11];
                height = (png[at + 12] << 24) | (png[at + 13] << 16) | (png[at + 14] << 8) | png[at + 15];
            }
            else if (type == "IDAT")
            {
                idat.Write(png, at + 8, length);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        using var pixels = new MemoryStream();
        inflate.CopyTo(pixels);
        var distinct = pixels.ToArray().Distinct().Count();
        return (distinct > 32, width, height);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _proxy.Stop();
        _sink.Stop();
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // Already gone.
        }

        await Task.WhenAll(_receiving, _proxying, _sinking).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
    }
}
