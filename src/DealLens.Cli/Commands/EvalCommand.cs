using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using DealLens.Cli.Analysis;
using DealLens.Cli.Output;
using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Learning;
using DealLens.Core.Documents;
using DealLens.Core.Evaluation;
using DealLens.Llm;
using DealLens.Storage;

namespace DealLens.Cli.Commands;

/// <summary>
/// <c>deallens eval --labels FILE</c>: measures an extractor against CUAD-style labels, prints the per-category
/// table, and stores the result so runs can be compared over time.
/// </summary>
public static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var labels = new Option<string?>("--labels")
        {
            Description = "CUAD-style labels.jsonl (e.g. ../shared/cuad-dev/labels.jsonl).",
            HelpName = "FILE",
        };
        var docs = new Option<string?>("--docs")
        {
            Description = "Folder holding the labelled documents (default: the labels file's folder).",
            HelpName = "DIR",
        };
        var llm = new LlmOptionSet();
        var crossValidate = new Option<bool>("--cross-validate")
        {
            Description = "Honest numbers: 5-fold cross-validation by contract on the unlocked two-thirds, training a model on four folds and scoring the fifth (takes minutes).",
        };
        var locked = new Option<bool>("--locked")
        {
            Description = "The locked third (fixed by a hash of the file name): train as `train` does on the unlocked contracts, score the locked ones and print aggregate figures only.",
        };
        var repeat = new Option<int>("--repeat")
        {
            Description = "With --cross-validate: run it this many times with different seeds (fold assignment, training order) and print the mean, lowest and highest headline numbers, so the noise of one run shows. The table is the first run's.",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        var singleClauses = new Option<bool>("--single-clauses")
        {
            Description = "Also ask yes/no single-clause questions built from the labels as LegalBench builds its CUAD tasks (each labelled clause alone as a document: does it belong to category X?) and print balanced accuracy per category; with --cross-validate each clause is answered by its fold's model, with --locked only the aggregate of the locked contracts is printed.",
        };
        var compareShort = new Option<bool>("--compare-short-documents")
        {
            Description = "With --cross-validate --single-clauses: also score a fixed grid of short-document settings on the same fold models and print one line per setting (for choosing them; docs/single-clauses.md).",
        };
        var shortSpans = new Option<int?>("--short-document-spans")
        {
            Description = "With --cross-validate / --locked: read a document of at most this many spans as a lone clause (0 = never; default: the extractor's).",
            HelpName = "N",
        };
        var shortRules = new Option<bool?>("--short-document-rules")
        {
            Description = "With --cross-validate / --locked: in a short document a rule of the type is enough (true/false; default: the extractor's).",
        };
        var shortThreshold = new Option<double?>("--short-document-threshold")
        {
            Description = "With --cross-validate / --locked: in a short document the model reports a span at this share of its threshold (default: the extractor's).",
            HelpName = "F",
        };
        var compareSilent = new Option<bool>("--compare-rules-silent")
        {
            Description = "With --cross-validate --single-clauses: also score the same fold models with no rule matching anywhere (a diagnostic of how much the model stands without the rules; docs/representation.md).",
        };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var predictionsOut = new Option<string?>("--predictions")
        {
            Description = "Also write every document's gold snippets and predicted clauses (held-out ones with --cross-validate) to this JSON Lines file, for error analysis.",
            HelpName = "FILE",
        };
        var history = new Option<bool>("--history") { Description = "List stored eval runs, newest first, and exit." };
        var db = CommonOptions.Database();
        var clauseModel = CommonOptions.ClauseModel();

        var command = new Command("eval", "Measure clause extraction against labelled contracts (CUAD format) and store the result.")
        {
            labels, docs, crossValidate, locked, repeat, singleClauses, compareShort, compareSilent, shortSpans, shortRules, shortThreshold, json, predictionsOut, history, db, clauseModel,
        };
        foreach (var option in llm.All)
        {
            command.Options.Add(option);
        }

        var representation = new RepresentationOptions();
        foreach (var option in representation.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct => parse.GetValue(history)
            ? ShowHistoryAsync(context, parse.GetValue(db), ct)
            : RunAsync(
                context,
                parse,
                llm,
                new EvalRequest(
                    parse.GetValue(labels),
                    parse.GetValue(docs),
                    parse.GetValue(crossValidate),
                    parse.GetValue(locked),
                    parse.GetValue(repeat),
                    parse.GetValue(json),
                    parse.GetValue(predictionsOut),
                    parse.GetValue(db),
                    parse.GetValue(clauseModel),
                    representation.Trainer(parse, representation.Apply(parse, ClauseFeatureOptions.Shipped)),
                    parse.GetValue(singleClauses),
                    parse.GetValue(compareShort),
                    ShortDocuments(parse.GetValue(shortSpans), parse.GetValue(shortRules), parse.GetValue(shortThreshold)),
                    parse.GetValue(compareSilent)),
                ct),
            cancellationToken));
        return command;
    }

    private sealed record EvalRequest(
        string? Labels, string? Docs, bool CrossValidate, bool Locked, int Repeat, bool Json, string? PredictionsOut, string? Db, string? ClauseModel, ClauseTrainerOptions Trainer, bool SingleClauses = false, bool CompareShortDocuments = false, EmbeddedClauseExtractorOptions? Extraction = null, bool CompareRulesSilent = false);

    private static async Task<int> RunAsync(
        CliContext context, ParseResult parse, LlmOptionSet llm, EvalRequest request, CancellationToken cancellationToken)
    {
        if (request.Labels is null)
        {
            await context.Error.WriteLineAsync("deallens: eval needs --labels FILE (e.g. --labels ../shared/cuad-dev/labels.jsonl)");
            return ExitCodes.UsageError;
        }

        if (request.Repeat < 1 || (request.Repeat > 1 && !request.CrossValidate))
        {
            await context.Error.WriteLineAsync("deallens: --repeat takes a whole number of at least 1, and more than 1 only with --cross-validate");
            return ExitCodes.UsageError;
        }

        if (request.Locked && (request.CrossValidate || request.PredictionsOut is not null))
        {
            await context.Error.WriteLineAsync("deallens: --locked prints aggregate figures only; it does not combine with --cross-validate or --predictions");
            return ExitCodes.UsageError;
        }

        if (request.CompareShortDocuments && !(request.CrossValidate && request.SingleClauses))
        {
            await context.Error.WriteLineAsync("deallens: --compare-short-documents needs --cross-validate and --single-clauses");
            return ExitCodes.UsageError;
        }

        if (request.CompareRulesSilent && !(request.CrossValidate && request.SingleClauses))
        {
            await context.Error.WriteLineAsync("deallens: --compare-rules-silent needs --cross-validate and --single-clauses");
            return ExitCodes.UsageError;
        }

        if (request.Trainer.TrainFraction != 1 && !request.CrossValidate)
        {
            await context.Error.WriteLineAsync("deallens: --train-fraction needs --cross-validate");
            return ExitCodes.UsageError;
        }

        string? predictionsPath = null;
        if (request.PredictionsOut is not null)
        {
            // Checked before the evaluation, which can take minutes, rather than after it.
            predictionsPath = Path.GetFullPath(request.PredictionsOut, context.WorkingDirectory);
            if (!Directory.Exists(Path.GetDirectoryName(predictionsPath)))
            {
                await context.Error.WriteLineAsync($"deallens: cannot write --predictions {predictionsPath}: its folder does not exist");
                return ExitCodes.UsageError;
            }
        }

        var settings = DealLensSettings.Load(context);
        var extractorName = llm.ExtractorName(parse, settings);
        var llmOptions = llm.Resolve(parse, settings, context);
        if (llmOptions is not null && (request.CrossValidate || request.Locked || request.SingleClauses))
        {
            await context.Error.WriteLineAsync("deallens: --cross-validate, --locked and --single-clauses measure the embedded extractor; they do not apply to --extractor llm");
            return ExitCodes.UsageError;
        }

        var labelsPath = Path.GetFullPath(request.Labels, context.WorkingDirectory);
        var docsFolder = request.Docs is null ? null : Path.GetFullPath(request.Docs, context.WorkingDirectory);
        var extractor = Pipelines.CreateEmbeddedExtractor(settings.ModelPath(request.ClauseModel));
        var status = new StatusLine(context.Error, context.ErrorIsTerminal);
        var set = await LabelledDocuments.LoadAsync(
            labelsPath, docsFolder, Environment.ProcessorCount, (done, total) => status.Show($"reading {done}/{total}"), cancellationToken);
        status.Clear();
        foreach (var failure in set.Failures)
        {
            await context.Error.WriteLineAsync($"deallens: {failure}");
        }

        // The locked third is scored only by --locked, in aggregate; everything else sees the unlocked contracts.
        var lockedFlags = LockedSplit.Locked(set.Documents);
        var lockedCount = lockedFlags.Count(f => f);
        if (request.Locked)
        {
            return await RunLockedAsync(context, set, request, status, labelsPath, extractorName, cancellationToken);
        }

        set = set with { Documents = [.. set.Documents.Where((_, i) => !lockedFlags[i])] };
        await context.Error.WriteLineAsync(
            $"deallens: scoring the {set.Documents.Count} unlocked contracts; {lockedCount} locked ones are scored only by --locked");

        // Opened once: the LLM reply cache reads it while extracting, and the result is stored in it at the end.
        await using var database = DealLensDatabase.Open(settings.DatabasePath(request.Db), context.Time);
        string? modelVersion;
        string? promptVersion = null;
        EvaluationDocument[] evaluated;
        ClauseTaskReport? tasks = null;
        var taskItems = request.SingleClauses
            ? ClauseTasks.Build([.. set.Documents.Select(d => d.Gold)], CuadCategories.Mapped, new ClauseTrainerOptions().Seed)
            : [];
        if (request.CrossValidate && request.SingleClauses)
        {
            modelVersion = "cross-validated";
            var clock = Stopwatch.StartNew();
            var options = request.Trainer;
            var seeds = Enumerable.Range(0, request.Repeat).Select(i => options.Seed + i).ToArray();
            IReadOnlyList<EmbeddedClauseExtractorOptions> variants = request.CompareShortDocuments ? [request.Extraction ?? new(), .. LoneClauseReading.Grid] : [request.Extraction ?? new()];
            if (request.CompareRulesSilent)
            {
                variants = [.. variants, .. variants.Select(v => v with { RulesSilent = true })];
            }

            var runs = EmbeddedCrossValidation.RunWithClauseTasks(set.Documents, options, seeds, taskItems, variants, message => status.Show(message));
            evaluated = runs[0].Documents[0];
            tasks = runs[0].Tasks[0];
            status.Clear();
            await context.Error.WriteLineAsync($"deallens: cross-validation with {taskItems.Count} single-clause items took {clock.Elapsed.TotalSeconds:0} s");
            var lines = new System.Text.StringBuilder();
            foreach (var run in runs)
            {
                for (var x = 0; x < variants.Count; x++)
                {
                    var full = ClauseEvaluator.Default.Evaluate(run.Documents[x]);
                    var minimum = full.For(CuadCategories.MinimumCommitment);
                    lines.Append(System.Globalization.CultureInfo.InvariantCulture,
                        $"seed {run.Seed} {LoneClauseReading.Describe(variants[x])}{(variants[x].RulesSilent ? ", rules silent" : "")}: single-clause core 12 {run.Tasks[x].CoreBalancedAccuracy:0.000}, all {run.Tasks[x].AllBalancedAccuracy:0.000}, no clause {run.Tasks[x].PositivesWithNoClause}/{run.Tasks[x].Positives}; "
                        + $"contracts macro F1 {full.MacroF1Core:0.000}, MC F1 {full.MinimumCommitmentF1:0.000} / snippet recall {minimum.SnippetRecall:0.000}, clause precision {full.PooledClausePrecisionCore:0.000}\n");
                    if (variants.Count > 1)
                    {
                        // Per category, so a setting that lifts the mean while costing one category's precision shows.
                        lines.Append("  balanced accuracy (yes precision) per category: ")
                            .AppendJoin(", ", run.Tasks[x].Categories.Select(c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.Category} {c.BalancedAccuracy:0.000} ({c.Precision:0.000})")))
                            .Append('\n');
                    }
                }
            }

            await (request.Json ? context.Error : context.Out).WriteAsync(lines.ToString());
        }
        else if (request.CrossValidate)
        {
            modelVersion = "cross-validated";
            var clock = Stopwatch.StartNew();
            var options = request.Trainer;
            var seeds = Enumerable.Range(0, request.Repeat).Select(i => options.Seed + i).ToArray();
            var runs = EmbeddedCrossValidation.PredictRepeated(set.Documents, options, seeds, message => status.Show(message));
            evaluated = runs[0];
            status.Clear();
            await context.Error.WriteLineAsync($"deallens: cross-validation took {clock.Elapsed.TotalSeconds:0} s");
            if (request.Repeat > 1)
            {
                var spread = EvaluationSpread.ToText([.. runs.Select(ClauseEvaluator.Default.Evaluate)], seeds);
                await (request.Json ? context.Error : context.Out).WriteAsync(spread + (request.Json ? "" : "\n"));
            }
        }
        else if (llmOptions is not null)
        {
            using var configured = Pipelines.Create(llmOptions, extractor, database, context);
            modelVersion = llmOptions.ModelId;
            promptVersion = PromptLibrary.Load(PromptLibrary.ClauseExtraction).Version;
            var llmExtractor = configured.Llm!;
            var ratios = new ConcurrentBag<double>();
            evaluated = await ExtractAllAsync(
                async (document, ct) =>
                {
                    var result = await llmExtractor.ExtractDetailedAsync(document, ct);
                    ratios.Add(result.Report.SentRatio);
                    return result.Clauses;
                },
                set,
                status,
                cancellationToken);
            await context.Error.WriteLineAsync(
                $"deallens: llm: {llmExtractor.Requests} requests, {llmExtractor.CacheHits} cache hits, {llmExtractor.Fallbacks} fallbacks; "
                + $"tokens sent / document tokens: median {Median(ratios):P1} per document, {llmExtractor.SentRatio:P1} overall; "
                + $"dropped: {(llmExtractor.DroppedByReason.Count == 0 ? "none" : string.Join(", ", llmExtractor.DroppedByReason.Select(d => $"{d.Key} {d.Value}")))}");
        }
        else
        {
            modelVersion = Pipelines.ModelVersion(extractor.Model);
            var trainedOn = extractor.Model.Info.TrainingIds.ToHashSet(StringComparer.Ordinal);
            var inSample = set.Documents.Count(d => trainedOn.Contains(d.Gold.Id));
            if (inSample > 0)
            {
                await context.Error.WriteLineAsync(
                    $"deallens: note: {inSample} of {set.Documents.Count} labelled contracts were used to train this model, so these numbers are in-sample; use --cross-validate for honest ones");
            }

            evaluated = await ExtractAllAsync(extractor.ExtractAsync, set, status, cancellationToken);
            if (request.SingleClauses)
            {
                tasks = ClauseTasks.Evaluate(taskItems, extractor.Extract, Environment.ProcessorCount);
            }
        }

        var report = ClauseEvaluator.Default.Evaluate(evaluated);
        if (predictionsPath is not null)
        {
            await EvalPredictionsJson.WriteAsync(predictionsPath, evaluated, cancellationToken);
            await context.Error.WriteLineAsync($"deallens: wrote predictions for {evaluated.Length} documents to {predictionsPath}");
        }

        await context.Out.WriteAsync(request.Json ? EvaluationReportFormatter.ToJson(report) + "\n" : EvaluationReportFormatter.ToText(report));
        if (tasks is not null)
        {
            await (request.Json ? context.Error : context.Out).WriteAsync(ClauseTasks.ToText(tasks));
        }

        await database.EvalRuns.SaveEvalRunAsync(
            new EvalRun(
                0,
                default,
                extractorName,
                modelVersion,
                promptVersion,
                labelsPath,
                request.CrossValidate,
                set.Documents.Count,
                set.Failures.Count,
                report.MacroF1Core,
                report.MinimumCommitmentF1,
                report.PooledClausePrecisionCore,
                report.Grounding,
                EvaluationReportFormatter.ToJson(report)),
            cancellationToken);

        return set.Failures.Count > 0 ? ExitCodes.SomeDocumentsFailed : ExitCodes.Ok;
    }

    private static async Task<int> RunLockedAsync(
        CliContext context, LabelledSet set, EvalRequest request, StatusLine status, string labelsPath, string extractorName, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var options = request.Trainer;
        var (report, tasks) = await Task.Run(
            () => LockedEvaluation.Run(set.Documents, options, request.Extraction ?? new(), request.SingleClauses ? options.Seed : null, message => status.Show(message)),
            cancellationToken);
        status.Clear();
        await context.Error.WriteLineAsync($"deallens: locked evaluation took {clock.Elapsed.TotalSeconds:0} s");
        await context.Out.WriteAsync(request.Json ? LockedEvaluation.ToJson(report) + "\n" : LockedEvaluation.ToText(report));
        if (tasks is not null)
        {
            // Aggregate only, as for the contracts: no category of the locked part is shown.
            await (request.Json ? context.Error : context.Out).WriteAsync(ClauseTasks.Summary(tasks));
        }

        var settings = DealLensSettings.Load(context);
        await using var database = DealLensDatabase.Open(settings.DatabasePath(request.Db), context.Time);
        await database.EvalRuns.SaveEvalRunAsync(
            new EvalRun(
                0,
                default,
                extractorName,
                "locked",
                null,
                labelsPath,
                true,
                report.Documents,
                set.Failures.Count,
                report.MacroF1Core,
                report.MinimumCommitmentF1,
                report.PooledClausePrecisionCore,
                report.Grounding,
                LockedEvaluation.ToJson(report)),
            cancellationToken);
        return set.Failures.Count > 0 ? ExitCodes.SomeDocumentsFailed : ExitCodes.Ok;
    }

    private static async Task<EvaluationDocument[]> ExtractAllAsync(
        Func<DocumentText, CancellationToken, Task<IReadOnlyList<Clause>>> extract, LabelledSet set, StatusLine status, CancellationToken cancellationToken)
    {
        var predictions = new IReadOnlyList<Clause>[set.Documents.Count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, set.Documents.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                predictions[i] = await extract(set.Documents[i].Document, ct);
                status.Show($"extracting {Interlocked.Increment(ref done)}/{set.Documents.Count}");
            });
        status.Clear();
        return [.. set.Documents.Select((d, i) => new EvaluationDocument(d.Gold, d.Document.Text, predictions[i]))];
    }

    private static EmbeddedClauseExtractorOptions ShortDocuments(int? spans, bool? rules, double? threshold)
    {
        var defaults = new EmbeddedClauseExtractorOptions();
        if (spans is < 0)
        {
            throw new Core.DealLensException($"--short-document-spans: {spans} is not a number of spans (0 or more)");
        }

        if (threshold is { } f && !(f > 0 && double.IsFinite(f)))
        {
            throw new Core.DealLensException($"--short-document-threshold: {f} must be a positive number");
        }

        return defaults with
        {
            ShortDocumentSpans = spans ?? defaults.ShortDocumentSpans,
            ShortDocumentRules = rules ?? defaults.ShortDocumentRules,
            ShortDocumentThresholdFactor = threshold ?? defaults.ShortDocumentThresholdFactor,
        };
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static async Task<int> ShowHistoryAsync(CliContext context, string? db, CancellationToken cancellationToken)
    {
        await using var database = DealLensDatabase.Open(await DealLensSettings.ReadDatabaseAsync(context, db), context.Time);
        var runs = await database.EvalRuns.ListEvalRunsAsync(50, cancellationToken);
        await context.Out.WriteLineAsync($"{"ID",4}  {"RAN AT (UTC)",-19}  {"EXTRACTOR",-9}  {"CV",-3}  {"DOCS",5}  {"MACRO F1",8}  {"MIN.COMMIT F1",13}  {"CLAUSE P",8}  MODEL");
        foreach (var run in runs)
        {
            await context.Out.WriteLineAsync(
                $"{run.Id,4}  {run.RanAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}  {run.Extractor,-9}  {(run.CrossValidated ? "yes" : "no"),-3}  {run.Documents,5}  {run.MacroF1Core,8:0.000}  {run.MinimumCommitmentF1,13:0.000}  {run.ClausePrecisionCore,8:0.000}  {run.ModelVersion ?? "-"}");
        }

        return ExitCodes.Ok;
    }
}
