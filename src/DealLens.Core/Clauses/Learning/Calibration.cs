namespace DealLens.Core.Clauses.Learning;

/// <summary>Platt scaling and threshold choice, both fitted on out-of-fold predictions only.</summary>
internal static class Calibration
{
    private const float MinimumThreshold = 0.01f;

    /// <summary>Fits p = sigmoid(a*margin + b) by Newton's method with Platt's smoothed targets.</summary>
    public static (float A, float B) FitPlatt(IReadOnlyList<(float Margin, bool Label)> points)
    {
        var positives = points.Count(p => p.Label);
        var negatives = points.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return (1f, 0f);
        }

        var high = (positives + 1.0) / (positives + 2.0);
        var low = 1.0 / (negatives + 2.0);
        double a = 1, b = 0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double gA = 0, gB = 0, hAA = 1e-9, hAB = 0, hBB = 1e-9;
            foreach (var (margin, label) in points)
            {
                var target = label ? high : low;
                var p = 1 / (1 + Math.Exp(-((a * margin) + b)));
                var diff = p - target;
                var w = Math.Max(p * (1 - p), 1e-12);
                gA += diff * margin;
                gB += diff;
                hAA += w * margin * margin;
                hAB += w * margin;
                hBB += w;
            }

            var det = (hAA * hBB) - (hAB * hAB);
            if (Math.Abs(det) < 1e-18)
            {
                break;
            }

