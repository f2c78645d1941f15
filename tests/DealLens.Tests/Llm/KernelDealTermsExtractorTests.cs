using System.Text.Json;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Llm;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Llm;

/// <summary>Deal terms read by the model through the real SK connector against a loopback fake server.</summary>
public sealed class KernelDealTermsExtractorTests
{
    // "comes to $11.9 billion" has no value noun or transaction verb: the embedded rules leave total_value empty.
    private const string Contract = """
        MASTER CLOUD SERVICES AGREEMENT

        This Agreement is entered into as of March 7, 2025 by and between Nimbus Compute, Inc. ("Provider") and Helios AI Labs, LLC ("Customer").

        1. The Reserved Capacity comes to $11.9 billion over the Term.

        2. This Agreement shall be governed by the laws of the State of New York.
        """;

    private const string ValueQuote = "The Reserved Capacity comes to $11.9 billion over the Term";

    private static DocumentText Document() => DocumentText.FromPages([Contract], DocumentFormat.Text);

    private static string Reply(params (string Field, object Value, string Quote, double Confidence)[] terms)
        => JsonSerializer.Serialize(new
        {
            terms = terms.Select(t => new { field = t.Field, value = t.Value, binding = true, quote = t.Quote, confidence = t.Confidence }),
        });

    [Fact]
    public void Embedded_MissesTheValue_SoTheModelHasSomethingToFill()
        => Assert.Null(DealTermsExtractor.Default.Extract(Document()).Terms.TotalValue);

