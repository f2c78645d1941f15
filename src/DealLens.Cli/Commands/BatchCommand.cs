using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DealLens.Cli.Analysis;
using DealLens.Cli.Batch;
using DealLens.Cli.Risk;
using DealLens.Core;
using DealLens.Core.Output;
using DealLens.Core.Pipeline;
using DealLens.Core.Risk;
using DealLens.Extraction.Edgar;
using DealLens.Storage;

namespace DealLens.Cli.Commands;

/// <summary><c>deallens batch --inbox DIR --feed URL|FILE</c>: analyse what is new since the last run, for cron and timers.</summary>
public static class BatchCommand
{
    public const string DefaultForms = "8-K,8-K/A,10-K,10-Q,S-1,424B4,6-K";
    public const string DefaultSecBaseUrl = "https://www.sec.gov/";
    public const string UserAgentVariable = "DEALLENS_USER_AGENT";

    private sealed class CannotRunException(string message) : Exception(message);

    public static Command Create(CliContext context)
    {
        var inbox = new Option<string?>("--inbox") { Description = "Folder to watch: every new or changed .pdf/.htm/.html/.txt file under it is analysed.", HelpName = "DIR" };
        var feed = new Option<string?>("--feed")
        {
            Description = "EDGAR \"latest filings\" Atom feed (URL or file): new filings of the --forms types are downloaded and analysed.",
            HelpName = "URL|FILE",
        };
        var company = new Option<string?>("--company")
        {
            Description = "EDGAR company, by CIK (320193) or ticker (AAPL): its filings of the --forms types, filed between --since and --until, are downloaded and analysed.",
            HelpName = "CIK|TICKER",
        };
        var accession = new Option<string?>("--accession")
        {
            Description = "One EDGAR filing by accession number (0000320193-25-000071); its folder is the --company CIK, else the accession's first ten digits.",
            HelpName = "NUMBER",
        };
        var since = new Option<DateOnly?>("--since") { Description = "With --company: filings filed on or after this date.", HelpName = "YYYY-MM-DD" };
        var until = new Option<DateOnly?>("--until") { Description = "With --company: filings filed on or before this date.", HelpName = "YYYY-MM-DD" };
        var forms = new Option<string>("--forms") { Description = "Form types taken from the feed, comma-separated.", DefaultValueFactory = _ => DefaultForms, HelpName = "LIST" };
        var db = CommonOptions.Database();
        var downloads = new Option<string?>("--downloads") { Description = "Folder for downloaded filing documents (default: DEALLENS_DOWNLOADS, else 'downloads' beside the database).", HelpName = "DIR" };
        var userAgent = new Option<string?>("--user-agent")
        {
            Description = $"\"Name email@example.com\" sent to SEC with every request; required for --feed (default: {UserAgentVariable}, else \"UserAgent\" in deallens.json or ~/.config/deallens/deallens.json).",
            HelpName = "TEXT",
        };
        var secBaseUrl = new Option<string?>("--sec-base-url") { Description = $"EDGAR base URL: relative links resolve against it and documents come only from its host or the feed's (default: {DefaultSecBaseUrl}).", HelpName = "URL" };
        var maxDocs = Positive(new Option<int>("--max-docs") { Description = "Documents this run takes from the queue at most; the rest are left to other or later runs.", DefaultValueFactory = _ => 1000, HelpName = "N" }, 1);
        var maxRetries = Positive(new Option<int>("--max-retries") { Description = "Times a failed (quarantined) document is retried by later runs.", DefaultValueFactory = _ => 3, HelpName = "N" }, 0);
        var timeout = Positive(new Option<int>("--timeout") { Description = "Seconds allowed per document (extraction and analysis).", DefaultValueFactory = _ => (int)DocumentLimits.Default.Timeout.TotalSeconds, HelpName = "SECONDS" }, 1);
        var maxFileMb = Positive(new Option<int>("--max-file-mb") { Description = "Largest document accepted, in MiB.", DefaultValueFactory = _ => (int)(DocumentLimits.Default.MaxFileBytes >> 20), HelpName = "MIB" }, 1);
        var maxPages = Positive(new Option<int>("--max-pages") { Description = "Most pages a document may have.", DefaultValueFactory = _ => DocumentLimits.Default.MaxPages, HelpName = "N" }, 1);
        var httpTimeout = Positive(new Option<int>("--http-timeout") { Description = "Seconds to wait for one HTTP answer before retrying.", DefaultValueFactory = _ => 30, HelpName = "SECONDS" }, 1);
        var parallel = Positive(new Option<int>("--parallel") { Description = "Documents analysed at once (default: the number of cores); database writes are one at a time.", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" }, 1);
        var settle = Positive(new Option<int>("--settle")
        {
            Description = "Seconds an inbox file must be left unmodified before it is read (a file still being copied in waits for the next run).",
            DefaultValueFactory = _ => (int)new InboxOptions().SettleTime.TotalSeconds,
            HelpName = "SECONDS",
        }, 0);
        var followSymlinks = new Option<bool>("--follow-symlinks") { Description = "Follow symbolic links in the inbox that lead outside it (by default they are skipped)." };
        // Runs no longer exclude each other (they share the queue); the flag is still accepted so older scripts run.
        var wait = new Option<bool>("--wait") { Description = "Accepted for older scripts; runs on one database now share its queue instead of waiting.", Hidden = true };
        var claimLease = Positive(new Option<int>("--claim-lease")
        {
            Description = "Seconds a document stays claimed by a run that stopped answering (killed, machine lost) before another run takes it over; a live run renews its claims every quarter of it.",
            DefaultValueFactory = _ => (int)new BatchRunnerOptions().ClaimLease.TotalSeconds,
            HelpName = "SECONDS",
        }, 10);
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object on stdout." };
        var status = new Option<bool>("--status")
        {
            Description = "Show the shared queue and every claim, held or stale (its run died or its lease ran out), and change nothing.",
        };
        var notify = new Option<string?>("--notify-cmd")
        {
            Description = "Shell command run (with /bin/sh -c) when the run raised new high-severity flags; it gets the JSON summary on stdin.",
            HelpName = "CMD",
        };
        var clauseModel = CommonOptions.ClauseModel();
        var llm = new LlmOptionSet();

        var command = new Command(
            "batch",
            "Analyse what is new in an inbox folder and/or an EDGAR feed since the last run (for cron and systemd timers). "
            + "Several machines can run it at once on one shared PostgreSQL --db (or several runs on one machine's SQLite file): "
            + "each run claims documents one at a time from the shared queue, so they split the work and no document is "
            + "analysed twice; a document that fails is recorded once and retried only by later runs, and the claims of a "
            + "run that dies are taken over by the others.")
        {
            inbox, feed, forms, db, downloads, userAgent, secBaseUrl, maxDocs, maxRetries, timeout, maxFileMb, maxPages, httpTimeout, parallel,
            claimLease, wait, json, status, notify, clauseModel, settle, followSymlinks, company, accession, since, until,
        };
        foreach (var option in llm.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            if (parse.GetValue(status))
            {
                return await ShowStatusAsync(context, parse.GetValue(db), parse.GetValue(json), ct);
            }

            try
            {
                return await RunAsync(context, new BatchRequest(
                    parse.GetValue(inbox), parse.GetValue(feed), parse.GetRequiredValue(forms), parse.GetValue(db), parse.GetValue(downloads),
                    parse.GetValue(userAgent), parse.GetValue(secBaseUrl), parse.GetValue(maxDocs), parse.GetValue(maxRetries),
                    new DocumentLimits
                    {
                        Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                        MaxFileBytes = (long)parse.GetValue(maxFileMb) << 20,
                        MaxPages = parse.GetValue(maxPages),
                    },
                    TimeSpan.FromSeconds(parse.GetValue(httpTimeout)), parse.GetValue(parallel), TimeSpan.FromSeconds(parse.GetValue(claimLease)), parse.GetValue(json),
                    parse.GetValue(notify), parse.GetValue(clauseModel),
                    new InboxOptions
                    {
                        SettleTime = TimeSpan.FromSeconds(parse.GetValue(settle)),
                        Files = new InputFileOptions { FollowSymlinks = parse.GetValue(followSymlinks) },
                    },
                    new EdgarSelection(parse.GetValue(company), parse.GetValue(accession), parse.GetValue(since), parse.GetValue(until))), parse, llm, ct);
            }
            catch (CannotRunException ex)
            {
                await context.Error.WriteLineAsync($"deallens: {ex.Message}");
                await WriteFailureJsonAsync(context, parse.GetValue(json), "could_not_run", ex.Message, parse.GetValue(db));
                return ExitCodes.CouldNotRun;
            }
            catch (DealLensException ex)
            {
                // Exit 1 as for every command; with --json, a scheduler reading stdout still gets an answer.
                await WriteFailureJsonAsync(context, parse.GetValue(json), "failed", ex.Message, parse.GetValue(db));
                throw;
            }
        }, cancellationToken));
        return command;
    }

