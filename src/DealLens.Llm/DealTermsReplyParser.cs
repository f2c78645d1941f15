using System.Text.Json;
using DealLens.Core.Deals;

namespace DealLens.Llm;

/// <summary>One schema-valid deal term of a reply, not yet grounded. The model's value is kept only for diagnostics.</summary>
public sealed record DealTermCandidate(string Field, string Quote, double Confidence);

/// <summary>What a deal-terms reply held: the valid items, and how many items were dropped for each reason.</summary>
public sealed record DealTermsReply(bool IsWellFormed, IReadOnlyList<DealTermCandidate> Terms, IReadOnlyDictionary<string, int> Dropped);

/// <summary>
/// Reads a deal-terms reply strictly: exactly <c>{"terms":[{"field","value","binding","quote","confidence"}]}</c>
/// with a known field, a non-blank quote and a confidence in [0, 1]. Anything else is dropped and counted. The
/// model's "value" and "binding" are checked for shape only: values are read again from the grounded quote.
/// </summary>
public static class DealTermsReplyParser
{
    /// <summary>The fields the model may report (those of prompts/deal-terms.yaml).</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        DealTermFields.Provider, DealTermFields.Customer, DealTermFields.TotalValue, DealTermFields.TermMonths,
        DealTermFields.EffectiveDate, DealTermFields.CapacityMw, DealTermFields.GpuCount, DealTermFields.Chips,
        DealTermFields.PrepaymentPct,
    ];

    public static DealTermsReply Parse(string? reply, bool allowSurroundingText = false)
        => ClauseReplyParser.ParseEnvelope<DealTermCandidate>(reply, allowSurroundingText, "terms", ReadItem) is { } envelope
            ? new DealTermsReply(true, envelope.Items, envelope.Dropped)
            : Malformed();

    private static (DealTermCandidate? Candidate, string? Reason) ReadItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, DropReasons.InvalidValue);
        }

        string? field = null;
        string? quote = null;
        double? confidence = null;
        foreach (var property in item.EnumerateObject())
        {
            switch (property.Name)
            {
                case "field" when property.Value.ValueKind == JsonValueKind.String:
                    field = property.Value.GetString();
                    break;
                case "quote" when property.Value.ValueKind == JsonValueKind.String:
                    quote = property.Value.GetString();
                    break;
                case "confidence" when property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var c):
                    confidence = c;
                    break;
                case "value" when IsValue(property.Value):
                case "binding" when property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null:
                    // Shape-checked, never stored: the value is read again from the grounded quote.
                    break;
                default:
                    return (null, DropReasons.InvalidValue);
            }
        }

        if (field is null || quote is null || confidence is null)
        {
            return (null, DropReasons.InvalidValue);
        }

        if (!Fields.Contains(field, StringComparer.Ordinal))
        {
            return (null, DropReasons.UnknownField);
        }

        if (string.IsNullOrWhiteSpace(quote) || quote.Length > ClauseReplyParser.MaxQuoteLength
            || double.IsNaN(confidence.Value) || confidence < 0 || confidence > 1)
        {
            return (null, DropReasons.InvalidValue);
        }

        return (new DealTermCandidate(field, quote, confidence.Value), null);
    }

    private static bool IsValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null => true,
        JsonValueKind.Array => value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String),
        _ => false,
    };

    private static DealTermsReply Malformed()
        => new(false, [], new Dictionary<string, int>(StringComparer.Ordinal) { [DropReasons.MalformedJson] = 1 });
}
