using System.Net;
using System.Security.Cryptography;
using System.Text;
using DealLens.Core.Clauses;
using DealLens.Core.Documents;
using DealLens.Core.Text;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace DealLens.Llm;

/// <summary>Settings for <see cref="KernelClauseExtractor"/>.</summary>
public sealed record KernelClauseExtractorOptions
{
    /// <summary>The model id recorded on clauses and in the cache key (the deployment on Azure).</summary>
    public required string ModelId { get; init; }

    public PromptDefinition Prompt { get; init; } = PromptLibrary.Load(PromptLibrary.ClauseExtraction);

    public CandidatePassages Candidates { get; init; } = CandidatePassages.Default;

    /// <summary>Candidate passages are batched into requests of at most this many characters (one passage may exceed it).</summary>
    public int MaxPassageCharsPerRequest { get; init; } = 12_000;

    /// <summary>Model requests in flight at once, over all documents.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>The first reply format tried; a 400 answer steps down to the next (json_schema, json_object, text).</summary>
    public LlmResponseFormat ResponseFormat { get; init; } = LlmResponseFormat.JsonSchema;

    /// <summary>Used for a document when the model cannot be reached or keeps failing.</summary>
    public IClauseExtractor Fallback { get; init; } = RuleBasedClauseExtractor.Default;

    public ILlmReplyCache? Cache { get; init; }

    /// <summary>Where the one-line fallback notice goes (stderr); null for none.</summary>
    public TextWriter? Diagnostics { get; init; }
}

/// <summary>How one document went: what was sent, what came back, what was dropped and why.</summary>
public sealed record LlmExtractionReport(
    int Passages,
    int Requests,
    int CacheHits,
    long DocumentTokens,
    long PassageTokens,
    long SentTokens,
    IReadOnlyDictionary<string, int> Dropped,
    string? FallbackReason)
{
    /// <summary>Share of the document sent to the model, in approximate tokens (characters / 4).</summary>
    public double SentRatio => DocumentTokens == 0 ? 0 : (double)PassageTokens / DocumentTokens;
}

/// <summary>The clauses of one document and its <see cref="LlmExtractionReport"/>.</summary>
public sealed record LlmExtractionResult(IReadOnlyList<Clause> Clauses, IReadOnlyList<string> Warnings, LlmExtractionReport Report);

/// <summary>
/// Finds clauses with a chat model through Semantic Kernel. Only candidate passages are sent (see
/// <see cref="CandidatePassages"/>), as delimited data; the reply is untrusted, parsed strictly
/// (<see cref="ClauseReplyParser"/>), and a clause is kept only when its quote is found in the document: offsets
/// and text always come from the document, never from the model. When the model fails, the document falls back to
/// the embedded extractor and a warning says so.
/// </summary>
public sealed class KernelClauseExtractor : IClauseExtractor, IDisposable
{
    public const string JsonSchema = """
        {"type":"object","additionalProperties":false,"required":["clauses"],"properties":{"clauses":{"type":"array","items":{
          "type":"object","additionalProperties":false,"required":["type","quote","confidence"],"properties":{
            "type":{"type":"string"},"quote":{"type":"string"},"confidence":{"type":"number","minimum":0,"maximum":1},
            "fields":{"type":"object"}}}}}}
        """;

    private readonly Kernel _kernel;
    private readonly KernelFunction _function;
    private readonly KernelClauseExtractorOptions _options;
    private readonly SemaphoreSlim _gate;
    private readonly Lock _diagnosticsLock = new();
    private readonly string _clauseTypes = string.Join(", ", ClauseTypes.All);
    private int _format;
    private long _requests;
    private long _cacheHits;
    private long _fallbacks;
    private long _documentTokens;
    private long _passageTokens;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _droppedTotals = new(StringComparer.Ordinal);