    private static async Task<int> ShowStatusAsync(CliContext context, string? db, bool json, CancellationToken cancellationToken)
    {
        var databasePath = await DealLensSettings.ReadDatabaseAsync(context, db);
        await using var database = DealLensDatabase.OpenForReading(databasePath, context.Time);
        var status = await BatchQueueStatus.LoadAsync(database, databasePath, path => Display(path, context.WorkingDirectory), cancellationToken);
        await context.Out.WriteAsync(json ? status.ToJson() + Environment.NewLine : status.ToText());
        return ExitCodes.Ok;
    }

    private sealed record BatchRequest(
        string? Inbox, string? Feed, string Forms, string? Db, string? Downloads, string? UserAgent, string? SecBaseUrl, int MaxDocs, int MaxRetries,
        DocumentLimits Limits, TimeSpan HttpTimeout, int Parallel, TimeSpan ClaimLease, bool Json, string? NotifyCmd, string? ClauseModel, InboxOptions InboxReading,
        EdgarSelection Edgar);

    /// <summary>Filings asked for by company (CIK or ticker, with a date range) or by accession number.</summary>
    private sealed record EdgarSelection(string? Company, string? Accession, DateOnly? Since, DateOnly? Until)
    {
        public bool Any => Company is not null || Accession is not null;
    }

