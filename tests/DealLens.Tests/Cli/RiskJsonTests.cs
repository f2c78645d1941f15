using System.Text.Json;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli;

/// <summary>
/// One company vocabulary in machine-readable output (docs/output-vocabulary.md): `risk --json`, `graph --format json`
/// and `report --format json` name every company by the graph's id, and give it the same display name.
/// </summary>
public sealed class RiskJsonTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Issue21_RiskGraphAndReportJson_OnAStoredDatabase_JoinOnCompanyIds()
    {
        // samples/deals name companies of two words ("Beacon AI", "Aurora Silicon"), whose key and id differ.
        var db = _folder.File("deals.db");
        Assert.Equal(0, (await CliRunner.RunAsync(_folder.Path, "analyze", Path.Combine(RepoPaths.Samples, "deals"), "--db", db, "--parallel", "1")).ExitCode);
        var risk = await JsonAsync("risk", "--json", "--db", db);
        var graph = await JsonAsync("graph", "--format", "json", "--db", db);
        var report = await JsonAsync("report", "--format", "json", "--db", db);

        var graphNames = graph.GetProperty("companies").EnumerateArray().ToDictionary(c => Text(c, "id"), c => Text(c, "name"));
        var graphRelations = graph.GetProperty("relations").EnumerateArray().ToDictionary(r => Text(r, "id"), r => (Text(r, "from"), Text(r, "to")));
        var riskNames = risk.GetProperty("companies").EnumerateArray().ToDictionary(c => Text(c, "id"), c => Text(c, "name"));

        var named = CompanyIdsIn(risk).ToList();
        Assert.Contains("beacon-ai", named);
        Assert.All(named, id =>
        {
            Assert.True(graphNames.ContainsKey(id), $"risk --json names '{id}', which is no company of the graph");
            Assert.True(riskNames.TryGetValue(id, out var name), $"risk --json names '{id}' but its companies list does not");
            Assert.Equal(graphNames[id], name);
        });

        // A cycle's relations are the graph's relations, end for end.
        var cycleRelations = risk.GetProperty("cycles").EnumerateArray().SelectMany(c => c.GetProperty("relations").EnumerateArray()).ToList();
        Assert.NotEmpty(cycleRelations);
        Assert.All(cycleRelations, r => Assert.Equal(graphRelations[Text(r, "id")], (Text(r, "from"), Text(r, "to"))));

        // The report's risk part is the risk output, and its deals use the same ids.
        Assert.Equal(
            JsonSerializer.Serialize(risk.GetProperty("cycles")),
            JsonSerializer.Serialize(report.GetProperty("risk").GetProperty("cycles")));
        Assert.All(CompanyIdsIn(report.GetProperty("risk")), id => Assert.True(graphNames.ContainsKey(id), id));
        Assert.All(report.GetProperty("deals").EnumerateArray(), d =>
        {
            Assert.Equal(graphNames[Text(d, "from")], Text(d, "from_name"));
            Assert.Equal(graphNames[Text(d, "to")], Text(d, "to_name"));
        });
    }

    private async Task<JsonElement> JsonAsync(params string[] args)
    {
        var result = await CliRunner.RunAsync(_folder.Path, args);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement.Clone();
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    /// <summary>Every field of a risk report that names a company (docs/output-vocabulary.md lists them).</summary>
    private static IEnumerable<string> CompanyIdsIn(JsonElement risk)
    {
        foreach (var c in risk.GetProperty("concentration").EnumerateArray())
        {
            yield return Text(c, "provider");
            foreach (var basis in new[] { "binding", "headline" })
            {
                foreach (var share in c.GetProperty(basis).GetProperty("customers").EnumerateArray())
                {
                    yield return Text(share, "customer");
                }
            }
        }

        foreach (var cycle in risk.GetProperty("cycles").EnumerateArray())
        {
            yield return Text(cycle, "vendor");
            foreach (var id in cycle.GetProperty("companies").EnumerateArray())
            {
                yield return id.GetString()!;
            }

            foreach (var relation in cycle.GetProperty("relations").EnumerateArray())
            {
                yield return Text(relation, "from");
                yield return Text(relation, "to");
                if (relation.GetProperty("beneficiary").GetString() is { } beneficiary)
                {
                    yield return beneficiary;
                }
            }
        }

        foreach (var r in risk.GetProperty("revenue_concentrations").EnumerateArray())
        {
            foreach (var field in new[] { "company", "customer_key" })
            {
                if (r.GetProperty(field).GetString() is { } id)
                {
                    yield return id;
                }
            }
        }
    }
}
