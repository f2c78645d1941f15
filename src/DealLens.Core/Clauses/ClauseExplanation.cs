using DealLens.Core.Clauses.Rules;

namespace DealLens.Core.Clauses;

/// <summary>The model's calibrated probability that a span is <see cref="Type"/>, and the threshold it reports at.</summary>
public sealed record ClauseModelScore(string Type, double Probability, double Threshold);

/// <summary>
/// What <see cref="EmbeddedClauseExtractor.Explain"/> found at one offset: the span, the rules matching it, the
/// model's scores for it and the clauses reported over the offset (a clause may join several spans).
/// </summary>
public sealed record ClauseExplanation(
    int SpanStart,
    int SpanEnd,
    string SpanText,
    IReadOnlyList<ClauseRuleMatch> Rules,
    IReadOnlyList<ClauseModelScore> ModelScores,
    IReadOnlyList<Clause> Clauses,
    string RulesFingerprint);
