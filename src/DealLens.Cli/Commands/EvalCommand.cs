using System.CommandLine;
using DealLens.Cli.Analysis;
using DealLens.Cli.Output;
using DealLens.Core.Clauses;
using DealLens.Llm;
using DealLens.Core.Evaluation;
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
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var history = new Option<bool>("--history") { Description = "List stored eval runs, newest first, and exit." };
        var db = CommonOptions.Database();

        var command = new Command("eval", "Measure clause extraction against labelled contracts (CUAD format) and store the result.")
        {
            labels, docs, json, history, db,
        };
        foreach (var option in llm.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct => parse.GetValue(history)
            ? ShowHistoryAsync(context, parse.GetValue(db), ct)
            : RunAsync(context, parse, llm, parse.GetValue(labels), parse.GetValue(docs), parse.GetValue(json), parse.GetValue(db), ct),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, ParseResult parse, LlmOptionSet llm, string? labelsPath, string? docsFolder, bool json, string? db, CancellationToken cancellationToken)
    {
        if (labelsPath is null)
        {
            await context.Error.WriteLineAsync("deallens: eval needs --labels FILE (e.g. --labels ../shared/cuad-dev/labels.jsonl)");
            return ExitCodes.UsageError;
        }

        var settings = DealLensSettings.Load(context);
        var extractorName = llm.ExtractorName(parse, settings);
        var llmOptions = llm.Resolve(parse, settings, context);
        labelsPath = Path.GetFullPath(labelsPath, context.WorkingDirectory);
        docsFolder = docsFolder is null ? null : Path.GetFullPath(docsFolder, context.WorkingDirectory);
        var progress = new StatusLine(context.Error, context.ErrorIsTerminal);
        var set = await LabelledDocuments.LoadAsync(
            labelsPath, docsFolder, Environment.ProcessorCount, (done, total) => progress.Show($"reading {done}/{total}"), cancellationToken);
        progress.Clear();
        foreach (var failure in set.Failures)
        {
            await context.Error.WriteLineAsync($"deallens: {failure}");
        }

        using var configured = Pipelines.Create(llmOptions, settings.DatabasePath(db), context);
        var clauseExtractor = configured.ClauseExtractor;
        var predictions = new IReadOnlyList<Clause>[set.Documents.Count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, set.Documents.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                predictions[i] = await clauseExtractor.ExtractAsync(set.Documents[i].Document, ct);
                progress.Show($"extracting {Interlocked.Increment(ref done)}/{set.Documents.Count}");
            });
        progress.Clear();

        var report = ClauseEvaluator.Default.Evaluate(
            set.Documents.Select((d, i) => new EvaluationDocument(d.Gold, d.Document.Text, predictions[i])));
        await context.Out.WriteAsync(json ? EvaluationReportFormatter.ToJson(report) + "\n" : EvaluationReportFormatter.ToText(report));

        await using var store = SqliteAnalysisStore.Open(settings.DatabasePath(db), context.Time);
        await store.SaveEvalRunAsync(
            new EvalRun(
                0,
                default,
                extractorName,
                ModelVersion: llmOptions?.ModelId,
                PromptVersion: configured.Llm is null ? null : PromptLibrary.Load(PromptLibrary.ClauseExtraction).Version,
                labelsPath,
                CrossValidated: false,
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

    private static async Task<int> ShowHistoryAsync(CliContext context, string? db, CancellationToken cancellationToken)
    {
        var settings = DealLensSettings.Load(context);
        await using var store = SqliteAnalysisStore.Open(settings.DatabasePath(db), context.Time);
        var runs = await store.ListEvalRunsAsync(50, cancellationToken);
        await context.Out.WriteLineAsync($"{"ID",4}  {"RAN AT (UTC)",-19}  {"EXTRACTOR",-9}  {"CV",-3}  {"DOCS",5}  {"MACRO F1",8}  {"MIN.COMMIT F1",13}  {"CLAUSE P",8}  MODEL");
        foreach (var run in runs)
        {
            await context.Out.WriteLineAsync(
                $"{run.Id,4}  {run.RanAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}  {run.Extractor,-9}  {(run.CrossValidated ? "yes" : "no"),-3}  {run.Documents,5}  {run.MacroF1Core,8:0.000}  {run.MinimumCommitmentF1,13:0.000}  {run.ClausePrecisionCore,8:0.000}  {run.ModelVersion ?? "-"}");
        }

        return ExitCodes.Ok;
    }
}
