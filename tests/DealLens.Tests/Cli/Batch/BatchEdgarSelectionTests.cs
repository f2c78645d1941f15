using System.Text.Json;
using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli.Batch;

/// <summary>
/// Issue 20, part 7: filings chosen as edgartools users choose them, by company (CIK or ticker), form types and filing
/// dates, or by accession number, read from a fake EDGAR serving real-shaped ticker and submissions JSON.
/// </summary>
public sealed class BatchEdgarSelectionTests : IDisposable
{
    private const string Cik = "0001045810";

    private static readonly string[] s_accessions = ["0001045810-26-000030", "0001045810-26-000020", "0001045810-26-000010"];

    private readonly TempFolder _folder = new();
    private readonly FakeEdgarServer _server = new();

    public void Dispose()
    {
        _server.Dispose();
        _folder.Dispose();
    }

    private string Db => _folder.File("data/batch.db");

    private static string Dir(string accession) => $"/Archives/edgar/data/{Cik.TrimStart('0')}/{accession.Replace("-", "", StringComparison.Ordinal)}";

    private Task<CliResult> BatchAsync(params string[] extra) => CliRunner.RunAsync(_folder.Path, [
        "batch", "--sec-base-url", _server.BaseUrl, "--db", Db, "--json", "--user-agent", BatchTestKit.UserAgent, "--http-timeout", "2", .. extra]);

    // Three filings, newest first as EDGAR lists them: an 8-K in March, a 10-Q in February, a Form 4 in January.
    private void ServeCompany()
    {
        _server.Serve("/files/company_tickers.json", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["0"] = new { cik_str = 320193, ticker = "AAPL", title = "Apple Inc." },
            ["1"] = new { cik_str = 1045810, ticker = "NVDA", title = "NVIDIA CORP" },
        }), "application/json");
        _server.Serve($"/submissions/CIK{Cik}.json", """
            {"cik":"1045810","entityType":"operating","name":"NVIDIA CORP","tickers":["NVDA"],"exchanges":["Nasdaq"],
             "filings":{"recent":{
               "accessionNumber":["0001045810-26-000030","0001045810-26-000020","0001045810-26-000010"],
               "filingDate":["2026-03-02","2026-02-02","2026-01-02"],
               "reportDate":["2026-03-01","2026-01-31",""],
               "form":["8-K","10-Q","4"],
               "primaryDocument":["a8k.htm","q.htm","xslF345X05/form4.xml"]},
              "files":[]}}
            """, "application/json");
        for (var i = 0; i < s_accessions.Length; i++)
        {
            var accession = s_accessions[i];
            _server.Serve($"{Dir(accession)}/{accession}-index.htm", FakeEdgarServer.FilingIndex(accession, ("8-K", $"{Dir(accession)}/doc.txt", "MAIN DOCUMENT")));
            _server.Serve($"{Dir(accession)}/doc.txt", BatchTestKit.Contract(100 + i), "text/plain");
        }
    }

    [Fact]
    public async Task Issue20_CompanyByTicker_FormsAndDateRange()
    {
        ServeCompany();

        var run = await BatchAsync("--company", "nvda", "--forms", "8-K,10-Q,4", "--since", "2026-02-01");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        var summary = BatchTestKit.Json(run.Out);
        Assert.Equal(2, summary.GetProperty("new_filings").GetInt32());
        Assert.Equal(2, summary.GetProperty("new").GetInt32());
        Assert.Equal(0, _server.CountRequests($"{Dir("0001045810-26-000010")}/0001045810-26-000010-index.htm"));
        Assert.All(_server.Requests, r => Assert.Equal(BatchTestKit.UserAgent, r.UserAgent));
    }

    [Fact]
    public async Task Issue20_CompanyByCik_UntilDate()
    {
        ServeCompany();

        var run = await BatchAsync("--company", "1045810", "--forms", "8-K,10-Q", "--until", "2026-02-15");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal(1, BatchTestKit.Json(run.Out).GetProperty("new_filings").GetInt32());
        Assert.Equal(0, _server.CountRequests("/files/company_tickers.json"));
        Assert.Equal(1, BatchTestKit.Scalar(Db, "SELECT count(*) FROM BatchFilings WHERE AccessionNumber = '0001045810-26-000020' AND FormType = '10-Q'"));
    }

    [Fact]
    public async Task Issue20_Accession_OneFiling()
    {
        ServeCompany();

        var run = await BatchAsync("--accession", "0001045810-26-000030");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal(1, BatchTestKit.Json(run.Out).GetProperty("new").GetInt32());
        Assert.Equal(1, BatchTestKit.Scalar(Db, "SELECT count(*) FROM BatchFilings WHERE FormType = '8-K'"));
    }

    [Fact]
    public async Task Issue20_UnknownTicker_CannotRunWithJsonFailure()
    {
        ServeCompany();

        var run = await BatchAsync("--company", "ZZZZ");

        Assert.Equal(ExitCodes.CouldNotRun, run.ExitCode);
        Assert.Contains("ZZZZ: no such ticker", BatchTestKit.Json(run.Out).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue20_AnalyzeEdgarIndexUrl_DownloadsAndAnalysesUnderTheUrl()
    {
        ServeCompany();
        var url = $"{_server.BaseUrl}{Dir("0001045810-26-000030")[1..]}/0001045810-26-000030-index.htm";
        var environment = new Dictionary<string, string?> { ["DEALLENS_USER_AGENT"] = BatchTestKit.UserAgent, ["SecBaseUrl"] = _server.BaseUrl };

        var run = await CliRunner.RunAsync(_folder.Path, environment, CancellationToken.None, "analyze", url, "--db", Db, "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal(1, BatchTestKit.Scalar(Db, $"SELECT count(*) FROM Documents WHERE SourcePath = '{_server.BaseUrl}{Dir("0001045810-26-000030")[1..]}/doc.txt'"));
        Assert.All(_server.Requests, r => Assert.Equal(BatchTestKit.UserAgent, r.UserAgent));
    }

    [Fact]
    public async Task Issue20_AnalyzeUrlOfAnotherHost_Refused()
    {
        var environment = new Dictionary<string, string?> { ["DEALLENS_USER_AGENT"] = BatchTestKit.UserAgent, ["SecBaseUrl"] = _server.BaseUrl };

        var run = await CliRunner.RunAsync(_folder.Path, environment, CancellationToken.None, "analyze", "http://evil.invalid/x.htm", "--db", Db);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("not an EDGAR URL", run.Error, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }
}
