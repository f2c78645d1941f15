using System.CommandLine;
using System.Diagnostics;
using DealLens.Cli.Risk;
using DealLens.Core;
using DealLens.Core.Risk;

namespace DealLens.Cli.Commands;

/// <summary><c>deallens graph</c>: the money graph of every stored deal, as JSON, DOT, Mermaid, or rendered by Graphviz.</summary>
public static class GraphCommand
{
    private static readonly string[] s_formats = ["json", "dot", "mermaid", "svg", "png"];

    public static Command Create(CliContext context)
    {
        var company = new Option<string?>("--company") { Description = "Only relations touching this company, and the cycles through it.", HelpName = "NAME" };
        var format = new Option<string>("--format")
        {
            Description = "json, dot, mermaid, or svg/png (rendered by Graphviz `dot`).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong(s_formats);
        var output = new Option<string?>("--out") { Description = "File for svg/png (default: deallens-graph.<format>).", HelpName = "PATH" };
        var db = CommonOptions.Database();
        var command = new Command("graph", "Companies and the money relations between them (purchases, equity, warrants, backstops, loans, prepayments).")
        {
            company, format, output, db,
        };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct => RunAsync(
            context, parse.GetValue(company), parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(db), ct), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? company, string format, string? output, string? db, CancellationToken cancellationToken)
    {
        string? dotPath = null;
        if (format is "svg" or "png")
        {
            dotPath = FindOnPath(context, "dot");
            if (dotPath is null)
            {
                await context.Error.WriteLineAsync("deallens: Graphviz is not installed: apt-get install graphviz");
                return ExitCodes.UsageError;
            }
        }

        var session = await RiskSession.LoadAsync(await DealLensSettings.ReadDatabaseAsync(context, db), context.Time, RiskOptions.Default, cancellationToken);
        var (graph, cycles) = session.GraphFor(company is null ? null : session.RequireCompany(company));
        switch (format)
        {
            case "json":
                await context.Out.WriteAsync(GraphWriter.ToJson(graph, cycles));
                return ExitCodes.Ok;
            case "dot":
                await context.Out.WriteAsync(GraphWriter.ToDot(graph, cycles));
                return ExitCodes.Ok;
            case "mermaid":
                await context.Out.WriteAsync(GraphWriter.ToMermaid(graph, cycles));
                return ExitCodes.Ok;
            default:
                var target = Path.GetFullPath(output ?? "deallens-graph." + format, context.WorkingDirectory);
                await RenderAsync(dotPath!, format, GraphWriter.ToDot(graph, cycles), target, cancellationToken);
                await context.Out.WriteLineAsync(target);
                return ExitCodes.Ok;
        }
    }

    private static async Task RenderAsync(string dotPath, string format, string dot, string target, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(dotPath) { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-T" + format);
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(target);
        using var process = Process.Start(start) ?? throw new DealLensException("cannot start Graphviz dot");
        await process.StandardInput.WriteAsync(dot);
        process.StandardInput.Close();
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new DealLensException($"Graphviz dot failed: {errors.Trim()}");
        }
    }

    // PATH is read through the context, like `report` does, so a test can stand for a machine without Graphviz.
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
