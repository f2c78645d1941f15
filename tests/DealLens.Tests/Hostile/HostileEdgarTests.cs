using System.Diagnostics;
using System.Text;
using DealLens.Cli;
using DealLens.Tests.Cli.Batch;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Hostile;

/// <summary>
/// Issue 22 (and 20, part 7): a fake EDGAR on loopback that misbehaves: links nested 60,000 deep, an index of 300,000
/// nested elements, two documents with one file name, a host that does not resolve, 503s, a body dripped byte by byte,
/// a document over the size limit. Every run ends in bounded time with a clear answer, and what failed is recorded.
/// </summary>
[Trait(HostileKit.Suite, HostileKit.Hostile)]
public sealed class HostileEdgarTests : IDisposable
{
    private const string Cik = "0001111111";
    private const string Accession = "0001111111-26-000001";

    private readonly TempFolder _folder = new();
    private readonly FakeEdgarServer _server = new();

    public void Dispose()
    {
        _server.Dispose();
        _folder.Dispose();
    }

    private string Db => _folder.File("data/batch.db");

    private static string Dir => $"/Archives/edgar/data/{Cik.TrimStart('0')}/{Accession.Replace("-", "", StringComparison.Ordinal)}";

    private string[] BatchArgs(params string[] extra) =>
    [
        "batch", "--feed", _server.BaseUrl + "feed", "--sec-base-url", _server.BaseUrl, "--db", Db, "--json",
        "--user-agent", BatchTestKit.UserAgent, "--http-timeout", "2", .. extra,
    ];

    private void ServeFiling(string index)
    {
        _server.Serve("/feed", FakeEdgarServer.Feed(("8-K", "Vertex Semiconductor Corp", Cik, Accession, $"{Dir}/{Accession}-index.htm")), "application/atom+xml");
        _server.Serve($"{Dir}/{Accession}-index.htm", index);
    }

    [Fact]
    public async Task Issue22_LinkNested60000Deep_FilingQuarantinedNoCrash()
    {
        var nested = new StringBuilder();
        for (var i = 0; i < 60_000; i++)
        {
            nested.Append("/ix?doc=");
        }

        nested.Append(Dir).Append("/ok.htm");
        ServeFiling(FakeEdgarServer.FilingIndex(Accession, ("8-K", nested.ToString(), "FORM 8-K")));
        _server.Serve($"{Dir}/ok.htm", "<html><body><p>The Customer shall pay $1,000,000.</p></body></html>");

        var first = await HostileKit.RunChildAsync(_folder.Path, BatchArgs());

        Assert.Equal(ExitCodes.SomeDocumentsFailed, first.ExitCode);
        Assert.Contains("nested", first.Error, StringComparison.Ordinal);
        Assert.Equal(1, BatchTestKit.Scalar(Db, $"SELECT count(*) FROM BatchFilings WHERE AccessionNumber = '{Accession}' AND Status = 'quarantined' AND LastError LIKE '%nested%'"));

        // Recorded: the next run does not fetch the filing index again.
        var indexRequests = _server.CountRequests($"{Dir}/{Accession}-index.htm");
        var second = await HostileKit.RunChildAsync(_folder.Path, BatchArgs());

        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Equal(indexRequests, _server.CountRequests($"{Dir}/{Accession}-index.htm"));
    }

    [Fact]
    public async Task Issue22_IndexOf300000NestedElements_RefusedInBoundedTime()
    {
        const int depth = 300_000;
        var index = FakeEdgarServer.FilingIndex(Accession, ("8-K", $"{Dir}/ok.htm", "FORM 8-K"));
        var body = index.IndexOf("<body>", StringComparison.Ordinal) + "<body>".Length;
        var hostile = string.Concat(index[..body], string.Concat(Enumerable.Repeat("<div>", depth)), index[body..]);
        ServeFiling(hostile);
        _server.Serve($"{Dir}/ok.htm", "<html><body><p>The Customer shall pay $1,000,000.</p></body></html>");

        var run = await HostileKit.RunChildAsync(_folder.Path, BatchArgs());

        Assert.True(run.Seconds < 60, $"took {run.Seconds:0.0} s");
        Assert.Equal(ExitCodes.SomeDocumentsFailed, run.ExitCode);
        Assert.Contains("nested", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, BatchTestKit.Scalar(Db, "SELECT count(*) FROM BatchFilings WHERE Status = 'quarantined'"));
    }

