using System.CommandLine;
using DealLens.Cli.Analysis;
using DealLens.Core;
using DealLens.Core.Evaluation;

namespace DealLens.Cli.Commands;

/// <summary>
/// <c>deallens eval-clauses --set FILE [--locked]</c>: a developer command that reads each clause of a paraphrase
/// check set alone with the embedded extractor and prints, per core-12 category, balanced accuracy, recall and
/// precision against every other clause of the set. The development half prints its table; <c>--locked</c> scores
/// the locked half (<see cref="ClauseParaphraseSet.IsLocked"/>) and prints aggregate figures only.
/// </summary>
public static class EvalClausesCommand
{
    public static Command Create(CliContext context)
    {
        var set = new Option<string?>("--set")
        {
            Description = "Paraphrase check set, JSON Lines (e.g. tests/DealLens.Tests/Data/clause-paraphrases/clause-paraphrases.jsonl).",
            HelpName = "FILE",
        };
        var locked = new Option<bool>("--locked") { Description = "Score the locked half instead and print aggregate figures only." };
        var clauseModel = CommonOptions.ClauseModel();
        var command = new Command("eval-clauses", "Developer: clause detection on a paraphrase check set, each clause alone (development half; --locked: the locked half, aggregate only).")
        {
            set, locked, clauseModel,
        };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct => RunAsync(
            context, parse.GetValue(set), parse.GetValue(locked), parse.GetValue(clauseModel), ct), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? setOption, bool locked, string? modelFlag, CancellationToken cancellationToken)
    {
        if (setOption is null)
        {
            await context.Error.WriteLineAsync("deallens: eval-clauses needs --set FILE (e.g. --set tests/DealLens.Tests/Data/clause-paraphrases/clause-paraphrases.jsonl)");
            return ExitCodes.UsageError;
        }

        var path = Path.GetFullPath(setOption, context.WorkingDirectory);
        if (!File.Exists(path))
        {
            throw new DealLensException($"{path}: file not found");
        }

        IReadOnlyList<ClauseParaphrase> paraphrases;
        using (var reader = new StreamReader(path))
        {
            paraphrases = ClauseParaphraseSet.Read(reader);
        }

        var half = locked ? ParaphraseHalf.Locked : ParaphraseHalf.Development;
        var clauses = paraphrases.Count(p => p.IsLocked == locked);
        var items = ClauseParaphraseSet.Items(paraphrases, half);
        if (items.Count == 0)
        {
            throw new DealLensException($"{path}: the {(locked ? "locked" : "development")} half has no labelled clause");
        }

        var settings = DealLensSettings.Load(context);
        var extractor = Pipelines.CreateEmbeddedExtractor(settings.ModelPath(modelFlag));
        cancellationToken.ThrowIfCancellationRequested();
        var report = ClauseTasks.Evaluate(items, document => extractor.Extract(document), Environment.ProcessorCount);
        await context.Out.WriteAsync(locked
            ? ClauseParaphraseSet.LockedSummary(report, clauses)
            : ClauseParaphraseSet.DevelopmentText(report, clauses));
        return ExitCodes.Ok;
    }
}
