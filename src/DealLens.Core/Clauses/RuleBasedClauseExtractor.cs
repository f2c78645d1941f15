using DealLens.Core.Clauses.Rules;
using DealLens.Core.Documents;

namespace DealLens.Core.Clauses;

/// <summary>
/// The embedded offline extractor: no network, no key. Cuts the document into clause-sized spans and reports
/// each span that a rule of <see cref="RuleBasedClauseExtractorOptions.Rules"/> matches, once per clause type.
/// </summary>
public sealed class RuleBasedClauseExtractor : IClauseExtractor
{
    public static RuleBasedClauseExtractor Default { get; } = new(new RuleBasedClauseExtractorOptions());

    private readonly RuleBasedClauseExtractorOptions _options;

    public RuleBasedClauseExtractor()
        : this(new RuleBasedClauseExtractorOptions())
    {
    }

    public RuleBasedClauseExtractor(RuleBasedClauseExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Rules);
        ArgumentNullException.ThrowIfNull(options.Segmenter);
        _options = options;
    }

    public string Name => "rules";

    internal RuleBasedClauseExtractorOptions Options => _options;

    public IReadOnlyList<Clause> Extract(DocumentText document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var clauses = new List<Clause>();
        foreach (var span in _options.Segmenter.Segment(text))
        {
            foreach (var match in _options.Rules.Match(text.AsSpan(span.Start, span.Length)))
            {
                if (match.Confidence < _options.MinConfidence
                    || (_options.Types is { } types && !types.Contains(match.Type)))
                {
                    continue;
                }

                clauses.Add(new Clause(
                    Id: "",
                    Type: match.Type,
                    Text: span.Of(text),
                    Page: document.PageAt(span.Start),
                    Start: span.Start,
                    End: span.End,
                    Confidence: match.Confidence,
                    Extractor: Name,
                    Fields: ClauseFields.None));
            }
        }

        return clauses;
    }

    public Task<IReadOnlyList<Clause>> ExtractAsync(DocumentText document, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Extract(document));
    }
}
