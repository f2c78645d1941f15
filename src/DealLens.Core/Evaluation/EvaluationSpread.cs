using System.Globalization;
using System.Text;

namespace DealLens.Core.Evaluation;

/// <summary>
/// How much the headline numbers move between repeated cross-validations that differ only in their seed (fold
/// assignment and training order): the noise a single run's numbers carry.
/// </summary>
public static class EvaluationSpread
{
    private static readonly (string Name, Func<EvaluationReport, double> Value)[] s_headline =
    [
        ("Macro F1 (core 12)", r => r.MacroF1Core),
        ("Minimum Commitment F1", r => r.MinimumCommitmentF1),
        ("Minimum Commitment snippet recall", r => Category(r, CuadCategories.MinimumCommitment).SnippetRecall),
        ("Snippet recall (core 12, pooled)", r => r.PooledSnippetRecallCore),
        ("Clause precision (core 12, pooled)", r => r.PooledClausePrecisionCore),
        ("Precision at confidence >= 0.8", r => r.Calibration.HighConfidencePrecision),
        ("Expected calibration error", r => r.Calibration.ExpectedCalibrationError),
        ("Grounding", r => r.Grounding),
    ];

    /// <summary>One line per headline number: mean, lowest and highest over <paramref name="reports"/>. Lines end in "\n".</summary>
    public static string ToText(IReadOnlyList<EvaluationReport> reports, IReadOnlyList<long> seeds)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(seeds);
        if (reports.Count == 0 || reports.Count != seeds.Count)
        {
            throw new ArgumentException("Give one seed per report, and at least one report.", nameof(seeds));
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Repeated cross-validation: {reports.Count} runs, seeds {string.Join(", ", seeds)}\n");
        text.Append(CultureInfo.InvariantCulture, $"{"",-36}{"mean",8}{"min",8}{"max",8}   per run\n");
        foreach (var (name, value) in s_headline)
        {
            var values = reports.Select(value).ToArray();
            text.Append(CultureInfo.InvariantCulture, $"{name,-36}{F(values.Average()),8}{F(values.Min()),8}{F(values.Max()),8}   {string.Join(" ", values.Select(F))}\n");
        }

        return text.ToString();
    }

    private static CategoryMetrics Category(EvaluationReport report, string category)
        => report.Categories.First(c => string.Equals(c.Category, category, StringComparison.Ordinal));

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
