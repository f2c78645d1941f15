using DealLens.Core.Clauses.Rules;
using DealLens.Core.Text;

namespace DealLens.Core.Clauses.Learning;

/// <summary>Which rules match each span: the stacking features of a model trained with rule features.</summary>
internal static class RuleEvidence
{
    public static IReadOnlyList<ClauseRuleMatch>[] Of(ClauseRuleSet rules, string text, TextSpan[] spans)
    {
        var result = new IReadOnlyList<ClauseRuleMatch>[spans.Length];
        for (var s = 0; s < spans.Length; s++)
        {
            result[s] = rules.MatchAll(text.AsSpan(spans[s].Start, spans[s].Length));
        }

        return result;
    }
}
