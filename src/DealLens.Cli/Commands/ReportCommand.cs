using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using DealLens.Charts;
using DealLens.Cli.Risk;
using DealLens.Core;
using DealLens.Core.Pipeline;
using DealLens.Core.Reports;
using DealLens.Core.Risk;
using DealLens.Storage;

namespace DealLens.Cli.Commands;

/// <summary><c>deallens report</c>: a readable report (HTML, Markdown) or an evidence export (JSON, CSV) of stored deals.</summary>
public static class ReportCommand
{
    /// <summary>Where an HTML report goes when no --out is given.</summary>
    public const string DefaultHtmlFile = "report.html";

    private static readonly string[] s_formats = ["html", "md", "json", "csv"];

    public static Command Create(CliContext context)
    {
        var company = new Option<string?>("--company") { Description = "Only the deals touching this company (any spelling or alias).", HelpName = "NAME" };
        var deal = new Option<string?>("--deal")
        {
            Description = "Only one deal: its id as listed by `deallens graph --format json` (relations[].id) and in every report's Deals table; a unique prefix of 4+ characters works.",
            HelpName = "ID",
        };
        var document = new Option<string?>("--document")
        {
            Description = "Only one analysed document: the file (matched by content) or the path it was analysed under.",
            HelpName = "PATH",
        };
        var format = new Option<string?>("--format") { Description = "html, md, json or csv (default: from the --out extension, else html).", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong(s_formats);
        var output = new Option<string?>("--out")
        {
            Description = $"File to write; '-' for standard output (HTML only when it is not a terminal). Default: {DefaultHtmlFile} in the working folder for HTML, standard output for md, json and csv.",
            HelpName = "FILE",
        };
        var db = CommonOptions.Database();
        var command = new Command("report", "A report of stored deals: summary, risk scores with evidence, every clause in its text with page and review status, company graph and charts (HTML), or the evidence as Markdown, JSON or CSV.")
        {
            company, deal, document, format, output, db,
        };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct => RunAsync(
            context, parse.GetValue(company), parse.GetValue(deal), parse.GetValue(document), parse.GetValue(format), parse.GetValue(output),
            parse.GetValue(db), ct), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, string? company, string? deal, string? document, string? format, string? output, string? db, CancellationToken cancellationToken)
    {
        if (new[] { company, deal, document }.Count(s => s is not null) > 1)
        {
            await context.Error.WriteLineAsync("deallens: choose at most one of --company, --deal and --document");
            return ExitCodes.UsageError;
        }

        format ??= FormatFromExtension(output is null or "-" ? null : output);
        if (output is null && format == "html")
        {
            // A self-contained HTML page is for a browser, not a terminal: without --out it goes to a file.
            output = DefaultHtmlFile;
        }

        if (output == "-" && format == "html" && context.OutIsTerminal)
        {
            throw new DealLensException($"will not print an HTML report to a terminal: give --out FILE (default {DefaultHtmlFile}), or pipe the output");
        }

        var toStdout = output is null or "-";
        var target = toStdout ? null : Path.GetFullPath(output!, context.WorkingDirectory);

        var databasePath = await DealLensSettings.ReadDatabaseAsync(context, db);
        await using var database = DealLensDatabase.OpenForReading(databasePath, context.Time);
        var session = await RiskSession.LoadAsync(database, RiskOptions.Default, cancellationToken);
        var analyses = await RiskSession.LoadAnalysesAsync(database, cancellationToken);
        if (analyses.Count == 0)
        {
            throw new DealLensException($"{DealLensSettings.DisplayName(databasePath)} holds no analysed documents: run `deallens analyze` first");
        }

        var reviews = await database.Review.LoadReviewStatusesAsync(cancellationToken);

        var scope = company is not null ? ReportScope.ForCompany(company, session.Graph, analyses, session.Resolver)
            : deal is not null ? ReportScope.ForDeal(deal, session.Graph, analyses)
            : document is not null ? ReportScope.ForDocument(document, await FindDocumentAsync(context, analyses, document, cancellationToken), session.Graph)
            : ReportScope.All;
        var report = ReportBuilder.Build(scope, analyses, session.Graph, session.Report, reviews, context.Time.GetUtcNow());

        var text = format switch
        {
            "md" => ReportMarkdown.Write(report),
            "json" => ReportJson.Write(report),
            "csv" => ReportCsv.Write(report),
            _ => ReportHtml.Write(report, Charts(report), await GraphFigureAsync(context, session, report, cancellationToken)),
        };

        if (target is null)
        {
            await context.Out.WriteAsync(text);
            return ExitCodes.Ok;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DealLensException($"{target}: cannot write the report: {ex.Message}", ex);
        }

        await context.Out.WriteLineAsync(target);
        await context.Error.WriteLineAsync(FormattableString.Invariant(
            $"deallens: {format} report of {report.Documents.Count} document{(report.Documents.Count == 1 ? "" : "s")} written to {target} ({new FileInfo(target).Length / 1024.0:0.#} KB) from {DealLensSettings.DisplayName(databasePath)}"));
        return ExitCodes.Ok;
    }

    private static string FormatFromExtension(string? path) => Path.GetExtension(path ?? "").ToLowerInvariant() switch
    {
        ".md" or ".markdown" => "md",
        ".json" => "json",
        ".csv" => "csv",
        _ => "html",
    };

    /// <summary>
    /// The stored analysis of <paramref name="selector"/>: an existing file is matched by its content hash (so any path to
    /// it works); otherwise by the path it was analysed under, as given or resolved against the working folder.
    /// </summary>
    private static async Task<DocumentAnalysis> FindDocumentAsync(
        CliContext context, IReadOnlyList<DocumentAnalysis> analyses, string selector, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(selector, context.WorkingDirectory);
        if (File.Exists(full))
        {
            string sha;
            await using (var stream = File.OpenRead(full))
            {
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            }

            return analyses.FirstOrDefault(a => a.Sha256 == sha)
                ?? throw new DealLensException($"{selector}: this file (its current content) has not been analysed: run `deallens analyze {selector}` first");
        }

        var matches = analyses
            .Where(a => a.SourcePath == selector || Path.GetFullPath(a.SourcePath, context.WorkingDirectory) == full)
            .ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new DealLensException($"no stored document matches \"{selector}\" (not a file here, nor a path a document was analysed under)"),
            _ => throw new DealLensException(
                $"\"{selector}\" was analysed in {matches.Count} versions ({string.Join(", ", matches.Select(m => m.Sha256[..12]))}); name the current file instead"),
        };
    }

