using System.Security.Cryptography;
using DealLens.Core;
using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Learning;
using DealLens.Core.Deals;
using DealLens.Core.Pipeline;
using DealLens.Llm;
using DealLens.Storage;

namespace DealLens.Cli.Analysis;

/// <summary>Builds the analysis pipelines the commands use, in one place.</summary>
public static class Pipelines
{
    /// <summary>The offline default: rules stacked under the trained model, no network, no key.</summary>
    public static DealPipeline CreateEmbedded(string? modelPath = null)
        => new(CreateEmbeddedExtractor(modelPath), new DealTermsExtractor());

    /// <summary>The embedded extractor with the shipped model, or with the model file at <paramref name="modelPath"/>.</summary>
    public static EmbeddedClauseExtractor CreateEmbeddedExtractor(string? modelPath)
        => modelPath is null
            ? EmbeddedClauseExtractor.Default
            : EmbeddedClauseExtractor.LoadConcurrently(() => LoadModel(modelPath));

    public static ClauseModel LoadModel(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return ClauseModel.Load(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DealLensException($"{path}: cannot read model file: {ex.Message}", ex);
        }
        catch (DealLensException ex)
        {
            throw new DealLensException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>A short, stable name for a model: "clause-model:" and the first 12 hex digits of its bytes' SHA-256.</summary>
    public static string ModelVersion(ClauseModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var buffer = new MemoryStream();
        model.Save(buffer);
        return "clause-model:" + Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()))[..12];
    }

    /// <summary>
    /// The embedded pipeline when <paramref name="llm"/> is null; otherwise the Semantic Kernel extractor with its reply
    /// cache in <paramref name="database"/>, falling back to the embedded extractor per document; deal terms
    /// are read by the model too, grounded and re-read by the embedded rules (<see cref="KernelDealTermsExtractor"/>).
    /// <paramref name="userKinds"/> (the database's own company kinds) go before the bundled table.
    /// </summary>
    public static ConfiguredPipeline Create(
        LlmOptions? llm, EmbeddedClauseExtractor embedded, DealLensDatabase database, CliContext context, IReadOnlyCollection<CompanyKind>? userKinds = null)
    {
        ArgumentNullException.ThrowIfNull(embedded);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(context);
        var embeddedTerms = userKinds is null or { Count: 0 }
            ? new DealTermsExtractor()
            : new DealTermsExtractor(DealTermsOptions.Default with { CompanyKinds = CompanyKinds.Bundled.With(userKinds) });
        if (llm is null)
        {
            return new ConfiguredPipeline(new DealPipeline(embedded, embeddedTerms), embedded, null, []);
        }

        // Network timeouts and back-off run on the real clock; context.Time is the clock recorded in results (fixed in tests).
        var http = LlmConnector.CreateHttpClient(llm, TimeProvider.System);
        try
        {
            var kernel = LlmConnector.CreateKernel(LlmConnector.CreateChatService(llm, http));
            var cache = database.ModelCache;
            var extractor = new KernelClauseExtractor(kernel, new KernelClauseExtractorOptions
            {
                ModelId = llm.ModelId,
                MaxConcurrency = llm.MaxConcurrency,
                ResponseFormat = llm.ResponseFormat,
                Cache = cache,
                Fallback = embedded,
                Diagnostics = context.Error,
                AllowFallback = llm.AllowFallback,
                Secrets = llm.ApiKey is { } key ? [key] : [],
            });
            var dealTerms = new KernelDealTermsExtractor(kernel, new KernelDealTermsExtractorOptions
            {
                ModelId = llm.ModelId,
                MaxConcurrency = llm.MaxConcurrency,
                ResponseFormat = llm.ResponseFormat,
                Cache = cache,
                AllowFallback = llm.AllowFallback,
                Embedded = embeddedTerms,
                Secrets = llm.ApiKey is { } dealKey ? [dealKey] : [],
                // No stderr line of its own: the clause extractor's one line already says the model is down, and the
                // deal-terms fallback is recorded in the document's warnings.
            });
            return new ConfiguredPipeline(new DealPipeline(extractor, dealTerms), extractor, extractor, [extractor, dealTerms, http]);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }
}

/// <summary>A pipeline with what it owns (extractors, HTTP client), disposed together; the database is the command's.</summary>
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
