using System.Text.Json;
using DealLens.Core.Evaluation;

namespace DealLens.Tests.Core;

public sealed class EvaluationReportFormatterTests
{
    [Fact]
    public void ToText_EndsWithMacroF1AndMinimumCommitmentLines()
    {
        var lines = EvaluationReportFormatter.ToText(ClauseEvaluatorTests.FourDocumentReport()).TrimEnd('\n').Split('\n');

        Assert.Equal("Macro F1 (core 12): 0.033", lines[^2]);
        Assert.Equal("Minimum Commitment F1: 0.400", lines[^1]);
    }

    [Fact]
    public void ToText_HasOneRowPerMappedCategory()
    {
        var text = EvaluationReportFormatter.ToText(ClauseEvaluatorTests.FourDocumentReport());

        Assert.All(CuadCategories.Mapped, c => Assert.Contains(c, text, StringComparison.Ordinal));
        Assert.Contains("* Minimum Commitment               4     3     2     1     1     2   0.500   0.333   0.400", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_ShowsPrecisionPerConfidenceBin()
    {
        var text = EvaluationReportFormatter.ToText(ClauseEvaluatorTests.FourDocumentReport());
        var bins = ClauseEvaluatorTests.FourDocumentReport().Calibration.Bins;

        Assert.Contains("Confidence vs precision (core 12), expected calibration error ", text, StringComparison.Ordinal);
        Assert.Equal(5, bins.Count);
        foreach (var bin in bins)
        {
            Assert.Contains(
                FormattableString.Invariant($"  {bin.From:0.000}-{bin.To:0.000}: {bin.Clauses,5} clauses, mean confidence {bin.MeanConfidence:0.000}, precision {bin.Precision:0.000} ({bin.CorrectClauses}/{bin.Clauses})"),
                text,
                StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ToJson_SnakeCaseInDeclarationOrder_IsDeterministic()
    {
        var report = ClauseEvaluatorTests.FourDocumentReport();
        var json = EvaluationReportFormatter.ToJson(report);

        Assert.Equal(json, EvaluationReportFormatter.ToJson(ClauseEvaluatorTests.FourDocumentReport()));
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("documents", root.EnumerateObject().First().Name);
        Assert.Equal(0.4, root.GetProperty("minimum_commitment_f1").GetDouble(), 12);
        var first = root.GetProperty("categories")[0];
        Assert.Equal("Minimum Commitment", first.GetProperty("category").GetString());
        Assert.Equal(2, first.GetProperty("false_negatives").GetInt32());
        Assert.Equal(0.8, root.GetProperty("calibration").GetProperty("threshold").GetDouble());
        Assert.Equal(5, root.GetProperty("calibration").GetProperty("bins").GetArrayLength());
        Assert.True(root.GetProperty("calibration").TryGetProperty("expected_calibration_error", out _));
    }
}
