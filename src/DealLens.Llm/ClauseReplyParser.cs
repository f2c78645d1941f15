using System.Text;
using System.Text.Json;
using DealLens.Core.Clauses;

namespace DealLens.Llm;

/// <summary>Why an item of a model reply was not kept.</summary>
public static class DropReasons
{
    /// <summary>The reply as a whole is not one JSON object of the expected shape.</summary>
    public const string MalformedJson = "malformed_json";

    public const string UnknownType = "unknown_type";

    /// <summary>A field is missing, of the wrong kind, out of range, or not in the schema.</summary>
    public const string InvalidValue = "invalid_value";

    /// <summary>The quote does not occur in the document.</summary>
    public const string QuoteNotFound = "quote_not_found";

    /// <summary>The quote has fewer words than a clause needs (<see cref="QuoteEvidence.MinWords"/>).</summary>
    public const string QuoteTooShort = "quote_too_short";

    /// <summary>The quote has none of the wording a clause of its type carries (<see cref="QuoteEvidence"/>).</summary>
    public const string NoTypeEvidence = "no_type_evidence";

    /// <summary>A deal term names a field that is not one of the deal-terms fields.</summary>
    public const string UnknownField = "unknown_field";

    /// <summary>A deal term's quote was found, but our own rules read no value for its field from it.</summary>
    public const string ValueNotInQuote = "value_not_in_quote";

    public static IReadOnlyList<string> All { get; } = [MalformedJson, UnknownType, InvalidValue, QuoteNotFound, QuoteTooShort, NoTypeEvidence, UnknownField, ValueNotInQuote];
}

/// <summary>One schema-valid item of a reply, not yet grounded.</summary>
public sealed record ClauseCandidate(string Type, string Quote, double Confidence);

/// <summary>What a reply held: the valid items, and how many items were dropped for each reason.</summary>
public sealed record ClauseReply(bool IsWellFormed, IReadOnlyList<ClauseCandidate> Clauses, IReadOnlyDictionary<string, int> Dropped);

/// <summary>
/// Reads a model reply strictly. The reply is untrusted: it must be exactly
/// <c>{"clauses":[{"type","quote","confidence"[,"fields"]}]}</c> with a known type, a non-blank quote and a
/// confidence in [0, 1]; anything else is dropped and counted, never guessed at.
/// </summary>
public static class ClauseReplyParser
{
    /// <summary>Quotes longer than this are not a clause but a page.</summary>
    public const int MaxQuoteLength = 4000;

    private static readonly JsonDocumentOptions s_options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
        AllowDuplicateProperties = false,
    };

    /// <param name="reply">The model's text.</param>
    /// <param name="allowSurroundingText">
    /// For models without JSON mode: take the first JSON object in the text (after stripping a ``` fence) and
    /// ignore prose around it. Otherwise the whole reply must be that object.
    /// </param>
    public static ClauseReply Parse(string? reply, bool allowSurroundingText = false)
        => ParseEnvelope<ClauseCandidate>(reply, allowSurroundingText, "clauses", ReadItem) is { } envelope
            ? new ClauseReply(true, envelope.Items, envelope.Dropped)
            : Malformed();

    /// <summary>
    /// Reads a reply that must be exactly <c>{"&lt;arrayName&gt;": [items]}</c>: null when it is not; otherwise the items
    /// <paramref name="readItem"/> accepts and the others counted by the reason it gives.
    /// </summary>
    internal static (List<T> Items, Dictionary<string, int> Dropped)? ParseEnvelope<T>(
        string? reply, bool allowSurroundingText, string arrayName, Func<JsonElement, (T? Item, string? Reason)> readItem)
        where T : class
    {
        if (ParseJson(reply, allowSurroundingText) is not { } document)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty(arrayName, out var array)
                || array.ValueKind != JsonValueKind.Array
                || root.EnumerateObject().Count() != 1)
            {
                return null;
            }

            var items = new List<T>();
            var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var element in array.EnumerateArray())
            {
                var (item, reason) = readItem(element);
                if (item is not null)
                {
                    items.Add(item);
                }
                else
                {
                    dropped[reason!] = dropped.GetValueOrDefault(reason!) + 1;
                }
            }

            return (items, dropped);
        }
    }

    /// <summary>The reply as one JSON document (see <see cref="Parse"/> for <paramref name="allowSurroundingText"/>), or null.</summary>
    internal static JsonDocument? ParseJson(string? reply, bool allowSurroundingText)
    {
        var text = StripFence((reply ?? "").Trim());
        try
        {
            if (allowSurroundingText)
            {
                var start = text.IndexOf('{', StringComparison.Ordinal);
                if (start < 0)
                {
                    return null;
                }

                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text[start..]), new JsonReaderOptions
                {
                    AllowTrailingCommas = false,
                    CommentHandling = JsonCommentHandling.Disallow,
                    MaxDepth = 16,
                    AllowMultipleValues = true,
                });
                return JsonDocument.ParseValue(ref reader);
            }

            return JsonDocument.Parse(text, s_options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (ClauseCandidate? Candidate, string? Reason) ReadItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, DropReasons.InvalidValue);
        }

        string? type = null;
        string? quote = null;
        double? confidence = null;
        foreach (var property in item.EnumerateObject())
        {
            switch (property.Name)
            {
                case "type" when property.Value.ValueKind == JsonValueKind.String:
                    type = property.Value.GetString();
                    break;
                case "quote" when property.Value.ValueKind == JsonValueKind.String:
                    quote = property.Value.GetString();
                    break;
                case "confidence" when property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var c):
                    confidence = c;
                    break;
                case "fields" when property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null:
                    // Fields the model reads are not stored: the pipeline reads them from the grounded quote, so no
                    // number the model made up can reach the database. They are still checked for shape.
                    break;
                default:
                    return (null, DropReasons.InvalidValue);
            }
        }

        if (type is null || quote is null || confidence is null)
        {
            return (null, DropReasons.InvalidValue);
        }

        if (!ClauseTypes.IsKnown(type))
        {
            return (null, DropReasons.UnknownType);
        }

        if (string.IsNullOrWhiteSpace(quote) || quote.Length > MaxQuoteLength
            || double.IsNaN(confidence.Value) || confidence < 0 || confidence > 1)
        {
            return (null, DropReasons.InvalidValue);
        }

        return (new ClauseCandidate(type, quote, confidence.Value), null);
    }

    private static string StripFence(string text)
    {
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }

        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var body = firstLineEnd < 0 ? "" : text[(firstLineEnd + 1)..];
        var close = body.LastIndexOf("```", StringComparison.Ordinal);
        return (close < 0 ? body : body[..close]).Trim();
    }

    private static ClauseReply Malformed()
        => new(false, [], new Dictionary<string, int>(StringComparer.Ordinal) { [DropReasons.MalformedJson] = 1 });
}
