using DealLens.Core.Clauses;
using DealLens.Core.Documents;
using DealLens.Llm;

namespace DealLens.Tests.TestSupport;

/// <summary>A KernelClauseExtractor wired to the real SK connector and a <see cref="FakeOpenAiServer"/>.</summary>
public sealed class LlmTestKit : IDisposable
{
    public const string Contract = """
        MASTER SERVICES AGREEMENT

        This Agreement is entered into as of March 7, 2025 by and between Nimbus Compute, Inc. ("Provider") and Helios AI Labs, LLC ("Customer").

        1. Customer shall pay the Monthly Reserved Capacity Fee whether or not Customer uses the Reserved Capacity. This is a take-or-pay obligation.

        2. This Agreement shall be governed by the laws of the State of New York.

        3. Neither party may assign this Agreement without the prior written consent of the other party.
        """;

    public const string TakeOrPayQuote = "Customer shall pay the Monthly Reserved Capacity Fee whether or not Customer uses the Reserved Capacity.";

    public const string GoverningLawQuote = "This Agreement shall be governed by the laws of the State of New York.";

    private readonly HttpClient _http;

    public LlmTestKit(
        LlmOptions options, ILlmReplyCache? cache = null, TextWriter? diagnostics = null,
        Func<KernelClauseExtractorOptions, KernelClauseExtractorOptions>? configure = null)
    {
        Options = options;
        // The real clock: per-attempt timeouts must fire; retry waits are recorded, not slept.
        _http = LlmConnector.CreateHttpClient(options, TimeProvider.System, (delay, _) =>
        {
            lock (Delays)
            {
                Delays.Add(delay);
            }

            return Task.CompletedTask;
        });
        var kernel = LlmConnector.CreateKernel(LlmConnector.CreateChatService(options, _http));
        var extractorOptions = new KernelClauseExtractorOptions
        {
            ModelId = options.ModelId,
            Cache = cache,
            Diagnostics = diagnostics,
            ResponseFormat = options.ResponseFormat,
            AllowFallback = options.AllowFallback,
            Secrets = options.ApiKey is { } key ? [key] : [],
        };
        Extractor = new KernelClauseExtractor(kernel, configure is null ? extractorOptions : configure(extractorOptions));
    }

    public LlmOptions Options { get; }

    public KernelClauseExtractor Extractor { get; }

    /// <summary>Waits the retry handler asked for (recorded, not slept).</summary>
    public List<TimeSpan> Delays { get; } = [];

    public static DocumentText Document(string text = Contract) => DocumentText.FromPages([text], DocumentFormat.Text);

    public static LlmOptions Local(FakeOpenAiServer server) => new()
    {
        Provider = LlmProviders.Local,
        Endpoint = server.V1,
        Model = "m",
        RequestTimeout = TimeSpan.FromSeconds(30),
        MaxRetries = 2,
    };

    public static string Reply(params (string Type, string Quote, double Confidence)[] clauses)
        => System.Text.Json.JsonSerializer.Serialize(new
        {
            clauses = clauses.Select(c => new { type = c.Type, quote = c.Quote, confidence = c.Confidence, fields = new { } }),
        });

    public void Dispose()
    {
        Extractor.Dispose();
        _http.Dispose();
    }
}
