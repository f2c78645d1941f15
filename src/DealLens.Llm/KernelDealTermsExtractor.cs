using System.Text.RegularExpressions;
using DealLens.Core;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Text;
using Microsoft.SemanticKernel;

namespace DealLens.Llm;

/// <summary>Settings for <see cref="KernelDealTermsExtractor"/>.</summary>
public sealed record KernelDealTermsExtractorOptions
{
    /// <summary>The model id recorded in warnings and in the cache key (the deployment on Azure).</summary>
    public required string ModelId { get; init; }

    public PromptDefinition Prompt { get; init; } = PromptLibrary.Load(PromptLibrary.DealTerms);

    public CandidatePassages Candidates { get; init; } = CandidatePassages.Default;

    /// <summary>The opening of the document always sent, where the parties are named.</summary>
    public int HeadChars { get; init; } = 1_500;

    /// <summary>Candidate passages are batched into requests of at most this many characters (one passage may exceed it).</summary>
    public int MaxPassageCharsPerRequest { get; init; } = 12_000;

    /// <summary>Model requests in flight at once, over all documents.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>A model term replaces a value the embedded rules found only at this confidence or above; it fills an empty field at any.</summary>
    public double MinOverrideConfidence { get; init; } = 0.5;

    public LlmResponseFormat ResponseFormat { get; init; } = LlmResponseFormat.JsonSchema;

    /// <summary>The embedded extractor: its terms are the base, and its rules re-read every value the model quotes.</summary>
    public DealTermsExtractor Embedded { get; init; } = DealTermsExtractor.Default;

    public ILlmReplyCache? Cache { get; init; }

    /// <summary>Where the one-line fallback notice goes (stderr); null for none.</summary>
    public TextWriter? Diagnostics { get; init; }

    /// <summary>False (<c>--no-fallback</c>): a failed or malformed model answer fails the document instead of keeping the embedded terms.</summary>
    public bool AllowFallback { get; init; } = true;

    /// <summary>Configured secrets (the API key): a reply holding one is never cached.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];
}

/// <summary>Deal terms of one document, with what was dropped and why.</summary>
public sealed record LlmDealTermsResult(DealTermsResult Result, int Requests, int CacheHits, IReadOnlyDictionary<string, int> Dropped, string? FallbackReason);

/// <summary>
/// Reads deal terms with a chat model, safely. The embedded <see cref="DealTermsExtractor"/> runs first; the model
/// sees candidate passages (clause candidates, sentences with amounts, dates, MW/GW, GPU counts or chip names, and
/// the document's opening) and replies with terms and verbatim quotes. A term is used only when its quote is found in
/// the document and the embedded rules read a value for its field from that quote: the value and the evidence
/// offsets always come from the document, never from the model's "value". Such terms fill fields the rules left
/// empty and replace those they found. When the model fails, the embedded terms are kept with a warning.
/// </summary>
public sealed partial class KernelDealTermsExtractor : IDealTermsExtractor, IDisposable
{
    public const string JsonSchema = """
        {"type":"object","additionalProperties":false,"required":["terms"],"properties":{"terms":{"type":"array","items":{
          "type":"object","additionalProperties":false,"required":["field","quote","confidence"],"properties":{
            "field":{"type":"string"},"value":{"type":["string","number","array","null"],"items":{"type":"string"}},"binding":{"type":["boolean","null"]},
            "quote":{"type":"string"},"confidence":{"type":"number","minimum":0,"maximum":1}}}}}}
        """;

    private readonly PromptClient _client;
    private readonly KernelDealTermsExtractorOptions _options;
    private readonly Lock _diagnosticsLock = new();
    private long _fallbacks;