    public KernelClauseExtractor(Kernel kernel, KernelClauseExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ModelId);
        _kernel = kernel;
        _options = options;
        _function = kernel.CreateFunctionFromPrompt(options.Prompt.Config);
        _gate = new SemaphoreSlim(Math.Max(1, options.MaxConcurrency));
        _format = (int)options.ResponseFormat;
        ExtractorId = $"llm:{options.ModelId}|prompt:{options.Prompt.Version}";
    }

    public string Name => "llm";

    /// <summary>Reply items dropped so far, by reason (malformed_json, unknown_type, invalid_value, quote_not_found).</summary>
    public IReadOnlyDictionary<string, int> DroppedByReason => new SortedDictionary<string, int>(_droppedTotals, StringComparer.Ordinal);

    /// <summary>One line for the end of a run: requests, cache hits, fallbacks, tokens sent and what was dropped.</summary>
    public string Summary()
        => $"llm: {Requests} requests, {CacheHits} cache hits, {Fallbacks} fallbacks; tokens sent / document tokens {SentRatio:P1}; "
            + $"dropped: {(_droppedTotals.IsEmpty ? "none" : DescribeDropped(_droppedTotals))}";

    private static string DescribeDropped(IEnumerable<KeyValuePair<string, int>> dropped)
        => string.Join(", ", dropped.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} {d.Value}"));

    /// <summary>Recorded on every clause the model found: model id, prompt name and prompt hash.</summary>
    public string ExtractorId { get; }

    /// <summary>The reply format now in use (it steps down when the model refuses structured output).</summary>
    public LlmResponseFormat CurrentResponseFormat => (LlmResponseFormat)Volatile.Read(ref _format);

    /// <summary>Model requests made so far (cache hits excluded).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public long CacheHits => Interlocked.Read(ref _cacheHits);

    /// <summary>Documents that fell back to the embedded extractor.</summary>
    public long Fallbacks => Interlocked.Read(ref _fallbacks);

    /// <summary>Share of all documents' tokens sent so far as candidate passages (approximate tokens = characters / 4).</summary>
    public double SentRatio
    {
        get
        {
            var document = Interlocked.Read(ref _documentTokens);
            return document == 0 ? 0 : (double)Interlocked.Read(ref _passageTokens) / document;
        }
    }

    public async Task<IReadOnlyList<Clause>> ExtractAsync(DocumentText document, CancellationToken cancellationToken)
        => (await ExtractDetailedAsync(document, cancellationToken)).Clauses;

    public async Task<ClauseExtraction> ExtractWithWarningsAsync(DocumentText document, CancellationToken cancellationToken)
    {
        var result = await ExtractDetailedAsync(document, cancellationToken);
        return new ClauseExtraction(result.Clauses, result.Warnings);
    }

    public async Task<LlmExtractionResult> ExtractDetailedAsync(DocumentText document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var spans = _options.Candidates.Select(document);
        var batches = Batch(document.Text, spans);
        var documentTokens = CandidatePassages.ApproximateTokens(document.Text.Length);
        var passageTokens = CandidatePassages.ApproximateTokens(spans.Sum(s => s.Length));
        Interlocked.Add(ref _documentTokens, documentTokens);
        Interlocked.Add(ref _passageTokens, passageTokens);

        var counters = new RequestCounters();
        ClauseReply[] replies;
        try
        {
            replies = await Task.WhenAll(batches.Select(b => ReplyForAsync(b, counters, cancellationToken)));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = Describe(ex);
            var warning = $"llm unavailable, used embedded extractor: {reason}";
            Interlocked.Increment(ref _fallbacks);
            if (_options.Diagnostics is { } diagnostics)
            {
                lock (_diagnosticsLock)
                {
                    diagnostics.WriteLine($"deallens: {warning}");
                }
            }

            var fallback = await _options.Fallback.ExtractAsync(document, cancellationToken);
            return new LlmExtractionResult(
                fallback,
                [warning],
                new LlmExtractionReport(spans.Count, counters.Requests, counters.CacheHits, documentTokens, passageTokens, counters.SentTokens,
                    new Dictionary<string, int>(StringComparer.Ordinal), reason));
        }

        var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
        var locator = new QuoteLocator(document.Text);
        var kept = new Dictionary<(string Type, int Start, int End), Clause>();
        foreach (var reply in replies)
        {
            foreach (var (reason, count) in reply.Dropped)
            {
                dropped[reason] = dropped.GetValueOrDefault(reason) + count;
            }

            foreach (var candidate in reply.Clauses)
            {
                if (locator.Find(candidate.Quote) is not { } span)
                {
                    dropped[DropReasons.QuoteNotFound] = dropped.GetValueOrDefault(DropReasons.QuoteNotFound) + 1;
                    continue;
                }

                var key = (candidate.Type, span.Start, span.End);
                if (kept.TryGetValue(key, out var existing) && existing.Confidence >= candidate.Confidence)
                {
                    continue;
                }

                kept[key] = new Clause(
                    Id: "",
                    Type: candidate.Type,
                    Text: span.Of(document.Text),
                    Page: document.PageAt(span.Start),
                    Start: span.Start,
                    End: span.End,
                    Confidence: candidate.Confidence,
                    Extractor: ExtractorId,
                    Fields: ClauseFields.None);
            }
        }

        var clauses = kept.Values.OrderBy(c => c.Start).ThenBy(c => c.End).ThenBy(c => c.Type, StringComparer.Ordinal).ToList();
        foreach (var (reason, count) in dropped)
        {
            _droppedTotals.AddOrUpdate(reason, count, (_, total) => total + count);
        }

        return new LlmExtractionResult(
            clauses,
            dropped.Count == 0 ? [] : [$"llm reply items dropped: {DescribeDropped(dropped)}"],
            new LlmExtractionReport(spans.Count, counters.Requests, counters.CacheHits, documentTokens, passageTokens, counters.SentTokens, dropped, null));
    }

    /// <summary>Wraps passages as the prompt's data: each in a passage element, delimiters inside the text neutralised.</summary>
    public static string RenderPassages(string text, IEnumerable<TextSpan> passages)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(passages);
        var builder = new StringBuilder();
        var id = 1;
        foreach (var span in passages)
        {
            builder.Append("<passage id=\"").Append(id++).Append("\">\n")
                .Append(Neutralise(span.Of(text)))
                .Append("\n</passage>\n");
        }

        return builder.ToString().TrimEnd('\n');
    }

    public void Dispose() => _gate.Dispose();

    // A document that closes our delimiters early must not step outside the data block.
    private static string Neutralise(string passage) => passage
        .Replace("</document", "</ document", StringComparison.OrdinalIgnoreCase)
        .Replace("<document", "< document", StringComparison.OrdinalIgnoreCase)
        .Replace("</passage", "</ passage", StringComparison.OrdinalIgnoreCase)
        .Replace("<passage", "< passage", StringComparison.OrdinalIgnoreCase);

    private List<string> Batch(string text, IReadOnlyList<TextSpan> spans)
    {
        var batches = new List<string>();
        var current = new List<TextSpan>();
        var size = 0;
        foreach (var span in spans)
        {
            if (current.Count > 0 && size + span.Length > _options.MaxPassageCharsPerRequest)
            {
                batches.Add(RenderPassages(text, current));
                current = [];
                size = 0;
            }

            current.Add(span);
            size += span.Length;
        }

        if (current.Count > 0)
        {
            batches.Add(RenderPassages(text, current));
        }

        return batches;
    }

    private async Task<ClauseReply> ReplyForAsync(string passages, RequestCounters counters, CancellationToken cancellationToken)
    {
        var passageHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(passages)));
        if (_options.Cache is { } cache
            && await cache.GetAsync(passageHash, _options.Prompt.Hash, _options.ModelId, cancellationToken) is { } cached)
        {
            Interlocked.Increment(ref _cacheHits);
            Interlocked.Increment(ref counters.CacheHits);
            return ClauseReplyParser.Parse(cached, allowSurroundingText: true);
        }

        string reply;
        LlmResponseFormat format;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            (reply, format) = await InvokeAsync(passages, counters, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        var parsed = ClauseReplyParser.Parse(reply, allowSurroundingText: format == LlmResponseFormat.Text);
        if (parsed.IsWellFormed && _options.Cache is { } store)
        {
            // Only replies of the right shape are kept, so a garbled answer is asked again next time.
            await store.SetAsync(passageHash, _options.Prompt.Hash, _options.ModelId, reply, cancellationToken);
        }

        return parsed;
    }

    private async Task<(string Reply, LlmResponseFormat Format)> InvokeAsync(string passages, RequestCounters counters, CancellationToken cancellationToken)
    {
        while (true)
        {
            var format = CurrentResponseFormat;
            var arguments = new KernelArguments(Settings(format))
            {
                ["clause_types"] = _clauseTypes,
                ["passages"] = passages,
            };
            Interlocked.Increment(ref _requests);
            Interlocked.Increment(ref counters.Requests);
            Interlocked.Add(ref counters.SentTokens, CandidatePassages.ApproximateTokens(passages.Length + _options.Prompt.Config.Template.Length));
            try
            {
                var result = await _function.InvokeAsync(_kernel, arguments, cancellationToken);
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
        var defaults = _options.Prompt.Config.DefaultExecutionSettings;
        var settings = defaults is null ? new OpenAIPromptExecutionSettings() : OpenAIPromptExecutionSettings.FromExecutionSettings(defaults);
        settings.ResponseFormat = format switch
        {
            LlmResponseFormat.JsonSchema => ChatResponseFormat.CreateJsonSchemaFormat(
                "clause_extraction", BinaryData.FromString(JsonSchema), jsonSchemaIsStrict: false),
            LlmResponseFormat.JsonObject => "json_object",
            _ => null,
        };
        return settings;
    }

    /// <summary>A reason fit for a warning: status codes and our own messages only, never a server's text or a key.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case TimeoutException timeout:
                    return $"timed out ({timeout.Message})";
                case HttpOperationException { StatusCode: { } status }:
                    return $"HTTP {(int)status} {status}";
                case HttpRequestException { StatusCode: { } status }:
                    return $"HTTP {(int)status} {status}";
                case HttpRequestException request:
                    return $"cannot reach the endpoint ({request.HttpRequestError})";
                default:
                    break;
            }
        }

        return exception.GetType().Name;
    }

    private sealed class RequestCounters
    {
#pragma warning disable CA1051 // Counters updated with Interlocked need fields.
        public int Requests;
        public int CacheHits;
        public long SentTokens;
#pragma warning restore CA1051
    }
}
