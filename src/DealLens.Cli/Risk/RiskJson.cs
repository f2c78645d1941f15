using System.Text.Json;
using DealLens.Core.Output;

namespace DealLens.Cli.Risk;

/// <summary>Risk output as JSON: snake_case, declaration order, invariant numbers. The same report gives the same text.</summary>
public static class RiskJson
{
    public static string Serialize<T>(T value, bool indented = true)
        => JsonSerializer.Serialize(value, indented ? DealLensJson.Indented : DealLensJson.Compact);
}
