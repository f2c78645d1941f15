using System.CommandLine;
using DealLens.Cli;
using DealLens.Tools.Commands;

namespace DealLens.Tools;

/// <summary>
/// <c>deallens-tools</c>: the benchmarks, the PDF fuzzer and the memory probe that used to sit in the shipped CLI.
/// Each drives the product through what it exposes (the pipeline, the extractors, the stores, the command tree).
/// </summary>
public static class ToolsApp
{
    public const string Name = "deallens-tools";

    public static RootCommand Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RootCommand("DealLens tools (not shipped): benchmarks against the issue targets, the PDF fuzz loop, a peak-memory probe.")
        {
            BenchCommand.Create(context),
            FuzzCommand.Create(context),
            MeasureCommand.Create(context),
            TrainRelationAcceptorCommand.Create(context),
        };
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var root = Build(context);
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0 && !CommandLineRules.IsHelpOrVersion(parse))
        {
            foreach (var error in parse.Errors.Select(e => CommandLineRules.Describe(e.Message)).Distinct())
            {
                await context.Error.WriteLineAsync($"{Name}: {error}");
            }

            await context.Error.WriteLineAsync($"Run `{Name} --help` for the commands and their options.");
            return ExitCodes.UsageError;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error }, cancellationToken);
    }
}
