using System.Globalization;
using System.Text;
using System.Text.Json;
using DealLens.Core.Output;

namespace DealLens.Core.Evaluation;

/// <summary>Renders an <see cref="EvaluationReport"/> as a fixed-width text table or as JSON (snake_case, fixed order).</summary>
public static class EvaluationReportFormatter
{
    /// <summary>
    /// One row per category (core categories marked <c>*</c>), then the summary lines; the last two lines are
    /// <c>Macro F1 (core 12): x.xxx</c> and <c>Minimum Commitment F1: x.xxx</c>. Lines end in "\n".
    /// </summary>
    public static string ToText(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        Line(text, $"{"Category",-30}{"Docs",6}{"Gold",6}{"Pred",6}{"TP",6}{"FP",6}{"FN",6}{"P",8}{"R",8}{"F1",8}{"Parts",7}{"Found",7}{"SnipR",8}{"Clauses",9}{"Right",7}{"ClP",8}");
        foreach (var m in report.Categories)
        {
            var name = (m.IsCore ? "* " : "  ") + m.Category;
            Line(text, $"{name,-30}{m.Documents,6}{m.GoldPositiveDocuments,6}{m.PredictedPositiveDocuments,6}{m.TruePositives,6}{m.FalsePositives,6}{m.FalseNegatives,6}{F(m.Precision),8}{F(m.Recall),8}{F(m.F1),8}{m.SnippetParts,7}{m.SnippetPartsFound,7}{F(m.SnippetRecall),8}{m.PredictedClauses,9}{m.CorrectClauses,7}{F(m.ClausePrecision),8}");
        }

        var c = report.Calibration;
        Line(text, "");
        Line(text, "* core category. P/R/F1: document level (contains such a clause at all). SnipR: gold snippet parts found.");
        Line(text, "ClP: predicted clauses with at least half of their words in one gold snippet part. 0 where nothing to divide.");
        Line(text, "");
        Line(text, $"Documents: {report.Documents}");
        Line(text, $"Snippet recall (core 12): macro {F(report.MacroSnippetRecallCore)}, pooled {F(report.PooledSnippetRecallCore)}");
        Line(text, $"Clause precision (core 12): macro {F(report.MacroClausePrecisionCore)}, pooled {F(report.PooledClausePrecisionCore)} ({report.CoreCorrectClauses}/{report.CorePredictedClauses})");
        Line(text, $"Clause precision at confidence >= {F(c.Threshold)} (core 12): {F(c.HighConfidencePrecision)} ({c.HighConfidenceCorrectClauses}/{c.HighConfidenceClauses}); below: {F(c.LowConfidencePrecision)} ({c.LowConfidenceCorrectClauses}/{c.LowConfidenceClauses})");
        if (c.Bins.Any(b => b.Clauses > 0))
        {
            Line(text, $"Confidence vs precision (core 12), expected calibration error {F(c.ExpectedCalibrationError)}:");
            foreach (var bin in c.Bins)
            {
                Line(text, $"  {F(bin.From)}-{F(bin.To)}: {bin.Clauses,5} clauses, mean confidence {F(bin.MeanConfidence)}, precision {F(bin.Precision)} ({bin.CorrectClauses}/{bin.Clauses})");
            }
        }

        Line(text, $"Grounding (all clauses): {F(report.Grounding)} ({report.GroundedClauses}/{report.PredictedClauses}; {report.UnmappedClauses} of an unmapped type)");
        Line(text, $"Macro F1 (core 12): {F(report.MacroF1Core)}");
        Line(text, $"Minimum Commitment F1: {F(report.MinimumCommitmentF1)}");
        return text.ToString();
    }

    /// <summary>The report as indented JSON: snake_case names, properties in declaration order, categories in <see cref="CuadCategories.Mapped"/> order.</summary>
    public static string ToJson(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, DealLensJson.Indented);
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
