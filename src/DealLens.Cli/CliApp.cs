using System.CommandLine;
using DealLens.Cli.Commands;
using DealLens.Core;

namespace DealLens.Cli;

/// <summary>The command tree and the one place where exceptions become exit codes.</summary>
public static class CliApp
{
    public static RootCommand Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // In the order a user works; root help lists CommandLineRules.DeveloperCommands after the others. Benchmarks and
        // the fuzzer are not here: they live in tools/DealLens.Tools (deallens-tools), outside the shipped tool.
        var root = new RootCommand("DealLens: what AI-infrastructure deals really commit, who carries the risk, and where the money goes round.")
        {
            AnalyzeCommand.Create(context),
            RiskCommand.Create(context),
            ReportCommand.Create(context),
            ReviewCommand.Create(context),
            GraphCommand.Create(context),
            CompaniesCommand.Create(context),
            DocumentsCommand.Create(context),
            BatchCommand.Create(context),
            DbCommand.Create(context),
            ModelsCommand.Create(context),
            EvalCommand.Create(context),
            TrainCommand.Create(context),
            EvalFilingsCommand.Create(context),
            EvalPartiesCommand.Create(context),
            EvalClausesCommand.Create(context),
            RulesCommand.Create(context),
        };
        CommandLineRules.Apply(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        AnalyzeCommand.StartLoading(args);
        if (CollectRelationCandidates(context.ReadEnvironment("DEALLENS_RELATION_CANDIDATES")) is { } problem)
        {
            await context.Error.WriteLineAsync($"deallens: DEALLENS_RELATION_CANDIDATES: {problem}");
            return ExitCodes.CouldNotRun;
        }

        var root = Build(context);
        // No @file expansion: an argument starting with @ is a file name like any other.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var errors = parse.Errors.Select(e => CommandLineRules.Describe(e.Message)).Concat(CommandLineRules.UnknownOptions(parse)).Distinct().ToList();
        if (errors.Count > 0 && !CommandLineRules.IsHelpOrVersion(parse))
        {
            if (args.Length == 0)
            {
                errors = ["no command given"];
            }

            foreach (var error in errors)
            {
                await context.Error.WriteLineAsync($"deallens: {error}");
            }

            await context.Error.WriteAsync(args.Length == 0
                ? CommandLineRules.RootHelp(root)
                : CommandLineRules.Usage(root, parse.CommandResult.Command, parse));
            return ExitCodes.UsageError;
        }

        var invocation = new InvocationConfiguration { Output = context.Out, Error = context.Error };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    // Training data of the relation acceptor (docs/relation-acceptor-data.py): every prose candidate, one JSON line each.
    /// <summary>Writes every relation candidate the prose readers judge to <paramref name="path"/> (JSON lines), for
    /// training the relation acceptor; returns why the file cannot be written, or null.</summary>
    private static string? CollectRelationCandidates(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        try
        {
            File.AppendAllText(path, "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot write '{path}': {e.Message}";
        }

        var gate = new object();
        Core.Risk.RelationReader.CandidateSink = c =>
        {
            var line = System.Text.Json.JsonSerializer.Serialize(new { kind = c.Kind.ToString(), from = c.From, to = c.To, quote = c.Quote, features = c.Features });
            lock (gate)
            {
                File.AppendAllText(path, line + "\n");
            }
        };
        return null;
    }

    /// <summary>Runs a command body: user errors exit 1, cancellation 130, anything else 2 with one line on stderr.</summary>
    public static async Task<int> RunGuardedAsync(CliContext context, Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body(cancellationToken);
        }
        catch (DealLensException ex)
        {
            await context.Error.WriteLineAsync($"deallens: {ex.Message}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("deallens: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            await context.Error.WriteLineAsync($"deallens: unexpected error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Unexpected;
        }
    }
}
