using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DealLens.Cli.Analysis;
using DealLens.Cli.Output;
using DealLens.Core;
using DealLens.Core.Clauses.Learning;

namespace DealLens.Cli.Commands;

/// <summary>
/// <c>deallens train --labels FILE --out FILE</c>: trains the span model of the embedded extractor on labelled
/// contracts. The same labels, documents, seed and --trained-on date give the same model file, byte for byte.
/// </summary>
public static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var labels = new Option<string>("--labels")
        {
            Description = "CUAD-style labels.jsonl to train on (e.g. ../shared/cuad-dev/labels.jsonl).",
            HelpName = "FILE",
            Required = true,
        };
        var docs = new Option<string?>("--docs")
        {
            Description = "Folder holding the labelled documents (default: the labels file's folder).",
            HelpName = "DIR",
        };
        var output = new Option<string>("--out")
        {
            Description = "Where to write the model file (use it with --clause-model or DEALLENS_CLAUSE_MODEL).",
            HelpName = "FILE",
            DefaultValueFactory = _ => "clause-model.bin",
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Random seed for shuffling and fold assignment.",
            DefaultValueFactory = _ => new ClauseTrainerOptions().Seed,
        };
        var trainedOn = new Option<string?>("--trained-on")
        {
            Description = "Date recorded in the model's provenance, yyyy-MM-dd (default: today, UTC).",
            HelpName = "DATE",
        };

        var all = new Option<bool>("--all")
        {
            Description = "Train on every labelled contract, the locked third included (by default the locked third is left out, so `eval --locked` stays honest).",
        };

        var representation = new RepresentationOptions();
        var command = new Command("train", "Train the embedded extractor's span model on labelled contracts (deterministic for a fixed seed).")
        {
            labels, docs, output, seed, trainedOn, all,
        };
        foreach (var option in representation.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct => RunAsync(
            context,
            parse.GetRequiredValue(labels),
            parse.GetValue(docs),
            parse.GetRequiredValue(output),
            parse.GetValue(seed),
            parse.GetValue(trainedOn),
            parse.GetValue(all),
            representation.Trainer(parse, representation.Apply(parse, ClauseFeatureOptions.Shipped)),
            ct), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, string labels, string? docs, string output, long seed, string? trainedOn, bool all, ClauseTrainerOptions trainer, CancellationToken cancellationToken)
    {
        var date = trainedOn ?? context.Time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new DealLensException($"--trained-on: '{date}' is not a date in the form yyyy-MM-dd");
        }

        var labelsPath = Path.GetFullPath(labels, context.WorkingDirectory);
        var outputPath = Path.GetFullPath(output, context.WorkingDirectory);
        var status = new StatusLine(context.Error, context.ErrorIsTerminal);
        var set = await LabelledDocuments.LoadAsync(
            labelsPath,
            docs is null ? null : Path.GetFullPath(docs, context.WorkingDirectory),
            Environment.ProcessorCount,
            (done, total) => status.Show($"reading {done}/{total}"),
            cancellationToken);
        status.Clear();
        foreach (var failure in set.Failures)
        {
            await context.Error.WriteLineAsync($"deallens: {failure}");
        }

        if (!all)
        {
            var lockedFlags = LockedSplit.Locked(set.Documents);
            await context.Error.WriteLineAsync(
                $"deallens: training on the unlocked contracts; leaving out the {lockedFlags.Count(f => f)} locked ones (use --all to include them)");
            set = set with { Documents = [.. set.Documents.Where((_, i) => !lockedFlags[i])] };
        }

        if (set.Documents.Count < 3)
        {
            throw new DealLensException($"{labelsPath}: at least 3 readable labelled contracts are needed to train; found {set.Documents.Count}");
        }

        var options = trainer with
        {
            Seed = seed,
            Info = new ClauseModelInfo
            {
                Data = $"{Path.GetFileName(Path.GetDirectoryName(labelsPath))}/{Path.GetFileName(labelsPath)}: {set.Documents.Count} contracts{(all ? "" : " (unlocked part)")}",
                License = "CC BY 4.0 (CUAD v1)",
                Attribution = "CUAD v1, The Atticus Project, https://www.atticusprojectai.org/cuad",
                TrainedOn = date,
            },
        };
        var clock = Stopwatch.StartNew();
        var contracts = set.Documents.Select(d => TrainingContract.FromCuad(d.Gold, d.Document)).ToList();
        status.Show($"training on {contracts.Count} contracts");
        var model = new ClauseModelTrainer(options).Train(contracts);
        status.Clear();

        // Write beside the target and move into place, so a crash never leaves a half-written model behind.
        var temporary = outputPath + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        await using (var stream = File.Create(temporary))
        {
            model.Save(stream);
        }

        File.Move(temporary, outputPath, overwrite: true);
        await context.Out.WriteLineAsync(
            $"trained on {contracts.Count} contracts in {clock.Elapsed.TotalSeconds:0.0} s; wrote {outputPath} ({new FileInfo(outputPath).Length / 1024.0 / 1024.0:0.0} MB, {Pipelines.ModelVersion(model)})");
        var alone = model.Types.Where(t => float.IsFinite(model.AloneThresholdOf(t))).Select(t => $"{t} {model.AloneThresholdOf(t):0.00}").ToList();
        if (alone.Count > 0)
        {
            await context.Out.WriteLineAsync($"veto types reporting alone where no rule matches (threshold): {string.Join(", ", alone)}");
        }

        return set.Failures.Count > 0 ? ExitCodes.SomeDocumentsFailed : ExitCodes.Ok;
    }
}
