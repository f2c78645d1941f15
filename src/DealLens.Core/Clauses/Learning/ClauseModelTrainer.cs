namespace DealLens.Core.Clauses.Learning;

/// <summary>
/// Trains a <see cref="ClauseModel"/>: featurises every contract once, fits k models on out-of-fold splits to
/// calibrate each type (Platt) and choose its threshold from predictions the model never trained on, then fits
/// the shipped weights on all contracts. Pure and deterministic: same contracts and options give the same bytes.
/// </summary>
public sealed class ClauseModelTrainer
{
    private readonly ClauseTrainerOptions _options;

    public ClauseModelTrainer(ClauseTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public ClauseModel Train(IReadOnlyList<TrainingContract> contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        if (contracts.Count < 2)
        {
            throw new DealLensException("Training needs at least two contracts.");
        }

        var corpus = LabelledCorpus.Build(contracts, _options);
        var all = Enumerable.Range(0, corpus.Length).ToArray();
        var folds = FoldAssigner.Assign(corpus, Math.Min(_options.Folds, corpus.Length), _options.Seed, _options.GroupNearDuplicates);
        var margins = OutOfFold.Margins(corpus, all, folds, _options);
        var calibration = OutOfFold.Calibrate(corpus, all, margins, _options);
        var weights = LogisticFit.Fit(corpus, all, _options);
        return Build(weights, calibration, _options, [.. contracts.Select(c => c.Id)]);
    }

    internal static ClauseModel Build(TypeWeights[] weights, TypeCalibration[] calibration, ClauseTrainerOptions options, IReadOnlyList<string> trainingIds)
    {
        var types = new TypeWeights[weights.Length];
        for (var t = 0; t < weights.Length; t++)
        {
            types[t] = weights[t].With(calibration[t].A, calibration[t].B, calibration[t].Threshold, calibration[t].Mode, calibration[t].ModeThreshold);
        }

        return new ClauseModel(options.Info with { Seed = options.Seed, TrainingIds = trainingIds }, options.Features, types);
    }
}

/// <summary>Platt parameters, the model-alone threshold, and the decision mode with its threshold of one type.</summary>
internal readonly record struct TypeCalibration(float A, float B, float Threshold, DecisionMode Mode, float ModeThreshold);

internal static class OutOfFold
{
    /// <summary>Margins [doc][span][type] for each of <paramref name="documents"/>, each from a model that did not train on its fold.</summary>
    public static Dictionary<int, float[][]> Margins(LabelledSpans[] corpus, IReadOnlyList<int> documents, int[] folds, ClauseTrainerOptions options)
    {
        var result = new Dictionary<int, float[][]>();
        foreach (var fold in documents.Select(d => folds[d]).Distinct().Order())
        {
            var train = documents.Where(d => folds[d] != fold).ToArray();
            var test = documents.Where(d => folds[d] == fold).ToArray();
            if (train.Length == 0)
            {
                continue;
            }

            var model = LogisticFit.Fit(corpus, train, options);
            foreach (var d in test)
            {
                result[d] = LogisticFit.Margins(model, corpus[d]);
            }
        }

        return result;
    }

    /// <summary>Per type: Platt parameters and the threshold chosen on out-of-fold predictions.</summary>
    public static TypeCalibration[] Calibrate(LabelledSpans[] corpus, IReadOnlyList<int> documents, Dictionary<int, float[][]> margins, ClauseTrainerOptions options)
    {
        var result = new TypeCalibration[options.Types.Count];
        for (var t = 0; t < options.Types.Count; t++)
        {
            var bit = 1u << t;
            var points = new List<(float, bool)>();
            foreach (var d in documents.Where(margins.ContainsKey))
            {
                var doc = corpus[d];
                var m = margins[d];
                for (var s = 0; s < m.Length; s++)
                {
                    if ((doc.Ignore[s] & bit) == 0)
                    {
                        points.Add((m[s][t], (doc.Positive[s] & bit) != 0));
                    }
                }
            }

            var (a, b) = Calibration.FitPlatt(points);
            var docs = new List<(float, bool)>();
            var spans = new List<(float, bool)>();
            foreach (var d in documents.Where(margins.ContainsKey))
            {
                var doc = corpus[d];
                var m = margins[d];
                var max = 0f;
                for (var s = 0; s < m.Length; s++)
                {
                    var p = Sigmoid(a, b, m[s][t]);
                    max = Math.Max(max, p);
                    spans.Add((p, (doc.PrecisionHit[s] & bit) != 0));
                }

                docs.Add((max, doc.Present[t]));
            }

            var threshold = Calibration.ChooseThreshold(docs, spans, options.PrecisionWeight);
            var (mode, modeThreshold) = Calibration.ChooseDecision(corpus, documents.Where(margins.ContainsKey).ToArray(), margins, t, a, b, options);
            result[t] = new TypeCalibration(a, b, threshold, mode, modeThreshold);
        }

        return result;
    }

    public static float Sigmoid(float a, float b, float margin) => (float)(1 / (1 + Math.Exp(-((a * margin) + b))));
}
