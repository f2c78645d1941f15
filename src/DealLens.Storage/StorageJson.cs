using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DealLens.Core.Clauses;

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

    /// <summary>ClauseFields.IsEmpty is derived from the other properties; storing it would only add noise.</summary>
    private static void DropComputedProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(ClauseFields))
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (typeInfo.Properties[i].Name == "is_empty")
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}
