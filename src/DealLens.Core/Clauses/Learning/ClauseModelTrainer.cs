using DealLens.Core.Text;

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

        if (_options.TrainFraction != 1)
        {
            throw new DealLensException("A training fraction below 1 is for cross-validation (a learning curve); a model trains on all the contracts it is given.");
        }

        var corpus = LabelledCorpus.Build(contracts, _options);
        var all = Enumerable.Range(0, corpus.Length).ToArray();
        var folds = LabelledCorpus.AssignFolds(corpus, Math.Min(_options.Folds, contracts.Count), _options.Seed, _options.GroupNearDuplicates);
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
            types[t] = weights[t]
                .With(calibration[t].A, calibration[t].B, calibration[t].Threshold, calibration[t].Mode, calibration[t].ModeThreshold, calibration[t].AloneThreshold)
                .With(calibration[t].Clauses);
        }

        return new ClauseModel(options.Info with { Seed = options.Seed, TrainingIds = trainingIds, RulesFingerprint = options.Features.RuleFeatures ? options.Rules.Fingerprint : "", TokenVectorsFingerprint = options.Features.TokenVectorDims > 0 ? TokenVectors.Default.Fingerprint : "" }, options.Features, types);
    }
}

/// <summary>
/// Platt parameters, the model-alone threshold, the decision mode with its threshold, the clause confidence
/// map of one type, and (a veto type only) the threshold at which its model reports a span no rule matched.
/// </summary>
internal readonly record struct TypeCalibration(
    float A, float B, float Threshold, DecisionMode Mode, float ModeThreshold, ClauseConfidence Clauses, float AloneThreshold = float.PositiveInfinity);

internal static class OutOfFold
{
    // How strongly a type's clause confidence map is pulled towards the map fitted over all types (and that one
    // towards the identity); a type with a dozen clauses mostly keeps the pooled map.
    private const double PooledPriorWeight = 1, TypePriorWeight = 10;

    /// <summary>Margins [doc][span][type] for each of <paramref name="documents"/>, each from a model that did not train on its fold.</summary>
    public static Dictionary<int, float[][]> Margins(LabelledSpans[] corpus, IReadOnlyList<int> documents, int[] folds, ClauseTrainerOptions options)
    {
        var result = new Dictionary<int, float[][]>();
        foreach (var fold in documents.Select(d => folds[d]).Distinct().Order())
        {
            var train = documents.Where(d => folds[d] != fold).ToArray();
            var test = documents.Where(d => folds[d] == fold && !corpus[d].TrainOnly).ToArray();
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

    /// <summary>
    /// Per type: Platt parameters, the threshold and decision chosen on out-of-fold predictions, and the clause
    /// confidence map fitted on the clauses those predictions make.
    /// </summary>
    public static TypeCalibration[] Calibrate(LabelledSpans[] corpus, IReadOnlyList<int> documents, Dictionary<int, float[][]> margins, ClauseTrainerOptions options)
    {
        var result = new TypeCalibration[options.Types.Count];
        var clauses = new List<(double Logit, bool Ruled, bool Right)>[options.Types.Count];
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
            var alone = mode == DecisionMode.Veto && options.VetoAlonePrecision > 0
                ? Calibration.ChooseAloneThreshold(corpus, documents.Where(margins.ContainsKey).ToArray(), margins, t, a, b, options)
                : float.PositiveInfinity;
            result[t] = new TypeCalibration(a, b, threshold, mode, modeThreshold, ClauseConfidence.Identity, alone);
            clauses[t] = ClauseOutcomes(corpus, documents.Where(margins.ContainsKey), margins, t, result[t], options);
        }

        // Rare types borrow strength from the pooled fit: each type is pulled towards it.
        var pooled = ClauseConfidence.Fit([.. clauses.SelectMany(c => c)], ClauseConfidence.Identity, PooledPriorWeight);
        for (var t = 0; t < result.Length; t++)
        {
            result[t] = result[t] with { Clauses = ClauseConfidence.Fit(clauses[t], pooled, TypePriorWeight) };
        }

        return result;
    }

    /// <summary>
    /// The clauses the extractor would report for type <paramref name="t"/> from out-of-fold scores, each with the
    /// logit of its best span probability, whether a rule matched it, and whether it is right (at least half of
    /// its words in one gold part, as clause precision counts it).
    /// </summary>
    private static List<(double Logit, bool Ruled, bool Right)> ClauseOutcomes(
        LabelledSpans[] corpus, IEnumerable<int> documents, Dictionary<int, float[][]> margins, int t, TypeCalibration calibration, ClauseTrainerOptions options)
    {
        var bit = 1u << t;
        var weights = new TypeWeights("", [], 0, calibration.A, calibration.B, calibration.Threshold)
        {
            Mode = calibration.Mode,
            ModeThreshold = calibration.ModeThreshold,
            AloneThreshold = calibration.AloneThreshold,
        };
        var extraction = new EmbeddedClauseExtractorOptions { MinWords = options.MinWords };
        var outcomes = new List<(double, bool, bool)>();
        foreach (var d in documents)
        {
            var doc = corpus[d];
            var m = margins[d];
            var probability = new float[m.Length];
            var ruleHit = new bool[m.Length];
            var wordCounts = new int[m.Length];
            for (var s = 0; s < m.Length; s++)
            {
                probability[s] = Sigmoid(calibration.A, calibration.B, m[s][t]);
                ruleHit[s] = (doc.RuleHit[s] & bit) != 0;
                wordCounts[s] = doc.Text.SpanWords[s].End - doc.Text.SpanWords[s].Start;
            }

            foreach (var clause in ClauseAssembler.Assemble(doc.Text.Source, doc.Text.Spans, probability, ruleHit, wordCounts, weights, extraction))
            {
                var start = doc.Text.SpanWords[clause.First].Start;
                var end = doc.Text.SpanWords[clause.Last].End;
                var right = end > start && doc.GoldParts[t].Any(g => 2 * SharedWords(doc.Text.Words, start, end, g.Start, g.End) >= end - start);
                outcomes.Add((ClauseConfidence.Logit(clause.Probability), clause.Ruled, right));
            }
        }

        return outcomes;
    }

    // Words two ranges share as multisets, wherever they stand: how ClauseEvaluator counts a clause's overlap with a gold part.
    private static int SharedWords(IReadOnlyList<TextWord> words, int start, int end, int partStart, int partEnd)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var w = partStart; w < partEnd; w++)
        {
            counts[words[w].Text] = counts.GetValueOrDefault(words[w].Text) + 1;
        }

        var shared = 0;
        for (var w = start; w < end; w++)
        {
            if (counts.TryGetValue(words[w].Text, out var left) && left > 0)
            {
                counts[words[w].Text] = left - 1;
                shared++;
            }
        }

        return shared;
    }

    public static float Sigmoid(float a, float b, float margin) => (float)(1 / (1 + Math.Exp(-((a * margin) + b))));
}
