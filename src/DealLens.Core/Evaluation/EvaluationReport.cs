namespace DealLens.Core.Evaluation;

/// <summary>
/// The result of <see cref="ClauseEvaluator.Evaluate"/>: per-category scores for the 17 mapped CUAD categories
/// (<see cref="CuadCategories.Mapped"/> order) and the summary numbers. "Core" numbers cover
/// <see cref="CuadCategories.Core"/> only. Ratios with a zero denominator are 0.
/// </summary>
/// <param name="Documents">Documents evaluated.</param>
/// <param name="Categories">One entry per mapped category.</param>
/// <param name="MacroF1Core">Mean of the 12 core categories' document-level F1.</param>
/// <param name="MinimumCommitmentF1">Document-level F1 of Minimum Commitment.</param>
/// <param name="MacroSnippetRecallCore">Mean of the 12 core categories' snippet recall (a category without gold parts counts 0).</param>
/// <param name="PooledSnippetRecallCore">Found parts / all parts, summed over the 12 core categories.</param>
/// <param name="CorePredictedClauses">Predicted clauses of a type mapped to a core category.</param>
/// <param name="CoreCorrectClauses">Of those, the correct ones.</param>
/// <param name="MacroClausePrecisionCore">Mean of the 12 core categories' clause precision (a category without predictions counts 0).</param>
/// <param name="PooledClausePrecisionCore">Correct clauses / predicted clauses, summed over the 12 core categories.</param>
/// <param name="PredictedClauses">All predicted clauses, of any type.</param>
/// <param name="UnmappedClauses">Predicted clauses of a type with no CUAD category (not scored per category).</param>
/// <param name="GroundedClauses">Predicted clauses, of any type, whose text equals the document text at their offsets.</param>
/// <param name="Grounding">GroundedClauses / PredictedClauses.</param>
/// <param name="Calibration">Clause precision by confidence, core 12 pooled.</param>
public sealed record EvaluationReport(
    int Documents,
    IReadOnlyList<CategoryMetrics> Categories,
    double MacroF1Core,
    double MinimumCommitmentF1,
    double MacroSnippetRecallCore,
    double PooledSnippetRecallCore,
    int CorePredictedClauses,
    int CoreCorrectClauses,
    double MacroClausePrecisionCore,
    double PooledClausePrecisionCore,
    int PredictedClauses,
    int UnmappedClauses,
    int GroundedClauses,
    double Grounding,
    ConfidenceCalibration Calibration)
{
    /// <summary>The metrics of one category; throws when it is not one of the mapped categories.</summary>
    public CategoryMetrics For(string category)
        => Categories.FirstOrDefault(c => c.Category == category)
            ?? throw new ArgumentException($"Not an evaluated category: {category}", nameof(category));
}

/// <summary>
/// Whether confidence means something: clause precision of the core-12 predicted clauses at or above
/// <see cref="Threshold"/> against those below it (pooled over the core categories), and by confidence bin.
/// </summary>
public sealed record ConfidenceCalibration(
    double Threshold,
    int HighConfidenceClauses,
    int HighConfidenceCorrectClauses,
    double HighConfidencePrecision,
    int LowConfidenceClauses,
    int LowConfidenceCorrectClauses,
    double LowConfidencePrecision)
{
    /// <summary>Core-12 clauses in confidence bins [From, To) (the last bin includes 1).</summary>
    public IReadOnlyList<ConfidenceBin> Bins { get; init; } = [];

    /// <summary>
    /// Mean gap between a clause's confidence and how often clauses of that confidence are right, over the bins,
    /// weighted by their clauses: 0 when confidence is the chance of being right.
    /// </summary>
    public double ExpectedCalibrationError { get; init; }
}

/// <summary>Core-12 clauses with confidence in [From, To): how many, how many right, their mean confidence and precision.</summary>
public sealed record ConfidenceBin(double From, double To, int Clauses, int CorrectClauses, double MeanConfidence, double Precision);
