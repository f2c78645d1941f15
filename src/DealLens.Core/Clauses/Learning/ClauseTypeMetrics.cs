namespace DealLens.Core.Clauses.Learning;

/// <summary>
/// Quality of one clause type. Doc-level: a contract is predicted positive when any span of the type is predicted.
/// Snippet recall: a gold snippet part is found when one predicted span covers at least half of its words.
/// Clause precision: a predicted span is right when at least half of its words lie in one gold snippet part.
/// </summary>
public sealed record ClauseTypeMetrics(
    string Type,
    int DocTruePositives,
    int DocFalsePositives,
    int DocFalseNegatives,
    int SnippetParts,
    int SnippetPartsFound,
    int SpansPredicted,
    int SpansCorrect)
{
    public double DocPrecision => Ratio(DocTruePositives, DocTruePositives + DocFalsePositives);

    public double DocRecall => Ratio(DocTruePositives, DocTruePositives + DocFalseNegatives);

    public double DocF1 => Ratio(2 * DocTruePositives, (2 * DocTruePositives) + DocFalsePositives + DocFalseNegatives);

    public double SnippetRecall => Ratio(SnippetPartsFound, SnippetParts);

    public double ClausePrecision => Ratio(SpansCorrect, SpansPredicted);

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}

internal static class ClauseEvaluation
{
    /// <summary>Scores predictions: probabilities [span][type], a span is predicted when it reaches its type's threshold.</summary>
    public static ClauseTypeMetrics[] Evaluate(
        IReadOnlyList<string> types,
        IEnumerable<(LabelledSpans Doc, float[][] Probabilities, float[] Thresholds)> predictions,
        ref int highConfidencePredicted,
        ref int highConfidenceCorrect)
    {
        var counts = new int[types.Count, 7];
        foreach (var (doc, probabilities, thresholds) in predictions)
        {
            for (var t = 0; t < types.Count; t++)
            {
                var bit = 1u << t;
                var any = false;
                var predictedRanges = new List<(int, int)>();
                for (var s = 0; s < probabilities.Length; s++)
                {
                    if (probabilities[s][t] < thresholds[t])
                    {
                        continue;
                    }

                    any = true;
                    predictedRanges.Add(doc.Text.SpanWords[s]);
                    var correct = (doc.PrecisionHit[s] & bit) != 0;
                    counts[t, 5]++;
                    counts[t, 6] += correct ? 1 : 0;
                    if (probabilities[s][t] >= 0.8f)
                    {
                        highConfidencePredicted++;
                        highConfidenceCorrect += correct ? 1 : 0;
                    }
                }

                var present = doc.Present[t];
                if (any && present)
                {
                    counts[t, 0]++;
                }
                else if (any)
                {
                    counts[t, 1]++;
                }
                else if (present)
                {
                    counts[t, 2]++;
                }

                counts[t, 3] += doc.GoldPartCount[t];
                foreach (var (gs, ge) in doc.GoldParts[t])
                {
                    foreach (var (ps, pe) in predictedRanges)
                    {
                        var overlap = Math.Min(pe, ge) - Math.Max(ps, gs);
                        if (overlap > 0 && overlap * 2 >= ge - gs)
                        {
                            counts[t, 4]++;
                            break;
                        }
                    }
                }
            }
        }

        return [.. Enumerable.Range(0, types.Count).Select(t => new ClauseTypeMetrics(
            types[t], counts[t, 0], counts[t, 1], counts[t, 2], counts[t, 3], counts[t, 4], counts[t, 5], counts[t, 6]))];
    }
}
