using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DealLens.Cli;
using DealLens.Core;
using DealLens.Tools.Bench;

namespace DealLens.Tools.Commands;

/// <summary>The <c>bench</c> command's own action: the suite of figures.</summary>
public static partial class BenchCommand
{
    private static void AddSuite(Command bench, CliContext context)
    {
        var docs = new Option<string?>("--docs")
        {
            Description = "Folder of documents (.pdf, .htm, .html, .txt) to measure (default: ../shared/cuad-dev/pdf beside the repository).",
            HelpName = "DIR",
        };
        var runs = new Option<int>("--runs") { Description = "Timed runs of each figure; medians are reported.", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Write the figures as one JSON document." };
        var limit = new Option<int>("--limit") { Description = "Use only the first N documents of --docs (0: all).", DefaultValueFactory = _ => 0 };
        var clauses = new Option<int>("--clauses") { Description = "Clauses stored for the SQLite insert and review-queue figures.", DefaultValueFactory = _ => 100_000 };
        var exe = new Option<string?>("--exe")
        {
            Description = "deallens executable of the cold-start figures, e.g. an installed tool. Default: the ReadyToRun publish beside this program (Release builds on linux-x64), else the plain build.",
            HelpName = "FILE",
        };
        var filingPages = new Option<int>("--filing-pages") { Description = "Pages of the generated filing of the peak-memory figure.", DefaultValueFactory = _ => 200 };
        var scaling = new Option<string>("--scaling-pages")
        {
            Description = "Comma-separated sizes (pages) of the generated PDFs of the time-against-size fit.",
            DefaultValueFactory = _ => "10,25,50,100,200,400",
        };
        foreach (var option in new Option[] { docs, runs, json, limit, clauses, exe, filingPages, scaling })
        {
            bench.Options.Add(option);
        }

        bench.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct => RunSuiteAsync(context, new SuiteArguments(
            parse.GetValue(docs), parse.GetValue(runs), parse.GetValue(json), parse.GetValue(limit), parse.GetValue(clauses),
            parse.GetValue(exe), parse.GetValue(filingPages), parse.GetValue(scaling)!), ct), cancellationToken));
    }

    private sealed record SuiteArguments(string? Docs, int Runs, bool Json, int Limit, int Clauses, string? Exe, int FilingPages, string ScalingPages);

    private static async Task<int> RunSuiteAsync(CliContext context, SuiteArguments args, CancellationToken cancellationToken)
    {
        if (args.Runs < 1)
        {
            throw new DealLensException("--runs must be at least 1");
        }

        if (args.Limit < 0 || args.Clauses < 0 || args.FilingPages < 1)
        {
            throw new DealLensException("--limit and --clauses must be at least 0, --filing-pages at least 1");
        }

        var scaling = ParseSizes(args.ScalingPages);
        var docs = args.Docs is null ? DefaultDocs(context) : Path.GetFullPath(args.Docs, context.WorkingDirectory);
        if (!Directory.Exists(docs))
        {
            throw new DealLensException($"{docs}: documents folder not found (give one with --docs)");
        }

        var exe = args.Exe is null ? ProductBuild.DefaultExecutable() : Path.GetFullPath(args.Exe, context.WorkingDirectory);
        if (!File.Exists(exe))
        {
            throw new DealLensException($"{exe}: deallens executable not found (--exe)");
        }

        var work = Directory.CreateTempSubdirectory("deallens-bench-");
        try
        {
            var options = new BenchOptions
            {
                DocsFolder = docs,
                WorkFolder = work.FullName,
                Executable = exe,
                Runs = args.Runs,
                Limit = args.Limit,
                Clauses = args.Clauses,
                FilingPages = args.FilingPages,
                ScalingPages = scaling,
            };
            var report = await new BenchSuite(options, context.Error).RunAsync(cancellationToken);
            await context.Out.WriteAsync(args.Json ? ToJson(report, options) : ToTable(report, options));
            return ExitCodes.Ok;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static List<int> ParseSizes(string text)
    {
        var sizes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                throw new DealLensException($"--scaling-pages: '{part}' is not a page count (expected e.g. 10,25,50)");
            }

            sizes.Add(size);
        }

        return sizes;
    }

    /// <summary>../shared/cuad-dev/pdf beside the repository that holds the working folder (or this program).</summary>
    internal static string DefaultDocs(CliContext context)
    {
        foreach (var start in new[] { context.WorkingDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DealLens.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "cuad-dev", "pdf"));
                }
            }
        }

        throw new DealLensException("no --docs given, and no DealLens repository (with ../shared/cuad-dev/pdf beside it) above the working folder");
    }

    internal static string ToTable(BenchReport report, BenchOptions options)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"deallens-tools bench: {options.DocsFolder}, median of {options.Runs} run{(options.Runs == 1 ? "" : "s")}, {Environment.ProcessorCount} cores\n\n");
        var width = Math.Max(40, report.Figures.Max(f => f.Label.Length) + 2);
        text.Append("figure".PadRight(width)).Append("value".PadLeft(16)).Append("  ").Append("target".PadRight(24)).Append("result\n");
        foreach (var figure in report.Figures)
        {
            var value = figure.Value is { } v && !double.IsNaN(v) ? FormatValue(v, figure.Unit) : "n/a";
            var result = figure.Pass switch { true => "pass", false => "MISS", null => "" };
            text.Append(figure.Label.PadRight(width)).Append(value.PadLeft(16)).Append("  ").Append((figure.Target ?? "").PadRight(24)).Append(result).Append('\n');
            if (figure.Note is not null)
            {
                text.Append("    note: ").Append(figure.Note).Append('\n');
            }
        }

        foreach (var series in report.Scaling)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\ntime vs pages, {series.Name} ({series.Points.Count} points): linear seconds = {series.Linear.Intercept:0.0000} + {series.Linear.Slope:0.000000} x pages, R² {series.Linear.RSquared:0.000}\n");
            text.Append(CultureInfo.InvariantCulture,
                $"  quadratic check: seconds = {series.Quadratic.A:0.0000} + {series.Quadratic.B:0.000000} x pages + {series.Quadratic.C:0.000e+0} x pages², R² {series.Quadratic.RSquared:0.000}; x² term at {series.MaxPages:0} pages: {series.QuadraticShare * 100:0.0} % -> {(series.IsLinear ? "linear" : "NOT linear")}\n");
        }

        foreach (var note in report.Notes)
        {
            text.Append("\nnote: ").Append(note).Append('\n');
        }

        return text.ToString();
    }

    private static string FormatValue(double value, string unit) => unit switch
    {
        "x" => string.Create(CultureInfo.InvariantCulture, $"{value:0.00}x"),
        "%" => string.Create(CultureInfo.InvariantCulture, $"{value:0.0} %"),
        "s" => string.Create(CultureInfo.InvariantCulture, $"{value:0.000} s"),
        "ms" => string.Create(CultureInfo.InvariantCulture, $"{value:0.0} ms"),
        "methods" => string.Create(CultureInfo.InvariantCulture, $"{value:N0} methods"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value:N1} {unit}"),
    };

    internal static string ToJson(BenchReport report, BenchOptions options)
    {
        var result = new Dictionary<string, object?>
        {
            ["docs"] = options.DocsFolder,
            ["runs"] = options.Runs,
            ["cores"] = Environment.ProcessorCount,
            ["figures"] = report.Figures.Select(f => new Dictionary<string, object?>
            {
                ["key"] = f.Key,
                ["label"] = f.Label,
                ["value"] = f.Value is { } v && !double.IsNaN(v) && !double.IsInfinity(v) ? Math.Round(v, 4) : null,
                ["unit"] = f.Unit,
                ["target"] = f.Target,
                ["pass"] = f.Pass,
                ["note"] = f.Note,
            }).ToList(),
            ["scaling"] = report.Scaling.Select(s => new Dictionary<string, object?>
            {
                ["name"] = s.Name,
                ["points"] = s.Points.Select(p => new[] { p.Pages, Math.Round(p.Seconds, 5) }).ToList(),
                ["slope_seconds_per_page"] = Finite(s.Linear.Slope),
                ["intercept_seconds"] = Finite(s.Linear.Intercept),
                ["r_squared"] = Finite(s.Linear.RSquared),
                ["quadratic_c"] = Finite(s.Quadratic.C),
                ["quadratic_r_squared"] = Finite(s.Quadratic.RSquared),
                ["quadratic_share_at_max"] = Finite(s.QuadraticShare),
                ["linear"] = s.IsLinear,
            }).ToList(),
            ["notes"] = report.Notes,
        };
        return JsonSerializer.Serialize(result) + "\n";
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
