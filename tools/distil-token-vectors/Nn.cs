static class Nn
{
    public static void Run(string table, string[] vocab, string[] words, int dims)
    {
        using var r = new BinaryReader(File.OpenRead(table));
        var n = r.ReadInt32(); var d = r.ReadInt32();
        var x = new float[n][];
        for (var i = 0; i < n; i++) { x[i] = new float[dims]; for (var j = 0; j < d; j++) { var v = r.ReadSingle(); if (j < dims) x[i][j] = v; } var nr = MathF.Sqrt(x[i].Sum(a => a * a)); for (var j = 0; j < dims; j++) x[i][j] /= nr; }
        var idx = new Dictionary<string, int>(); for (var i = 0; i < vocab.Length; i++) idx[vocab[i]] = i;
        foreach (var w in words)
        {
            var q = x[idx[w]];
            var best = Enumerable.Range(0, n).Where(i => !vocab[i].StartsWith("[")).Select(i => (i, s: x[i].Zip(q, (a, b) => a * b).Sum())).OrderByDescending(p => p.s).Skip(1).Take(8);
            Console.WriteLine(w + ": " + string.Join(" ", best.Select(p => $"{vocab[p.i]}({p.s:F2})")));
        }
    }
}
