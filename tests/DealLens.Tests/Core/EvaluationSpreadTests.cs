using DealLens.Core.Clauses;
using DealLens.Core.Evaluation;

namespace DealLens.Tests.Core;

public sealed class EvaluationSpreadTests
{
    private const string Text = "Buyer shall purchase at least 100 units per year.";

    // One contract with a Minimum Commitment clause: found (F1 1) or missed (F1 0).
    private static EvaluationReport Run(bool found)
    {
        var gold = ClauseEvaluatorTests.Gold("a", (CuadCategories.MinimumCommitment, [Text]));
        Clause[] predicted = found ? [ClauseEvaluatorTests.Predicted(ClauseTypes.MinimumCommitment, Text, Text)] : [];
        return ClauseEvaluator.Default.Evaluate([new EvaluationDocument(gold, Text, predicted)]);
    }

    [Fact]
    public void ToText_GivesMeanLowestHighestAndEveryRun()
    {
        var text = EvaluationSpread.ToText([Run(true), Run(false), Run(true)], [7, 8, 9]);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Repeated cross-validation: 3 runs, seeds 7, 8, 9", lines[0]);
        var f1 = lines.Single(l => l.StartsWith("Minimum Commitment F1", StringComparison.Ordinal));
        Assert.Equal(["Minimum", "Commitment", "F1", "0.667", "0.000", "1.000", "1.000", "0.000", "1.000"], f1.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void ToText_ShowsHowConfidenceHoldsAcrossRuns()
    {
        // A right clause at confidence 0.9: precision at >= 0.8 is 1 and the calibration error 0.1; no clause, 0 and 0.
        var text = EvaluationSpread.ToText([Run(true), Run(false)], [1, 2]);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("0.500   0.000   1.000   1.000 0.000", lines.Single(l => l.StartsWith("Precision at confidence >= 0.8", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith("0.050   0.000   0.100   0.100 0.000", lines.Single(l => l.StartsWith("Expected calibration error", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_SeedsAndReportsDoNotPair_Throws()
    {
        Assert.Throws<ArgumentException>(() => EvaluationSpread.ToText([Run(true)], [1, 2]));
        Assert.Throws<ArgumentException>(() => EvaluationSpread.ToText([], []));
    }
}
