namespace DealLens.Core.Clauses.Learning;

/// <summary>
/// One-vs-rest logistic regression over the shared hashed features, fitted with AdaGrad SGD and L2. Each type is
/// fitted on its own with its own seeded shuffle, so running types in parallel never changes the result.
/// </summary>
internal static class LogisticFit
{
    public static TypeWeights[] Fit(LabelledSpans[] corpus, IReadOnlyList<int> documents, ClauseTrainerOptions options)
    {
        var rows = new List<(int Doc, int Span)>();
        foreach (var d in documents)
        {
            for (var s = 0; s < corpus[d].Text.SpanCount; s++)
            {
                rows.Add((d, s));
            }
        }

        var types = options.Types;
        var result = new TypeWeights[types.Count];
        Parallel.For(0, types.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) }, t =>
        {
            result[t] = FitType(corpus, rows, t, types[t], options);
        });
        return result;
    }

    private static TypeWeights FitType(LabelledSpans[] corpus, List<(int Doc, int Span)> rows, int t, string type, ClauseTrainerOptions options)
    {
        var bit = 1u << t;
        var usable = new List<int>(rows.Count);
        var positives = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var (d, s) = rows[r];
            if ((corpus[d].Ignore[s] & bit) != 0)
            {
                continue;
            }

            usable.Add(r);
            if ((corpus[d].Positive[s] & bit) != 0)
            {
                positives++;
            }
        }

        var negatives = usable.Count - positives;
        var positiveWeight = positives == 0
            ? 1.0
            : Math.Clamp(Math.Pow((double)negatives / positives, options.PositiveWeightPower), 1.0, options.MaxPositiveWeight);

        var buckets = 1 << options.Features.HashBits;
        var weights = new float[buckets + options.Features.DenseCount];
        var squares = new float[weights.Length];
        var bias = 0.0;
        var biasSquares = 0.0;
        var order = usable.ToArray();
        var random = new SeededRandom(unchecked((ulong)options.Seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)(t + 1) * 0xD1B54A32D192ED03UL));
        var rate = options.LearningRate;
        var l2 = options.L2;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var r in order)
            {
                var (d, s) = rows[r];
                var doc = corpus[d];
                var indices = doc.Text.IndicesOf(s);
                var values = doc.Text.ValuesOf(s);
                if (options.RuleDropout > 0 && doc.Text.RuleEnd[s] > doc.Text.RuleStart[s] && Dropped(options, t, epoch, d, s))
                {
                    // Rule features sit in one block after the words; the row without them is the words and vectors alone.
                    var row = doc.Text.RowStart[s];
                    var (from, to) = (doc.Text.RuleStart[s] - row, doc.Text.RuleEnd[s] - row);
                    int[] keptIndices = [.. indices[..from], .. indices[to..]];
                    float[] keptValues = [.. values[..from], .. values[to..]];
                    indices = keptIndices;
                    values = keptValues;
                }

                var margin = bias;
                for (var i = 0; i < indices.Length; i++)
                {
                    margin += weights[indices[i]] * values[i];
                }

                var label = (doc.Positive[s] & bit) != 0;
                var p = 1 / (1 + Math.Exp(-margin));
                var g = (float)((p - (label ? 1 : 0)) * (label ? positiveWeight : 1));
                for (var i = 0; i < indices.Length; i++)
                {
                    var k = indices[i];
                    var grad = (g * values[i]) + (l2 * weights[k]);
                    squares[k] += grad * grad;
                    weights[k] -= rate * grad / (MathF.Sqrt(squares[k]) + 1e-6f);
                }

                biasSquares += g * g;
                bias -= rate * g / (Math.Sqrt(biasSquares) + 1e-6);
            }
        }

        return TypeWeights.Quantise(type, weights, (float)bias, buckets);
    }

    /// <summary>Whether span <paramref name="s"/> of contract <paramref name="d"/> trains type <paramref name="t"/> without its rule features in this epoch.</summary>
    internal static bool Dropped(ClauseTrainerOptions options, int t, int epoch, int d, int s)
    {
        var mix = new SeededRandom(unchecked(((ulong)options.Seed * 0xA24BAED4963EE407UL)
            ^ ((ulong)(t + 1) << 48) ^ ((ulong)epoch << 40) ^ ((ulong)d << 20) ^ (ulong)s));
        return (mix.NextUInt64() >> 11) * (1.0 / (1UL << 53)) < options.RuleDropout;
    }

    /// <summary>Raw margins [span][type] of one document.</summary>
    public static float[][] Margins(TypeWeights[] model, LabelledSpans doc)
    {
        var result = new float[doc.Text.SpanCount][];
        for (var s = 0; s < result.Length; s++)
        {
            var indices = doc.Text.IndicesOf(s);
            var values = doc.Text.ValuesOf(s);
            var row = new float[model.Length];
            for (var t = 0; t < model.Length; t++)
            {
                row[t] = (float)model[t].Margin(indices, values);
            }

            result[s] = row;
        }

        return result;
    }
}
