using System.CommandLine;
using DealLens.Cli.Analysis;
using DealLens.Core;
using DealLens.Core.Clauses;
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
        var errors = new Option<bool>("--errors") { Description = "Development half only: also list every clause answered wrongly, with the clause types that came back." };
        var clauseModel = CommonOptions.ClauseModel();
        var command = new Command("eval-clauses", "Developer: clause detection on a paraphrase check set, each clause alone (development half; --locked: the locked half, aggregate only).")
        {
            set, locked, errors, clauseModel,
        };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct => RunAsync(
            context, parse.GetValue(set), parse.GetValue(locked), parse.GetValue(errors), parse.GetValue(clauseModel), ct), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? setOption, bool locked, bool listErrors, string? modelFlag, CancellationToken cancellationToken)
    {
        if (setOption is null)
        {
            await context.Error.WriteLineAsync("deallens: eval-clauses needs --set FILE (e.g. --set tests/DealLens.Tests/Data/clause-paraphrases/clause-paraphrases.jsonl)");
            return ExitCodes.UsageError;
        }

        if (locked && listErrors)
        {
            await context.Error.WriteLineAsync("deallens: --errors lists development clauses only; the locked half prints aggregates only");
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
        var answers = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Clause>>(StringComparer.Ordinal);
        var report = ClauseTasks.Evaluate(items, document => answers[document.Text] = extractor.Extract(document), Environment.ProcessorCount);
        await context.Out.WriteAsync(locked
            ? ClauseParaphraseSet.LockedSummary(report, clauses)
            : ClauseParaphraseSet.DevelopmentText(report, clauses));
        if (listErrors)
        {
            foreach (var paraphrase in paraphrases.Where(p => !p.IsLocked))
            {
                var got = answers.TryGetValue(paraphrase.Text, out var found) ? found : [];
                var categories = got.Select(c => CuadCategories.ForClauseType(c.Type)).Where(c => c is not null && CuadCategories.IsCore(c)).Distinct().ToList();
                var right = paraphrase.Category is null ? categories.Count == 0 : categories.Count == 1 && categories[0] == paraphrase.Category;
                if (!right)
                {
                    await context.Out.WriteLineAsync(
                        $"{paraphrase.Id} [{paraphrase.Category ?? "negative"}] got: {(got.Count == 0 ? "nothing" : string.Join(", ", got.Select(c => $"{c.Type} {c.Confidence:0.00}")))}\n    {paraphrase.Text}");
                }
            }
        }
        return ExitCodes.Ok;
    }
}
