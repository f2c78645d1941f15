using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DealLens.Cli.Risk;
using DealLens.Core;
using DealLens.Core.Output;
using DealLens.Core.Pipeline;
using DealLens.Core.Review;
using DealLens.Storage;

namespace DealLens.Cli.Commands;

/// <summary>
/// <c>deallens documents list|show|remove</c>: what the database holds, one document with its versions, and forgetting
/// a document. A new version of a file (same path, new content) supersedes the old one, which stays as history.
/// </summary>
public static class DocumentsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command(
            "documents",
            "The stored documents: list them, show one with its versions, clauses and review decisions, or remove one. A re-analysed file with new content supersedes its old version, which stays as history.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Remove(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var all = new Option<bool>("--all") { Description = "Superseded versions too (the history of each file)." };
        var json = new Option<bool>("--json") { Description = "Write the documents as one JSON array." };
        var db = CommonOptions.Database();
        var command = new Command("list", "The current stored documents (one per file): pages, clauses, when analysed.") { all, json, db };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            await using var database = OpenExisting(context, parse.GetValue(db), out _);
            var documents = await database.Documents.ListDocumentsAsync(parse.GetValue(all), ct);
            var clauses = await database.Documents.CountClausesByDocumentAsync(ct);
            if (parse.GetValue(json))
            {
                await context.Out.WriteAsync(new JsonArray([.. documents.Select(d => (JsonNode)ToNode(d, clauses))]).ToJsonString(DealLensJson.Indented) + "\n");
                return ExitCodes.Ok;
            }

            var b = new StringBuilder("SHA256        STATUS      PAGES  CLAUSES  ANALYZED              DOCUMENT\n");
            foreach (var d in documents)
            {
                b.Append(CultureInfo.InvariantCulture,
                    $"{d.Sha256[..12],-13} {(d.IsCurrent ? "current" : "superseded"),-11} {d.PageCount,5} {clauses.GetValueOrDefault(d.Sha256),8}  {Timestamp(d.AnalyzedAt),-20}  {d.SourcePath}\n");
            }

            var current = documents.Count(d => d.IsCurrent);
            b.Append(CultureInfo.InvariantCulture, $"\n{current} current document{(current == 1 ? "" : "s")}");
            b.Append(parse.GetValue(all) ? FormattableString.Invariant($", {documents.Count - current} superseded version{(documents.Count - current == 1 ? "" : "s")}\n") : "\n");
            await context.Out.WriteAsync(b.ToString());
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var document = DocumentArgument();
        var json = new Option<bool>("--json") { Description = "Write the document as JSON." };
        var db = CommonOptions.Database();
        var command = new Command("show", "One stored document: its versions, its clauses by type, its deal terms and the review decisions on it.") { document, json, db };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            await using var database = OpenExisting(context, parse.GetValue(db), out _, forReading: false);
            var all = await database.Documents.ListDocumentsAsync(includeSuperseded: true, ct);
            var selected = await ResolveAsync(context, all, parse.GetRequiredValue(document), ct);
            var shown = selected.FirstOrDefault(d => d.IsCurrent) ?? selected[0];
            var versions = all.Where(d => d.SourcePath == shown.SourcePath).ToList();
            var analysis = await database.Documents.LoadAnalysisAsync(shown.Sha256, ct)
                ?? throw new DealLensException($"{shown.SourcePath}: removed while being read; run `deallens documents list`");
            var reviews = await database.Review.LoadReviewItemsAsync(shown.Sha256, ct);
            var clauses = await database.Documents.CountClausesByDocumentAsync(ct);
            var byType = analysis.Clauses.GroupBy(c => c.Type, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (Type: g.Key, Count: g.Count())).ToList();
            var statuses = reviews.GroupBy(r => Vocabulary.Name(r.Status), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (Status: g.Key, Count: g.Count())).ToList();

            if (parse.GetValue(json))
            {
                var node = ToNode(shown, clauses);
                node["extractor"] = analysis.Extractor;
                node["parties"] = new JsonArray([.. analysis.Deal.Parties.Select(p => (JsonNode)p)]);
                node["deal_value"] = analysis.Deal.TotalValue?.Amount;
                node["currency"] = analysis.Deal.TotalValue?.Currency;
                node["clauses_by_type"] = new JsonObject(byType.Select(t => KeyValuePair.Create(t.Type, (JsonNode?)t.Count)));
                node["review_items"] = new JsonObject(statuses.Select(s => KeyValuePair.Create(s.Status, (JsonNode?)s.Count)));
                node["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)ToNode(v, clauses))]);
                await context.Out.WriteAsync(node.ToJsonString(DealLensJson.Indented) + "\n");
                return ExitCodes.Ok;
            }

            var b = new StringBuilder();
            b.Append(CultureInfo.InvariantCulture, $"{shown.SourcePath}\n");
            b.Append(CultureInfo.InvariantCulture, $"sha256      {shown.Sha256}{(shown.IsCurrent ? "  (current)" : $"  (superseded by {shown.SupersededBy![..12]})")}\n");
            b.Append(CultureInfo.InvariantCulture, $"analysed    {Timestamp(shown.AnalyzedAt)} by {analysis.Extractor}, {shown.PageCount} pages\n");
            b.Append(CultureInfo.InvariantCulture, $"parties     {(analysis.Deal.Parties.Count == 0 ? "-" : string.Join("; ", analysis.Deal.Parties))}\n");
            b.Append(CultureInfo.InvariantCulture, $"deal value  {(analysis.Deal.TotalValue is { } v ? Formats.Money(v.Amount, v.Currency) + (v.Binding ? "" : " (non-binding)") : "-")}\n");
            b.Append(CultureInfo.InvariantCulture, $"clauses     {analysis.Clauses.Count}{(byType.Count == 0 ? "" : ": " + string.Join(", ", byType.Select(t => $"{t.Count} {t.Type}")))}\n");
            b.Append(CultureInfo.InvariantCulture, $"reviewed    {(statuses.Count == 0 ? "nothing yet" : string.Join(", ", statuses.Select(s => $"{s.Count} {s.Status}")))}\n");
            b.Append(CultureInfo.InvariantCulture, $"\nversions ({versions.Count}), newest first\n");
            foreach (var version in versions)
            {
                b.Append(CultureInfo.InvariantCulture,
                    $"  {version.Sha256[..12]}  {Timestamp(version.AnalyzedAt)}  {(version.IsCurrent ? "current" : "superseded " + Timestamp(version.SupersededAt!.Value))}  {clauses.GetValueOrDefault(version.Sha256)} clauses\n");
            }

            await context.Out.WriteAsync(b.ToString());
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var document = DocumentArgument();
        var json = new Option<bool>("--json") { Description = "Write what was removed as JSON." };
        var db = CommonOptions.Database();
        var command = new Command(
            "remove",
            "Forget a document: by path every version of it, by SHA-256 prefix that version only (an older version then becomes current again). Review decisions and their audit trail are kept.")
        {
            document, json, db,
        };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            var removals = new List<DocumentRemoval>();
            await using var database = OpenExisting(context, parse.GetValue(db), out _, forReading: false);
            var all = await database.Documents.ListDocumentsAsync(includeSuperseded: true, ct);
            var selected = await ResolveAsync(context, all, parse.GetRequiredValue(document), ct);

            // Oldest first, so removing every version of a path never reinstates one about to go.
            foreach (var version in selected.OrderBy(d => d.IsCurrent).ThenBy(d => d.AnalyzedAt))
            {
                if (await database.Documents.RemoveDocumentAsync(version.Sha256, ct) is { } removal)
                {
                    removals.Add(removal);
                }
            }

            // Totals, graph and cycles change: a fresh risk snapshot keeps the queue's cycles and risk history true.
            await RiskSession.SnapshotAsync(database, ct);
            if (parse.GetValue(json))
            {
                await context.Out.WriteAsync(new JsonArray([.. removals.Select(r => (JsonNode)new JsonObject
                {
                    ["removed"] = ToNode(r.Removed, null),
                    ["reinstated"] = r.Reinstated is null ? null : ToNode(r.Reinstated, null),
                })]).ToJsonString(DealLensJson.Indented) + "\n");
                return ExitCodes.Ok;
            }

            foreach (var r in removals)
            {
                await context.Out.WriteLineAsync(
                    $"removed {r.Removed.Sha256[..12]} {r.Removed.SourcePath}{(r.Reinstated is { } back ? $"; version {back.Sha256[..12]} is current again" : "")}");
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Argument<string> DocumentArgument() => new("document")
    {
        Description = "The document: a file (matched by its content), the path it was analysed under, or a prefix of its SHA-256 (4+ hex digits, as `documents list` shows).",
    };

    /// <summary>
    /// The stored versions <paramref name="selector"/> names: an existing file by its content; a SHA-256 prefix; else
    /// every version analysed under that path. Throws <see cref="DealLensException"/> naming the selector when none is.
    /// </summary>
    private static async Task<IReadOnlyList<StoredDocument>> ResolveAsync(
        CliContext context, IReadOnlyList<StoredDocument> documents, string selector, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(selector, context.WorkingDirectory);
        var byPath = documents.Where(d => d.SourcePath == selector || Path.GetFullPath(d.SourcePath, context.WorkingDirectory) == full).ToList();
        if (byPath.Count > 0)
        {
            return byPath;
        }

        if (File.Exists(full))
        {
            string sha;
            await using (var stream = File.OpenRead(full))
            {
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            }

            return documents.Where(d => d.Sha256 == sha).ToList() is { Count: > 0 } same
                ? same
                : throw new DealLensException($"{selector}: this file (its current content) is not stored; `deallens documents list` shows what is");
        }

        var prefix = selector.Trim().ToLowerInvariant();
        if (prefix.Length >= ReviewItemIds.MinPrefixLength && prefix.All(char.IsAsciiHexDigitLower))
        {
            var matches = documents.Where(d => d.Sha256.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            return matches.Count switch
            {
                1 => matches,
                0 => throw new DealLensException($"no stored document has a SHA-256 starting with {prefix} (see `deallens documents list --all`)"),
                _ => throw new DealLensException(
                    $"{prefix} is ambiguous: it starts {matches.Count} documents' SHA-256 ({string.Join(", ", matches.Take(5).Select(m => m.Sha256[..12]))}); type more of it"),
            };
        }

        throw new DealLensException($"no stored document matches \"{selector}\" (not a stored path, a file here or a SHA-256 prefix; see `deallens documents list`)");
    }

    private static DealLensDatabase OpenExisting(CliContext context, string? flag, out string databasePath, bool forReading = true)
    {
        databasePath = DealLensSettings.Load(context).ExistingDatabasePath(flag);
        return forReading ? DealLensDatabase.OpenForReading(databasePath, context.Time) : DealLensDatabase.Open(databasePath, context.Time);
    }

    private static JsonObject ToNode(StoredDocument d, IReadOnlyDictionary<string, int>? clauses) => new()
    {
        ["sha256"] = d.Sha256,
        ["path"] = d.SourcePath,
        ["pages"] = d.PageCount,
        ["clauses"] = clauses?.GetValueOrDefault(d.Sha256),
        ["analyzed_at"] = Timestamp(d.AnalyzedAt),
        ["current"] = d.IsCurrent,
        ["superseded_by"] = d.SupersededBy,
        ["superseded_at"] = d.SupersededAt is { } at ? Timestamp(at) : null,
    };

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
