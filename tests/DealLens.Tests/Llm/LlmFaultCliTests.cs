using System.Diagnostics;
using System.Text.Json;
using DealLens.Cli;
using DealLens.Core.Clauses;
using DealLens.Tests.Cli.Batch;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Llm;

/// <summary>
/// Issue 22 and issue 20 part 8 from the command line: a misbehaving model server behind analyze, batch and models,
/// review decisions across a model that replies malformed, and scheduled runs that use the model.
/// </summary>
[Trait("Suite", "FakeModel")]
public sealed class LlmFaultCliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("llm.db");

    private static string[] Llm(FakeOpenAiServer server) => ["--extractor", "llm", "--provider", "local", "--endpoint", server.V1.ToString(), "--model", "m"];

    private static FakeReply ValidModel(FakeRequest request)
        => request.Body.Contains("\"deal_terms\"", StringComparison.Ordinal)
            ? FakeReply.Chat("{\"terms\":[]}")
            : FakeReply.Chat(LlmTestKit.Reply((ClauseTypes.TakeOrPay, "Customer shall pay the Monthly Reserved Capacity Fee", 0.9)));

    private string Inbox(int documents)
    {
        for (var n = 1; n <= documents; n++)
        {
            _folder.Write($"inbox/contract-{n}.txt", BatchTestKit.Contract(n));
        }

        return _folder.File("inbox");
    }

    [Fact]
    public async Task Issue22_AnalyzeForce_ModelRepliesMalformed_ReviewDecisionsStayWithTheirClauses()
    {
        var contract = _folder.Write("docs/deal.txt", BatchTestKit.Contract(7));
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(_folder.Path, "analyze", contract, "--db", Db)).ExitCode);
        var list = await CliRunner.RunAsync(_folder.Path, "review", "list", "--json", "--db", Db);
        var item = JsonDocument.Parse(list.Out).RootElement.EnumerateArray()
            .First(i => i.GetProperty("kind").GetString() == "clause" && i.GetProperty("type").GetString() == ClauseTypes.TakeOrPay)
            .GetProperty("id").GetString()!;
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(_folder.Path, "review", "accept", item, "--as", "alice", "--db", Db)).ExitCode);
        using var server = FakeOpenAiServer.Replying("Sure! Here are the clauses you asked for:");

        var rerun = await CliRunner.RunAsync(_folder.Path, ["analyze", "--force", contract, "--db", Db, "--json", .. Llm(server)]);

        Assert.Equal(ExitCodes.Ok, rerun.ExitCode);
        var line = JsonDocument.Parse(rerun.Out).RootElement;
        Assert.StartsWith("llm reply malformed, used embedded extractor", line.GetProperty("fallback").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(line.GetProperty("clauses").EnumerateArray());
        Assert.Contains("llm reply malformed, used embedded extractor", rerun.Error, StringComparison.Ordinal);
        var show = await CliRunner.RunAsync(_folder.Path, "review", "list", "--json", "--status", "accepted", "--db", Db);
        Assert.Contains(JsonDocument.Parse(show.Out).RootElement.EnumerateArray(), i => i.GetProperty("id").GetString() == item);
    }

    [Fact]
    public async Task Issue22_ModelsCheck_SlowDrippingServer_FailsAtItsTimeout()
    {
        using var server = new FakeOpenAiServer(_ => FakeReply.Dripping("{\"ok\":true}", TimeSpan.FromMilliseconds(300), bytesPerDrip: 2));
        var clock = Stopwatch.StartNew();

        var result = await CliRunner.RunAsync(_folder.Path, "models", "check", "--endpoint", server.V1.ToString(), "--model", "m", "--timeout", "2");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("reachable:         no (timed out (no complete answer within 2 s))", result.Out, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Issue22_ModelsCacheClear_RemovesCachedRepliesAndRefusesAMissingDatabase()
    {
        using var server = new FakeOpenAiServer(ValidModel);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(_folder.Path, ["analyze", Inbox(2), "--db", Db, .. Llm(server)])).ExitCode);
        var info = await CliRunner.RunAsync(_folder.Path, "models", "cache", "info", "--db", Db);
        Assert.StartsWith("4 cached model replies", info.Out, StringComparison.Ordinal);

        var clear = await CliRunner.RunAsync(_folder.Path, "models", "cache", "clear", "--db", Db);
        var missing = await CliRunner.RunAsync(_folder.Path, "models", "cache", "clear", "--db", _folder.File("nowhere.db"));

        Assert.Equal(ExitCodes.Ok, clear.ExitCode);
        Assert.StartsWith("removed 4 cached model replies", clear.Out, StringComparison.Ordinal);
        Assert.StartsWith("0 cached model replies", (await CliRunner.RunAsync(_folder.Path, "models", "cache", "info", "--db", Db)).Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, missing.ExitCode);
        Assert.Contains("no such database", missing.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("nowhere.db")));
    }

    [Fact]
    public async Task Issue20_BatchWithLlm_UsesTheModel()
    {
        using var server = new FakeOpenAiServer(ValidModel);

        var result = await CliRunner.RunAsync(_folder.Path, ["batch", "--inbox", Inbox(2), "--settle", "0", "--db", Db, "--json", .. Llm(server)]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        var summary = BatchTestKit.Json(result.Out);
        Assert.Equal(2, summary.GetProperty("new").GetInt32());
        Assert.Equal("llm", summary.GetProperty("extractor").GetString());
        Assert.Empty(summary.GetProperty("fallbacks").EnumerateArray());
        Assert.True(server.RequestCount >= 2);
        Assert.Equal(2, BatchTestKit.Scalar(Db, "SELECT count(*) FROM Clauses WHERE Extractor LIKE 'llm:m|%'"));
    }

    [Fact]
    public async Task Issue20_BatchWithLlm_ModelDown_SummaryAndJsonNameEachDocumentThatFellBack()
    {
        using var server = new FakeOpenAiServer(_ => FakeReply.Error(503));

        var json = await CliRunner.RunAsync(_folder.Path, ["batch", "--inbox", Inbox(2), "--settle", "0", "--db", Db, "--json", .. Llm(server)]);
        _folder.Write("inbox/contract-3.txt", BatchTestKit.Contract(3));
        var text = await CliRunner.RunAsync(_folder.Path, ["batch", "--inbox", _folder.File("inbox"), "--settle", "0", "--db", Db, .. Llm(server)]);

        Assert.Equal(ExitCodes.Ok, json.ExitCode);
        var fallbacks = BatchTestKit.Json(json.Out).GetProperty("fallbacks").EnumerateArray().ToList();
        Assert.Equal(2, fallbacks.Count);
        Assert.All(fallbacks, f => Assert.StartsWith("llm unavailable, used embedded extractor", f.GetProperty("error").GetString(), StringComparison.Ordinal));
        Assert.Equal(
            ["contract-1.txt", "contract-2.txt"],
            fallbacks.Select(f => Path.GetFileName(f.GetProperty("document").GetString()!)).Order(StringComparer.Ordinal));
        Assert.Equal(ExitCodes.Ok, text.ExitCode);
        Assert.Contains("model not used: ", text.Out, StringComparison.Ordinal);
        Assert.Contains("contract-3.txt", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue20_NoFallback_ModelDown_AnalyzeAndBatchFailTheDocument()
    {
        using var server = new FakeOpenAiServer(_ => FakeReply.Error(503));
        var contract = _folder.Write("docs/deal.txt", BatchTestKit.Contract(9));

        var analyze = await CliRunner.RunAsync(_folder.Path, ["analyze", contract, "--db", Db, "--no-fallback", .. Llm(server)]);
        var batch = await CliRunner.RunAsync(_folder.Path, ["batch", "--inbox", Inbox(1), "--settle", "0", "--db", _folder.File("batch.db"), "--json", "--no-fallback", .. Llm(server)]);

        Assert.Equal(ExitCodes.SomeDocumentsFailed, analyze.ExitCode);
        Assert.Contains("deal.txt: llm unavailable: HTTP 503 ServiceUnavailable (--no-fallback", analyze.Error, StringComparison.Ordinal);
        Assert.Equal(0, BatchTestKit.Scalar(Db, "SELECT count(*) FROM Documents"));
        Assert.Equal(ExitCodes.SomeDocumentsFailed, batch.ExitCode);
        var failure = Assert.Single(BatchTestKit.Json(batch.Out).GetProperty("failures").EnumerateArray());
        Assert.Contains("(--no-fallback", failure.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
