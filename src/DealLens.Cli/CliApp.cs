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
        return new RootCommand("DealLens: what AI-infrastructure deals really commit, who carries the risk, and where the money goes round.")
        {
            AnalyzeCommand.Create(context),
            EvalCommand.Create(context),
            EvalFilingsCommand.Create(context),
            TrainCommand.Create(context),
            RiskCommand.Create(context),
            GraphCommand.Create(context),
            CompaniesCommand.Create(context),
            ModelsCommand.Create(context),
            BenchCommand.Create(context),
            ReviewCommand.Create(context),
            ReportCommand.Create(context),
            DocumentsCommand.Create(context),
            BatchCommand.Create(context),
            RulesCommand.Create(context),
        };
    }

    public static Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parse = Build(context).Parse(args);
        var invocation = new InvocationConfiguration { Output = context.Out, Error = context.Error };
        return parse.InvokeAsync(invocation, cancellationToken);
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
