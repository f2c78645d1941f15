using System.Diagnostics;
using Dapper;
using DealLens.Core;
using DealLens.Core.Clauses;
using DealLens.Llm;
using DealLens.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace DealLens.Tests.Llm;

/// <summary>
/// Issue 22: a model server that misbehaves (quotes too thin to carry a clause, malformed replies, a body that drips,
/// a dead or rate-limited endpoint, a reply echoing the key), through the real connector on loopback.
/// </summary>
[Trait("Suite", "FakeModel")]
public sealed class KernelClauseExtractorFaultTests
{
    [Fact]
    public async Task Issue22_Extract_OneLetterQuote_Dropped()
    {
        using var server = FakeOpenAiServer.Replying("""{"clauses":[{"type":"take_or_pay","quote":"a","confidence":1}]}""");
        using var kit = new LlmTestKit(LlmTestKit.Local(server));

        var result = await kit.Extractor.ExtractDetailedAsync(LlmTestKit.Document(), CancellationToken.None);

        Assert.Empty(result.Clauses);
        Assert.Equal(1, result.Report.Dropped[DropReasons.QuoteTooShort]);
        Assert.Null(result.Report.FallbackReason);
    }

    [Theory]
    [InlineData(ClauseTypes.TakeOrPay, LlmTestKit.GoverningLawQuote)]
    [InlineData(ClauseTypes.GoverningLaw, "This Agreement is entered into as of March 7, 2025 by and between Nimbus Compute, Inc.")]
    [InlineData(ClauseTypes.MinimumCommitment, "Neither party may assign this Agreement without the prior written consent of the other party.")]
    public async Task Issue22_Extract_GroundedQuoteWithoutTheTypesEvidence_Dropped(string type, string quote)
    {
        using var server = FakeOpenAiServer.Replying(LlmTestKit.Reply((type, quote, 0.95)));
        using var kit = new LlmTestKit(LlmTestKit.Local(server));

        var result = await kit.Extractor.ExtractDetailedAsync(LlmTestKit.Document(), CancellationToken.None);

        Assert.Empty(result.Clauses);
        Assert.Equal(1, result.Report.Dropped[DropReasons.NoTypeEvidence]);
    }

    [Fact]
    public async Task Issue22_Extract_MalformedReplyWithNoFallback_FailsTheDocument()
    {
        using var server = FakeOpenAiServer.Replying("not json at all");
        using var kit = new LlmTestKit(LlmTestKit.Local(server) with { AllowFallback = false });

        var error = await Assert.ThrowsAsync<DealLensException>(() => kit.Extractor.ExtractDetailedAsync(LlmTestKit.Document(), CancellationToken.None));

        Assert.Contains("llm reply malformed", error.Message, StringComparison.Ordinal);
        Assert.Contains("--no-fallback", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, kit.Extractor.Fallbacks);
    }

    [Fact]
    public async Task Issue22_Extract_SlowDrippingBody_FailsAtTheTimeoutNotLater()
    {
        // Headers at once, then 4 bytes every 200 ms: the whole reply would take minutes.
        using var server = new FakeOpenAiServer(_ => FakeReply.Dripping(LlmTestKit.Reply((ClauseTypes.TakeOrPay, LlmTestKit.TakeOrPayQuote, 0.9)), TimeSpan.FromMilliseconds(200)));
        using var kit = new LlmTestKit(LlmTestKit.Local(server) with { RequestTimeout = TimeSpan.FromSeconds(2), MaxRetries = 0 });
        var clock = Stopwatch.StartNew();

        var result = await kit.Extractor.ExtractDetailedAsync(LlmTestKit.Document(), CancellationToken.None);

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(20));
        Assert.StartsWith("llm unavailable, used embedded extractor: timed out (no complete answer within 2 s)", Assert.Single(result.Warnings), StringComparison.Ordinal);
        Assert.All(result.Clauses, c => Assert.Equal("rules", c.Extractor));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task Issue22_Extract_DeadOrRateLimitedEndpoint_CircuitOpensAndLaterDocumentsSkipIt(int status)
    {
        using var server = new FakeOpenAiServer(_ => FakeReply.Error(status));
        using var kit = new LlmTestKit(LlmTestKit.Local(server) with { MaxRetries = 1, CircuitBreakerFailures = 2 });

        var warnings = new List<string>();
        for (var document = 0; document < 5; document++)
        {
            var result = await kit.Extractor.ExtractDetailedAsync(LlmTestKit.Document(), CancellationToken.None);
            warnings.Add(Assert.Single(result.Warnings));
            Assert.NotEmpty(result.Clauses);
        }

        // Two documents, each one try and one retry; then nothing more reaches the server.
        Assert.Equal(4, server.RequestCount);
        Assert.Equal(5, kit.Extractor.Fallbacks);
        Assert.All(warnings[2..], w => Assert.StartsWith(
            $"llm unavailable, used embedded extractor: circuit open: the endpoint failed 2 requests in a row (last: HTTP {status}", w, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Issue22_Extract_ReplyEchoingTheApiKey_IsNotCached()
    {
        const string key = "sk-test-ECHOED-0123456789abcdef";
        // A well-formed reply whose second item carries the key the server was sent.
        using var server = new FakeOpenAiServer(r => FakeReply.Chat(LlmTestKit.Reply(
            (ClauseTypes.TakeOrPay, LlmTestKit.TakeOrPayQuote, 0.9),
            (ClauseTypes.GoverningLaw, "your key is " + r.Authorization, 0.5))));
        using var database = new InMemoryDatabase(CliRunner.FixedNow);
        var cache = database.ModelCache;
        using var kit = new LlmTestKit(LlmTestKit.Local(server) with { Provider = LlmProviders.OpenAI, ApiKey = key }, cache);

        var result = await kit.Extractor.ExtractDetailedAsync(LlmTestKit.Document(), CancellationToken.None);

        Assert.Equal(ClauseTypes.TakeOrPay, Assert.Single(result.Clauses).Type);
        Assert.Equal("Bearer " + key, server.Requests[0].Authorization);
        Assert.Equal(0, await cache.CountAsync(CancellationToken.None));
        Assert.Equal(0, database.Connection.ExecuteScalar<long>("SELECT count(*) FROM LlmCache WHERE instr(Reply, @key) > 0", new { key }));
    }
}
