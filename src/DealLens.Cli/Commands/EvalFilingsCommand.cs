using System.CommandLine;
using System.Security.Cryptography;
using DealLens.Cli.Analysis;
using DealLens.Core;
using DealLens.Core.Deals;
using DealLens.Core.Evaluation;
using DealLens.Extraction;

namespace DealLens.Cli.Commands;

/// <summary>
/// <c>deallens eval-filings --labels FILE</c>: a developer command that runs the embedded pipeline (the one
/// <c>analyze</c> uses) on labelled real filings and scores parties, roles, values, terms, capacity, money relations
/// and concentration. A fixed third of the set is locked (<see cref="FilingSplit"/>): by default it is not even
/// read; <c>--locked</c> adds its aggregate figure only; <c>--all</c> shows every document.
/// </summary>
public static class EvalFilingsCommand
{
    public static Command Create(CliContext context)
    {
        var labels = new Option<string?>("--labels")
        {
            Description = "Real-filings labels.jsonl (e.g. ../shared/real-filings/labels.jsonl).",
            HelpName = "FILE",
        };
        var docs = new Option<string?>("--docs")
        {
            Description = "Folder holding the documents (default: the docs folder beside the labels file).",
            HelpName = "DIR",
        };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var locked = new Option<bool>("--locked")
        {
            Description = "Also score the locked part and print its aggregate figure only (never its documents, rows or errors).",
        };
        var all = new Option<bool>("--all")
        {
            Description = "Score every document as one set with per-document rows, locked ones included (spends the locked part).",
        };
        var trainRoles = new Option<string?>("--train-roles")
        {
            Description = "Instead of scoring, add the development part's parties (never the locked part) to the deal-side model counts in FILE (created or added to).",
            HelpName = "FILE",
        };
        var clauseModel = CommonOptions.ClauseModel();
        var command = new Command("eval-filings", "Developer: score parties, roles, terms, money relations and concentration on labelled real filings.")
        {
            labels, docs, json, locked, all, clauseModel, trainRoles,
        };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct => RunAsync(
            context,
            parse.GetValue(labels),
            parse.GetValue(docs),
            parse.GetValue(json),
            parse.GetValue(locked),
            parse.GetValue(all),
            parse.GetValue(clauseModel),
            parse.GetValue(trainRoles),
            ct), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, string? labelsOption, string? docsOption, bool json, bool locked, bool all, string? clauseModel, string? trainRoles, CancellationToken cancellationToken)
    {
        if (labelsOption is null)
        {
            await context.Error.WriteLineAsync("deallens: eval-filings needs --labels FILE (e.g. --labels ../shared/real-filings/labels.jsonl)");
            return ExitCodes.UsageError;
        }

        if (locked && all)
        {
            await context.Error.WriteLineAsync("deallens: --locked and --all cannot be combined (--all already scores every document)");
            return ExitCodes.UsageError;
        }

        var labelsPath = Path.GetFullPath(labelsOption, context.WorkingDirectory);
        var docsFolder = docsOption is null
            ? Path.Combine(Path.GetDirectoryName(labelsPath)!, "docs")
            : Path.GetFullPath(docsOption, context.WorkingDirectory);
        if (!Directory.Exists(docsFolder))
        {
            await context.Error.WriteLineAsync($"deallens: {docsFolder}: documents folder not found (give it with --docs DIR)");
            return ExitCodes.UsageError;
        }

        IReadOnlyList<FilingLabel> labelSet;
        try
        {
            using var reader = new StreamReader(labelsPath);
            labelSet = FilingLabels.Read(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DealLensException($"{labelsPath}: cannot read labels: {ex.Message}", ex);
        }
        catch (DealLensException ex)
        {
            throw new DealLensException($"{labelsPath}: {ex.Message}", ex);
        }

        if (trainRoles is not null)
        {
            return await TrainRolesAsync(context, labelSet, docsFolder, Path.GetFullPath(trainRoles, context.WorkingDirectory));
        }

        var settings = DealLensSettings.Load(context);
        var pipeline = Pipelines.CreateEmbedded(settings.ModelPath(clauseModel));

        var development = new List<FilingDocumentScore>();
        var developmentErrors = new List<string>();
        var lockedScores = new List<FilingDocumentScore>();
        var lockedErrors = new List<string>();
        foreach (var label in labelSet)
        {
            var isLocked = !all && FilingSplit.IsLocked(label.Doc);
            if (isLocked && !locked)
            {
                continue;
            }

            var (prediction, error) = await PredictAsync(pipeline, Path.Combine(docsFolder, label.Doc), cancellationToken);
            var score = FilingScorer.Score(label, prediction);
            (isLocked ? lockedScores : development).Add(score);
            if (error is not null)
            {
                (isLocked ? lockedErrors : developmentErrors).Add(error);
            }
        }

        var parts = new List<FilingPart>
        {
            FilingReport.Part(all ? FilingReport.All : FilingReport.Development, development, developmentErrors, showDocuments: true),
        };
        if (locked)
        {
            parts.Add(FilingReport.Part(FilingReport.Locked, lockedScores, lockedErrors, showDocuments: false));
        }

        var report = new FilingReport(parts);
        await context.Out.WriteAsync(json ? FilingReportFormatter.ToJson(report) : FilingReportFormatter.ToText(report));
        if (!all && !locked && !json)
        {
            var held = labelSet.Count(l => FilingSplit.IsLocked(l.Doc));
            await context.Error.WriteLineAsync($"deallens: {held} locked document(s) not read; --locked adds their aggregate figure");
        }

        return developmentErrors.Count + lockedErrors.Count > 0 ? ExitCodes.SomeDocumentsFailed : ExitCodes.Ok;
    }

    private static async Task<int> TrainRolesAsync(CliContext context, IReadOnlyList<FilingLabel> labelSet, string docsFolder, string output)
    {
        var model = new PartyRoleModel();
        if (File.Exists(output))
        {
            using var existing = new StreamReader(output);
            model.Read(existing, output);
        }

        var before = model.ExampleCount;
        var documents = 0;
        foreach (var label in labelSet.Where(l => !FilingSplit.IsLocked(l.Doc)))
        {
            var path = Path.Combine(docsFolder, label.Doc);
            if (!File.Exists(path))
            {
                throw new DealLensException($"{path}: labelled document not found");
            }

            var examples = PartyRoleTraining.Examples(TextExtractors.ReadFile(path), label.Provider, label.Customer);
            documents += examples.Count > 0 ? 1 : 0;
            foreach (var (features, role) in examples)
            {
                model.Add(features, role);
            }
        }

        await using (var writer = new StreamWriter(output))
        {
            model.Write(writer);
        }

        await context.Out.WriteLineAsync($"{output}: added {model.ExampleCount - before} parties from {documents} development documents ({model.ExampleCount} in all)");
        return ExitCodes.Ok;
    }

    private static async Task<(FilingPrediction Prediction, string? Error)> PredictAsync(
        Core.Pipeline.DealPipeline pipeline, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return (FilingPrediction.Empty, $"{path}: labelled document not found");
        }

        try
        {
            var text = TextExtractors.ReadFile(path);
            var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, cancellationToken)));
            var analysis = await pipeline.AnalyzeAsync(path, sha, text, cancellationToken);
            return (FilingPrediction.From(analysis), null);
        }
        catch (DealLensException ex)
        {
            return (FilingPrediction.Empty, ex.Message);
        }
    }
}
