using System.Text;
using DealLens.Core;
using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Catalog;
using DealLens.Core.Documents;
using DealLens.Core.Text;
using Microsoft.SemanticKernel;

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

    /// <summary>
    /// False (<c>--no-fallback</c>): when the model fails or replies malformed, the document fails with a
    /// <see cref="DealLensException"/> instead of being read by <see cref="Fallback"/>.
    /// </summary>
    public bool AllowFallback { get; init; } = true;

    /// <summary>What a quote must carry for its clause type.</summary>
    public QuoteEvidence Evidence { get; init; } = QuoteEvidence.Default;

    /// <summary>Configured secrets (the API key): a reply holding one is never cached.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];
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

    private readonly PromptClient _client;
    private readonly KernelClauseExtractorOptions _options;
    private readonly Lock _diagnosticsLock = new();
    private readonly string _clauseTypes = ClauseCatalog.Default.PromptText();
    private long _fallbacks;
    private long _documentTokens;
    private long _passageTokens;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _droppedTotals = new(StringComparer.Ordinal);

    public KernelClauseExtractor(Kernel kernel, KernelClauseExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ModelId);
        _options = options;
        _client = new PromptClient(
            kernel, options.Prompt, options.ModelId, "clause_extraction", JsonSchema, options.Cache, options.MaxConcurrency, options.ResponseFormat,
            options.Secrets);
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
    public LlmResponseFormat CurrentResponseFormat => _client.CurrentResponseFormat;

    /// <summary>Model requests made so far (cache hits excluded).</summary>
    public long Requests => _client.Requests;

    public long CacheHits => _client.CacheHits;

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
        var batches = PromptClient.Batch(document.Text, spans, _options.MaxPassageCharsPerRequest);
        var documentTokens = CandidatePassages.ApproximateTokens(document.Text.Length);
        var passageTokens = CandidatePassages.ApproximateTokens(spans.Sum(s => s.Length));
        Interlocked.Add(ref _documentTokens, documentTokens);
        Interlocked.Add(ref _passageTokens, passageTokens);

        var counters = new PromptCallCounters();
        ClauseReply[] replies;
        try
        {
            replies = await Task.WhenAll(batches.Select(b => _client.AskAsync(
                b,
                new KernelArguments { ["clause_types"] = _clauseTypes },
                (reply, allowSurroundingText) => ClauseReplyParser.Parse(reply, allowSurroundingText),
                parsed => parsed.IsWellFormed,
                counters,
                cancellationToken)));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not DealLensException)
        {
            return await FallBackAsync(document, $"llm unavailable, used embedded extractor: {Describe(ex)}", Describe(ex),
                new LlmExtractionReport(spans.Count, counters.Requests, counters.CacheHits, documentTokens, passageTokens, counters.SentTokens,
                    new Dictionary<string, int>(StringComparer.Ordinal), null), cancellationToken);
        }

        // A reply that is not the expected JSON says nothing about the document: reading it as "no clauses" would
        // store an empty analysis and orphan every review decision on the document.
        if (replies.Count(r => !r.IsWellFormed) is var malformed and > 0)
        {
            var reason = $"{malformed} of {replies.Length} model replies were not the expected JSON";
            _droppedTotals.AddOrUpdate(DropReasons.MalformedJson, malformed, (_, total) => total + malformed);
            return await FallBackAsync(document, $"llm reply malformed, used embedded extractor: {reason}", reason,
                new LlmExtractionReport(spans.Count, counters.Requests, counters.CacheHits, documentTokens, passageTokens, counters.SentTokens,
                    new Dictionary<string, int>(StringComparer.Ordinal) { [DropReasons.MalformedJson] = malformed }, null), cancellationToken);
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

                // The grounded text, not the model's quote, is what must carry the clause.
                if (_options.Evidence.Problem(candidate.Type, span.Of(document.Text)) is { } weak)
                {
                    dropped[weak] = dropped.GetValueOrDefault(weak) + 1;
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

    private async Task<LlmExtractionResult> FallBackAsync(
        DocumentText document, string warning, string reason, LlmExtractionReport report, CancellationToken cancellationToken)
    {
        if (!_options.AllowFallback)
        {
            throw new DealLensException($"{warning.Replace(", used embedded extractor", "", StringComparison.Ordinal)} (--no-fallback: the document is not analysed)");
        }

        Interlocked.Increment(ref _fallbacks);
        if (_options.Diagnostics is { } diagnostics)
        {
            lock (_diagnosticsLock)
            {
                diagnostics.WriteLine($"deallens: {warning}");
            }
        }

        var fallback = await _options.Fallback.ExtractAsync(document, cancellationToken);
        return new LlmExtractionResult(fallback, [warning], report with { FallbackReason = reason });
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

    public void Dispose() => _client.Dispose();

    // A document that closes our delimiters early must not step outside the data block.
    private static string Neutralise(string passage) => passage
        .Replace("</document", "</ document", StringComparison.OrdinalIgnoreCase)
        .Replace("<document", "< document", StringComparison.OrdinalIgnoreCase)
        .Replace("</passage", "</ passage", StringComparison.OrdinalIgnoreCase)
        .Replace("<passage", "< passage", StringComparison.OrdinalIgnoreCase);

    /// <summary>A reason fit for a warning: status codes and our own messages only, never a server's text or a key.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case LlmCircuitOpenException open:
                    return open.Message;
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

}
