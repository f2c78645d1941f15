namespace DealLens.Tools.Bench;

/// <summary>A straight line y = Intercept + Slope·x fitted by least squares, with its coefficient of determination.</summary>
public sealed record LinearFit(double Slope, double Intercept, double RSquared, int Points);

/// <summary>A parabola y = A + B·x + C·x² fitted by least squares, to see how much a quadratic term adds.</summary>
public sealed record QuadraticFit(double A, double B, double C, double RSquared)
{
    /// <summary>The share of the predicted y at <paramref name="x"/> that the x² term contributes (0 for linear growth).</summary>
    public double QuadraticShareAt(double x)
    {
        var total = A + B * x + C * x * x;
        return total == 0 ? 0 : C * x * x / total;
    }
}

/// <summary>Ordinary least-squares fits over (x, y) points.</summary>
public static class LeastSquares
{
    public static LinearFit Linear(IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var n = points.Count;
        if (n < 2)
        {
            return new LinearFit(double.NaN, double.NaN, double.NaN, n);
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var sxy = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var slope = sxx == 0 ? double.NaN : sxy / sxx;
        var intercept = meanY - slope * meanX;
        return new LinearFit(slope, intercept, RSquared(points, x => intercept + slope * x), n);
    }

    public static QuadraticFit Quadratic(IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 3)
        {
            return new QuadraticFit(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        // Normal equations for [A B C], solved by Gaussian elimination with partial pivoting. x is scaled to [0, 1]
        // first: x⁴ of a 2,000-page document would otherwise swamp the small terms.
        var scale = points.Max(p => Math.Abs(p.X));
        scale = scale == 0 ? 1 : scale;
        var m = new double[3, 4];
        foreach (var (rawX, y) in points)
        {
            var x = rawX / scale;
            double[] powers = [1, x, x * x];
            for (var r = 0; r < 3; r++)
            {
                for (var c = 0; c < 3; c++)
                {
                    m[r, c] += powers[r] * powers[c];
                }

                m[r, 3] += powers[r] * y;
            }
        }

        var solution = Solve(m);
        if (solution is null)
        {
            return new QuadraticFit(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var (a, b, c2) = (solution[0], solution[1] / scale, solution[2] / (scale * scale));
        return new QuadraticFit(a, b, c2, RSquared(points, x => a + b * x + c2 * x * x));
    }

    private static double RSquared(IReadOnlyList<(double X, double Y)> points, Func<double, double> predict)
    {
        var meanY = points.Average(p => p.Y);
        var total = points.Sum(p => (p.Y - meanY) * (p.Y - meanY));
        var residual = points.Sum(p => (p.Y - predict(p.X)) * (p.Y - predict(p.X)));
        return total == 0 ? 1 : 1 - residual / total;
    }

    private static double[]? Solve(double[,] m)
    {
        const int n = 3;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(m[pivot, col]) < 1e-12)
            {
                return null;
            }

            for (var c = 0; c <= n; c++)
            {
                (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
            }

            for (var r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var factor = m[r, col] / m[col, col];
                for (var c = col; c <= n; c++)
                {
                    m[r, c] -= factor * m[col, c];
                }
            }
        }

        return [m[0, n] / m[0, 0], m[1, n] / m[1, 1], m[2, n] / m[2, 2]];
    }
}
