using System.Text.Json;
using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Tools;

/// <summary>The benchmark's output shape and argument checks; its timings are measured by running it, never asserted.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task BenchGraph_SmallGraph_PrintsCyclesAndTimings()
    {
        var result = await ToolsRunner.RunAsync(Path.GetTempPath(), "bench", "graph", "--companies", "20", "--relations", "60", "--runs", "1");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("bench graph: 20 companies, 60 relations (seed 42), 1 run", lines[0]);
        Assert.Matches(@"^cycles: \d+ financing cycles$", lines[1]);
        Assert.Matches(@"^median \d+\.\d ms  min \d+\.\d ms  max \d+\.\d ms$", lines[2]);
    }

    [Fact]
    public async Task BenchGraph_Json_HasCountsAndTimings()
    {
        var result = await ToolsRunner.RunAsync(Path.GetTempPath(), "bench", "graph", "--companies", "20", "--relations", "60", "--runs", "1", "--json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(20, root.GetProperty("companies").GetInt32());
        Assert.Equal(60, root.GetProperty("relations").GetInt32());
        Assert.True(root.GetProperty("cycles").GetInt32() >= 0);
        Assert.True(root.TryGetProperty("median_ms", out _));
    }

    [Fact]
    public async Task BenchGraph_SameSeed_SameCycleCount()
    {
        var first = await ToolsRunner.RunAsync(Path.GetTempPath(), "bench", "graph", "--companies", "30", "--relations", "120", "--runs", "1", "--json");
        var second = await ToolsRunner.RunAsync(Path.GetTempPath(), "bench", "graph", "--companies", "30", "--relations", "120", "--runs", "1", "--json");

        Assert.Equal(
            JsonDocument.Parse(first.Out).RootElement.GetProperty("cycles").GetInt32(),
            JsonDocument.Parse(second.Out).RootElement.GetProperty("cycles").GetInt32());
    }

    [Theory]
    [InlineData("--companies", "0")]
    [InlineData("--companies", "-5")]
    [InlineData("--relations", "0")]
    [InlineData("--relations", "-1")]
    [InlineData("--runs", "0")]
    public async Task BenchGraph_NonPositiveNumber_ExitsOne(string option, string value)
    {
        var result = await ToolsRunner.RunAsync(Path.GetTempPath(), "bench", "graph", option, value);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("must be at least", result.Error, StringComparison.Ordinal);
    }
}