    [Fact]
    public async Task Issue22_TwoDocumentsWithOneFileName_BothDownloadedAndAnalysed()
    {
        ServeFiling(FakeEdgarServer.FilingIndex(
            Accession,
            ("EX-10.1", $"{Dir}/a/contract.txt", "SUPPLY AGREEMENT"),
            ("EX-10.2", $"{Dir}/b/contract.txt", "CAPACITY AGREEMENT")));
        _server.Serve($"{Dir}/a/contract.txt", HostileKit.Contract(1), "text/plain");
        _server.Serve($"{Dir}/b/contract.txt", HostileKit.Contract(2), "text/plain");

        var run = await CliRunner.RunAsync(_folder.Path, BatchArgs());

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(2, BatchTestKit.Json(run.Out).GetProperty("new").GetInt32());
        Assert.Equal(1, _server.CountRequests($"{Dir}/a/contract.txt"));
        Assert.Equal(1, _server.CountRequests($"{Dir}/b/contract.txt"));
        Assert.Equal(2, BatchTestKit.Scalar(Db, "SELECT count(*) FROM Documents"));
        Assert.Equal(2, BatchTestKit.Scalar(Db, "SELECT count(DISTINCT LocalPath) FROM BatchItems"));
    }

    [Fact]
    public async Task Issue20_UnresolvableHost_NotRetriedLikeA503()
    {
        var clock = Stopwatch.StartNew();

        var run = await CliRunner.RunAsync(_folder.Path,
            "batch", "--feed", "http://no-such-host.invalid/feed", "--db", Db, "--json", "--user-agent", BatchTestKit.UserAgent);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:0.0} s: retried?");
        Assert.Equal(ExitCodes.CouldNotRun, run.ExitCode);
        Assert.Contains("no-such-host.invalid", run.Error, StringComparison.Ordinal);
        Assert.Contains("not retried", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue20_ServiceUnavailable_RetriedThenAnalysed()
    {
        ServeFiling(FakeEdgarServer.FilingIndex(Accession, ("EX-10.1", $"{Dir}/contract.txt", "SUPPLY AGREEMENT")));
        _server.Serve($"{Dir}/contract.txt", HostileKit.Contract(5), "text/plain");
        _server.FailFirst("/feed", FakeReply.Error(503, "busy"));
        _server.FailFirst($"{Dir}/contract.txt", FakeReply.Error(503, "busy"));

        var run = await CliRunner.RunAsync(_folder.Path, BatchArgs());

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(2, _server.CountRequests("/feed"));
        Assert.Equal(2, _server.CountRequests($"{Dir}/contract.txt"));
    }

    [Fact]
    public async Task Issue20_BatchJsonThatCannotRun_PrintsAFailureObject()
    {
        var run = await CliRunner.RunAsync(_folder.Path, BatchArgs());

        Assert.Equal(ExitCodes.CouldNotRun, run.ExitCode);
        var failure = BatchTestKit.Json(run.Out);
        Assert.Equal("could_not_run", failure.GetProperty("status").GetString());
        Assert.Contains("404", failure.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(Db, failure.GetProperty("database").GetString());
    }

    [Fact]
    public async Task Issue22_DocumentDrippedSlowly_FailsWithinTheTimeoutAndIsQuarantined()
    {
        ServeFiling(FakeEdgarServer.FilingIndex(Accession, ("EX-10.1", $"{Dir}/drip.txt", "SUPPLY AGREEMENT")));
        _server.Serve($"{Dir}/drip.txt", HostileKit.Contract(6), "text/plain");
        _server.Drip($"{Dir}/drip.txt", TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        var run = await CliRunner.RunAsync(_folder.Path, BatchArgs());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(ExitCodes.SomeDocumentsFailed, run.ExitCode);
        Assert.Equal(1, BatchTestKit.Scalar(Db, "SELECT count(*) FROM BatchItems WHERE Status = 'quarantined' AND LastError LIKE '%drip.txt%'"));
    }

    [Fact]
    public async Task Issue22_DocumentOverTheSizeLimit_RefusedFromItsLength()
    {
        ServeFiling(FakeEdgarServer.FilingIndex(Accession, ("EX-10.1", $"{Dir}/huge.txt", "SUPPLY AGREEMENT")));
        _server.Serve($"{Dir}/huge.txt", new byte[3 << 20], "text/plain");

        var run = await CliRunner.RunAsync(_folder.Path, BatchArgs("--max-file-mb", "1"));

        Assert.Equal(ExitCodes.SomeDocumentsFailed, run.ExitCode);
        Assert.Contains("over the 1,048,576-byte limit", run.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File($"data/downloads/{Cik}/{Accession}/huge.txt")));
    }
}
