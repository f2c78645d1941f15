using System.CommandLine;
using DealLens.Cli.Analysis;
using DealLens.Cli.Batch;
using DealLens.Cli.Output;
using DealLens.Cli.Risk;
using DealLens.Core.Clauses;
using DealLens.Core.Pipeline;
using DealLens.Extraction;
using DealLens.Storage;

namespace DealLens.Cli.Commands;

/// <summary><c>deallens analyze &lt;files or folders...&gt;</c>: extract, analyse and store documents.</summary>
public static class AnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to analyse. Folders are walked recursively for .pdf, .htm, .html and .txt files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = CommonOptions.Database();
        var clauseModel = CommonOptions.ClauseModel();
        var json = new Option<bool>("--json") { Description = "Write one JSON object per document per line to stdout, and nothing else." };
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing but errors (no progress, no summary)." };
        var force = new Option<bool>("--force") { Description = "Re-analyse documents even when their content is already stored." };
        var followSymlinks = new Option<bool>("--follow-symlinks") { Description = "In folders, follow symbolic links that lead outside the folder (by default they are skipped)." };
        var parallel = new Option<int>("--parallel")
        {
            Description = "Documents analysed at once (default: the number of cores).",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        parallel.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--parallel must be 1 or more.");
            }
        });

        var llm = new LlmOptionSet();
        var command = new Command("analyze", "Extract clauses and deal terms from contracts and filings, and store them in SQLite.")
        {
            paths, db, json, quiet, force, parallel, clauseModel, followSymlinks,
        };
        foreach (var option in llm.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct => RunAsync(
            context,
            parse,
            llm,
            parse.GetRequiredValue(paths),
            parse.GetValue(db),
            parse.GetValue(json),
            parse.GetValue(quiet),
            parse.GetValue(force),
            parse.GetValue(parallel),
            parse.GetValue(clauseModel),
            new InputFileOptions { FollowSymlinks = parse.GetValue(followSymlinks) },
            ct), cancellationToken));
        return command;
    }

    /// <summary>
    /// For <c>deallens analyze</c> without <c>--clause-model</c>: starts building the embedded extractor (rules, token
    /// vectors, model; a few tenths of a second in a fresh process) on the thread pool before the command line is even
    /// parsed, so that it overlaps building the command tree (issue #19, cold start). The result is the cached
    /// <see cref="EmbeddedClauseExtractor.Default"/> that the command asks for anyway; a failure is thrown there, where
    /// it was always thrown. Other commands, and a model named by the settings file, ignore the work done.
    /// </summary>
    public static void StartLoading(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["analyze", ..] && !args.Any(a => a.StartsWith("--clause-model", StringComparison.Ordinal)))
        {
            _ = Task.Run(() => EmbeddedClauseExtractor.Default);
        }
    }

    private static async Task<int> RunAsync(
        CliContext context, ParseResult parse, LlmOptionSet llm, string[] paths, string? db, bool json, bool quiet, bool force, int parallel, string? clauseModel,
        InputFileOptions fileOptions, CancellationToken cancellationToken)
    {
        var settings = DealLensSettings.Load(context);
        // The extractor (rules, token vectors, model) is built while the inputs are listed; it is awaited before the
        // database is opened.
        var modelPath = settings.ModelPath(clauseModel);
        var loading = Task.Run(() => Pipelines.CreateEmbeddedExtractor(modelPath), cancellationToken);
        var llmOptions = llm.Resolve(parse, settings, context);
        var inputs = InputFiles.Expand(paths.Where(p => !EdgarUrls.IsUrl(p)), TextExtractors.SupportedExtensions, fileOptions);
        if (paths.Where(EdgarUrls.IsUrl).ToList() is { Count: > 0 } urls)
        {
            // EDGAR URLs are downloaded first, beside the database, and analysed under their URL.
            using var client = EdgarUrls.CreateClient(context, settings, urls);
            var downloads = Path.GetFullPath(settings["Downloads"] ?? Path.Combine(Path.GetDirectoryName(settings.DatabasePath(db))!, "downloads"), context.WorkingDirectory);
            var fetched = new List<InputFile>();
            foreach (var url in urls)
            {
                fetched.AddRange(await EdgarUrls.DownloadAsync(url, downloads, client, DocumentLimits.Default, cancellationToken));
            }

            inputs = inputs with { Files = [.. inputs.Files, .. fetched] };
        }

        foreach (var problem in inputs.Problems)
        {
            await context.Error.WriteLineAsync($"deallens: {problem}");
        }

        if (inputs.Files.Count == 0)
        {
            await context.Error.WriteLineAsync(
                $"deallens: no documents found in {string.Join(", ", paths)} (looked for .pdf, .htm, .html, .txt; skipped {inputs.SkippedUnsupported} other files)");
            return ExitCodes.UsageError;
        }

        // The model is loaded first: a bad model file must not leave a new, empty database behind.
        var embedded = await loading;
        var databasePath = settings.DatabasePath(db);
        var created = !DatabaseLocation.IsConnectionString(databasePath) && !File.Exists(databasePath);
        // The one connection of this command: the runner, the reply cache, run liveness and the risk snapshot share it.
        await using var database = DealLensDatabase.Open(databasePath, context.Time);
        var store = database.Documents;
        using var configured = Pipelines.Create(llmOptions, embedded, database, context, await database.Risk.LoadCompanyKindsAsync(cancellationToken));
        using var runner = new AnalysisRunner(configured.Pipeline, store, TextExtractors.ForPath, new AnalysisRunnerOptions { Force = force, Parallelism = parallel });
        // The liveness lock is taken before the run is visible, so no other run's check takes this one for dead.
        RunLiveness? alive = null;
        var runId = await store.StartRunAsync("analyze", id => alive = RunLiveness.Hold(databasePath, id), cancellationToken);
        using var holdAlive = alive;
        if (await RunLiveness.MarkKilledAsync(database.Batch, databasePath, "analyze", runId, cancellationToken) is > 0 and var killed)
        {
            await context.Error.WriteLineAsync($"deallens: {killed} earlier analyze run(s) were killed before they finished; marked '{RunLiveness.KilledStatus}' (what they stored is kept)");
        }

        var progress = new ProgressLine(context.Error, context.ErrorIsTerminal && !json && !quiet, inputs.Files.Count);
        var outcomes = new List<DocumentOutcome>();
        var status = "cancelled";
        try
        {
            await foreach (var outcome in runner.RunAsync(inputs.Files, runId, cancellationToken))
            {
                outcomes.Add(outcome);
                progress.Report(outcome);
                if (json)
                {
                    await context.Out.WriteLineAsync(AnalysisJson.ToLine(
                        outcome.Input.DisplayPath, outcome.Sha256, outcome.Status, outcome.Error, outcome.Analysis));
                }

                if (outcome.Error is not null)
                {
                    progress.Clear();
                    await context.Error.WriteLineAsync($"deallens: {outcome.Error}");
                }
            }

            status = outcomes.Any(o => o.Status == DocumentStatus.Failed) ? "partial" : "ok";
        }
        finally
        {
            progress.Clear();
            var summary = new RunSummary(
                outcomes.Count(o => o.Status == DocumentStatus.Analyzed),
                outcomes.Count(o => o.Status == DocumentStatus.Unchanged),
                outcomes.Count(o => o.Status == DocumentStatus.Failed),
                status);
            await store.FinishRunAsync(runId, summary, CancellationToken.None);
        }

        var risk = await RiskSession.SnapshotAsync(database, cancellationToken);

        if (!json && !quiet)
        {
            await context.Out.WriteAsync(AnalysisSummary.Format(outcomes, DealLensSettings.DisplayName(databasePath), inputs.SkippedUnsupported));
            await context.Out.WriteAsync(AnalysisSummary.WhatMatters(risk.Report, risk.HighDeals, DealLensSettings.DisplayName(databasePath), created, settings.DatabasePath(null) == databasePath));
        }

        if (configured.Llm is { } llmExtractor)
        {
            // On stderr, so --json output stays one object per document and nothing else.
            await context.Error.WriteLineAsync($"deallens: {llmExtractor.Summary()}");
        }

        return outcomes.Any(o => o.Status == DocumentStatus.Failed) ? ExitCodes.SomeDocumentsFailed : ExitCodes.Ok;
    }
}
