using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Pipeline;
using DealLens.Llm;
using DealLens.Storage;

namespace DealLens.Cli.Analysis;

/// <summary>Builds the analysis pipelines the commands use, in one place.</summary>
public static class Pipelines
{
    /// <summary>The offline default: no network, no key.</summary>
    public static DealPipeline CreateEmbedded() => new(new RuleBasedClauseExtractor(), new DealTermsExtractor());

    /// <summary>
    /// The embedded pipeline when <paramref name="llm"/> is null; otherwise the Semantic Kernel extractor with its reply
    /// cache in <paramref name="databasePath"/>, falling back to the embedded extractor per document.
    /// </summary>
    public static ConfiguredPipeline Create(LlmOptions? llm, string databasePath, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (llm is null)
        {
            var rules = new RuleBasedClauseExtractor();
            return new ConfiguredPipeline(new DealPipeline(rules, new DealTermsExtractor()), rules, null, []);
        }

        // Network timeouts and back-off run on the real clock; context.Time is the clock recorded in results (fixed in tests).
        var http = LlmConnector.CreateHttpClient(llm, TimeProvider.System);
        try
        {
            var kernel = LlmConnector.CreateKernel(LlmConnector.CreateChatService(llm, http));
            var cache = SqliteLlmCache.Open(databasePath, context.Time);
            var extractor = new KernelClauseExtractor(kernel, new KernelClauseExtractorOptions
            {
                ModelId = llm.ModelId,
                MaxConcurrency = llm.MaxConcurrency,
                ResponseFormat = llm.ResponseFormat,
                Cache = cache,
                Diagnostics = context.Error,
            });
            return new ConfiguredPipeline(new DealPipeline(extractor, new DealTermsExtractor()), extractor, extractor, [extractor, cache, http]);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }
}

/// <summary>A pipeline with what it owns (HTTP client, cache connection), disposed together.</summary>
public sealed class ConfiguredPipeline(DealPipeline pipeline, IClauseExtractor clauseExtractor, KernelClauseExtractor? llm, IReadOnlyList<IDisposable> owned)
    : IDisposable
{
    public DealPipeline Pipeline => pipeline;

    public IClauseExtractor ClauseExtractor => clauseExtractor;

    /// <summary>The LLM extractor, when one is configured (for its counters: requests, cache hits, sent ratio).</summary>
    public KernelClauseExtractor? Llm => llm;

    public void Dispose()
    {
        foreach (var item in owned)
        {
            item.Dispose();
        }
    }
}
