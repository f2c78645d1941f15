using System.Globalization;
using System.Net;
using System.Text;

namespace DealLens.Tests.TestSupport;

/// <summary>One request the fake EDGAR server received: path, User-Agent and when (Stopwatch timestamp).</summary>
public sealed record EdgarRequest(string Path, string? UserAgent, long Timestamp);

/// <summary>
/// A loopback HTTP server (HttpListener on 127.0.0.1, a free port) standing in for EDGAR: serves the pages and
/// documents it is given by path, each optionally with a script of failures for its first requests (a 429, a 500,
/// a slow answer), and records every request.
/// </summary>
public sealed class FakeEdgarServer : IDisposable
{
    private readonly LoopbackHttpListener _listener;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (byte[] Body, string ContentType)> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<FakeReply>> _firstReplies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _delays = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _drips = new(StringComparer.Ordinal);
    private readonly List<EdgarRequest> _requests = [];

    public FakeEdgarServer() => _listener = new LoopbackHttpListener(HandleAsync);

    public int Port => _listener.Port;

    public string BaseUrl => $"http://127.0.0.1:{Port}/";

    public IReadOnlyList<EdgarRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public void Serve(string path, byte[] body, string contentType = "application/octet-stream")
    {
        lock (_lock)
        {
            _files[path] = (body, contentType);
        }
    }

    public void Serve(string path, string body, string contentType = "text/html") => Serve(path, Encoding.UTF8.GetBytes(body), contentType);

    /// <summary>The first requests for <paramref name="path"/> get these replies, in order; later ones the file.</summary>
    public void FailFirst(string path, params FakeReply[] replies)
    {
        lock (_lock)
        {
            _firstReplies[path] = new Queue<FakeReply>(replies);
        }
    }

    /// <summary>Every answer for <paramref name="path"/> comes after <paramref name="delay"/>.</summary>
    public void Delay(string path, TimeSpan delay)
    {
        lock (_lock)
        {
            _delays[path] = delay;
        }
    }

    /// <summary>Answers for <paramref name="path"/> send their body one byte every <paramref name="interval"/> (a slow drip).</summary>
    public void Drip(string path, TimeSpan interval)
    {
        lock (_lock)
        {
            _drips[path] = interval;
        }
    }

    public int CountRequests(string path) => Requests.Count(r => r.Path == path);

    public void Dispose() => _listener.Dispose();

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var path = context.Request.Url!.AbsolutePath;
            FakeReply? scripted = null;
            (byte[] Body, string ContentType) file = default;
            var found = false;
            TimeSpan delay;
            TimeSpan drip;
            lock (_lock)
            {
                _requests.Add(new EdgarRequest(path, context.Request.Headers["User-Agent"], System.Diagnostics.Stopwatch.GetTimestamp()));
                if (_firstReplies.TryGetValue(path, out var queue) && queue.Count > 0)
                {
                    scripted = queue.Dequeue();
                }

                found = _files.TryGetValue(path, out file);
                delay = _delays.GetValueOrDefault(path);
                drip = _drips.GetValueOrDefault(path);
            }

            delay += scripted?.Delay ?? TimeSpan.Zero;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _listener.Stopping);
            }

            byte[] body;
            if (scripted is not null && scripted.Status != 200)
            {
                context.Response.StatusCode = scripted.Status;
                foreach (var (name, value) in scripted.Headers ?? new Dictionary<string, string>())
                {
                    context.Response.Headers[name] = value;
                }

                body = Encoding.UTF8.GetBytes(scripted.Body);
            }
            else if (found)
            {
                context.Response.StatusCode = 200;
                context.Response.ContentType = file.ContentType;
                body = file.Body;
            }
            else
            {
                context.Response.StatusCode = 404;
                body = Encoding.UTF8.GetBytes("not found");
            }

            context.Response.ContentLength64 = body.Length;
            if (drip > TimeSpan.Zero)
            {
                for (var i = 0; i < body.Length; i++)
                {
                    await context.Response.OutputStream.WriteAsync(body.AsMemory(i, 1), _listener.Stopping);
                    await context.Response.OutputStream.FlushAsync(_listener.Stopping);
                    await Task.Delay(drip, _listener.Stopping);
                }
            }
            else
            {
                await context.Response.OutputStream.WriteAsync(body, _listener.Stopping);
            }

            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client gave up (a time-out test) or the server is stopping.
        }
    }

    /// <summary>An EDGAR "latest filings" Atom feed listing <paramref name="filings"/>.</summary>
    public static string Feed(params (string Form, string Company, string Cik, string Accession, string IndexLink)[] filings)
    {
        var feed = new StringBuilder("""
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>Latest Filings - Thu, 02 Jan 2026 03:04:05 EST</title>
            <link rel="alternate" href="/cgi-bin/browse-edgar?action=getcurrent"/>
            <id>https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent</id>
            <author><name>Webmaster</name><email>webmaster@sec.gov</email></author>
            <updated>2026-01-02T03:04:05-05:00</updated>

            """);
        foreach (var (form, company, cik, accession, link) in filings)
        {
            feed.Append(CultureInfo.InvariantCulture, $"""
                <entry>
                <title>{form} - {company} ({cik}) (Filer)</title>
                <link rel="alternate" type="text/html" href="{link}"/>
                <summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; 2026-01-02 &lt;b&gt;AccNo:&lt;/b&gt; {accession} &lt;b&gt;Size:&lt;/b&gt; 1 MB</summary>
                <updated>2026-01-02T03:04:05-05:00</updated>
                <category scheme="https://www.sec.gov/" label="form type" term="{form}"/>
                <id>urn:tag:sec.gov,2008:accession-number={accession}</id>
                </entry>

                """);
        }

        return feed.Append("</feed>\n").ToString();
    }

    /// <summary>An EDGAR filing index page with a "Document Format Files" table of (type, href, description).</summary>
    public static string FilingIndex(string accession, params (string Type, string Href, string Description)[] documents)
    {
        var rows = new StringBuilder();
        var seq = 1;
        foreach (var (type, href, description) in documents)
        {
            var name = href.Split('/').Last();
            rows.Append(CultureInfo.InvariantCulture, $"""
                <tr><td scope="row">{seq++}</td><td scope="row">{description}</td><td scope="row"><a href="{href}">{name}</a></td><td scope="row">{type}</td><td scope="row">12345</td></tr>

                """);
        }

        return $"""
            <!DOCTYPE html>
            <html><head><title>EDGAR Filing Documents for {accession}</title></head>
            <body><div id="formDiv"><div class="formGrouping"><div class="infoHead">Accession Number</div>{accession}</div></div>
            <table class="tableFile" summary="Document Format Files">
            <tr><th scope="col">Seq</th><th scope="col">Description</th><th scope="col">Document</th><th scope="col">Type</th><th scope="col">Size</th></tr>
            {rows}<tr><td scope="row">&nbsp;</td><td scope="row">Complete submission text file</td><td scope="row"><a href="/Archives/edgar/data/1/{accession}.txt">{accession}.txt</a></td><td scope="row">&nbsp;</td><td scope="row">99999</td></tr>
            </table></body></html>
            """;
    }
}