    [Fact]
    public async Task Extract_ValidReply_FillsFieldTheEmbeddedExtractorMissed_WithDocumentOffsets()
    {
        using var server = FakeOpenAiServer.Replying(Reply((DealTermFields.TotalValue, "$11.9 billion", ValueQuote, 0.9)));
        using var kit = new Kit(server);
        var document = Document();

        var result = await kit.Extractor.ExtractDetailedAsync(document, CancellationToken.None);

        var value = result.Result.Terms.TotalValue;
        Assert.NotNull(value);
        Assert.Equal(11_900_000_000m, value.Amount);
        Assert.Equal("USD", value.Currency);
        Assert.True(value.Binding);
        var evidence = Assert.Single(result.Result.Terms.Evidence, e => e.Field == DealTermFields.TotalValue);
        Assert.Equal(document.Text.IndexOf("$11.9 billion", StringComparison.Ordinal), evidence.Start);
        Assert.Equal(evidence.Text, document.Text[evidence.Start..evidence.End]);
        Assert.Equal("$11.9 billion", evidence.Text);
        Assert.Contains(result.Result.Warnings, w => w.StartsWith("deal terms from llm:m|prompt:deal_terms@", StringComparison.Ordinal)
            && w.EndsWith(DealTermFields.TotalValue, StringComparison.Ordinal));
        // The embedded terms are kept alongside.
        var embedded = DealTermsExtractor.Default.Extract(document).Terms;
        Assert.Equal(embedded.EffectiveDate, result.Result.Terms.EffectiveDate);
        Assert.Equal(embedded.Provider, result.Result.Terms.Provider);
        Assert.Equal(1, server.RequestCount);
        var sent = server.Requests[0].UserContent();
        Assert.Contains("$11.9 billion", sent, StringComparison.Ordinal);
        Assert.Contains("Nimbus Compute", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_QuoteNotInDocument_IsDroppedAndCounted()
    {
        using var server = FakeOpenAiServer.Replying(Reply(
            (DealTermFields.TotalValue, "$50 billion", "Customer will pay Provider $50 billion no matter what", 0.99)));
        using var kit = new Kit(server);

        var result = await kit.Extractor.ExtractDetailedAsync(Document(), CancellationToken.None);

        Assert.Null(result.Result.Terms.TotalValue);
        Assert.Equal(1, result.Dropped[DropReasons.QuoteNotFound]);
        Assert.DoesNotContain(result.Result.Warnings, w => w.StartsWith("deal terms from", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extract_ValueDisagreesWithQuote_StoresTheValueReadFromTheQuote()
    {
        using var server = FakeOpenAiServer.Replying(Reply((DealTermFields.TotalValue, "$99 billion", ValueQuote, 0.95)));
        using var kit = new Kit(server);

        var result = await kit.Extractor.ExtractDetailedAsync(Document(), CancellationToken.None);

        Assert.Equal(11_900_000_000m, result.Result.Terms.TotalValue?.Amount);
    }

    [Fact]
    public async Task Extract_QuoteStatesNoValueForItsField_UnknownField_AreDroppedAndCounted()
    {
        using var server = FakeOpenAiServer.Replying(Reply(
            (DealTermFields.GpuCount, "100000", ValueQuote, 0.9),
            ("secret_field", "x", ValueQuote, 0.9)));
        using var kit = new Kit(server);

        var result = await kit.Extractor.ExtractDetailedAsync(Document(), CancellationToken.None);

        Assert.Null(result.Result.Terms.GpuCount);
        Assert.Equal(1, result.Dropped[DropReasons.ValueNotInQuote]);
        Assert.Equal(1, result.Dropped[DropReasons.UnknownField]);
    }

    [Fact]
    public async Task Issue22_Extract_MalformedJson_KeepsEmbeddedTermsAndSaysItFellBack()
    {
        using var server = FakeOpenAiServer.Replying("{\"terms\": [ {\"field\": \"total_value\", ");
        using var kit = new Kit(server);
        var document = Document();

        var result = await kit.Extractor.ExtractDetailedAsync(document, CancellationToken.None);

        var embedded = DealTermsExtractor.Default.Extract(document);
        Assert.Equal(embedded.Terms.Evidence, result.Result.Terms.Evidence);
        Assert.Equal(embedded.Terms.Provider, result.Result.Terms.Provider);
        Assert.Equal(embedded.Terms.EffectiveDate, result.Result.Terms.EffectiveDate);
        Assert.Equal([.. embedded.Warnings, "llm reply malformed, used embedded deal terms: 1 of 1 model replies were not the expected JSON"], result.Result.Warnings);
        Assert.Equal(1, result.Dropped[DropReasons.MalformedJson]);
        Assert.NotNull(result.FallbackReason);
    }

    [Fact]
    public async Task Extract_Repeated500s_KeepsEmbeddedTermsAndWarns()
    {
        using var server = new FakeOpenAiServer(_ => FakeReply.Error(500, "secret server detail"));
        using var diagnostics = new StringWriter();
        using var kit = new Kit(server, diagnostics: diagnostics);
        var document = Document();

        var result = await kit.Extractor.ExtractDetailedAsync(document, CancellationToken.None);

        var embedded = DealTermsExtractor.Default.Extract(document);
        Assert.Equal(embedded.Terms.Evidence, result.Result.Terms.Evidence);
        Assert.Equal(embedded.Terms.EffectiveDate, result.Result.Terms.EffectiveDate);
        Assert.Equal("llm unavailable, used embedded deal terms: HTTP 500 InternalServerError", Assert.Single(result.Result.Warnings));
        Assert.DoesNotContain("secret", diagnostics.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, kit.Extractor.Fallbacks);
    }

    [Fact]
    public async Task Extract_UnchangedDocumentRerun_MakesNoModelRequest()
    {
        using var database = new InMemoryDatabase(CliRunner.FixedNow);
        var cache = database.ModelCache;
        using var server = FakeOpenAiServer.Replying(Reply((DealTermFields.TotalValue, "$11.9 billion", ValueQuote, 0.9)));
        using var first = new Kit(server, cache);
        var firstResult = await first.Extractor.ExtractDetailedAsync(Document(), CancellationToken.None);
        var requestsAfterFirstRun = server.RequestCount;

        using var second = new Kit(server, cache);
        var secondResult = await second.Extractor.ExtractDetailedAsync(Document(), CancellationToken.None);

        Assert.Equal(1, requestsAfterFirstRun);
        Assert.Equal(requestsAfterFirstRun, server.RequestCount);
        Assert.Equal(0, secondResult.Requests);
        Assert.Equal(1, secondResult.CacheHits);
        Assert.Equal(firstResult.Result.Terms.TotalValue, secondResult.Result.Terms.TotalValue);
    }

    [Theory]
    [InlineData(DealTermFields.Provider, "by and between Nimbus Compute, Inc. (\"Provider\") and Helios AI Labs, LLC (\"Customer\")")]
    [InlineData(DealTermFields.EffectiveDate, "entered into as of March 7, 2025")]
    [InlineData(DealTermFields.TotalValue, "$11.9 billion")]
    public void ReadQuoted_ReadsTheFieldFromTheQuoteWithDocumentOffsets(string field, string quote)
    {
        var document = Document();
        var start = document.Text.IndexOf(quote, StringComparison.Ordinal);

        var read = DealTermsExtractor.Default.ReadQuoted(document, field, start, start + quote.Length);

        Assert.NotNull(read);
        var evidence = Assert.Single(read.Evidence);
        Assert.Equal(field, evidence.Field);
        Assert.InRange(evidence.Start, start, start + quote.Length);
        Assert.Equal(evidence.Text, document.Text[evidence.Start..evidence.End]);
    }

    [Fact]
    public void ReadQuoted_QuoteWithoutTheField_IsNull()
    {
        var document = Document();
        var start = document.Text.IndexOf(ValueQuote, StringComparison.Ordinal);

        Assert.Null(DealTermsExtractor.Default.ReadQuoted(document, DealTermFields.CapacityMw, start, start + ValueQuote.Length));
        Assert.Null(DealTermsExtractor.Default.ReadQuoted(document, "nonsense", start, start + ValueQuote.Length));
    }

    [Fact]
    public async Task Pipeline_WithModelDealTerms_StoresTheGroundedValue()
    {
        using var server = FakeOpenAiServer.Replying(Reply((DealTermFields.TotalValue, "$11.9 billion", ValueQuote, 0.9)));
        using var kit = new Kit(server);
        var pipeline = new DealPipeline(RuleBasedClauseExtractor.Default, kit.Extractor);

        var analysis = await pipeline.AnalyzeAsync("contract.txt", new string('0', 64), Document(), CancellationToken.None);

        Assert.Equal(11_900_000_000m, analysis.Deal.TotalValue?.Amount);
    }

    private sealed class Kit : IDisposable
    {
        private readonly HttpClient _http;

        public Kit(FakeOpenAiServer server, ILlmReplyCache? cache = null, TextWriter? diagnostics = null)
        {
            var options = LlmTestKit.Local(server);
            _http = LlmConnector.CreateHttpClient(options, TimeProvider.System, (_, _) => Task.CompletedTask);
            var kernel = LlmConnector.CreateKernel(LlmConnector.CreateChatService(options, _http));
            Extractor = new KernelDealTermsExtractor(kernel, new KernelDealTermsExtractorOptions
            {
                ModelId = options.ModelId,
                Cache = cache,
                Diagnostics = diagnostics,
            });
        }

        public KernelDealTermsExtractor Extractor { get; }

        public void Dispose()
        {
            Extractor.Dispose();
            _http.Dispose();
        }
    }
}
