using DealLens.Core.Text;

namespace DealLens.Core.Clauses.Rules;

/// <summary>Settings for <see cref="RuleBasedClauseExtractor"/>.</summary>
public sealed record RuleBasedClauseExtractorOptions
{
    /// <summary>The rules to apply; <see cref="ClauseRuleSet.Default"/> unless set.</summary>
    public ClauseRuleSet Rules { get; init; } = ClauseRuleSet.Default;

    /// <summary>How the document is cut into clause-sized spans before the rules run.</summary>
    public TextSegmenter Segmenter { get; init; } = TextSegmenter.Default;

    /// <summary>Clauses scored below this are dropped.</summary>
    public double MinConfidence { get; init; } = 0.5;

    /// <summary>When set, only these clause types are reported.</summary>
    public IReadOnlySet<string>? Types { get; init; }
}
