using System.CommandLine;
using System.Globalization;
using DealLens.Cli.Analysis;
using DealLens.Core.Clauses.Learning;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Evaluation;

namespace DealLens.Cli.Commands;

/// <summary>
/// <c>deallens eval-parties --labels FILE</c>: a developer command that measures party recall on CUAD contracts
/// (their "Parties" answers). The locked third (<see cref="LockedSplit"/>) is not scored unless <c>--locked</c> asks
/// for its aggregate figure; its contracts are never listed.
/// </summary>
public static class EvalPartiesCommand
{
    public static Command Create(CliContext context)
    {
        var labels = new Option<string?>("--labels") { Description = "CUAD labels.jsonl (e.g. ../shared/cuad-dev/labels.jsonl).", HelpName = "FILE" };
        var docs = new Option<string?>("--docs") { Description = "Folder holding the PDFs (default: the labels file's folder).", HelpName = "DIR" };
        var locked = new Option<bool>("--locked") { Description = "Also score the locked third and print its aggregate figure only." };
        var misses = new Option<bool>("--misses") { Description = "List the development contracts' missed parties." };
        var command = new Command("eval-parties", "Developer: party recall on labelled CUAD contracts (development part; --locked adds the locked aggregate).")
        {
            labels, docs, locked, misses,
        };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct => RunAsync(
            context, parse.GetValue(labels), parse.GetValue(docs), parse.GetValue(locked), parse.GetValue(misses), ct), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? labelsOption, string? docsOption, bool locked, bool showMisses, CancellationToken cancellationToken)
    {
        if (labelsOption is null)
        {
            await context.Error.WriteLineAsync("deallens: eval-parties needs --labels FILE (e.g. --labels ../shared/cuad-dev/labels.jsonl)");
            return ExitCodes.UsageError;
        }

        var labelsPath = Path.GetFullPath(labelsOption, context.WorkingDirectory);
        var docsFolder = docsOption is null ? null : Path.GetFullPath(docsOption, context.WorkingDirectory);
        var set = await LabelledDocuments.LoadAsync(labelsPath, docsFolder, Environment.ProcessorCount, null, cancellationToken);
        foreach (var failure in set.Failures)
        {
            await context.Error.WriteLineAsync($"deallens: {failure}");
        }

        var lockedFlags = LockedSplit.Locked(set.Documents);
        var development = new List<CuadPartyScore>();
        var held = new List<CuadPartyScore>();
        for (var i = 0; i < set.Documents.Count; i++)
        {
            if (lockedFlags[i] && !locked)
            {
                continue;
            }

            var document = set.Documents[i];
            if (!document.Gold.Labels.TryGetValue(CuadCategories.Parties, out var label))
            {
                continue;
            }

            var expected = CuadPartyScorer.Expected(label);
            if (expected.Count == 0)
            {
                continue;
            }

            var terms = DealTermsExtractor.Default.Extract(document.Document).Terms;
            var origin = DocumentOriginReader.Read(document.Document);
            (lockedFlags[i] ? held : development).Add(CuadPartyScorer.Score(document.Gold.File, expected, CuadPartyScorer.NamesRead(terms, origin)));
        }

        if (showMisses)
        {
            foreach (var score in development.Where(s => s.Missing.Count > 0))
            {
                await context.Out.WriteLineAsync($"{score.File}: missing {string.Join("; ", score.Missing)} (read {string.Join("; ", score.Read)})");
            }
        }

        await context.Out.WriteLineAsync(Line("development", development));
        if (locked)
        {
            await context.Out.WriteLineAsync(Line("locked (aggregate only)", held));
        }

        return set.Failures.Count > 0 ? ExitCodes.SomeDocumentsFailed : ExitCodes.Ok;
    }

    private static string Line(string part, IReadOnlyList<CuadPartyScore> scores)
    {
        var found = scores.Sum(s => s.Found);
        var expected = scores.Sum(s => s.Expected);
        var all = scores.Count(s => s.Found == s.Expected);
        return string.Create(CultureInfo.InvariantCulture,
            $"{part}: {scores.Count} contracts, named parties found {found} of {expected} ({(expected == 0 ? 0 : (double)found / expected):0.00}), contracts with every party found {all} of {scores.Count}");
    }
}
