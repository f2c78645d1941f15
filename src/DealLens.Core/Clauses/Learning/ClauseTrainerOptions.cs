using DealLens.Core.Clauses.Rules;
using DealLens.Core.Evaluation;

namespace DealLens.Core.Clauses.Learning;

/// <summary>Settings for <see cref="ClauseModelTrainer"/> and <see cref="CrossValidator"/>.</summary>
public sealed record ClauseTrainerOptions
{
    /// <summary>The types to learn. Defaults to the 17 types that CUAD v1 labels map to.</summary>
    public IReadOnlyList<string> Types { get; init; } = CuadCategories.PrimaryClauseTypes;

    /// <summary>The rules whose matches are stacking features (<see cref="ClauseFeatureOptions.RuleFeatures"/>).</summary>
    public ClauseRuleSet Rules { get; init; } = ClauseRuleSet.Default;

    public ClauseFeatureOptions Features { get; init; } = new();

    /// <summary>Seeds shuffling and fold assignment; the same data and seed give byte-identical models.</summary>
    public long Seed { get; init; } = 20240601;

    public int Epochs { get; init; } = 4;

    /// <summary>AdaGrad base learning rate.</summary>
    public float LearningRate { get; init; } = 0.3f;

    public float L2 { get; init; } = 1e-5f;

    /// <summary>Positives are weighted (negatives/positives)^power, capped by <see cref="MaxPositiveWeight"/>.</summary>
    public double PositiveWeightPower { get; init; } = 0.5;

    public double MaxPositiveWeight { get; init; } = 30;

    /// <summary>Folds for the out-of-fold predictions that calibrate the model and pick its thresholds.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>
    /// Keep contracts whose texts largely repeat each other (the same agreement filed twice, an amendment
    /// restating it) in the same fold, so cross-validation never tests on a near-copy of its training data.
    /// </summary>
    public bool GroupNearDuplicates { get; init; } = true;

    /// <summary>
    /// How thresholds are chosen: maximise doc-level F1 + this weight times clause precision of the spans
    /// above the threshold (0 = doc-level F1 only).
    /// </summary>
    public double PrecisionWeight { get; init; } = 0.25;

    /// <summary>Spans with fewer words are never reported by the model alone (see <see cref="EmbeddedClauseExtractorOptions.MinWords"/>).</summary>
    public int MinWords { get; init; } = 4;

    /// <summary>
    /// Each distinct labelled snippet of a training contract is also a training text of its own (no neighbours,
    /// heading or place in a contract), labelled with every type whose snippet it holds, so the model learns to
    /// recognise a clause read alone. These texts only train weights: folds, calibration and thresholds use the
    /// contracts alone, and cross-validation scores contracts only.
    /// </summary>
    public bool LoneSnippets { get; init; }

    /// <summary>
    /// Rule-feature dropout, training only: each time a span is a training row, its rule features (the rules that
    /// match it and its neighbours) are left out with this probability, so the words and token vectors must carry
    /// the signal on their own where a rule misses. Drawn from a hash of (seed, type, epoch, contract, span):
    /// deterministic, and independent of the shuffle, so 0 trains exactly as before. Scoring never drops anything.
    /// </summary>
    public double RuleDropout { get; init; }

    /// <summary>
    /// A veto type's model may also report a span no rule of the type matched: at the lowest calibration grid
    /// threshold where, on out-of-fold predictions over the training contracts, at least
    /// <see cref="VetoAlone.MinSpans"/> such spans stand and at least this share of them are precise hits
    /// (never, if none). 0 = off: veto types report only ruled spans (docs/representation.md, "(f)").
    /// </summary>
    public double VetoAlonePrecision { get; init; }

    /// <summary>
    /// Cross-validation only (a learning curve): each fold trains on this fraction of its training contracts, the
    /// same contracts at every fold and a fraction's contracts within any larger fraction's (ranked by a seeded hash
    /// of the contract id). 1 = all.
    /// </summary>
    public double TrainFraction { get; init; } = 1;

    /// <summary>Written into the model's provenance; pass the date in, the trainer never reads the clock.</summary>
    public ClauseModelInfo Info { get; init; } = new();

    /// <summary>Degree of parallelism over types; results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
