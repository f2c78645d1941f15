namespace DealLens.Core.Clauses.Learning;

/// <summary>The out-of-fold predictions for one contract: every span with calibrated probabilities per type.</summary>
public sealed record ContractPrediction(string Id, int Fold, IReadOnlyList<ScoredSpan> Spans, IReadOnlyList<float> Thresholds);

/// <summary>Cross-validated quality: pooled metrics per type, metrics per fold, and every out-of-fold prediction.</summary>
public sealed record CrossValidationResult(
    IReadOnlyList<string> Types,
    IReadOnlyList<ContractPrediction> Predictions,
    IReadOnlyList<ClauseTypeMetrics> Metrics,
    IReadOnlyList<IReadOnlyList<ClauseTypeMetrics>> FoldMetrics,
    int HighConfidencePredicted,
    int HighConfidenceCorrect)
{
    /// <summary>Mean doc-level F1 over <paramref name="types"/>.</summary>
    public double MacroDocF1(IEnumerable<string> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var set = types.ToHashSet(StringComparer.Ordinal);
        return Metrics.Where(m => set.Contains(m.Type)).Average(m => m.DocF1);
    }

    /// <summary>Clause precision of predicted spans with confidence of at least 0.8.</summary>
    public double HighConfidencePrecision => HighConfidencePredicted == 0 ? 0 : (double)HighConfidenceCorrect / HighConfidencePredicted;
}

/// <summary>
/// k-fold cross-validation by contract. For each outer fold the calibration and thresholds come from inner
/// out-of-fold predictions on the other folds only (nested), so the test fold never influences its own thresholds.
/// </summary>
public sealed class CrossValidator
{
    private readonly ClauseTrainerOptions _options;

    public CrossValidator(ClauseTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public CrossValidationResult Run(IReadOnlyList<TrainingContract> contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        var k = Math.Min(_options.Folds, contracts.Count);
        if (k < 3)
        {
            throw new DealLensException("Cross-validation needs at least three contracts and three folds.");
        }

        var corpus = LabelledCorpus.Build(contracts, _options);
        var folds = LabelledCorpus.AssignFolds(corpus, k, _options.Seed, _options.GroupNearDuplicates);
        var predictions = new ContractPrediction[corpus.Length];
        var scored = new (LabelledSpans, float[][], float[])[corpus.Length];
        var foldMetrics = new List<IReadOnlyList<ClauseTypeMetrics>>();
        for (var fold = 0; fold < k; fold++)
        {
            var train = Enumerable.Range(0, corpus.Length).Where(d => folds[d] != fold).ToArray();
            var test = Enumerable.Range(0, corpus.Length).Where(d => folds[d] == fold && !corpus[d].TrainOnly).ToArray();
            var inner = OutOfFold.Margins(corpus, train, folds, _options);
            var calibration = OutOfFold.Calibrate(corpus, train, inner, _options);
            var model = ClauseModelTrainer.Build(LogisticFit.Fit(corpus, train, _options), calibration, _options, [.. train.Select(d => corpus[d].Id)]);
            var thresholds = calibration.Select(c => c.Threshold).ToArray();
            foreach (var d in test)
            {
                var margins = LogisticFit.Margins([.. model.TypeWeights], corpus[d]);
                var probabilities = margins.Select(row => row.Select((m, t) => OutOfFold.Sigmoid(calibration[t].A, calibration[t].B, m)).ToArray()).ToArray();
                scored[d] = (corpus[d], probabilities, thresholds);
                predictions[d] = new ContractPrediction(
                    corpus[d].Id,
                    fold,
                    [.. probabilities.Select((p, s) => new ScoredSpan(corpus[d].Text.Spans[s], p))],
                    thresholds);
            }

            int ignoredPredicted = 0, ignoredCorrect = 0;
            foldMetrics.Add(ClauseEvaluation.Evaluate(_options.Types, test.Select(d => scored[d]), ref ignoredPredicted, ref ignoredCorrect));
        }

        int highPredicted = 0, highCorrect = 0;
        var metrics = ClauseEvaluation.Evaluate(_options.Types, scored, ref highPredicted, ref highCorrect);
        return new CrossValidationResult(_options.Types, predictions, metrics, foldMetrics, highPredicted, highCorrect);
    }
}
