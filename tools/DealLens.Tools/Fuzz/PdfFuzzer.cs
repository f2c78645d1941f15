using System.Diagnostics;
using System.Globalization;
using DealLens.Core;
using DealLens.Core.Pipeline;
using DealLens.Extraction;
using DealLens.Tools.Bench;

namespace DealLens.Tools.Fuzz;

public sealed record FuzzOptions(IReadOnlyList<string> Seeds, int Count, int Seed, TimeSpan PerFileTimeout, string? SaveFolder);

/// <summary>What a fuzz run found. A crash is any exception other than the user-facing <see cref="DealLensException"/>.</summary>
public sealed record FuzzReport(
    int Tried,
    int Analyzed,
    IReadOnlyDictionary<string, int> RefusedByKind,
    IReadOnlyDictionary<string, int> CrashesByType,
    IReadOnlyList<string> CrashExamples,
    int Hangs,
    double MaxSeconds,
    long PeakResidentKilobytes,
    IReadOnlyDictionary<string, int> TriedByMutation)
{
    public int Crashes => CrashesByType.Values.Sum();
}

/// <summary>
/// A bounded fuzz loop: seeds mutated by <see cref="PdfMutator"/> with a fixed seed, each run through text extraction
/// and the embedded analysis as <c>analyze</c> runs them. Same seed, same inputs, same counts.
/// </summary>
public static class PdfFuzzer
{
    public static async Task<FuzzReport> RunAsync(FuzzOptions options, DealPipeline pipeline, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(progress);
        var seeds = options.Seeds.Select(File.ReadAllBytes).ToList();
        var random = new Random(options.Seed);
        var extractor = new PdfTextExtractor();
        var refused = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var crashes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var mutations = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var examples = new List<string>();
        int analyzed = 0, hangs = 0;
        var maxSeconds = 0.0;
        for (var i = 0; i < options.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var seedIndex = random.Next(seeds.Count);
            var (kind, bytes) = PdfMutator.Mutate(seeds[seedIndex], random);
            var name = string.Create(CultureInfo.InvariantCulture, $"fuzz-{options.Seed}-{i:00000}-{kind}.pdf");
            Increment(mutations, kind.ToString());
            var clock = Stopwatch.StartNew();
            var work = Task.Run(() => AnalyzeAsync(extractor, pipeline, name, bytes, cancellationToken), cancellationToken);
            if (await Task.WhenAny(work, Task.Delay(options.PerFileTimeout, cancellationToken)) != work)
            {
                // The stuck analysis cannot be stopped from here; it is counted and the loop moves on.
                hangs++;
                Save(options.SaveFolder, name, bytes);
                examples.Add($"{name}: no result after {options.PerFileTimeout.TotalSeconds:0} s (seed {Path.GetFileName(options.Seeds[seedIndex])})");
                continue;
            }

            maxSeconds = Math.Max(maxSeconds, clock.Elapsed.TotalSeconds);
            var failure = await work;
            switch (failure)
            {
                case null:
                    analyzed++;
                    break;
                case DealLensException refusal:
                    Increment(refused, RefusalKind(refusal.Message, name));
                    break;
                default:
                    Increment(crashes, failure.GetType().Name);
                    Save(options.SaveFolder, name, bytes);
                    if (examples.Count < 20)
                    {
                        examples.Add($"{name} (seed {Path.GetFileName(options.Seeds[seedIndex])}): {failure.GetType().Name}: {failure.Message.ReplaceLineEndings(" ")}");
                    }

                    break;
            }

            if ((i + 1) % 500 == 0)
            {
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"fuzz: {i + 1} of {options.Count}"));
            }
        }

        return new FuzzReport(options.Count, analyzed, refused, crashes, examples, hangs, maxSeconds, ChildProcess.PeakResidentKilobytes(), mutations);
    }

    private static async Task<Exception?> AnalyzeAsync(PdfTextExtractor extractor, DealPipeline pipeline, string name, byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var text = extractor.Extract(stream, name);
            await pipeline.AnalyzeAsync(name, "fuzz", text, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ex;
        }
    }

    /// <summary>"name: not a readable PDF (truncated? ...): details" -> "not a readable PDF".</summary>
    internal static string RefusalKind(string message, string name)
    {
        var kind = message.StartsWith(name + ": ", StringComparison.Ordinal) ? message[(name.Length + 2)..] : message;
        var cut = kind.IndexOfAny(['(', ':', ';']);
        return (cut > 0 ? kind[..cut] : kind).Trim();
    }

    private static void Increment(SortedDictionary<string, int> counts, string key)
        => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void Save(string? folder, string name, byte[] bytes)
    {
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }
    }
}
