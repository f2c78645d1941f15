using System.Diagnostics;
using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli.Batch;

public sealed class BatchFeedTests : IDisposable
{
    private const string CikA = "0001111111";
    private const string AccA = "0001111111-26-000001";
    private const string CikB = "0002222222";
    private const string AccB = "0002222222-26-000002";
    private const string AccForm4 = "0003333333-26-000003";

    private readonly TempFolder _folder = new();
    private readonly FakeEdgarServer _server = new();

    public void Dispose()
    {
        _server.Dispose();
        _folder.Dispose();
    }

    private string Db => _folder.File("data/batch.db");

    private string Downloads => _folder.File("data/downloads");

    private static string Dir(string cik, string accession) => $"/Archives/edgar/data/{cik.TrimStart('0')}/{accession.Replace("-", "", StringComparison.Ordinal)}";

    private Task<CliResult> BatchAsync(params string[] extra)
        => CliRunner.RunAsync(_folder.Path, [
            "batch", "--feed", _server.BaseUrl + "cgi-bin/browse-edgar", "--sec-base-url", _server.BaseUrl, "--db", Db, "--json",
            "--user-agent", BatchTestKit.UserAgent, "--http-timeout", "1", .. extra]);

    private void ServeFilings()
    {
        var a = Dir(CikA, AccA);
        var b = Dir(CikB, AccB);
        _server.Serve("/cgi-bin/browse-edgar", FakeEdgarServer.Feed(
            ("8-K", "Vertex Semiconductor Corp", CikA, AccA, $"{_server.BaseUrl}{a[1..]}/{AccA}-index.htm"),
            ("10-Q", "Cobalt Cloud Inc", CikB, AccB, $"{b}/{AccB}-index.htm"),
            ("4", "Someone Else", "0003333333", AccForm4, "/Archives/edgar/data/3333333/000333333326000003/form4-index.htm")), "application/atom+xml");

        _server.Serve($"{a}/{AccA}-index.htm", FakeEdgarServer.FilingIndex(
            AccA,
            ("8-K", $"/ix?doc={a}/a-8k.htm", "FORM 8-K"),
            ("EX-99.1", $"{a}/press.htm", "PRESS RELEASE"),
            ("EX-10.1", $"{a}/contract.pdf", "MASTER SERVICES AGREEMENT"),
            ("GRAPHIC", $"{a}/logo.jpg", "LOGO")));
        _server.Serve($"{a}/a-8k.htm", BatchTestKit.Sample("8k-vendor-invests-in-customer.html"), "text/html");
        _server.Serve($"{a}/press.htm", BatchTestKit.Sample("min-spend-chip-refresh.html"), "text/html");
        _server.Serve($"{a}/contract.pdf", BatchTestKit.Sample("gpu-cloud-msa-take-or-pay.pdf"), "application/pdf");
        _server.Serve($"{a}/logo.jpg", [0xFF, 0xD8, 0xFF]);
        _server.FailFirst($"{a}/press.htm", FakeReply.Error(429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "1" }));
        _server.FailFirst($"{a}/contract.pdf", new FakeReply(200, "", TimeSpan.FromSeconds(3)));

