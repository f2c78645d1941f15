using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DealLens.Core.Clauses;
using DealLens.Core.Output;
using DealLens.Core.Review;
using DealLens.Core.Risk;

namespace DealLens.Cli.Review;

/// <summary>How <c>deallens review</c> prints the queue, one item and the outcome of an action (text and JSON).</summary>
public static class ReviewOutput
{
    /// <summary>Characters of surrounding text shown on each side of a clause.</summary>
    public const int ContextChars = 300;

    private const int QuoteWidth = 70;

    public static string FormatList(IReadOnlyList<ReviewQueueItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var b = new StringBuilder();
        b.Append("ID                  SEVERITY  STATUS           TYPE                         ASSIGNEE    DOCUMENT / QUOTE\n");
        foreach (var i in items)
        {
            var doc = i as DocumentReviewItem;
            b.Append(CultureInfo.InvariantCulture, $"{i.Id,-19} {Formats.SeverityName(i.Severity),-9} {Vocabulary.Name(i.Status),-16} {i.Type,-28} {i.Assignee ?? "-",-11} {doc?.Document ?? ""}{(doc?.Page is { } p ? " p." + p.ToString(CultureInfo.InvariantCulture) : "")}\n");
            if (Quote(i) is { } quote)
            {
                b.Append(CultureInfo.InvariantCulture, $"{"",20}\"{Shorten(quote, QuoteWidth)}\"{(i.Reasons.Count > 0 ? "  [" + string.Join("; ", i.Reasons) + "]" : "")}\n");
            }
        }

        var counts = items.GroupBy(i => i.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Vocabulary.Name(g.Key)}");
        b.Append(CultureInfo.InvariantCulture, $"\n{items.Count} item{(items.Count == 1 ? "" : "s")}{(items.Count > 0 ? " (" + string.Join(", ", counts) + ")" : "")}\n");
        return b.ToString();
    }

