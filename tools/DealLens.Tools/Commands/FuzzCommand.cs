using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DealLens.Cli;
using DealLens.Cli.Analysis;
using DealLens.Core;
using DealLens.Tools.Fuzz;

namespace DealLens.Tools.Commands;

/// <summary><c>deallens-tools fuzz</c>: the bounded fuzz loop over mutated PDFs (issue #8).</summary>
public static class FuzzCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var docs = new Option<string?>("--docs")
        {
            Description = "Folder of real PDFs to mutate (default: ../shared/cuad-dev/pdf beside the repository, else the repository's samples).",
            HelpName = "DIR",
        };
        var seeds = new Option<int>("--seeds") { Description = "Mutate the N smallest PDFs of --docs.", DefaultValueFactory = _ => 8 };
        var count = new Option<int>("--count") { Description = "Mutated files to try.", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same files).", DefaultValueFactory = _ => 1 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds one file may take before it counts as a hang.", DefaultValueFactory = _ => 30 };
        var save = new Option<string?>("--save") { Description = "Write files that crashed or hung to this folder.", HelpName = "DIR" };
        var json = new Option<bool>("--json") { Description = "Write the counts as one JSON document." };
        var fuzz = new Command("fuzz", "Mutate real PDFs (bit flips, truncation, chunk duplication and deletion) and run each through extraction and analysis; exit 2 on any crash or hang.")
        {
            docs, seeds, count, seed, timeout, save, json,
        };
        fuzz.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct => RunFuzzAsync(
            context, parse.GetValue(docs), parse.GetValue(seeds), parse.GetValue(count), parse.GetValue(seed), parse.GetValue(timeout),
            parse.GetValue(save), parse.GetValue(json), ct), cancellationToken));
        return fuzz;
    }

    private static async Task<int> RunFuzzAsync(
        CliContext context, string? docs, int seeds, int count, int seed, int timeout, string? save, bool json, CancellationToken cancellationToken)
    {
        if (seeds < 1 || count < 1 || timeout < 1)
        {
            throw new DealLensException("--seeds, --count and --timeout must be at least 1");
        }

        var folder = docs is not null ? Path.GetFullPath(docs, context.WorkingDirectory) : DefaultFuzzDocs(context);
        if (!Directory.Exists(folder))
        {
            throw new DealLensException($"{folder}: folder not found (--docs)");
        }

        var pdfs = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => new FileInfo(f).Length).ThenBy(f => f, StringComparer.Ordinal)
            .Take(seeds)
            .ToList();
        if (pdfs.Count == 0)
        {
            throw new DealLensException($"{folder}: no PDFs to mutate");
        }

        var options = new FuzzOptions(pdfs, count, seed, TimeSpan.FromSeconds(timeout), save is null ? null : Path.GetFullPath(save, context.WorkingDirectory));
        var report = await PdfFuzzer.RunAsync(options, Pipelines.CreateEmbedded(), context.Error, cancellationToken);
        await context.Out.WriteAsync(json ? FuzzJson(report, options) : FuzzText(report, options));
        return report.Crashes > 0 || report.Hangs > 0 ? ExitCodes.Unexpected : ExitCodes.Ok;
    }

    private static string DefaultFuzzDocs(CliContext context)
    {
        try
        {
            var cuad = BenchCommand.DefaultDocs(context);
            if (Directory.Exists(cuad))
            {
                return cuad;
            }
        }
        catch (DealLensException)
        {
            // No repository above: fall through to the samples of the working folder.
        }

        return Path.Combine(context.WorkingDirectory, "samples", "contracts");
    }

    private static string FuzzText(FuzzReport report, FuzzOptions options)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"fuzz: {report.Tried} files from {options.Seeds.Count} seed PDFs (seed {options.Seed})\n");
        text.Append(CultureInfo.InvariantCulture, $"mutations: {string.Join(", ", report.TriedByMutation.Select(p => $"{p.Key} {p.Value}"))}\n");
        text.Append(CultureInfo.InvariantCulture, $"analysed: {report.Analyzed}\n");
        text.Append(CultureInfo.InvariantCulture, $"refused (clear error): {report.RefusedByKind.Values.Sum()}\n");
        foreach (var (kind, n) in report.RefusedByKind)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {n,6}  {kind}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"crashes: {report.Crashes}{(report.Crashes == 0 ? "" : " (" + string.Join(", ", report.CrashesByType.Select(p => $"{p.Key} {p.Value}")) + ")")}\n");
        text.Append(CultureInfo.InvariantCulture, $"hangs: {report.Hangs}\n");
        text.Append(CultureInfo.InvariantCulture, $"max time per file: {report.MaxSeconds:0.000} s\n");
        text.Append(CultureInfo.InvariantCulture, $"peak memory (whole fuzz process, VmHWM): {report.PeakResidentKilobytes / 1024.0:0.0} MB\n");
        foreach (var example in report.CrashExamples)
        {
            text.Append("  ").Append(example).Append('\n');
        }

        return text.ToString();
    }

    private static string FuzzJson(FuzzReport report, FuzzOptions options) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["seed"] = options.Seed,
        ["seeds"] = options.Seeds.Select(Path.GetFileName).ToList(),
        ["tried"] = report.Tried,
        ["analyzed"] = report.Analyzed,
        ["refused"] = report.RefusedByKind,
        ["crashes"] = report.CrashesByType,
        ["crash_examples"] = report.CrashExamples,
        ["hangs"] = report.Hangs,
        ["max_seconds"] = Math.Round(report.MaxSeconds, 4),
        ["peak_rss_mb"] = Math.Round(report.PeakResidentKilobytes / 1024.0, 1),
        ["mutations"] = report.TriedByMutation,
    }) + "\n";
}
