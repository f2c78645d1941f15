using System.Text.Json;
using DealLens.Core.Output;

namespace DealLens.Storage;

/// <summary>
/// How the JSON columns (FieldsJson, ChipsJson, EvidenceJson, WarningsJson) are written: snake_case names, nulls left
/// out, properties in declaration order, no indentation. The same input always gives the same text.
/// </summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options => DealLensJson.StatedOnly;

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json)
        => JsonSerializer.Deserialize<T>(json, Options)
            ?? throw new InvalidDataException($"Stored JSON '{json}' is null where {typeof(T).Name} was expected.");
}
