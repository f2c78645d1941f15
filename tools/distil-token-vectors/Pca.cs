static class Pca
{
    // Writes the top `k` principal components of the token vectors: vocab-count, k, mean-centred projections (float).
    public static void Run(string input, string output, int k)
    {
        using var r = new BinaryReader(File.OpenRead(input));
        var n = r.ReadInt32(); var d = r.ReadInt32();
        var x = new double[n, d];
        for (var i = 0; i < n; i++) for (var j = 0; j < d; j++) x[i, j] = r.ReadSingle();
        var mean = new double[d];
        for (var i = 0; i < n; i++) for (var j = 0; j < d; j++) mean[j] += x[i, j] / n;
        for (var i = 0; i < n; i++) for (var j = 0; j < d; j++) x[i, j] -= mean[j];
        var c = new double[d, d];
        Parallel.For(0, d, a => { for (var b = a; b < d; b++) { var s = 0.0; for (var i = 0; i < n; i++) s += x[i, a] * x[i, b]; c[a, b] = s / n; c[b, a] = s / n; } });
        var (vals, vecs) = Jacobi(c, d);
        var order = Enumerable.Range(0, d).OrderByDescending(i => vals[i]).ToArray();
        var total = vals.Sum();
        Console.WriteLine($"explained by top {k}: {order.Take(k).Sum(i => vals[i]) / total:P1}; top 64: {order.Take(64).Sum(i => vals[i]) / total:P1}");
        using var w = new BinaryWriter(File.Create(output));
        w.Write(n); w.Write(k);
        for (var i = 0; i < n; i++)
            for (var q = 0; q < k; q++) { var e = order[q]; var s = 0.0; for (var j = 0; j < d; j++) s += x[i, j] * vecs[j, e]; w.Write((float)s); }
    }

    static (double[] Values, double[,] Vectors) Jacobi(double[,] a0, int n)
    {
        var a = (double[,])a0.Clone();
        var v = new double[n, n];
        for (var i = 0; i < n; i++) v[i, i] = 1;
        for (var sweep = 0; sweep < 30; sweep++)
        {
            var off = 0.0;
            for (var p = 0; p < n; p++) for (var q = p + 1; q < n; q++) off += a[p, q] * a[p, q];
            if (off < 1e-18) break;
            for (var p = 0; p < n; p++)
                for (var q = p + 1; q < n; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-14) continue;
                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    var cs = 1 / Math.Sqrt(t * t + 1); var sn = t * cs;
                    for (var k = 0; k < n; k++) { var akp = a[k, p]; var akq = a[k, q]; a[k, p] = cs * akp - sn * akq; a[k, q] = sn * akp + cs * akq; }
                    for (var k = 0; k < n; k++) { var apk = a[p, k]; var aqk = a[q, k]; a[p, k] = cs * apk - sn * aqk; a[q, k] = sn * apk + cs * aqk; }
                    for (var k = 0; k < n; k++) { var vkp = v[k, p]; var vkq = v[k, q]; v[k, p] = cs * vkp - sn * vkq; v[k, q] = sn * vkp + cs * vkq; }
                }
        }
        var vals = new double[n];
        for (var i = 0; i < n; i++) vals[i] = a[i, i];
        return (vals, v);
    }
}
