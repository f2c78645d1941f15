using System.Text.Encodings.Web;
using System.Text.Json;

namespace DealLens.Cli.Risk;

/// <summary>Risk output as JSON: snake_case, declaration order, invariant numbers. The same report gives the same text.</summary>
public static class RiskJson
{
    private static readonly JsonSerializerOptions s_compact = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions s_indented = new(s_compact) { WriteIndented = true };

    public static string Serialize<T>(T value, bool indented = true)
        => JsonSerializer.Serialize(value, indented ? s_indented : s_compact);
}
