using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Golden;

/// <summary>
/// samples/deals/*.txt are analysed with the real pipeline into a temporary database; `risk --json` and
/// `graph --format json` must match samples/expected/risk.json and graph.json. DEALLENS_UPDATE_GOLDEN=1 rewrites them.
/// </summary>
public sealed class RiskGoldenTests : IDisposable
{
    private static readonly bool s_update = Environment.GetEnvironmentVariable("DEALLENS_UPDATE_GOLDEN") == "1";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("risk.json", new[] { "risk", "--json" })]
    [InlineData("graph.json", new[] { "graph", "--format", "json" })]
    public async Task DealsSamples_MatchGolden(string expectedName, string[] command)
    {
        var db = _folder.File("deals.db");
        var analyze = await CliRunner.RunAsync(_folder.Path, "analyze", Path.Combine(RepoPaths.Samples, "deals"), "--db", db, "--parallel", "1");
        Assert.Equal(0, analyze.ExitCode);

        var result = await CliRunner.RunAsync(_folder.Path, [.. command, "--db", db]);

        Assert.Equal(0, result.ExitCode);
        // Paths in the output are as given; make them repository-relative so the golden file is the same everywhere.
        var actual = result.Out.Replace(RepoPaths.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        AssertGolden(Path.Combine(RepoPaths.Samples, "expected", expectedName), actual);
    }

    private static void AssertGolden(string expectedPath, string actual)
    {
        if (s_update)
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }

        Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing: run DEALLENS_UPDATE_GOLDEN=1 dotnet test, then review it.");
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }

    [Fact]
    public async Task DealsSamples_FormTheExpectedPatterns()
    {
        var db = _folder.File("deals.db");
        await CliRunner.RunAsync(_folder.Path, "analyze", Path.Combine(RepoPaths.Samples, "deals"), "--db", db);

        var graph = System.Text.Json.JsonDocument.Parse((await CliRunner.RunAsync(_folder.Path, "graph", "--db", db)).Out).RootElement;

        var cycles = graph.GetProperty("cycles").EnumerateArray().Select(c => c.GetProperty("companies").EnumerateArray().Select(x => x.GetString()).ToList()).ToList();
        Assert.Contains(cycles, c => c.SequenceEqual(["aurora-silicon", "beacon-ai"]));
        Assert.Contains(cycles, c => c.SequenceEqual(["aurora-silicon", "beacon-ai", "cobalt-cloud"]));
        // Issue 18: the backstop-for-warrants party sells nothing: its loop is named related-party credit support, never vendor financing.
        var kinds = graph.GetProperty("cycles").EnumerateArray()
            .Where(c => c.GetProperty("companies").EnumerateArray().Any(x => x.GetString() == "delta-infrastructure-partners"))
            .Select(c => c.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["backstop_for_warrants"], kinds);
        Assert.Contains(graph.GetProperty("relations").EnumerateArray(), r => r.GetProperty("kind").GetString() == "backstop");
    }
}