            var stepA = ((hBB * gA) - (hAB * gB)) / det;
            var stepB = ((hAA * gB) - (hAB * gA)) / det;
            a -= stepA;
            b -= stepB;
            if (Math.Abs(stepA) < 1e-7 && Math.Abs(stepB) < 1e-7)
            {
                break;
            }
        }

        return ((float)a, (float)b);
    }

    /// <summary>
    /// Picks the probability threshold that maximises doc-level F1 + precisionWeight * clause precision, given
    /// each document's best span probability and every span's probability with whether it is a precise hit.
    /// </summary>
    public static float ChooseThreshold(
        IReadOnlyList<(float Max, bool Present)> documents,
        IReadOnlyList<(float Probability, bool Hit)> spans,
        double precisionWeight)
    {
        // A floor keeps a rare type with a handful of positives from firing on every span of every contract.
        var candidates = documents.Where(d => d.Present && d.Max >= MinimumThreshold).Select(d => d.Max).Distinct().OrderDescending().ToArray();
        if (candidates.Length == 0)
        {
            candidates = documents.Where(d => d.Present).Select(d => d.Max).Distinct().OrderDescending().ToArray();
        }

        if (candidates.Length == 0)
        {
            return 1f;
        }

        var totalPresent = documents.Count(d => d.Present);
        var sortedSpans = spans.OrderByDescending(s => s.Probability).ToArray();
        var best = double.NegativeInfinity;
        var bestThreshold = 1f;
        foreach (var threshold in candidates)
        {
            int tp = 0, fp = 0;
            foreach (var (max, present) in documents)
            {
                if (max >= threshold)
                {
                    if (present)
                    {
                        tp++;
                    }
                    else
                    {
                        fp++;
                    }
                }
            }

            var f1 = 2.0 * tp / ((2.0 * tp) + fp + (totalPresent - tp));
            int predicted = 0, hits = 0;
            foreach (var (probability, hit) in sortedSpans)
            {
                if (probability < threshold)
                {
                    break;
                }

                predicted++;
                hits += hit ? 1 : 0;
            }

            var precision = predicted == 0 ? 0 : (double)hits / predicted;
            var score = f1 + (precisionWeight * precision);
            if (score > best + 1e-12)
            {
                best = score;
                bestThreshold = threshold;
            }
        }

        // Halfway down to the next lower document score generalises better than the exact training value.
        var lower = documents.Select(d => d.Max).Where(m => m < bestThreshold).DefaultIfEmpty(0f).Max();
        return Math.Max(MinimumThreshold, (bestThreshold + lower) / 2);
    }

    /// <summary>The thresholds a decision is chosen among (1.01 = never).</summary>
    internal static readonly float[] Grid =
    [
        0.01f, 0.02f, 0.03f, 0.05f, 0.07f, 0.1f, 0.13f, 0.16f, 0.2f, 0.25f, 0.3f, 0.35f, 0.4f, 0.45f, 0.5f,
        0.55f, 0.6f, 0.65f, 0.7f, 0.75f, 0.8f, 0.85f, 0.9f, 0.95f, 1.01f,
    ];

    /// <summary>
    /// The alone threshold of a veto type: among the spans of <paramref name="documents"/> that no rule of the type
    /// matched and that have at least MinWords words, the lowest grid threshold at which at least
    /// <see cref="VetoAlone.MinSpans"/> spans stand and at least <see cref="ClauseTrainerOptions.VetoAlonePrecision"/> of
    /// them are precise hits; infinity (never) when none qualifies. Out-of-fold scores only, so the bar is set by
    /// spans the scoring models never trained on.
    /// </summary>
    public static float ChooseAloneThreshold(
        LabelledSpans[] corpus, int[] documents, Dictionary<int, float[][]> margins, int t, float a, float b, ClauseTrainerOptions options)
    {
        var bit = 1u << t;
        var unruled = new List<(float Probability, bool Hit)>();
        foreach (var d in documents)
        {
            var doc = corpus[d];
            var m = margins[d];
            for (var s = 0; s < m.Length; s++)
            {
                var words = doc.Text.SpanWords[s].End - doc.Text.SpanWords[s].Start;
                if ((doc.RuleHit[s] & bit) == 0 && words >= options.MinWords)
                {
                    unruled.Add((OutOfFold.Sigmoid(a, b, m[s][t]), (doc.PrecisionHit[s] & bit) != 0));
                }
            }
        }

        return VetoAlone.Threshold(unruled, options.VetoAlonePrecision);
    }

    /// <summary>
    /// Picks how a type's spans are chosen (model alone, rules or model, rules unless the model vetoes) and the
    /// threshold, maximising doc-level F1 + precisionWeight * clause precision on out-of-fold predictions.
    /// Rules alone is Veto at threshold 0, so the choice can only fall back to the rules, never below them on
    /// the training folds.
    /// </summary>
    public static (DecisionMode Mode, float Threshold) ChooseDecision(
        LabelledSpans[] corpus, int[] documents, Dictionary<int, float[][]> margins, int t, float a, float b, ClauseTrainerOptions options)
    {
        var bit = 1u << t;
        var best = double.NegativeInfinity;
        var choice = (DecisionMode.Veto, 0f);
        foreach (var mode in (DecisionMode[])[DecisionMode.Veto, DecisionMode.Union, DecisionMode.Model])
        {
            foreach (var threshold in mode == DecisionMode.Veto ? [0f, .. Grid] : Grid)
            {
                var weights = new TypeWeights("", [], 0, a, b, 0) { Mode = mode, ModeThreshold = threshold };
                int tp = 0, fp = 0, fn = 0, predicted = 0, hits = 0;
                foreach (var d in documents)
                {
                    var doc = corpus[d];
                    var m = margins[d];
                    var any = false;
                    for (var s = 0; s < m.Length; s++)
                    {
                        var p = OutOfFold.Sigmoid(a, b, m[s][t]);
                        var words = doc.Text.SpanWords[s].End - doc.Text.SpanWords[s].Start;
                        if (weights.Selects(p, (doc.RuleHit[s] & bit) != 0, words >= options.MinWords))
                        {
                            any = true;
                            predicted++;
                            hits += (doc.PrecisionHit[s] & bit) != 0 ? 1 : 0;
                        }
                    }

                    if (any && doc.Present[t])
                    {
                        tp++;
                    }
                    else if (any)
                    {
                        fp++;
                    }
                    else if (doc.Present[t])
                    {
                        fn++;
                    }
                }

                var f1 = tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn);
                var precision = predicted == 0 ? 0 : (double)hits / predicted;
                var score = f1 + (options.PrecisionWeight * precision);
                if (score > best + 1e-9)
                {
                    best = score;
                    choice = (mode, threshold);
                }
            }
        }

        return choice;
    }
}