    /// <summary>With --json, a run that could not happen still prints one object: what failed, and why.</summary>
    private static async Task WriteFailureJsonAsync(CliContext context, bool json, string status, string error, string? db)
    {
        if (!json)
        {
            return;
        }

        string? database;
        try
        {
            database = DealLensSettings.DisplayName(DealLensSettings.Load(context).DatabasePath(db));
        }
        catch (DealLensException)
        {
            database = db;
        }

        await context.Out.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["status"] = status,
            ["error"] = error,
            ["database"] = database,
        }, DealLensJson.Compact));
    }

    private static async Task<int> RunAsync(CliContext context, BatchRequest request, ParseResult parse, LlmOptionSet llm, CancellationToken cancellationToken)
    {
        if (request.Inbox is null && request.Feed is null && !request.Edgar.Any)
        {
            throw new DealLensException("batch needs a source: --inbox DIR and/or --feed URL|FILE (or --company CIK|TICKER, --accession NUMBER)");
        }

        if (request.Edgar.Since > request.Edgar.Until)
        {
            throw new DealLensException($"--since {request.Edgar.Since:yyyy-MM-dd} is after --until {request.Edgar.Until:yyyy-MM-dd}");
        }

        var settings = DealLensSettings.Load(context);
        // The same --extractor llm options and "Extractor" / "Llm" settings as analyze, so a scheduled run can use the model.
        var llmOptions = llm.Resolve(parse, settings, context);
        var databasePath = settings.DatabasePath(request.Db);
        var inbox = request.Inbox is null ? null : Path.GetFullPath(request.Inbox, context.WorkingDirectory);
        if (inbox is not null && !Directory.Exists(inbox))
        {
            throw new CannotRunException($"{request.Inbox}: inbox folder not found");
        }

        var forms = request.Forms.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var downloads = Path.GetFullPath(
            request.Downloads ?? settings["Downloads"] ?? Path.Combine(Path.GetDirectoryName(databasePath)!, "downloads"), context.WorkingDirectory);
        var feed = request.Feed is null || Uri.TryCreate(request.Feed, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
            ? request.Feed
            : Path.GetFullPath(request.Feed, context.WorkingDirectory);
        using var client = feed is null && !request.Edgar.Any ? null : CreateClient(context, settings, request, feed);

        // The model is loaded before the lock and the database: a bad model file must not leave a run behind.
        var embedded = Pipelines.CreateEmbeddedExtractor(settings.ModelPath(request.ClauseModel));

        var started = TimeProvider.System.GetTimestamp();
        // The one connection of this command: discovery, the runner, the reply cache and the risk snapshot share it.
        await using var database = DealLensDatabase.Open(databasePath, context.Time);
        using var configured = Pipelines.Create(llmOptions, embedded, database, context, await database.Risk.LoadCompanyKindsAsync(cancellationToken));
        var flagsBefore = await HighSeverityFlagsAsync(database, cancellationToken);
        // Batch runs work one queue at the same time: held while this run lives, so a later run tells it from a dead one
        // and takes a dead run's claims at once instead of at the end of their lease. Taken before the run is visible.
        RunLiveness? alive = null;
        var runId = await database.Documents.StartRunAsync("batch", id => alive = RunLiveness.Hold(databasePath, id), cancellationToken);
        using var holdAlive = alive;
        var interrupted = await RunLiveness.MarkKilledAsync(database.Batch, databasePath, "batch", runId, BatchStatus.Interrupted, cancellationToken);
        if (interrupted > 0)
        {
            await context.Error.WriteLineAsync($"deallens: {interrupted} earlier batch run(s) were interrupted; this run finishes what they left");
        }

        var outcomes = new List<BatchOutcome>();
        var runStatus = "cancelled";
        BatchSummary summary;
        try
        {
            var discovery = Discovery.None;
            // One run at a time reads the sources into the queue (two machines never fetch one filing index twice);
            // the documents are then shared: every run claims them one by one.
            using (await BatchLock.AcquireAsync(databasePath, TimeSpan.FromMilliseconds(500), () => context.Error.WriteLine(
                $"deallens: another batch is reading its sources into the queue of {DealLensSettings.DisplayName(databasePath)}; waiting for it, then sharing the queue"),
                cancellationToken))
            {
                if (inbox is not null)
                {
                    discovery = discovery.Add(await InboxSource.DiscoverAsync(inbox, database, runId, request.InboxReading, cancellationToken));
                }

                if (feed is not null)
                {
                    try
                    {
                        discovery = discovery.Add(await FeedSource.DiscoverAsync(
                            feed, forms, downloads, client!, database, runId, request.MaxRetries, line => context.Error.WriteLine($"deallens: batch: {line}"), cancellationToken));
                    }
                    catch (DealLensException ex)
                    {
                        runStatus = "could_not_run";
                        throw new CannotRunException(ex.Message);
                    }
                }

                if (request.Edgar.Any)
                {
                    discovery = discovery.Add(await DiscoverEdgarAsync(request, forms, downloads, client!, database, runId, context, cancellationToken));
                }
            }

            foreach (var problem in discovery.Problems)
            {
                await context.Error.WriteLineAsync($"deallens: {problem}");
            }

            var items = new List<BatchItem>();
            if (inbox is not null)
            {
                items.AddRange((await database.Batch.LoadBatchItemsAsync("inbox", cancellationToken)).Where(i => DownloadPaths.IsInside(inbox, i.SourceKey)));
            }

            if (feed is not null || request.Edgar.Any)
            {
                items.AddRange(await database.Batch.LoadBatchItemsAsync("feed", cancellationToken));
            }

            var exhausted = items.Where(i => i.Status == BatchStatus.Quarantined && i.Attempts > request.MaxRetries).ToList();
            var scope = new BatchQueueScope(inbox, feed is not null || request.Edgar.Any, request.MaxRetries);
            var queued = await database.Batch.CountClaimableAsync(runId, scope, cancellationToken);

            var progress = new BatchProgress(context.Error, context.ErrorIsTerminal, runId, Math.Min(queued, request.MaxDocs), TimeProvider.System);
            var runner = new BatchRunner(database, configured.Pipeline, client, new BatchRunnerOptions
            {
                Parallelism = request.Parallel,
                Limits = request.Limits,
                Display = path => Display(path, context.WorkingDirectory),
                ClaimLease = request.ClaimLease,
                MaxDocs = request.MaxDocs,
                MarkDeadRuns = async ct =>
                {
                    var dead = await RunLiveness.MarkKilledAsync(database.Batch, databasePath, "batch", runId, BatchStatus.Interrupted, ct);
                    if (dead > 0)
                    {
                        progress.Clear();
                        await context.Error.WriteLineAsync($"deallens: {dead} other batch run(s) stopped while this one worked; this run takes over what they had claimed");
                    }

                    return dead;
                },
                Waiting = held =>
                {
                    progress.Clear();
                    context.Error.WriteLine($"deallens: other batch runs are still analysing {held} document(s) of this queue; waiting to take them over if those runs stop");
                },
            });
            try
            {
                outcomes.AddRange(await runner.RunAsync(scope, runId, progress.Report, cancellationToken));
            }
            finally
            {
                progress.Clear();
            }

            var failed = outcomes.Where(o => o.Status == DocumentStatus.Failed).ToList();
            var analyzed = outcomes.Count(o => o.Status == DocumentStatus.Analyzed);
            runStatus = failed.Count > 0 || discovery.FailedFilings > 0 ? "partial" : analyzed == 0 ? "nothing_new" : "ok";

            var newFlags = analyzed == 0 ? [] : RiskFlags.New(flagsBefore, await HighSeverityFlagsAsync(database, cancellationToken));
            if (analyzed > 0)
            {
                await RiskSession.SnapshotAsync(database, cancellationToken);
            }

            summary = new BatchSummary
            {
                RunId = runId,
                Status = runStatus,
                Inbox = request.Inbox,
                Feed = request.Feed,
                Database = DealLensSettings.DisplayName(databasePath),
                NewFilings = discovery.NewFilings,
                SeenFilings = discovery.SeenFilings,
                FailedFilings = discovery.FailedFilings,
                New = analyzed,
                Unchanged = outcomes.Count(o => o.Status == DocumentStatus.Unchanged) + discovery.UnchangedFiles,
                Failed = failed.Count,
                Quarantined = exhausted.Count,
                Remaining = await database.Batch.CountClaimableAsync(runId, scope, cancellationToken),
                Failures = failed.Select(o => new BatchDocumentLine(o.DisplayPath, o.Error, o.Attempts, o.Attempts <= request.MaxRetries)).ToList(),
                Extractor = configured.Llm is null ? LlmOptionSet.Rules : LlmOptionSet.Llm,
                Fallbacks = outcomes.Where(o => o.Fallback is not null).Select(o => new BatchDocumentLine(o.DisplayPath, o.Fallback, o.Attempts, false)).ToList(),
                QuarantinedDocuments = exhausted.Select(i => new BatchDocumentLine(Display(i.LocalPath, context.WorkingDirectory), i.LastError, i.Attempts, false)).ToList(),
                NewFlags = newFlags,
                Problems = discovery.Problems,
                Requests = client?.RequestCount ?? 0,
                Seconds = Math.Round(TimeProvider.System.GetElapsedTime(started).TotalSeconds, 1),
            };
            await database.Batch.SaveBatchRunAsync(runId, summary.ToJson(), cancellationToken);
        }
        finally
        {
            await database.Documents.FinishRunAsync(
                runId,
                new RunSummary(
                    outcomes.Count(o => o.Status == DocumentStatus.Analyzed),
                    outcomes.Count(o => o.Status == DocumentStatus.Unchanged),
                    outcomes.Count(o => o.Status == DocumentStatus.Failed),
                    runStatus),
                CancellationToken.None);
        }

        await context.Out.WriteAsync(request.Json ? summary.ToJson() + Environment.NewLine : summary.ToText());
        if (configured.Llm is { } llmExtractor)
        {
            await context.Error.WriteLineAsync($"deallens: {llmExtractor.Summary()}");
        }

        if (summary.NewFlags.Count > 0 && request.NotifyCmd is { } notifyCmd)
        {
            try
            {
                var exit = await Notifier.RunAsync(notifyCmd, summary.ToJson(), context.WorkingDirectory, TimeSpan.FromMinutes(1), cancellationToken);
                if (exit != 0)
                {
                    await context.Error.WriteLineAsync($"deallens: --notify-cmd exited with code {exit.ToString(CultureInfo.InvariantCulture)}");
                }
            }
            catch (DealLensException ex)
            {
                await context.Error.WriteLineAsync($"deallens: {ex.Message}");
            }
        }

        return summary.Failed > 0 || summary.FailedFilings > 0 ? ExitCodes.SomeDocumentsFailed : ExitCodes.Ok;
    }

    private static async Task<Discovery> DiscoverEdgarAsync(
        BatchRequest request, IReadOnlySet<string> forms, string downloads, EdgarClient client, DealLensDatabase database, long runId, CliContext context,
        CancellationToken cancellationToken)
    {
        void Log(string line) => context.Error.WriteLine($"deallens: batch: {line}");
        try
        {
            var discovery = Discovery.None;
            if (request.Edgar.Company is { } company && request.Edgar.Accession is null)
            {
                discovery = discovery.Add(await FeedSource.DiscoverCompanyAsync(
                    company, new FilingFilter(forms, request.Edgar.Since, request.Edgar.Until), downloads, client, database, runId, request.MaxRetries, Log, cancellationToken));
            }

            if (request.Edgar.Accession is { } accession)
            {
                var cik = (request.Edgar.Company is { } given ? EdgarSubmissionsReader.PadCik(given) : null)
                    ?? EdgarFeedReader.AccessionIn(accession)?[..10]
                    ?? throw new DealLensException($"{accession}: not an accession number (like 0000320193-25-000071)");
                discovery = discovery.Add(await FeedSource.DiscoverAccessionAsync(accession, cik, downloads, client, database, runId, request.MaxRetries, Log, cancellationToken));
            }

            return discovery;
        }
        catch (DealLensException ex)
        {
            throw new CannotRunException(ex.Message);
        }
    }

    private static EdgarClient CreateClient(CliContext context, DealLensSettings settings, BatchRequest request, string? feed)
    {
        var userAgent = request.UserAgent ?? context.ReadEnvironment(UserAgentVariable) ?? settings["UserAgent"] ?? UserConfigValue(context, "UserAgent");
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            throw new CannotRunException(
                $"EDGAR downloads (--feed, --company, --accession) need a User-Agent naming you and an e-mail address, as SEC requires of automated clients: --user-agent \"Jane Doe jane@example.com\", or set {UserAgentVariable}");
        }

        if (!EdgarClient.IsValidUserAgent(userAgent))
        {
            throw new CannotRunException($"User-Agent \"{userAgent}\" must give a name and an e-mail address, e.g. \"Jane Doe jane@example.com\" (SEC's rule for automated clients)");
        }

        var baseText = request.SecBaseUrl ?? settings["SecBaseUrl"] ?? DefaultSecBaseUrl;
        if (!Uri.TryCreate(baseText, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new CannotRunException($"--sec-base-url \"{baseText}\" is not an http(s) URL");
        }

        var authorities = new HashSet<string>(StringComparer.Ordinal) { baseUri.Authority.ToLowerInvariant() };
        if (baseUri.Host.Equals("www.sec.gov", StringComparison.OrdinalIgnoreCase))
        {
            authorities.Add("data.sec.gov");
        }

        if (feed is not null && Uri.TryCreate(feed, UriKind.Absolute, out var feedUri) && feedUri.Scheme is "http" or "https")
        {
            authorities.Add(feedUri.Authority.ToLowerInvariant());
        }

        // Network pacing, time-outs and back-off run on the real clock; context.Time is the clock recorded in results.
        return new EdgarClient(
            new EdgarClientOptions { UserAgent = userAgent.Trim(), BaseUri = baseUri, AllowedAuthorities = authorities, RequestTimeout = request.HttpTimeout },
            TimeProvider.System);
    }

    /// <summary>A value from the user's own config file: $XDG_CONFIG_HOME/deallens/deallens.json, else ~/.config/deallens/deallens.json.</summary>
    private static string? UserConfigValue(CliContext context, string key)
    {
        var configHome = context.ReadEnvironment("XDG_CONFIG_HOME")
            ?? (context.ReadEnvironment("HOME") is { } home ? Path.Combine(home, ".config") : null);
        if (configHome is null)
        {
            return null;
        }

        var file = Path.Combine(configHome, "deallens", DealLensSettings.FileName);
        try
        {
            if (!File.Exists(file))
            {
                return null;
            }

            using var document = JsonDocument.Parse(File.ReadAllText(file));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new CannotRunException($"{file}: cannot read settings: {ex.Message}");
        }
    }

    private static async Task<IReadOnlyList<RiskFlag>> HighSeverityFlagsAsync(DealLensDatabase database, CancellationToken cancellationToken)
    {
        if (await database.Documents.CountDocumentsAsync(cancellationToken) == 0)
        {
            return [];
        }

        var session = await RiskSession.LoadAsync(database, RiskOptions.Default, cancellationToken);
        return RiskFlags.HighSeverity(session.Report);
    }

    private static string Display(string path, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static Option<int> Positive(Option<int> option, int minimum)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < minimum)
            {
                r.AddError($"{option.Name} must be {minimum} or more.");
            }
        });
        return option;
    }
}