    private static List<ReportFigure> Charts(Report report)
    {
        var renderer = new ScottPlotChartRenderer();
        return ReportCharts.For(report)
            .Select(chart => new ReportFigure(chart.Id, chart.Title, renderer.RenderSvg(chart),
                chart.Id == ReportCharts.ValueByCustomer
                    ? "Each bar is a provider; segments are its customers' committed purchases (headline amounts; unknown amounts left out)."
                    : "Headline is the value as announced; binding is the part that is committed (a ceiling or letter of intent binds nothing)."))
            .ToList();
    }

    /// <summary>The company graph drawn by Graphviz when `dot` is on PATH, else by the built-in layout.</summary>
    private static async Task<ReportFigure> GraphFigureAsync(CliContext context, RiskSession session, Report report, CancellationToken cancellationToken)
    {
        const string Title = "Company graph";
        var left = report.Companies.Count - report.ConnectedCompanies.Count;
        var legend = "Arrows run the way the money commitment runs: solid = purchase, dashed = financing; red = part of a money loop."
            + (left > 0 ? FormattableString.Invariant($" Only companies with a money relation are drawn ({left} others left out).") : "");
        var dotPath = FindOnPath(context, "dot");
        if (dotPath is not null)
        {
            var ids = report.Deals.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var graph = session.Graph with
            {
                Companies = report.ConnectedCompanies,
                Relations = session.Graph.Relations.Where(r => ids.Contains(r.Id)).ToList(),
            };
            var svg = await RunDotAsync(dotPath, GraphWriter.ToDot(graph, report.Risk.Cycles), cancellationToken);
            if (svg is not null)
            {
                return new ReportFigure("graph", Title, svg, legend + " Drawn by Graphviz.");
            }

            await context.Error.WriteLineAsync("deallens: Graphviz dot failed; the report uses the built-in graph layout");
        }

        return new ReportFigure("graph", Title, GraphSvgLayout.Render(report.ConnectedCompanies, report.Deals), legend);
    }

    private static async Task<string?> RunDotAsync(string dotPath, string dot, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(dotPath) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-Tsvg");
        using var process = Process.Start(start);
        if (process is null)
        {
            return null;
        }

        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(dot);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        var svg = await stdout;
        await stderr;
        if (process.ExitCode != 0)
        {
            return null;
        }

        // Keep only the <svg> element: the DOCTYPE names an external DTD, which nothing should try to fetch.
        var begin = svg.IndexOf("<svg", StringComparison.Ordinal);
        return begin < 0 ? null : svg[begin..];
    }

    private static string? FindOnPath(CliContext context, string program)
    {
        foreach (var folder in (context.ReadEnvironment("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