    public KernelDealTermsExtractor(Kernel kernel, KernelDealTermsExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ModelId);
        _options = options;
        _client = new PromptClient(
            kernel, options.Prompt, options.ModelId, "deal_terms", JsonSchema, options.Cache, options.MaxConcurrency, options.ResponseFormat,
            options.Secrets);
        ExtractorId = $"llm:{options.ModelId}|prompt:{options.Prompt.Version}";
    }

    /// <summary>Named in the warning that records which fields the model supplied.</summary>
    public string ExtractorId { get; }

    public LlmResponseFormat CurrentResponseFormat => _client.CurrentResponseFormat;

    public long Requests => _client.Requests;

    public long CacheHits => _client.CacheHits;

    public long Fallbacks => Interlocked.Read(ref _fallbacks);

    private LlmDealTermsResult FallBack(DealTermsResult embedded, string warning, string reason, PromptCallCounters counters, Dictionary<string, int> dropped)
    {
        if (!_options.AllowFallback)
        {
            throw new DealLensException($"{warning.Replace(", used embedded deal terms", "", StringComparison.Ordinal)} (--no-fallback: the document is not analysed)");
        }

        Interlocked.Increment(ref _fallbacks);
        if (_options.Diagnostics is { } diagnostics)
        {
            lock (_diagnosticsLock)
            {
                diagnostics.WriteLine($"deallens: {warning}");
            }
        }

        return new LlmDealTermsResult(
            embedded with { Warnings = [.. embedded.Warnings, warning] },
            counters.Requests, counters.CacheHits, dropped, reason);
    }

    public async Task<DealTermsResult> ExtractAsync(DocumentText document, CancellationToken cancellationToken)
        => (await ExtractDetailedAsync(document, cancellationToken)).Result;

    public async Task<LlmDealTermsResult> ExtractDetailedAsync(DocumentText document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var embedded = _options.Embedded.Extract(document);
        var batches = PromptClient.Batch(document.Text, SelectPassages(document), _options.MaxPassageCharsPerRequest);
        var counters = new PromptCallCounters();
        DealTermsReply[] replies;
        try
        {
            replies = await Task.WhenAll(batches.Select(b => _client.AskAsync(
                b,
                [],
                (reply, allowSurroundingText) => DealTermsReplyParser.Parse(reply, allowSurroundingText),
                parsed => parsed.IsWellFormed,
                counters,
                cancellationToken)));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not DealLensException)
        {
            var reason = KernelClauseExtractor.Describe(ex);
            return FallBack(embedded, $"llm unavailable, used embedded deal terms: {reason}", reason, counters, []);
        }

        if (replies.Count(r => !r.IsWellFormed) is var malformed and > 0)
        {
            var reason = $"{malformed} of {replies.Length} model replies were not the expected JSON";
            return FallBack(embedded, $"llm reply malformed, used embedded deal terms: {reason}", reason, counters, new() { [DropReasons.MalformedJson] = malformed });
        }

        var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
        var locator = new QuoteLocator(document.Text);
        var best = new Dictionary<string, (DealTerms Terms, double Confidence)>(StringComparer.Ordinal);
        var chips = new List<DealTerms>();
        foreach (var reply in replies)
        {
            foreach (var (reason, count) in reply.Dropped)
            {
                Count(dropped, reason, count);
            }

            foreach (var candidate in reply.Terms)
            {
                if (locator.Find(candidate.Quote) is not { } span)
                {
                    Count(dropped, DropReasons.QuoteNotFound, 1);
                    continue;
                }

                if (_options.Embedded.ReadQuoted(document, candidate.Field, span.Start, span.End) is not { } read)
                {
                    Count(dropped, DropReasons.ValueNotInQuote, 1);
                    continue;
                }

                if (candidate.Field == DealTermFields.Chips)
                {
                    chips.Add(read);
                }
                else if (!best.TryGetValue(candidate.Field, out var existing) || candidate.Confidence > existing.Confidence)
                {
                    best[candidate.Field] = (read, candidate.Confidence);
                }
            }
        }

        var (terms, used) = Merge(embedded.Terms, best, chips);
        var warnings = embedded.Warnings.ToList();
        if (used.Count > 0)
        {
            warnings.Add($"deal terms from {ExtractorId}: {string.Join(", ", used)}");
        }

        return new LlmDealTermsResult(new DealTermsResult(terms, warnings), counters.Requests, counters.CacheHits, dropped, null);
    }

    /// <summary>
    /// The passages sent: clause candidates, sentences stating amounts, dates, capacity, GPU counts or chips, and the
    /// document's opening (where the parties are named), merged where they touch.
    /// </summary>
    public IReadOnlyList<TextSpan> SelectPassages(DocumentText document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var spans = new List<TextSpan>(_options.Candidates.Select(document));
        var head = Math.Min(text.Length, _options.HeadChars);
        foreach (var segment in TextSegmenter.Default.Segment(text))
        {
            var segmentText = segment.Of(text);
            if (segment.Start < head || DealSignal().IsMatch(segmentText)
                || MoneyParser.FindAll(segmentText).Count > 0 || ChipCatalog.FindMentions(segmentText).Count > 0)
            {
                spans.Add(segment);
            }
        }

        var merged = new List<TextSpan>();
        foreach (var span in spans.Where(s => s.Length > 0).OrderBy(s => s.Start).ThenBy(s => s.End))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new TextSpan(last.Start, Math.Max(last.End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    public void Dispose() => _client.Dispose();

    private (DealTerms Terms, List<string> Used) Merge(
        DealTerms embedded, Dictionary<string, (DealTerms Terms, double Confidence)> best, List<DealTerms> chips)
    {
        var terms = embedded;
        var evidence = embedded.Evidence.ToList();
        var used = new List<string>();
        foreach (var (field, (read, confidence)) in best.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var filled = field switch
            {
                DealTermFields.Provider => terms.Provider is not null,
                DealTermFields.Customer => terms.Customer is not null,
                DealTermFields.TotalValue => terms.TotalValue is not null,
                DealTermFields.TermMonths => terms.TermMonths is not null,
                DealTermFields.EffectiveDate => terms.EffectiveDate is not null,
                DealTermFields.CapacityMw => terms.CapacityMw is not null,
                DealTermFields.GpuCount => terms.GpuCount is not null,
                DealTermFields.PrepaymentPct => terms.PrepaymentPct is not null,
                _ => true,
            };
            if (filled && confidence < _options.MinOverrideConfidence)
            {
                continue;
            }

            terms = field switch
            {
                DealTermFields.Provider => terms with { Provider = read.Provider, Parties = WithParty(terms.Parties, read.Provider) },
                DealTermFields.Customer => terms with { Customer = read.Customer, Parties = WithParty(terms.Parties, read.Customer) },
                DealTermFields.TotalValue => terms with { TotalValue = read.TotalValue },
                DealTermFields.TermMonths => terms with { TermMonths = read.TermMonths },
                DealTermFields.EffectiveDate => terms with { EffectiveDate = read.EffectiveDate },
                DealTermFields.CapacityMw => terms with { CapacityMw = read.CapacityMw },
                DealTermFields.GpuCount => terms with { GpuCount = read.GpuCount },
                _ => terms with { PrepaymentPct = read.PrepaymentPct },
            };
            evidence.RemoveAll(e => e.Field == field);
            evidence.AddRange(read.Evidence);
            used.Add(field);
        }

        // Chips are a list: names the model's quotes add are appended, with their evidence.
        var chipNames = terms.Chips.ToList();
        var chipsAdded = false;
        foreach (var read in chips)
        {
            foreach (var evidenceItem in read.Evidence)
            {
                var mentions = ChipCatalog.FindMentions(evidenceItem.Text);
                var name = mentions.Count > 0 ? mentions[0].Name : null;
                if (name is not null && !chipNames.Contains(name, StringComparer.Ordinal))
                {
                    chipNames.Add(name);
                    evidence.Add(evidenceItem);
                    chipsAdded = true;
                }
            }
        }

        if (chipsAdded)
        {
            used.Add(DealTermFields.Chips);
        }

        return (terms with { Chips = chipNames, Evidence = evidence }, used);
    }

    private static IReadOnlyList<string> WithParty(IReadOnlyList<string> parties, string? name)
        => name is null || parties.Contains(name, StringComparer.Ordinal) ? parties : [.. parties, name];

    private static void Count(Dictionary<string, int> dropped, string reason, int count)
        => dropped[reason] = dropped.GetValueOrDefault(reason) + count;

    [GeneratedRegex(
        @"\b(?:MW|GW|megawatts?|gigawatts?|GPUs?|TPUs?|XPUs?|accelerators|superchips|prepa(?:y|id|yment)\w*|effective[ ]date" +
        @"|(?:January|February|March|April|May|June|July|August|September|October|November|December)[ ]+\d{1,2}" +
        @"|\d{4}-\d{2}-\d{2}|\d+\)?[ ]*(?:years?|months?))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: DealLens.Core.Text.RegexTimeouts.LimitMilliseconds)]
    private static partial Regex DealSignal();

}
