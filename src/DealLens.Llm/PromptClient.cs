using System.Net;
using System.Security.Cryptography;
using System.Text;
using DealLens.Core.Clauses;
using DealLens.Core.Text;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace DealLens.Llm;

/// <summary>Per-document request counts, updated with Interlocked.</summary>
internal sealed class PromptCallCounters
{
#pragma warning disable CA1051 // Counters updated with Interlocked need fields.
    public int Requests;
    public int CacheHits;
    public long SentTokens;
#pragma warning restore CA1051
}

/// <summary>
/// One prompt against one model, shared by the clause and deal-terms extractors: replies come from the cache when
/// they can, otherwise from the model under a concurrency limit, stepping the response format down (json_schema →
/// json_object → text) when the server refuses it. Only well-formed replies are cached, so a garbled answer is
/// asked again next time; a reply holding a configured secret (a server echoing the API key) is never cached.
/// </summary>
internal sealed class PromptClient : IDisposable
{
    private readonly Kernel _kernel;
    private readonly KernelFunction _function;
    private readonly PromptDefinition _prompt;
    private readonly string _modelId;
    private readonly string _schemaName;
    private readonly string _jsonSchema;
    private readonly ILlmReplyCache? _cache;
    private readonly SemaphoreSlim _gate;
    private readonly IReadOnlyList<string> _secrets;
    private int _format;
    private long _requests;
    private long _cacheHits;

    public PromptClient(
        Kernel kernel, PromptDefinition prompt, string modelId, string schemaName, string jsonSchema,
        ILlmReplyCache? cache, int maxConcurrency, LlmResponseFormat responseFormat, IReadOnlyList<string>? secrets = null)
    {
        _kernel = kernel;
        _prompt = prompt;
        _modelId = modelId;
        _schemaName = schemaName;
        _jsonSchema = jsonSchema;
        _cache = cache;
        _function = kernel.CreateFunctionFromPrompt(prompt.Config);
        _gate = new SemaphoreSlim(Math.Max(1, maxConcurrency));
        _format = (int)responseFormat;
        _secrets = [.. (secrets ?? []).Where(s => !string.IsNullOrEmpty(s))];
    }

    public LlmResponseFormat CurrentResponseFormat => (LlmResponseFormat)Volatile.Read(ref _format);

    public long Requests => Interlocked.Read(ref _requests);

    public long CacheHits => Interlocked.Read(ref _cacheHits);

    /// <summary>Passages grouped into requests of at most <paramref name="maxChars"/> characters of document text each.</summary>
    public static List<string> Batch(string text, IReadOnlyList<TextSpan> spans, int maxChars)
    {
        var batches = new List<string>();
        var current = new List<TextSpan>();
        var size = 0;
        foreach (var span in spans)
        {
            if (current.Count > 0 && size + span.Length > maxChars)
            {
                batches.Add(KernelClauseExtractor.RenderPassages(text, current));
                current = [];
                size = 0;
            }

            current.Add(span);
            size += span.Length;
        }

        if (current.Count > 0)
        {
            batches.Add(KernelClauseExtractor.RenderPassages(text, current));
        }

        return batches;
    }

    /// <summary>
    /// The parsed reply for <paramref name="passages"/>. <paramref name="parse"/> gets the raw reply and whether text
    /// around the JSON is allowed (cached replies and plain-text mode); <paramref name="isWellFormed"/> decides caching.
    /// </summary>
    public async Task<T> AskAsync<T>(
        string passages,
        KernelArguments arguments,
        Func<string, bool, T> parse,
        Func<T, bool> isWellFormed,
        PromptCallCounters counters,
        CancellationToken cancellationToken)
    {
        var passageHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(passages)));
        if (_cache is not null
            && await _cache.GetAsync(passageHash, _prompt.Hash, _modelId, cancellationToken) is { } cached)
        {
            Interlocked.Increment(ref _cacheHits);
            Interlocked.Increment(ref counters.CacheHits);
            return parse(cached, true);
        }

        string reply;
        LlmResponseFormat format;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            (reply, format) = await InvokeAsync(passages, arguments, counters, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        var parsed = parse(reply, format == LlmResponseFormat.Text);
        if (isWellFormed(parsed) && _cache is not null && !_secrets.Any(secret => reply.Contains(secret, StringComparison.Ordinal)))
        {
            await _cache.SetAsync(passageHash, _prompt.Hash, _modelId, reply, cancellationToken);
        }

        return parsed;
    }

    private async Task<(string Reply, LlmResponseFormat Format)> InvokeAsync(
        string passages, KernelArguments arguments, PromptCallCounters counters, CancellationToken cancellationToken)
    {
        while (true)
        {
            var format = CurrentResponseFormat;
            var request = new KernelArguments(Settings(format)) { ["passages"] = passages };
            foreach (var (name, value) in arguments)
            {
                request[name] = value;
            }

            Interlocked.Increment(ref _requests);
            Interlocked.Increment(ref counters.Requests);
            Interlocked.Add(ref counters.SentTokens, CandidatePassages.ApproximateTokens(passages.Length + _prompt.Config.Template.Length));
            try
            {
                var result = await _function.InvokeAsync(_kernel, request, cancellationToken);
                return (result.GetValue<string>() ?? "", format);
            }
            catch (HttpOperationException ex) when (ex.StatusCode == HttpStatusCode.BadRequest && format != LlmResponseFormat.Text)
            {
                // Most servers answer 400 to a response_format they do not support: step down and ask again.
                Interlocked.CompareExchange(ref _format, (int)format + 1, (int)format);
            }
        }
    }

    private OpenAIPromptExecutionSettings Settings(LlmResponseFormat format)
    {
        var defaults = _prompt.Config.DefaultExecutionSettings;
        var settings = defaults is null ? new OpenAIPromptExecutionSettings() : OpenAIPromptExecutionSettings.FromExecutionSettings(defaults);
        settings.ResponseFormat = format switch
        {
            LlmResponseFormat.JsonSchema => ChatResponseFormat.CreateJsonSchemaFormat(
                _schemaName, BinaryData.FromString(_jsonSchema), jsonSchemaIsStrict: false),
            LlmResponseFormat.JsonObject => "json_object",
            _ => null,
        };
        return settings;
    }

    public void Dispose() => _gate.Dispose();
}
