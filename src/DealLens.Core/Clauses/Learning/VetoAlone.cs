namespace DealLens.Core.Clauses.Learning;

/// <summary>
/// A veto type's second bar (docs/representation.md, "(f)"): a span no rule of the type matched is reported when
/// the model alone scores it at or above the type's alone threshold, learned on out-of-fold training predictions.
/// </summary>
public static class VetoAlone
{
    /// <summary>The fewest unruled spans above a threshold whose precision can set it.</summary>
    public const int MinSpans = 5;

    /// <summary>
    /// A veto type's decision for one span: a ruled span needs the model's agreement (<paramref name="modeThreshold"/>);
    /// an unruled one of enough words needs <paramref name="aloneThreshold"/> (infinity = never).
    /// </summary>
    public static bool Selects(float probability, bool ruleHit, bool longEnough, float modeThreshold, float aloneThreshold)
        => ruleHit ? probability >= modeThreshold : longEnough && probability >= aloneThreshold;

    /// <summary>
    /// The lowest threshold of the calibration grid at which at least <see cref="MinSpans"/> of
    /// <paramref name="unruledSpans"/> stand and at least <paramref name="precision"/> of them are hits; infinity
    /// (never) when none qualifies. Depends only on the spans given, not their order.
    /// </summary>
    public static float Threshold(IReadOnlyList<(float Probability, bool Hit)> unruledSpans, double precision)
    {
        ArgumentNullException.ThrowIfNull(unruledSpans);
        foreach (var threshold in Calibration.Grid)
        {
            if (threshold > 1)
            {
                break;
            }

            int n = 0, hits = 0;
            foreach (var (p, hit) in unruledSpans)
            {
                if (p >= threshold)
                {
                    n++;
                    hits += hit ? 1 : 0;
                }
            }

            if (n >= MinSpans && hits >= precision * n)
            {
                return threshold;
            }
        }

        return float.PositiveInfinity;
    }
}
