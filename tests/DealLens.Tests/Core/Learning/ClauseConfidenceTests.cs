using DealLens.Core.Clauses.Learning;

namespace DealLens.Tests.Core.Learning;

public sealed class ClauseConfidenceTests
{
    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>Per logit, <paramref name="count"/> clauses of which round(count * truth) are right.</summary>
    private static List<(double Logit, bool Ruled, bool Right)> Clauses(Func<double, bool, double> truth, int count, params (double Logit, bool Ruled)[] points)
    {
        var clauses = new List<(double, bool, bool)>();
        foreach (var (logit, ruled) in points)
        {
            var right = (int)Math.Round(count * truth(logit, ruled));
            for (var i = 0; i < count; i++)
            {
                clauses.Add((logit, ruled, i < right));
            }
        }

        return clauses;
    }

    [Fact]
    public void Identity_ReportsTheSpanProbabilityUnchanged()
    {
        Assert.Equal(0.37, ClauseConfidence.Identity.Apply(0.37, ruled: true), 6);
        Assert.Equal(0.002, ClauseConfidence.Identity.Apply(0.002, ruled: false), 6);
    }

    [Fact]
    public void Fit_RuleChosenClausesTheModelDoubts_AreLiftedToHowOftenTheyAreRight()
    {
        // Rule-chosen clauses with span probability near 0 are right half the time; confident ones 90 %.
        var clauses = Clauses((logit, _) => logit < 0 ? 0.5 : 0.9, 200, (-6, true), (-4, true), (3, true), (5, true));

        var fitted = ClauseConfidence.Fit(clauses, ClauseConfidence.Identity, priorWeight: 1);

        Assert.InRange(fitted.Apply(Sigmoid(-6), ruled: true), 0.42, 0.58);
        Assert.InRange(fitted.Apply(Sigmoid(5), ruled: true), 0.85, 0.95);
        Assert.True(ClauseConfidence.Identity.Apply(Sigmoid(-6), ruled: true) < 0.01);
    }

    [Fact]
    public void Fit_ClausesDrawnFromAKnownMap_RecoversIt()
    {
        var truth = new ClauseConfidence(0.5f, 0.3f, 1.0f);
        var clauses = Clauses(
            (logit, ruled) => truth.Apply(Sigmoid(logit), ruled),
            1000,
            (-6, false), (-2, false), (2, false), (6, false), (-6, true), (-2, true), (2, true), (6, true));

        var fitted = ClauseConfidence.Fit(clauses, ClauseConfidence.Identity, priorWeight: 1);

        Assert.Equal(0.5, fitted.Slope, 0.02);
        Assert.Equal(0.3, fitted.Intercept, 0.05);
        Assert.Equal(1.0, fitted.RuleShift, 0.05);
    }

    [Fact]
    public void Fit_NoClauses_ReturnsThePrior()
    {
        var prior = new ClauseConfidence(0.4f, 0.2f, 0.1f);

        Assert.Equal(prior, ClauseConfidence.Fit([], prior, priorWeight: 10));
    }

    [Fact]
    public void Fit_FewClauses_StayNearAStrongPrior()
    {
        var prior = new ClauseConfidence(0.4f, 0.2f, 0.1f);
        var clauses = Clauses((_, _) => 1.0, 3, (-5, true));

        var weak = ClauseConfidence.Fit(clauses, prior, priorWeight: 0.01);
        var strong = ClauseConfidence.Fit(clauses, prior, priorWeight: 1000);

        Assert.Equal(prior.Slope, strong.Slope, 0.05);
        Assert.Equal(prior.Intercept, strong.Intercept, 0.05);
        Assert.True(weak.Apply(Sigmoid(-5), ruled: true) > strong.Apply(Sigmoid(-5), ruled: true) + 0.2);
    }

    [Fact]
    public void Fit_OnlyRightClauses_StaysFinite()
    {
        var clauses = Clauses((_, _) => 1.0, 50, (-3, true), (4, false));

        var fitted = ClauseConfidence.Fit(clauses, ClauseConfidence.Identity, priorWeight: 1);

        Assert.True(float.IsFinite(fitted.Slope) && float.IsFinite(fitted.Intercept) && float.IsFinite(fitted.RuleShift));
        Assert.True(fitted.Apply(0.01, ruled: true) > 0.9);
    }
}
