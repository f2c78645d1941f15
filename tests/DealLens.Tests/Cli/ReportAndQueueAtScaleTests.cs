using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli;

/// <summary>
/// Issue 20, part 6, on ../shared/cuad-dev/pdf (255 real contracts): the review queue an analyst can get through, and a
/// report that stays navigable, checked on the stored queue and the written file, and rendered in headless Chromium.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed partial class ReportAndQueueAtScaleTests : IClassFixture<CuadDevDatabase>, IDisposable
{
    public const int MaxQueue = 600;
    public const long MaxReportBytes = 2 * 1024 * 1024;

    private readonly CuadDevDatabase _cuad;
    private readonly TempFolder _folder = new();

    public ReportAndQueueAtScaleTests(CuadDevDatabase cuad) => _cuad = cuad;

    public void Dispose() => _folder.Dispose();

    [CuadDevFact]
    public async Task Issue20_CuadDev_QueueHoldsAtMost600Items_NoHeadingNoDuplicateSpanNoUnitPrice()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "review", "list", "--limit", "0", "--json", "--db", _cuad.Path);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        var queue = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
        Assert.InRange(queue.Count, 1, MaxQueue);
        var clauses = queue.Where(i => i.GetProperty("kind").GetString() == "clause").ToList();
        // Headings and titles, by a test of their own: a short numbered title-case line, or a short line in capitals.
        Assert.DoesNotContain(clauses, i => NumberedTitle().IsMatch(i.GetProperty("quote").GetString()!.Trim()));
        Assert.DoesNotContain(clauses, i => i.GetProperty("quote").GetString()!.Trim() is var q
            && q.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8 && q.Any(char.IsLetter) && q.Where(char.IsLetter).All(char.IsUpper));
        // One span, one item.
        var spans = clauses.Select(i => (i.GetProperty("document_sha256").GetString(), i.GetProperty("start").GetInt32(), i.GetProperty("end").GetInt32())).ToList();
        Assert.Equal(spans.Count, spans.Distinct().Count());
        // Amounts are deal amounts, never a per-share price or a small fee.
        Assert.DoesNotContain(clauses, i => i.GetProperty("fields").ValueKind == JsonValueKind.Object
            && i.GetProperty("fields").TryGetProperty("amount", out var amount) && amount.GetDecimal() < 10_000m);
    }

    [CuadDevFact]
    public async Task Issue20_CuadDev_ReportUnder2Mb_EvidenceWithPages_GraphOfConnectedCompaniesOnly()
    {
        var target = _folder.File("cuad-report.html");
        var result = await CliRunner.RunAsync(_folder.Path, "report", "--db", _cuad.Path, "--out", target);
        var json = await CliRunner.RunAsync(_folder.Path, "report", "--format", "json", "--db", _cuad.Path);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.InRange(new FileInfo(target).Length, 1, MaxReportBytes);
        var html = await File.ReadAllTextAsync(target);
        var cites = Cite().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.All(cites, cite => Assert.Matches(@", page \d+", cite));
        var documents = JsonDocument.Parse(json.Out).RootElement.GetProperty("documents").GetArrayLength();
        Assert.Equal(documents, IndexRow().Count(html));
        Assert.Equal(documents, Regex.Count(html, "<article class=\"doc\""));

        var connected = JsonDocument.Parse(json.Out).RootElement.GetProperty("deals").EnumerateArray()
            .Where(d => d.GetProperty("from").GetString() != d.GetProperty("to").GetString())
            .SelectMany(d => new[] { d.GetProperty("from").GetString(), d.GetProperty("to").GetString() })
            .ToHashSet();
        var graph = Encoding.UTF8.GetString(Convert.FromBase64String(GraphImage().Match(html).Groups[1].Value));
        Assert.Equal(connected.Count, Regex.Count(graph, "<g><rect"));
        Assert.DoesNotContain("XXXXXXXXXX", graph, StringComparison.Ordinal);
    }

    [CuadDevFact(chromium: true)]
    public async Task Issue20_CuadDev_ReportRendersInChromium_IndexFoldedDocumentsAndGraph()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var target = _folder.File("cuad-report.html");
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(_folder.Path, "report", "--db", _cuad.Path, "--out", target)).ExitCode);

        await using var browser = await HeadlessChromium.StartAsync(_folder.File("profile"), timeout.Token);
        await browser.OpenPageAsync(1280, 900, timeout.Token);
        await browser.SendAsync("Page.enable", null, timeout.Token);
        var before = browser.Events.Count;
        await browser.SendAsync("Page.navigate", new { url = new Uri(target).AbsoluteUri }, timeout.Token);
        await browser.WaitForEventAsync("Page.loadEventFired", before, timeout.Token);
        var page = (await browser.EvaluateAsync("""
            (async () => {
              const images = [...document.querySelectorAll('img[data-figure]')];
              await Promise.all(images.map(i => i.decode().catch(() => null)));
              const docs = [...document.querySelectorAll('article.doc > details')];
              return {
                figures: images.map(i => ({ id: i.dataset.figure, complete: i.complete, width: i.naturalWidth })),
                documents: docs.length,
                open: docs.filter(d => d.open).length,
                indexLinks: document.querySelectorAll('#index a[href^="#doc-"]').length,
                legend: !!document.querySelector('#graph .legend'),
                scripts: document.scripts.length,
                height: document.documentElement.scrollHeight,
                unfolded: (() => {
                  const all = [...document.querySelectorAll('details')];
                  const was = all.map(d => d.open);
                  all.forEach(d => d.open = true);
                  const h = document.documentElement.scrollHeight;
                  all.forEach((d, i) => d.open = was[i]);
                  return h;
                })(),
              };
            })()
            """, timeout.Token)).Clone();
        var shot = await browser.SendAsync("Page.captureScreenshot", new { format = "png" }, timeout.Token);

        var documents = page.GetProperty("documents").GetInt32();
        Assert.True(documents > 200, page.ToString());
        Assert.Equal(0, page.GetProperty("open").GetInt32());
        Assert.Equal(documents, page.GetProperty("indexLinks").GetInt32());
        Assert.True(page.GetProperty("legend").GetBoolean());
        Assert.Equal(0, page.GetProperty("scripts").GetInt32());
        Assert.All(page.GetProperty("figures").EnumerateArray(), f =>
        {
            Assert.True(f.GetProperty("complete").GetBoolean(), f.ToString());
            Assert.True(f.GetProperty("width").GetInt32() > 100, f.ToString());
        });
        // Folded, 250 documents read as a page of sections, not a wall of text: a small part of the unfolded height.
        var folded = page.GetProperty("height").GetInt32();
        Assert.True(folded > 900 && folded * 10 < page.GetProperty("unfolded").GetInt32(), page.ToString());
        var (varied, width, height) = HeadlessChromium.InspectPng(Convert.FromBase64String(shot.GetProperty("data").GetString()!));
        Assert.True(varied, "the screenshot is blank");
        Assert.Equal((1280, 900), (width, height));
    }

    [GeneratedRegex(@"^(?:\d+(?:\.\d+)*\.?\s+)?[A-Z][\w\-’']*(?:\s+(?:[A-Z][\w\-’']*|of|and|or|the|to|for|in|on|&))*\.?$")]
    private static partial Regex NumberedTitle();

    [GeneratedRegex("<blockquote class=\"evidence\">.*?<cite>(.*?)</cite></blockquote>", RegexOptions.Singleline)]
    private static partial Regex Cite();

    [GeneratedRegex("<tr><td><a href=\"#doc-")]
    private static partial Regex IndexRow();

    [GeneratedRegex("<img data-figure=\"graph\" alt=\"[^\"]*\" src=\"data:image/svg\\+xml;base64,([^\"]+)\"")]
    private static partial Regex GraphImage();
}
