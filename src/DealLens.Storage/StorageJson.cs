using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DealLens.Core.Clauses;
using DealLens.Core.Review;

namespace DealLens.Storage;

/// <summary>
/// How the JSON columns (FieldsJson, ChipsJson, EvidenceJson, WarningsJson) are written: snake_case names, nulls left
/// out, properties in declaration order, no indentation. The same input always gives the same text.
/// </summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropComputedProperties } },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json)
        => JsonSerializer.Deserialize<T>(json, Options)
            ?? throw new InvalidDataException($"Stored JSON '{json}' is null where {typeof(T).Name} was expected.");

    /// <summary>ClauseFields.IsEmpty and ReviewOverrides.HasAny are derived from the other properties; storing them would only add noise.</summary>
    private static void DropComputedProperties(JsonTypeInfo typeInfo)
    {
        var computed = typeInfo.Type == typeof(ClauseFields) ? "is_empty"
            : typeInfo.Type == typeof(ReviewOverrides) ? "has_any"
            : null;
        if (computed is null)
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (typeInfo.Properties[i].Name == computed)
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}