    public static string FormatShow(ReviewQueueItem item, string before, string after, IReadOnlyList<ReviewAuditEntry> audit)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(audit);
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"{item.Id}  {Vocabulary.Name(item.Kind)}  {item.Type}  severity {Formats.SeverityName(item.Severity)}\n");
        if (item is DocumentReviewItem doc)
        {
            var where = doc.Page is { } page ? $"page {page}" : "page unknown";
            if (doc.Start is { } start && doc.End is { } end)
            {
                where += $", characters {start}-{end}";
            }

            b.Append(CultureInfo.InvariantCulture, $"document    {doc.Document ?? "(not stored any more)"}  (sha256 {doc.DocumentSha256})\n");
            b.Append(CultureInfo.InvariantCulture, $"where       {where}\n");
        }

        var clause = item as ClauseReviewItem;
        b.Append(CultureInfo.InvariantCulture, $"status      {Vocabulary.Name(item.Status)}, version {item.Version}{(item.UpdatedBy is null ? "" : $", last changed by {item.UpdatedBy} at {Timestamp(item.UpdatedAt!.Value)}")}\n");
        b.Append(CultureInfo.InvariantCulture, $"assignee    {item.Assignee ?? "-"}\n");
        if (clause?.ExtractedType is { } extracted && extracted != item.Type)
        {
            b.Append(CultureInfo.InvariantCulture, $"extracted   as {extracted}\n");
        }

        if (clause?.Confidence is { } confidence)
        {
            b.Append(CultureInfo.InvariantCulture, $"confidence  {confidence:0.00}\n");
        }

        if (item.Reasons.Count > 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"flagged     {string.Join("; ", item.Reasons)}\n");
        }

        if (Fields(item) is { IsEmpty: false } fields)
        {
            b.Append(CultureInfo.InvariantCulture, $"fields      {Compact(fields)}\n");
        }

        if (item.Overrides.HasAny)
        {
            b.Append(CultureInfo.InvariantCulture, $"reviewed    {Compact(item.Overrides)}\n");
        }

        if (Quote(item) is { } quote)
        {
            b.Append('\n');
            var text = before.Length > 0 || after.Length > 0
                ? "..." + before + "[[" + quote + "]]" + after + "..."
                : "\"" + quote + "\"";
            foreach (var line in Wrap(text, 100))
            {
                b.Append("    ").Append(line).Append('\n');
            }
        }

        var comments = audit.Where(a => a.Comment is not null && a.Actor != Storage.ReviewStore.SystemActor).ToList();
        if (comments.Count > 0)
        {
            b.Append("\ncomments\n");
            foreach (var c in comments)
            {
                b.Append(CultureInfo.InvariantCulture, $"  {Timestamp(c.At)}  {c.Actor}: {c.Comment}\n");
            }
        }

        b.Append(CultureInfo.InvariantCulture, $"\naudit trail ({audit.Count})\n");
        foreach (var a in audit)
        {
            b.Append(CultureInfo.InvariantCulture, $"  #{a.Id} {Timestamp(a.At)}  {a.Actor,-12} {a.Action,-16} {Change(a.BeforeJson, a.AfterJson)}{(a.Comment is null ? "" : "  \"" + a.Comment + "\"")}\n");
        }

        return b.ToString();
    }

    /// <summary>
    /// The edges of a cycle for <c>review show cycle:…</c>: each money relation with its amount and the quotes it rests
    /// on (document and page). <paramref name="cycle"/> null: the cycle is not in the current risk report.
    /// </summary>
    public static string FormatCycle(CycleDetail? cycle)
    {
        var b = new StringBuilder();
        if (cycle is null)
        {
            b.Append("\nedges       the cycle is not in the current risk report (rejected, or its relations are gone)\n");
            return b.ToString();
        }

        var c = cycle.Cycle;
        b.Append(CultureInfo.InvariantCulture,
            $"\ncycle       {string.Join(" -> ", c.Names.Append(c.Names.Count > 0 ? c.Names[0] : ""))}  ({c.Kind.Replace('_', ' ')}, severity {Formats.SeverityName(c.Severity)})\n");
        b.Append(CultureInfo.InvariantCulture,
            $"money       financing {Formats.Money(c.FinancingProvided, "USD")} vs purchases {Formats.Money(c.PurchasesCommitted, "USD")}; circularity {(c.CircularityRatio is { } r ? Formats.Ratio(r) : "n/a" + (c.RatioNote is null ? "" : " (" + c.RatioNote + ")"))}\n");
        b.Append(CultureInfo.InvariantCulture, $"\nedges ({c.Relations.Count})\n");
        foreach (var edge in cycle.Edges)
        {
            var rel = edge.Relation;
            var amount = Formats.RelationAmount(rel);
            b.Append(CultureInfo.InvariantCulture,
                $"  {edge.FromName} -> {edge.ToName}  {RelationKinds.Name(rel.Kind).Replace('_', ' ')}  {amount}{(rel.Binding ? "" : " (non-binding)")}  [{rel.Id}]\n");
            foreach (var quote in edge.Quotes)
            {
                b.Append(CultureInfo.InvariantCulture,
                    $"      {quote.Document}, {(quote.Page is { } p ? "page " + p.ToString(CultureInfo.InvariantCulture) : "page unknown")}{(quote.ClauseId is null ? "" : ", clause " + quote.ClauseId)}\n");
                foreach (var line in Wrap("\"" + quote.Quote + "\"", 96))
                {
                    b.Append("        ").Append(line).Append('\n');
                }
            }
        }

        return b.ToString();
    }

    /// <summary>Adds the cycle's edges to the JSON of a shown item.</summary>
    public static string ToJson(ReviewQueueItem item, string before, string after, IReadOnlyList<ReviewAuditEntry> audit, CycleDetail? cycle)
    {
        var node = JsonNode.Parse(ToJson(item, before, after, audit))!.AsObject();
        node["edges"] = cycle is null ? null : new JsonArray([.. cycle.Edges.Select(e => (JsonNode)new JsonObject
        {
            ["relation"] = e.Relation.Id,
            ["from"] = e.FromName,
            ["to"] = e.ToName,
            ["kind"] = RelationKinds.Name(e.Relation.Kind),
            ["amount"] = e.Relation.Amount,
            ["currency"] = e.Relation.Currency,
            ["binding"] = e.Relation.Binding,
            ["redacted"] = e.Relation.Redacted,
            ["evidence"] = new JsonArray([.. e.Quotes.Select(q => (JsonNode)new JsonObject
            {
                ["document"] = q.Document,
                ["page"] = q.Page,
                ["clause_id"] = q.ClauseId,
                ["quote"] = q.Quote,
            })]),
        })]);
        return node.ToJsonString(DealLensJson.Indented) + "\n";
    }

    public static string ToJson(IReadOnlyList<ReviewQueueItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new JsonArray([.. items.Select(ToNode)]).ToJsonString(DealLensJson.Indented) + "\n";
    }

    public static string ToJson(ReviewQueueItem item, string before, string after, IReadOnlyList<ReviewAuditEntry> audit)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(audit);
        var node = ToNode(item);
        node["context_before"] = before;
        node["context_after"] = after;
        node["audit"] = new JsonArray([.. audit.Select(a => (JsonNode)new JsonObject
        {
            ["id"] = a.Id,
            ["at"] = Timestamp(a.At),
            ["actor"] = a.Actor,
            ["action"] = a.Action,
            ["before"] = a.BeforeJson is null ? null : JsonNode.Parse(a.BeforeJson),
            ["after"] = a.AfterJson is null ? null : JsonNode.Parse(a.AfterJson),
            ["comment"] = a.Comment,
        })]);
        return node.ToJsonString(DealLensJson.Indented) + "\n";
    }

    /// <summary>The line <c>review apply</c> closes with: how many actions were applied and how many failed.</summary>
    public static string ApplySummary(int applied, int failed, string path)
        => FormattableString.Invariant(
            $"deallens: {path}: {applied} action{(applied == 1 ? "" : "s")} applied, {failed} failed{(failed > 0 ? " (see the lines above; nothing of a failed line was saved)" : "")}");

    /// <summary>The one line an action prints.</summary>
    public static string Done(ReviewAction action, ReviewTarget target, ReviewItem item)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(item);
        var what = action.Verb switch
        {
            ReviewVerbs.Accept => "accepted",
            ReviewVerbs.Reject => "rejected",
            ReviewVerbs.Edit => "edited (" + Compact(item.Overrides) + ")",
            ReviewVerbs.Comment => "commented on",
            _ => item.Assignee is null ? "unassigned" : "assigned to " + item.Assignee + ":",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{what} {target.Id}: status {Vocabulary.Name(item.Status)}, version {item.Version}, by {item.UpdatedBy}");
    }

    /// <summary>The result of one review action as one compact JSON line (review actions with --json).</summary>
    public static string DoneJson(ReviewAction action, ReviewTarget target, ReviewItem item)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(item);
        var node = new JsonObject
        {
            ["item"] = target.Id,
            ["action"] = action.Verb,
            ["status"] = Vocabulary.Name(item.Status),
            ["version"] = item.Version,
            ["updated_by"] = item.UpdatedBy,
            ["assignee"] = item.Assignee,
            ["overrides"] = JsonNode.Parse(Compact(item.Overrides)),
        };
        return node.ToJsonString(DealLensJson.Compact);
    }

    private static JsonObject ToNode(ReviewQueueItem i)
    {
        var doc = i as DocumentReviewItem;
        var clause = i as ClauseReviewItem;
        var fields = Fields(i);
        return new()
        {
            ["id"] = i.Id,
            ["kind"] = Vocabulary.Name(i.Kind),
            ["document"] = doc?.Document,
            ["document_sha256"] = doc?.DocumentSha256,
            ["clause_id"] = clause?.ClauseId,
            ["type"] = i.Type,
            ["extracted_type"] = clause?.ExtractedType,
            ["page"] = doc?.Page,
            ["start"] = doc?.Start,
            ["end"] = doc?.End,
            ["quote"] = Quote(i),
            ["confidence"] = clause?.Confidence,
            ["fields"] = fields is null ? null : JsonNode.Parse(Compact(fields)),
            ["severity"] = Formats.SeverityName(i.Severity),
            ["reasons"] = new JsonArray([.. i.Reasons.Select(r => (JsonNode)r)]),
            ["status"] = Vocabulary.Name(i.Status),
            ["assignee"] = i.Assignee,
            ["overrides"] = JsonNode.Parse(Compact(i.Overrides)),
            ["version"] = i.Version,
            ["updated_at"] = i.UpdatedAt is { } at ? Timestamp(at) : null,
            ["updated_by"] = i.UpdatedBy,
        };
    }

    /// <summary>The text an item rests on: a clause's or the total value's quote, a cycle's path of companies.</summary>
    private static string? Quote(ReviewQueueItem item) => item switch
    {
        DocumentReviewItem d => d.Quote,
        CycleReviewItem c => c.Path,
        _ => null,
    };

    private static ClauseFields? Fields(ReviewQueueItem item) => item switch
    {
        ClauseReviewItem c => c.Fields,
        DealTermsReviewItem d => d.Fields,
        _ => null,
    };

    /// <summary>Snake_case JSON of a record's set values only (computed flags left out).</summary>
    private static string Compact<T>(T value)
    {
        var node = JsonSerializer.SerializeToNode(value, DealLensJson.Compact)!.AsObject();
        foreach (var name in node.Where(p => p.Value is null || p.Key is "has_any" or "is_empty").Select(p => p.Key).ToList())
        {
            node.Remove(name);
        }

        return node.ToJsonString(DealLensJson.Compact);
    }

    /// <summary>"status: open -> accepted; overrides: {} -> {...}" from two audit states.</summary>
    private static string Change(string? beforeJson, string? afterJson)
    {
        var before = beforeJson is null ? new JsonObject() : JsonNode.Parse(beforeJson)!.AsObject();
        var after = afterJson is null ? new JsonObject() : JsonNode.Parse(afterJson)!.AsObject();
        var changes = new List<string>();
        foreach (var key in after.Select(p => p.Key).Union(before.Select(p => p.Key)))
        {
            if (key == "version")
            {
                continue;
            }

            var was = before[key]?.ToJsonString() ?? "-";
            var now = after[key]?.ToJsonString() ?? "-";
            if (beforeJson is null || was != now)
            {
                changes.Add($"{key}: {(beforeJson is null ? "" : Plain(was) + " -> ")}{Plain(now)}");
            }
        }

        return string.Join("; ", changes);

        static string Plain(string json) => json.Length > 1 && json[0] == '"' ? json[1..^1] : json;
    }

    private static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int width)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= width ? flat : flat[..(width - 3)] + "...";
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}

/// <summary>One quote an edge of a cycle rests on, with its page (null when it could not be found in the stored text).</summary>
public sealed record CycleQuote(string Document, int? Page, string? ClauseId, string Quote);

/// <summary>One money relation of a cycle, with its companies' names and quotes.</summary>
public sealed record CycleEdge(MoneyRelation Relation, string FromName, string ToName, IReadOnlyList<CycleQuote> Quotes);

/// <summary>A cycle as <c>review show</c> prints it.</summary>
public sealed record CycleDetail(FinancingCycle Cycle, IReadOnlyList<CycleEdge> Edges);
