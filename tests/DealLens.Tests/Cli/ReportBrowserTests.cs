using System.Text.Json;
using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli;

/// <summary>
/// The HTML report in a real headless Chromium: it renders, its charts and graph load as images, nothing is requested
/// from any network (DevTools request log and a proxy that must see no connection), and hostile document text stays text.
/// </summary>
public sealed class ReportBrowserTests : IClassFixture<SampleReportDatabase>, IDisposable
{
    private const string Inspect = """
        (async () => {
          const images = [...document.querySelectorAll('img[data-figure]')];
          await Promise.all(images.map(i => i.decode().catch(() => null)));
          return {
            figures: images.map(i => ({ id: i.dataset.figure, complete: i.complete, width: i.naturalWidth, height: i.naturalHeight, shown: i.getBoundingClientRect().width })),
            marks: document.querySelectorAll('mark').length,
            scripts: document.scripts.length,
            title: document.title,
            pwned: document.documentElement.hasAttribute('data-pwned'),
            text: document.body.innerText,
            height: document.documentElement.scrollHeight,
          };
        })()
        """;

    private readonly SampleReportDatabase _samples;
    private readonly TempFolder _folder = new();

    public ReportBrowserTests(SampleReportDatabase samples) => _samples = samples;

    public void Dispose() => _folder.Dispose();

    [ChromiumFact]
    public async Task SampleReport_RendersWithChartsAndGraph_NoNetworkRequest()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var html = _folder.File("report.html");
        var report = await CliRunner.RunAsync(RepoPaths.Root, "report", "--db", _samples.Path, "--out", html);
        Assert.True(report.ExitCode == ExitCodes.Ok, report.Error);

        var (page, screenshot, requests, proxied) = await OpenAsync(html, timeout.Token);

        var figures = page.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(["value-by-customer", "binding-vs-headline", "graph"], figures.Select(f => f.GetProperty("id").GetString()));
        Assert.All(figures, f =>
        {
            Assert.True(f.GetProperty("complete").GetBoolean());
            Assert.True(f.GetProperty("width").GetInt32() > 100, f.ToString());
            Assert.True(f.GetProperty("height").GetInt32() > 100, f.ToString());
            Assert.True(f.GetProperty("shown").GetDouble() > 100, f.ToString());
        });
        Assert.True(page.GetProperty("marks").GetInt32() > 50);
        Assert.Equal(0, page.GetProperty("scripts").GetInt32());
        // Issue 18: the backstop-for-warrants loop (related-party credit support) is now listed too.
        Assert.Matches(@"Circular financing \([3-9]\)", page.GetProperty("text").GetString());
        Assert.True(page.GetProperty("height").GetInt32() > 3000);
        var (varied, width, height) = HeadlessChromium.InspectPng(screenshot);
        Assert.True(varied, "the screenshot is blank");
        Assert.Equal((1280, 900), (width, height));
        AssertNoNetwork(html, requests, proxied);
    }

    [ChromiumFact]
    public async Task HostileQuote_StaysText_NothingRunsOrLoads()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        const string Payload = "<script>document.documentElement.setAttribute('data-pwned','1')</script><img src=x onerror=\"document.documentElement.setAttribute('data-pwned','1')\">";
        _folder.Write("docs/hostile.txt", $"""
            MASTER SERVICES AGREEMENT

            This Agreement is entered into as of May 1, 2026 by and between Cobalt Cloud Holdings, LLC ("Provider") and Evil Corp {Payload} ("Customer").

            1. Customer shall pay the monthly capacity fee whether or not Customer uses the reserved capacity {Payload}.
            """);
        var db = _folder.File("hostile.db");
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(_folder.Path, "analyze", _folder.File("docs"), "--db", db)).ExitCode);
        var html = _folder.File("hostile.html");
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(_folder.Path, "report", "--db", db, "--out", html)).ExitCode);
        Assert.DoesNotContain("<script>", await File.ReadAllTextAsync(html, timeout.Token), StringComparison.Ordinal);

        var (page, _, requests, proxied) = await OpenAsync(html, timeout.Token);

        Assert.False(page.GetProperty("pwned").GetBoolean(), "a script from the document ran");
        Assert.Equal(0, page.GetProperty("scripts").GetInt32());
        Assert.Contains("<script>document.documentElement.setAttribute", page.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=", page.GetProperty("text").GetString(), StringComparison.Ordinal);
        AssertNoNetwork(html, requests, proxied);
    }

    [ChromiumFact]
    public async Task Harness_PageThatFetches_IsCaught()
    {
        // The control for the two tests above: a page with a remote image must show up in both the log and the proxy.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var html = _folder.Write("fetches.html", "<!DOCTYPE html><html><body><p>x</p><img src=\"http://deallens-test.invalid/pixel.png\"></body></html>");

        var (_, _, requests, proxied) = await OpenAsync(html, timeout.Token);

        Assert.Contains("http://deallens-test.invalid/pixel.png", requests);
        Assert.Contains(proxied, line => line.Contains("deallens-test.invalid", StringComparison.Ordinal));
    }

    private async Task<(JsonElement Page, byte[] Screenshot, IReadOnlyList<string> Requests, IReadOnlyList<string> Proxied)> OpenAsync(
        string html, CancellationToken cancellationToken)
    {
        await using var browser = await HeadlessChromium.StartAsync(_folder.File("profile-" + Path.GetFileNameWithoutExtension(html)), cancellationToken);
        await browser.OpenPageAsync(1280, 900, cancellationToken);
        await browser.SendAsync("Network.enable", null, cancellationToken);
        await browser.SendAsync("Page.enable", null, cancellationToken);
        var before = browser.Events.Count;
        await browser.SendAsync("Page.navigate", new { url = new Uri(html).AbsoluteUri }, cancellationToken);
        await browser.WaitForEventAsync("Page.loadEventFired", before, cancellationToken);
        var page = (await browser.EvaluateAsync(Inspect, cancellationToken)).Clone();
        var shot = await browser.SendAsync("Page.captureScreenshot", new { format = "png" }, cancellationToken);
        var requests = browser.Events
            .Where(e => e.Method == "Network.requestWillBeSent")
            .Select(e => e.Params.GetProperty("request").GetProperty("url").GetString()!)
            .ToList();
        return (page, Convert.FromBase64String(shot.GetProperty("data").GetString()!), requests, browser.ProxyConnections);
    }

    private static void AssertNoNetwork(string html, IReadOnlyList<string> requests, IReadOnlyList<string> proxied)
    {
        // The page itself is read from disk; its pictures are data: URIs. Anything else would be a fetch.
        var page = new Uri(html).AbsoluteUri;
        Assert.Contains(page, requests);
        Assert.All(requests, url => Assert.True(url == page || url.StartsWith("data:", StringComparison.Ordinal), "requested: " + url));
        Assert.Empty(proxied);
    }
}
