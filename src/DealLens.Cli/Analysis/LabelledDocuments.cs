using System.Collections.Concurrent;
using DealLens.Core;
using DealLens.Core.Clauses.Learning;
using DealLens.Core.Evaluation;
using DealLens.Extraction;

namespace DealLens.Cli.Analysis;

/// <summary>The contracts of a labels file that could be read, and why the others could not.</summary>
public sealed record LabelledSet(IReadOnlyList<LabelledDocument> Documents, IReadOnlyList<string> Failures);

/// <summary>Reads a CUAD-style labels.jsonl and extracts the text of every contract it names.</summary>
public static class LabelledDocuments
{
    /// <summary>
    /// Each label's <c>file</c> is looked up under <paramref name="documentsFolder"/> (default: the labels file's
    /// folder), first as written ("pdf/x.pdf"), then by file name alone.
    /// </summary>
    public static async Task<LabelledSet> LoadAsync(
        string labelsPath, string? documentsFolder, int parallelism, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        IReadOnlyList<CuadContract> contracts;
        try
        {
            using var reader = new StreamReader(labelsPath);
            contracts = CuadLabels.Read(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DealLensException($"{labelsPath}: cannot read labels: {ex.Message}", ex);
        }
        catch (DealLensException ex)
        {
            throw new DealLensException($"{labelsPath}: {ex.Message}", ex);
        }

        if (contracts.Count == 0)
        {
            throw new DealLensException($"{labelsPath}: no labelled contracts in the file");
        }

        var folder = documentsFolder ?? Path.GetDirectoryName(Path.GetFullPath(labelsPath))!;
        if (!Directory.Exists(folder))
        {
            throw new DealLensException($"{folder}: documents folder not found");
        }

        var texts = new LabelledDocument?[contracts.Count];
        var failures = new ConcurrentBag<(int Index, string Error)>();
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, contracts.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            (i, _) =>
            {
                var contract = contracts[i];
                var path = Resolve(folder, contract.File);
                try
                {
                    texts[i] = path is null
                        ? throw new DealLensException($"{Path.Combine(folder, contract.File)}: file not found (labelled contract {contract.Id})")
                        : new LabelledDocument(contract, TextExtractors.ReadFile(path));
                }
                catch (DealLensException ex)
                {
                    failures.Add((i, ex.Message));
                }

                progress?.Invoke(Interlocked.Increment(ref done), contracts.Count);
                return ValueTask.CompletedTask;
            });

        return new LabelledSet(
            texts.OfType<LabelledDocument>().ToList(),
            failures.OrderBy(f => f.Index).Select(f => f.Error).ToList());
    }

    private static string? Resolve(string folder, string file)
    {
        var asWritten = Path.Combine(folder, file);
        if (File.Exists(asWritten))
        {
            return asWritten;
        }

        var byName = Path.Combine(folder, Path.GetFileName(file));
        return File.Exists(byName) ? byName : null;
    }
}
