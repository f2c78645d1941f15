namespace DealLens.Core.Clauses.Learning;

/// <summary>
/// Maps a clause's best span probability, and whether a rule of its type matched it, to the chance that the
/// clause is right (at least half of its words in one gold clause). Span probabilities alone mislead twice: a
/// rule-chosen clause the model is unsure of is still right about half the time, and a clause merged from
/// several spans is right less often than its best span. Fitted per type on out-of-fold clauses.
/// </summary>
public readonly record struct ClauseConfidence(float Slope, float Intercept, float RuleShift)
{
    /// <summary>Reports the span probability unchanged (models trained before clause calibration).</summary>
    public static ClauseConfidence Identity { get; } = new(1f, 0f, 0f);

    /// <summary>The confidence of a clause whose best span has <paramref name="spanProbability"/>; <paramref name="ruled"/>: a rule of its type matched it.</summary>
    public double Apply(double spanProbability, bool ruled)
        => Sigmoid((Slope * Logit(spanProbability)) + Intercept + (ruled ? RuleShift : 0));

    /// <summary>log(p / (1 - p)), with p kept within [1e-6, 1 - 1e-6].</summary>
    public static double Logit(double probability)
    {
        var p = Math.Clamp(probability, 1e-6, 1 - 1e-6);
        return Math.Log(p / (1 - p));
    }

    /// <summary>
    /// Fits the map to clauses (logit of the best span probability, rule matched, right) by
    /// Newton's method on the log loss plus <paramref name="priorWeight"/> times the squared distance from
    /// <paramref name="prior"/>, so a type with few clauses stays near the prior.
    /// </summary>
    public static ClauseConfidence Fit(
        IReadOnlyList<(double Logit, bool Ruled, bool Right)> clauses, ClauseConfidence prior, double priorWeight)
    {
        if (clauses.Count == 0)
        {
            return prior;
        }

        // Newton from zero (every clause at one half), where the Hessian is well conditioned, with step halving.
        double[] centre = [prior.Slope, prior.Intercept, prior.RuleShift];
        var theta = new double[3];
        var loss = Loss(theta);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var gradient = new double[3];
            var hessian = new double[3, 3];
            for (var i = 0; i < 3; i++)
            {
                gradient[i] = priorWeight * (theta[i] - centre[i]);
                hessian[i, i] = priorWeight + 1e-9;
            }

            foreach (var (logit, ruled, right) in clauses)
            {
                double[] x = [logit, 1, ruled ? 1 : 0];
                var p = Sigmoid((theta[0] * x[0]) + theta[1] + (theta[2] * x[2]));
                var w = Math.Max(p * (1 - p), 1e-12);
                for (var i = 0; i < 3; i++)
                {
                    gradient[i] += (p - (right ? 1 : 0)) * x[i];
                    for (var j = 0; j < 3; j++)
                    {
                        hessian[i, j] += w * x[i] * x[j];
                    }
                }
            }

            if (Solve3(hessian, gradient) is not { } step)
            {
                break;
            }

            var scale = 1.0;
            double[] next;
            double nextLoss;
            do
            {
                next = [theta[0] - (scale * step[0]), theta[1] - (scale * step[1]), theta[2] - (scale * step[2])];
                nextLoss = Loss(next);
                scale /= 2;
            }
            while (nextLoss > loss && scale > 1e-4);

            if (nextLoss > loss)
            {
                break;
            }

            var moved = Math.Abs(next[0] - theta[0]) + Math.Abs(next[1] - theta[1]) + Math.Abs(next[2] - theta[2]);
            (theta, loss) = (next, nextLoss);
            if (moved < 1e-7)
            {
                break;
            }
        }

        return new ClauseConfidence((float)theta[0], (float)theta[1], (float)theta[2]);

        double Loss(double[] t)
        {
            var sum = 0.0;
            for (var i = 0; i < 3; i++)
            {
                sum += 0.5 * priorWeight * (t[i] - centre[i]) * (t[i] - centre[i]);
            }

            foreach (var (logit, ruled, right) in clauses)
            {
                var z = (t[0] * logit) + t[1] + (ruled ? t[2] : 0);
                // log(1 + e^-z) for a right clause, log(1 + e^z) otherwise, computed without overflow.
                var y = right ? -z : z;
                sum += y > 0 ? y + Math.Log(1 + Math.Exp(-y)) : Math.Log(1 + Math.Exp(y));
            }

            return sum;
        }
    }

    // Cramer's rule for the 3x3 Newton system; null when it is singular.
    private static double[]? Solve3(double[,] m, double[] b)
    {
        var det = Det(m);
        if (Math.Abs(det) < 1e-18)
        {
            return null;
        }

        var result = new double[3];
        for (var column = 0; column < 3; column++)
        {
            var copy = (double[,])m.Clone();
            for (var row = 0; row < 3; row++)
            {
                copy[row, column] = b[row];
            }

            result[column] = Det(copy) / det;
        }

        return result;

        static double Det(double[,] a)
            => (a[0, 0] * ((a[1, 1] * a[2, 2]) - (a[1, 2] * a[2, 1])))
            - (a[0, 1] * ((a[1, 0] * a[2, 2]) - (a[1, 2] * a[2, 0])))
            + (a[0, 2] * ((a[1, 0] * a[2, 1]) - (a[1, 1] * a[2, 0])));
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
