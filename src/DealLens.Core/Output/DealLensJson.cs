using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DealLens.Core.Output;

/// <summary>
/// The one set of JSON settings for everything DealLens writes (command output, reports, stored JSON columns):
/// snake_case names in declaration order, invariant numbers, text left readable (no \u escapes for quotes, "&amp;" or
/// non-ASCII), closed sets (severity, review status, ...) as their lowercase names. The same value gives the same text.
/// </summary>
public static class DealLensJson
{
    /// <summary>Indented, unknown values written as null: what commands print with --json.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true, omitNulls: false);

    /// <summary>One line, unknown values written as null: JSON lines and values embedded in other output.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false, omitNulls: false);

    /// <summary>One line with only the stated values: stored JSON columns and a clause's fields.</summary>
    public static JsonSerializerOptions StatedOnly { get; } = Create(indented: false, omitNulls: true);

    /// <summary>The same settings for writers that stream with <see cref="Utf8JsonWriter"/>.</summary>
    public static JsonWriterOptions Writer(bool indented) => new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = indented };

    private static JsonSerializerOptions Create(bool indented, bool omitNulls)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            DefaultIgnoreCondition = omitNulls ? JsonIgnoreCondition.WhenWritingNull : JsonIgnoreCondition.Never,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