        _server.Serve($"{b}/{AccB}-index.htm", FakeEdgarServer.FilingIndex(
            AccB,
            ("10-Q", "b-10q.txt", "QUARTERLY REPORT"),
            ("EX-10.2", "broken.pdf", "SUPPLY AGREEMENT"),
            ("EX-99.2", "../../../../../etc/passwd.htm", "SNEAKY"),
            ("EX-10.3", "http://evil.invalid/steal.htm", "ELSEWHERE")));
        _server.FailFirst($"{b}/{AccB}-index.htm", FakeReply.Error(500, "busy"));
        _server.Serve($"{b}/b-10q.txt", BatchTestKit.Sample("capacity-backstop.txt"), "text/plain");
        _server.Serve($"{b}/broken.pdf", "%PDF-1.7\nnot a real PDF at all\n"u8.ToArray(), "application/pdf");
        _server.Serve("/etc/passwd.htm", "<html><body><p>LETTER OF INTENT. This letter shall be governed by the laws of the State of Texas.</p></body></html>");
    }

    [Fact]
    public async Task Batch_Feed_IngestsEverythingValidExactlyOnceAcrossTwoRuns()
    {
        ServeFilings();

        var first = await BatchAsync("--parallel", "2");

        Assert.Equal(ExitCodes.SomeDocumentsFailed, first.ExitCode);
        var summary = BatchTestKit.Json(first.Out);
        Assert.Equal(2, summary.GetProperty("new_filings").GetInt32());
        Assert.Equal(5, summary.GetProperty("new").GetInt32());
        Assert.Equal(2, summary.GetProperty("failed").GetInt32());
        var errors = summary.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("error").GetString()!).ToList();
        Assert.Contains(errors, e => e.Contains("broken.pdf", StringComparison.Ordinal) && e.Contains("PDF", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("evil.invalid", StringComparison.Ordinal) && e.Contains("refused", StringComparison.Ordinal));

        // 429, 500 and the slow answer were each retried once; the form 4 filing and the graphic were never fetched.
        Assert.Equal(2, _server.CountRequests($"{Dir(CikA, AccA)}/press.htm"));
        Assert.Equal(2, _server.CountRequests($"{Dir(CikA, AccA)}/contract.pdf"));
        Assert.Equal(2, _server.CountRequests($"{Dir(CikB, AccB)}/{AccB}-index.htm"));
        Assert.DoesNotContain(_server.Requests, r => r.Path.Contains("form4", StringComparison.Ordinal) || r.Path.EndsWith(".jpg", StringComparison.Ordinal));
        Assert.All(_server.Requests, r => Assert.Equal(BatchTestKit.UserAgent, r.UserAgent));
        AssertPaced(_server.Requests);

        // Downloads stay in the downloads folder, the traversal link included.
        Assert.True(File.Exists(Path.Combine(Downloads, CikB, AccB, "passwd.htm")));
        Assert.True(File.Exists(Path.Combine(Downloads, CikA, AccA, "a-8k.htm")));
        var written = Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(_folder.File("data"), StringComparison.Ordinal)).ToList();
        Assert.Empty(written);

        var requestsBefore = _server.Requests.Count;
        var second = await BatchAsync("--parallel", "2");

        summary = BatchTestKit.Json(second.Out);
        Assert.Equal(0, summary.GetProperty("new").GetInt32());
        Assert.Equal(2, summary.GetProperty("seen_filings").GetInt32());
        Assert.Equal(0, summary.GetProperty("new_filings").GetInt32());
        // Only the feed itself: filing indexes are not read again, the broken PDF is retried from its download, and the
        // other host is refused without a request.
        Assert.Equal(requestsBefore + 1, _server.Requests.Count);
        Assert.Equal(5, BatchTestKit.Scalar(Db, "SELECT count(*) FROM Documents"));
        var analyzed = BatchTestKit.AnalyzedCounts(Db);
        Assert.Equal(5, analyzed.Count);
        Assert.All(analyzed, row => Assert.Equal(1, row.Count));
    }

    [Fact]
    public async Task Batch_FeedWithoutUserAgent_CannotRun()
    {
        ServeFilings();

        var result = await CliRunner.RunAsync(_folder.Path, "batch", "--feed", _server.BaseUrl + "cgi-bin/browse-edgar", "--db", Db);

        Assert.Equal(ExitCodes.CouldNotRun, result.ExitCode);
        Assert.Contains("User-Agent", result.Error, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Batch_UserAgentWithoutEmail_CannotRun()
    {
        var result = await CliRunner.RunAsync(
            _folder.Path, new Dictionary<string, string?> { ["DEALLENS_USER_AGENT"] = "JustAName" }, CancellationToken.None,
            "batch", "--feed", _server.BaseUrl + "feed", "--db", Db);

        Assert.Equal(ExitCodes.CouldNotRun, result.ExitCode);
        Assert.Contains("e-mail", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_UnreachableFeed_CannotRun()
    {
        var result = await BatchAsync();

        Assert.Equal(ExitCodes.CouldNotRun, result.ExitCode);
        Assert.Contains("404", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_FeedFromFile_ResolvesLinksAgainstTheBaseUrl()
    {
        ServeFilings();
        var feed = FakeEdgarServer.Feed(("10-Q", "Cobalt Cloud Inc", CikB, AccB, $"{Dir(CikB, AccB)}/{AccB}-index.htm"));
        _folder.Write("feed.xml", feed);

        var result = await CliRunner.RunAsync(_folder.Path,
            "batch", "--feed", "feed.xml", "--sec-base-url", _server.BaseUrl, "--db", Db, "--json", "--user-agent", BatchTestKit.UserAgent);

        var summary = BatchTestKit.Json(result.Out);
        Assert.Equal(1, summary.GetProperty("new_filings").GetInt32());
        Assert.Equal(2, summary.GetProperty("new").GetInt32());
    }

    /// <summary>
    /// Runs a real batch process against a server that answers slowly, kills it (SIGKILL) once some documents are
    /// committed, then runs again: every document ends up stored exactly once.
    /// </summary>
    [Fact]
    public async Task Batch_KilledMidRun_NextRunFinishesWithNothingLostOrDoubled()
    {
        const int count = 12;
        var dir = Dir(CikA, AccA);
        var documents = Enumerable.Range(1, count).Select(i => ($"EX-10.{i}", $"{dir}/ex10-{i}.txt", $"AGREEMENT {i}")).ToArray();
        _server.Serve("/feed", FakeEdgarServer.Feed(("8-K", "Vertex Semiconductor Corp", CikA, AccA, $"{dir}/{AccA}-index.htm")), "application/atom+xml");
        _server.Serve($"{dir}/{AccA}-index.htm", FakeEdgarServer.FilingIndex(AccA, documents));
        foreach (var (_, path, _) in documents)
        {
            var n = int.Parse(path.Split('-')[^1].Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
            _server.Serve(path, BatchTestKit.Contract(n), "text/plain");
            _server.Delay(path, TimeSpan.FromMilliseconds(400));
        }

        string[] args = ["batch", "--feed", _server.BaseUrl + "feed", "--sec-base-url", _server.BaseUrl, "--db", Db, "--user-agent", BatchTestKit.UserAgent, "--parallel", "1"];
        var start = new ProcessStartInfo(DotnetHost()) { WorkingDirectory = _folder.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using (var child = Process.Start(start)!)
        {
            var stderr = child.StandardError.ReadToEndAsync();
            _ = child.StandardOutput.ReadToEndAsync();
            // Killed once the 5th document is requested: by then about 4 are committed, and 8 are not.
            while (!child.HasExited && _server.Requests.Count(r => r.Path.Contains("/ex10-", StringComparison.Ordinal)) < 5)
            {
                await Task.Delay(50);
            }

            if (child.HasExited)
            {
                Assert.Fail("the batch finished before it could be killed: " + await stderr);
            }

            child.Kill(); // SIGKILL on Unix: no clean-up of any kind.

            await child.WaitForExitAsync();
        }

        var committed = BatchTestKit.Scalar(Db, "SELECT count(*) FROM RunDocuments");
        Assert.True(committed >= 3 && committed < count, $"killed after {committed} of {count} documents");
        Assert.True(File.Exists(_folder.File("data/batch.db.batch.lock")));

        var again = await CliRunner.RunAsync(_folder.Path, [.. args, "--json"]);

        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.Contains("interrupted", again.Error, StringComparison.Ordinal);
        Assert.Equal(count - committed, BatchTestKit.Json(again.Out).GetProperty("new").GetInt32());
        Assert.Equal(count, BatchTestKit.Scalar(Db, "SELECT count(*) FROM Documents"));
        var analyzed = BatchTestKit.AnalyzedCounts(Db);
        Assert.Equal(count, analyzed.Count);
        Assert.All(analyzed, row => Assert.Equal(1, row.Count));
        Assert.Equal(1, BatchTestKit.Scalar(Db, "SELECT count(*) FROM Runs WHERE Status = 'interrupted'"));
        Assert.Equal(0, BatchTestKit.Scalar(Db, "SELECT count(*) FROM BatchItems WHERE Status <> 'done'"));
    }

    /// <summary>The dotnet host running these tests (testhost runs under it), else "dotnet" from PATH.</summary>
    private static string DotnetHost()
        => Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    /// <summary>No more than 10 requests in any one second (SEC's limit): the 11th comes at least ~1 s after the 1st.</summary>
    private static void AssertPaced(IReadOnlyList<EdgarRequest> requests)
    {
        var times = requests.Select(r => r.Timestamp).Order().ToList();
        for (var i = 0; i + 10 < times.Count; i++)
        {
            var seconds = (double)(times[i + 10] - times[i]) / Stopwatch.Frequency;
            Assert.True(seconds >= 0.9, $"requests {i}..{i + 10} came within {seconds:0.000} s");
        }
    }
}
