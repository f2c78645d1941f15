using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Rules;
using DealLens.Core.Documents;
using DealLens.Core.Text;

namespace DealLens.Llm;

/// <summary>
/// Picks what is sent to the model: the segments the embedded rules flag at a low threshold (high recall), with
/// neighbouring segments as context, merged where they touch. Never the whole filing unless every segment is flagged.
/// </summary>
public sealed class CandidatePassages
{
    public static CandidatePassages Default { get; } = new(0.2, 1);

    private readonly RuleBasedClauseExtractor _rules;
    private readonly int _context;

    /// <param name="minConfidence">The rule threshold for a candidate; lower than the embedded extractor's 0.5, for recall.</param>
    /// <param name="context">Segments of context kept on each side of a flagged segment.</param>
    public CandidatePassages(double minConfidence, int context)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        _rules = new RuleBasedClauseExtractor(new RuleBasedClauseExtractorOptions { MinConfidence = minConfidence });
        _context = context;
    }

    public IReadOnlyList<TextSpan> Select(DocumentText document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var segments = TextSegmenter.Default.Segment(document.Text);
        var indexByStart = new Dictionary<int, int>();
        for (var i = 0; i < segments.Count; i++)
        {
            indexByStart.TryAdd(segments[i].Start, i);
        }

        var chosen = new SortedSet<int>();
        foreach (var clause in _rules.Extract(document))
        {
            if (!indexByStart.TryGetValue(clause.Start, out var index))
            {
                continue;
            }

            for (var k = Math.Max(0, index - _context); k <= Math.Min(segments.Count - 1, index + _context); k++)
            {
                chosen.Add(k);
            }
        }

        var passages = new List<TextSpan>();
        var runStart = -1;
        var previous = -2;
        foreach (var index in chosen)
        {
            if (index != previous + 1)
            {
                if (runStart >= 0)
                {
                    passages.Add(new TextSpan(segments[runStart].Start, segments[previous].End));
                }

                runStart = index;
            }

            previous = index;
        }

        if (runStart >= 0)
        {
            passages.Add(new TextSpan(segments[runStart].Start, segments[previous].End));
        }

        return passages;
    }

    /// <summary>Approximate tokens: characters / 4 (the usual rule of thumb for English with GPT tokenizers).</summary>
    public static long ApproximateTokens(int characters) => (characters + 3) / 4;
}
