using System.CommandLine;
using System.Text.Json;
using DealLens.Cli.Review;
using DealLens.Cli.Risk;
using DealLens.Core;
using DealLens.Core.Output;
using DealLens.Core.Review;
using DealLens.Storage;

namespace DealLens.Cli.Commands;

/// <summary><c>deallens review list|show|accept|reject|edit|comment|assign|apply</c>: analysts check what the machine flagged.</summary>
public static class ReviewCommand
{
    public const string ReviewerVariable = "DEALLENS_REVIEWER";

    public static Command Create(CliContext context)
    {
        var command = new Command(
            "review",
            "Check flagged clauses, deal terms and cycles: accept, reject or correct them. Decisions override extracted values in every score and are kept in an append-only audit trail.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Decide(context, ReviewVerbs.Accept, "The item is right as extracted (or as already corrected)."));
        command.Subcommands.Add(Decide(context, ReviewVerbs.Reject, "The item is wrong: it is left out of every score and report."));
        command.Subcommands.Add(Edit(context));
        command.Subcommands.Add(Comment(context));
        command.Subcommands.Add(Assign(context));
        command.Subcommands.Add(Apply(context));
        return command;
    }

    // A first page an analyst reads; the store ranks and cuts it in SQL, so a large queue stays fast.
    private const int DefaultListLimit = 100;

    private static Command List(CliContext context)
    {
        var company = new Option<string?>("--company") { Description = "Only items of documents naming this company (any spelling or alias), and cycles through it.", HelpName = "NAME" };
        var type = new Option<string?>("--type") { Description = "A clause type (as reviewed), or deal_terms, or cycle.", HelpName = "TYPE" };
        var document = new Option<string?>("--document") { Description = "Part of a document's path, or a prefix of its SHA-256.", HelpName = "TEXT" };
        var status = new Option<string?>("--status") { Description = "open, accepted, rejected, edited or no_longer_found (default: all).", HelpName = "STATUS" };
        status.AcceptOnlyFromAmong([.. Vocabulary.Names<ReviewStatus>()]);
        var assignee = new Option<string?>("--assignee") { Description = "Only items assigned to this reviewer.", HelpName = "NAME" };
        var limit = new Option<int>("--limit")
        {
            Description = "At most this many items, the most severe first (0: the whole queue).",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultListLimit,
        };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--limit must be 0 (all) or more.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Write the queue as one JSON array." };
        var all = new Option<bool>("--all") { Description = "Every unreviewed reading: do not fold repeated readings of one type in one document (the queue shows 3 each)." };
        var db = CommonOptions.Database();
        var command = new Command("list", "The review queue, most severe first: flagged clauses (high risk weight, redacted amounts, low confidence where the type feeds a score; one item per span, at most 3 unreviewed readings per document and type), deal terms with redacted or non-binding values, circular-financing cycles, and everything already reviewed.")
        {
            company, type, document, status, assignee, limit, json, all, db,
        };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            var filter = new ReviewQueueFilter
            {
                Company = parse.GetValue(company),
                Type = parse.GetValue(type),
                Document = parse.GetValue(document),
                Status = parse.GetValue(status) is { } word ? Vocabulary.Parse<ReviewStatus>(word) : null,
                Assignee = parse.GetValue(assignee),
                Limit = parse.GetValue(limit) is > 0 and var n ? n : null,
                Unfolded = parse.GetValue(all),
            };
            if (filter.Type is { } t && !Core.Clauses.ClauseTypes.IsKnown(t) && t != Vocabulary.Name(ReviewItemKind.DealTerms) && t != Vocabulary.Name(ReviewItemKind.Cycle))
            {
                throw new DealLensException($"--type: unknown type '{t}' (a clause type, deal_terms or cycle)");
            }

            await using var database = await OpenDatabaseAsync(context, parse.GetValue(db));
            var items = await database.Review.LoadReviewQueueAsync(filter, ReviewFlagger.Default, ct);
            await context.Out.WriteAsync(parse.GetValue(json) ? ReviewOutput.ToJson(items) : ReviewOutput.FormatList(items));
            if (filter.Limit is { } shown && items.Count == shown)
            {
                await context.Error.WriteLineAsync($"deallens: the first {shown} items; --limit N shows more, --limit 0 all");
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var item = ItemArgument();
        var json = new Option<bool>("--json") { Description = "Write the item, its context and its audit trail as JSON." };
        var db = CommonOptions.Database();
        var command = new Command("show", "One item: the clause in its surrounding text with its page, status, fields, comments and audit trail.") { item, json, db };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            await using var database = await OpenDatabaseAsync(context, parse.GetValue(db));
            var store = database.Review;
            var target = await store.ResolveReviewTargetAsync(parse.GetRequiredValue(item), ct);
            var found = await store.LoadReviewQueueItemAsync(target, ReviewFlagger.Default, ct)
                ?? throw new DealLensException($"{target.Id}: the item is no longer stored");
            IReadOnlyList<ReviewAuditEntry> audit = target.ReviewItemId is { } id ? await store.LoadReviewAuditAsync(id, ct) : [];
            var (before, after) = ("", "");
            if (found is ClauseReviewItem { ClauseId: not null, Start: { } start, End: { } end } clause)
            {
                before = await store.LoadTextAsync(clause.DocumentSha256, start - ReviewOutput.ContextChars, Math.Min(start, ReviewOutput.ContextChars), ct);
                after = await store.LoadTextAsync(clause.DocumentSha256, end, ReviewOutput.ContextChars, ct);
            }

            if (found is CycleReviewItem)
            {
                var cycle = await CycleDetailAsync(database, target.ItemKey, ct);
                await context.Out.WriteAsync(parse.GetValue(json)
                    ? ReviewOutput.ToJson(found, before, after, audit, cycle)
                    : ReviewOutput.FormatShow(found, before, after, audit) + ReviewOutput.FormatCycle(cycle));
                return ExitCodes.Ok;
            }

            await context.Out.WriteAsync(parse.GetValue(json)
                ? ReviewOutput.ToJson(found, before, after, audit)
                : ReviewOutput.FormatShow(found, before, after, audit));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    /// <summary>
    /// The cycle named by <paramref name="subject"/> as the current analyses draw it (rejected cycles included, so a
    /// reviewer can see what was rejected), with each edge's quotes and pages; null when no cycle has this subject now.
    /// </summary>
    private static async Task<CycleDetail?> CycleDetailAsync(DealLensDatabase database, string subject, CancellationToken cancellationToken)
    {
        var session = await RiskSession.LoadAsync(database, Core.Risk.RiskOptions.Default, cancellationToken);
        var cycle = session.Scored.Cycles
            .FirstOrDefault(c => ReviewItemIds.CycleSubject(c) == subject);
        if (cycle is null)
        {
            return null;
        }

        var byPath = (await RiskSession.LoadAnalysesAsync(database, cancellationToken))
            .Where(a => cycle.Documents.Contains(a.SourcePath, StringComparer.Ordinal)).GroupBy(a => a.SourcePath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var edges = cycle.Relations.Select(r => new CycleEdge(
            r,
            session.Graph.NameOf(r.From),
            session.Graph.NameOf(r.To),
            r.Evidence.DistinctBy(e => (e.Document, e.Quote))
                .Select(e => new CycleQuote(
                    e.Document,
                    byPath.TryGetValue(e.Document, out var analysis) ? Core.Reports.ReportBuilder.PageOf(analysis, e) : null,
                    e.ClauseId,
                    e.Quote))
                .ToList()))
            .ToList();
        return new CycleDetail(cycle, edges);
    }

    private static Command Decide(CliContext context, string verb, string description)
    {
        var item = ItemArgument();
        var options = new ActionOptions();
        var command = new Command(verb, description) { item };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct => RunActionAsync(
            context, parse, options, parse.GetRequiredValue(item), actor => new ReviewAction(verb, actor, parse.GetValue(options.Comment!)), ct), cancellationToken));
        return command;
    }

    private static Command Edit(CliContext context)
    {
        var item = ItemArgument();
        var type = new Option<string?>("--type") { Description = "The right clause type.", HelpName = "TYPE" };
        var amount = new Option<decimal?>("--amount") { Description = "The right amount, in whole currency units (250000000 for $250 million).", HelpName = "AMOUNT" };
        var currency = new Option<string?>("--currency") { Description = "The right ISO 4217 currency (USD, EUR, ...).", HelpName = "CODE" };
        var termMonths = new Option<int?>("--term-months") { Description = "The right term in months (a clause's duration, or the deal's term).", HelpName = "N" };
        var parties = new Option<string[]?>("--parties")
        {
            Description = "Deal terms only: the right parties, each one argument (--parties \"Aurora Silicon Corp.\" \"Cobalt Cloud, LLC\").",
            HelpName = "NAME",
            AllowMultipleArgumentsPerToken = true,
        };
        var binding = new Option<bool?>("--binding") { Description = "Deal terms only: true if the value is a binding commitment, false for a ceiling or non-binding value.", HelpName = "true|false" };
        var options = new ActionOptions();
        var command = new Command("edit", "Correct an item: its clause type or a field. The reviewed values replace the extracted ones in every score.")
        {
            item, type, amount, currency, termMonths, parties, binding,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct =>
        {
            var edit = new ReviewOverrides
            {
                Type = parse.GetValue(type),
                Amount = parse.GetValue(amount),
                Currency = parse.GetValue(currency)?.Trim().ToUpperInvariant(),
                TermMonths = parse.GetValue(termMonths),
                Parties = parse.GetValue(parties) is { Length: > 0 } names ? names.Select(n => n.Trim()).ToList() : null,
                Binding = parse.GetValue(binding),
            };
            return RunActionAsync(context, parse, options, parse.GetRequiredValue(item),
                actor => new ReviewAction(ReviewVerbs.Edit, actor, parse.GetValue(options.Comment!), edit), ct);
        }, cancellationToken));
        return command;
    }

    private static Command Comment(CliContext context)
    {
        var item = ItemArgument();
        var text = new Argument<string>("text") { Description = "The note." };
        var options = new ActionOptions(withComment: false);
        var command = new Command("comment", "Add a note to an item (its status stays).") { item, text };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct =>
        {
            var note = parse.GetRequiredValue(text);
            if (string.IsNullOrWhiteSpace(note))
            {
                throw new DealLensException("the comment is empty");
            }

            return RunActionAsync(context, parse, options, parse.GetRequiredValue(item), actor => new ReviewAction(ReviewVerbs.Comment, actor, note), ct);
        }, cancellationToken));
        return command;
    }

    private static Command Assign(CliContext context)
    {
        var item = ItemArgument();
        var to = new Argument<string?>("reviewer") { Description = "Who should review the item.", Arity = ArgumentArity.ZeroOrOne };
        var clear = new Option<bool>("--clear") { Description = "Unassign the item." };
        var options = new ActionOptions();
        var command = new Command("assign", "Give an item to a reviewer (or --clear it).") { item, to, clear };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct =>
        {
            var name = parse.GetValue(to)?.Trim();
            if (parse.GetValue(clear) == !string.IsNullOrEmpty(name))
            {
                throw new DealLensException("give either a reviewer to assign the item to, or --clear");
            }

            return RunActionAsync(context, parse, options, parse.GetRequiredValue(item),
                actor => new ReviewAction(ReviewVerbs.Assign, actor, parse.GetValue(options.Comment!), Assignee: name), ct);
        }, cancellationToken));
        return command;
    }

    private static Command Apply(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "JSON lines, one action each: {\"item\": \"5ffe41a8\", \"action\": \"edit\", \"amount\": 250000000, \"comment\": \"...\"} ('-' reads stdin)." };
        var options = new ActionOptions(withComment: false, withExpectVersion: false);
        var command = new Command("apply", "Apply many review actions from a file, each in its own transaction (for scripts and bulk decisions).") { file };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            var actor = RequireReviewer(context, parse.GetValue(options.As));
            var path = parse.GetRequiredValue(file);
            string[] lines;
            try
            {
                lines = path == "-" ? (await Console.In.ReadToEndAsync(ct)).Split('\n') : await File.ReadAllLinesAsync(Path.GetFullPath(path, context.WorkingDirectory), ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new DealLensException($"{path}: cannot read: {ex.Message}", ex);
            }

            var databasePath = await DealLensSettings.ReadDatabaseAsync(context, parse.GetValue(options.Database));
            await using var database = DealLensDatabase.Open(databasePath, context.Time);
            var store = database.Review;
            var failed = 0;
            var applied = 0;
            var decided = false;
            for (var i = 0; i < lines.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(lines[i]))
                {
                    continue;
                }

                try
                {
                    var (reference, action) = ParseLine(lines[i], actor);
                    var target = await store.ResolveReviewTargetAsync(reference, ct);
                    var item = await store.ApplyReviewActionAsync(target, action, null, ct);
                    decided |= action.Verb is ReviewVerbs.Accept or ReviewVerbs.Reject or ReviewVerbs.Edit;
                    applied++;
                    await context.Out.WriteLineAsync(parse.GetValue(options.Json) ? ReviewOutput.DoneJson(action, target, item) : ReviewOutput.Done(action, target, item));
                }
                catch (DealLensException ex)
                {
                    failed++;
                    await context.Error.WriteLineAsync($"deallens: {path}:{i + 1}: {ex.Message}");
                }
            }

            if (decided)
            {
                await RiskSession.SnapshotAsync(database, ct);
            }

            // The closing count goes to stderr with the failures, so stdout stays one line per applied action.
            await context.Error.WriteLineAsync(ReviewOutput.ApplySummary(applied, failed, path));
            return failed == 0 ? ExitCodes.Ok : ExitCodes.UsageError;
        }, cancellationToken));
        return command;
    }

    private static (string Reference, ReviewAction Action) ParseLine(string line, string actor)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var reference = Text("item") ?? throw new DealLensException("\"item\" is missing");
            var verb = Text("action") ?? throw new DealLensException("\"action\" is missing");
            if (!ReviewVerbs.Reviewer.Contains(verb, StringComparer.Ordinal))
            {
                throw new DealLensException($"unknown action '{verb}' (one of: {string.Join(", ", ReviewVerbs.Reviewer)})");
            }

            ReviewOverrides? edit = null;
            if (verb == ReviewVerbs.Edit)
            {
                edit = new ReviewOverrides
                {
                    Type = Text("type"),
                    Amount = root.TryGetProperty("amount", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetDecimal() : null,
                    Currency = Text("currency")?.ToUpperInvariant(),
                    TermMonths = root.TryGetProperty("term_months", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : null,
                    Parties = root.TryGetProperty("parties", out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : null,
                    Binding = root.TryGetProperty("binding", out var b) && b.ValueKind is JsonValueKind.True or JsonValueKind.False ? b.GetBoolean() : null,
                };
            }

            var comment = Text("comment");
            if (verb == ReviewVerbs.Comment && string.IsNullOrWhiteSpace(comment))
            {
                throw new DealLensException("a comment action needs \"comment\"");
            }

            return (reference, new ReviewAction(verb, actor, comment, edit, Text("assignee")));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new DealLensException($"not a review action: {ex.Message}", ex);
        }
    }

    private static async Task<int> RunActionAsync(
        CliContext context, ParseResult parse, ActionOptions options, string reference, Func<string, ReviewAction> makeAction, CancellationToken cancellationToken)
    {
        var action = makeAction(RequireReviewer(context, parse.GetValue(options.As)));
        var databasePath = await DealLensSettings.ReadDatabaseAsync(context, parse.GetValue(options.Database));
        await using var database = DealLensDatabase.Open(databasePath, context.Time);
        var target = await database.Review.ResolveReviewTargetAsync(reference, cancellationToken);
        var item = await database.Review.ApplyReviewActionAsync(target, action, options.ExpectVersion is null ? null : parse.GetValue(options.ExpectVersion), cancellationToken);
        await context.Out.WriteLineAsync(parse.GetValue(options.Json) ? ReviewOutput.DoneJson(action, target, item) : ReviewOutput.Done(action, target, item));

        // Decisions change scores: store a fresh snapshot, so risk history and the queue's cycles follow them.
        if (action.Verb is ReviewVerbs.Accept or ReviewVerbs.Reject or ReviewVerbs.Edit)
        {
            await RiskSession.SnapshotAsync(database, cancellationToken);
        }

        return ExitCodes.Ok;
    }

    private static string RequireReviewer(CliContext context, string? flag)
    {
        var name = (flag ?? context.ReadEnvironment(ReviewerVariable))?.Trim();
        return string.IsNullOrEmpty(name)
            ? throw new DealLensException($"who is reviewing? pass --as NAME or set {ReviewerVariable}")
            : name;
    }

    private static async Task<DealLensDatabase> OpenDatabaseAsync(CliContext context, string? db)
        => DealLensDatabase.OpenForReading(await DealLensSettings.ReadDatabaseAsync(context, db), context.Time);

    private static Argument<string> ItemArgument() => new("item")
    {
        Description = "The item: a clause id (or a unique prefix of at least 4 characters), deal:<document hash prefix>, or cycle:<id>, as `review list` shows.",
    };

    /// <summary>The options every action shares.</summary>
    private sealed class ActionOptions
    {
        public ActionOptions(bool withComment = true, bool withExpectVersion = true)
        {
            Comment = withComment ? new Option<string?>("--comment") { Description = "A note kept with the action in the audit trail.", HelpName = "TEXT" } : null;
            ExpectVersion = withExpectVersion
                ? new Option<long?>("--expect-version")
                {
                    Description = "Refuse the action if the item is no longer at this version (as `review show` printed it): another reviewer changed it meanwhile.",
                    HelpName = "N",
                }
                : null;
        }

        public Option<string?> As { get; } = new("--as")
        {
            Description = $"Who is reviewing (default: {ReviewerVariable}).",
            HelpName = "NAME",
        };

        public Option<string?> Database { get; } = CommonOptions.Database();

        public Option<bool> Json { get; } = new("--json") { Description = "Print each result as one JSON object per line." };

        public Option<string?>? Comment { get; }

        public Option<long?>? ExpectVersion { get; }

        public void AddTo(Command command)
        {
            command.Options.Add(As);
            command.Options.Add(Database);
            command.Options.Add(Json);
            if (Comment is not null)
            {
                command.Options.Add(Comment);
            }

            if (ExpectVersion is not null)
            {
                command.Options.Add(ExpectVersion);
            }
        }
    }
}
