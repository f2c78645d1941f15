using DealLens.Core.Clauses.Learning;
using DealLens.Core.Text;

namespace DealLens.Core.Clauses;

/// <summary>A run of spans [First, Last] reported as one clause: its best span probability and whether a rule matched it.</summary>
internal readonly record struct AssembledClause(int First, int Last, float Probability, bool Ruled);

/// <summary>
/// Turns one type's span scores into clauses: a span is reported when its type's decision selects it (or, in a lone
/// clause, when <see cref="LoneClauseReading"/> chose it: <c>alone</c>), and grows
/// over neighbours the model also leans towards (and over the rest of its sentence), staying clause-sized.
/// Shared by <see cref="EmbeddedClauseExtractor"/> and by training, which fits clause confidences on the
/// clauses this produces from out-of-fold scores.
/// </summary>
internal static class ClauseAssembler
{
    public static List<AssembledClause> Assemble(
        string text,
        TextSpan[] spans,
        float[] probability,
        bool[] ruleHit,
        int[] wordCounts,
        TypeWeights weights,
        EmbeddedClauseExtractorOptions options,
        bool[]? alone = null)
    {
        var clauses = new List<AssembledClause>();
        var mergeThreshold = weights.Threshold * options.MergeFactor;
        var lastEnd = -1; // last span index already covered by a clause
        for (var s = 0; s < spans.Length; s++)
        {
            if (s <= lastEnd || !(weights.Selects(probability[s], ruleHit[s], wordCounts[s] >= options.MinWords) || (alone is not null && alone[s])))
            {
                continue;
            }

            int first = s, last = s;
            while (first - 1 > lastEnd
                && (Mergeable(first - 1) || SameSentence(text, spans[first - 1], spans[first], options))
                && spans[last].End - spans[first - 1].Start <= options.MaxClauseLength)
            {
                first--;
            }

            while (last + 1 < spans.Length
                && (Mergeable(last + 1) || SameSentence(text, spans[last], spans[last + 1], options))
                && spans[last + 1].End - spans[first].Start <= options.MaxClauseLength)
            {
                last++;
            }

            var best = 0f;
            var ruled = false;
            for (var k = first; k <= last; k++)
            {
                best = Math.Max(best, probability[k]);
                ruled |= ruleHit[k];
            }

            clauses.Add(new AssembledClause(first, last, best, ruled));
            lastEnd = last;
        }

        return clauses;

        bool Mergeable(int span) => probability[span] >= mergeThreshold || (options.MergeRuleMatches && ruleHit[span]);
    }

    // Two spans of one sentence: the earlier one ends at a semicolon (list items of one sentence, "; provided that").
    private static bool SameSentence(string text, TextSpan earlier, TextSpan later, EmbeddedClauseExtractorOptions options)
    {
        if (!options.CompleteSentences)
        {
            return false;
        }

        var i = earlier.End - 1;
        while (i > earlier.Start && text[i] is '"' or '\'' or ')' or '\u201D' or '\u2019')
        {
            i--;
        }

        return text[i] == ';' && later.Start >= earlier.End;
    }
}
