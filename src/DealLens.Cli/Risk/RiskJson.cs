using System.Text.Json;
using DealLens.Core.Output;
using DealLens.Core.Risk;

namespace DealLens.Cli.Risk;

/// <summary>Risk output as JSON: snake_case, declaration order, invariant numbers. The same report gives the same text.</summary>
public static class RiskJson
{
    public static string Serialize<T>(T value, bool indented = true)
        => JsonSerializer.Serialize(value, indented ? DealLensJson.Indented : DealLensJson.Compact);

    /// <summary>
    /// `risk --json`: the report with companies named by id, as `graph` names them (docs/output-vocabulary.md), and a
    /// closing <c>companies</c> list giving each id it names its display name.
    /// </summary>
    public static string Report(RiskReport report, IReadOnlyList<Company> companies)
    {
        ArgumentNullException.ThrowIfNull(report);
        var named = CompanyIds.InRiskReport(report);
        return Serialize(new
        {
            named.Concentration,
            named.Cycles,
            named.Deals,
            named.Skipped,
            named.RevenueConcentrations,
            Companies = CompanyIds.Referenced(report, companies),
        });
    }
}
