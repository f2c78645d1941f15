using System.Text.Json;
using DealLens.Cli;
using DealLens.Tools.Bench;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Tools;

/// <summary>The shape of <c>bench</c> and <c>fuzz</c> output on tiny inputs; the figures themselves are never asserted.</summary>
[Collection(HeavyTests.Name)]
public sealed class BenchSuiteTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Bench_TinyDocsFolder_ReportsEveryFigureWithTargets()
    {
        _folder.Write("docs/contract.pdf", TestPdf.FromPages(["The Customer shall pay $1,000,000 per month."], ["Governing law: New York."]));
        File.Copy(Path.Combine(RepoPaths.Samples, "contracts", "min-spend-chip-refresh.html"), _folder.File("docs/filing.html"));

        var result = await ToolsRunner.RunAsync(_folder.Path,
            "bench", "--docs", _folder.File("docs"), "--runs", "1", "--clauses", "300", "--scaling-pages", "2,4,6", "--filing-pages", "3", "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        var figures = JsonDocument.Parse(result.Out).RootElement.GetProperty("figures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("key").GetString()!, f => f);
        foreach (var key in new[]
        {
            "html_pages_per_second", "analyze_single_per_minute", "analyze_parallel_per_minute", "peak_memory_largest_mb",
            "peak_memory_filing_mb", "scaling_generated_quadratic_share", "sqlite_insert_clauses_per_second", "review_queue_ms", "cold_start_seconds",
            "cold_start_jit_methods",
        })
        {
            Assert.True(figures.ContainsKey(key), key + " missing: " + result.Out);
        }

        Assert.True(figures["cold_start_seconds"].GetProperty("value").GetDouble() > 0);
        Assert.True(figures["cold_start_jit_methods"].GetProperty("value").GetDouble() > 100, figures["cold_start_jit_methods"].GetRawText());
        Assert.True(figures["peak_memory_filing_mb"].GetProperty("value").GetDouble() > 10);
        Assert.Contains(figures["review_queue_ms"].GetProperty("pass").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.Equal("<= 1.0 s", figures["cold_start_seconds"].GetProperty("target").GetString());
        Assert.Contains("cold start", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_folder.Path, "*.db", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Bench_MissingDocsFolder_ExitsOne()
    {
        var result = await ToolsRunner.RunAsync(_folder.Path, "bench", "--docs", _folder.File("nowhere"), "--runs", "1");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("nowhere: documents folder not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchFuzz_SamplePdfs_NoCrashesAndSameSeedSameCounts()
    {
        var docs = Path.Combine(RepoPaths.Samples, "contracts");

        var first = await ToolsRunner.RunAsync(_folder.Path, "fuzz", "--docs", docs, "--count", "150", "--seed", "1", "--json");
        var second = await ToolsRunner.RunAsync(_folder.Path, "fuzz", "--docs", docs, "--count", "150", "--seed", "1", "--json");

        Assert.True(first.ExitCode == ExitCodes.Ok, first.Out + first.Error);
        var report = JsonDocument.Parse(first.Out).RootElement;
        Assert.Equal(150, report.GetProperty("tried").GetInt32());
        Assert.Empty(report.GetProperty("crashes").EnumerateObject());
        Assert.Equal(0, report.GetProperty("hangs").GetInt32());
        var refused = report.GetProperty("refused").EnumerateObject().Sum(p => p.Value.GetInt32());
        Assert.Equal(150, report.GetProperty("analyzed").GetInt32() + refused);
        var again = JsonDocument.Parse(second.Out).RootElement;
        Assert.Equal(report.GetProperty("analyzed").GetInt32(), again.GetProperty("analyzed").GetInt32());
        Assert.Equal(report.GetProperty("refused").GetRawText(), again.GetProperty("refused").GetRawText());
    }

    [Fact]
    public void LeastSquares_ExactLine_RecoversSlopeInterceptAndNoQuadraticTerm()
    {
        var points = Enumerable.Range(1, 6).Select(x => ((double)x, 0.5 + 0.25 * x)).ToList();

        var linear = LeastSquares.Linear(points);
        var quadratic = LeastSquares.Quadratic(points);

        Assert.Equal(0.25, linear.Slope, 9);
        Assert.Equal(0.5, linear.Intercept, 9);
        Assert.Equal(1.0, linear.RSquared, 9);
        Assert.Equal(0.0, quadratic.C, 9);
        Assert.True(new ScalingSeries("line", points, linear, quadratic).IsLinear);
    }

    [Fact]
    public void LeastSquares_Parabola_FlaggedAsNotLinear()
    {
        var points = Enumerable.Range(1, 8).Select(x => ((double)(x * 100), 0.1 + 0.001 * x * 100 + 0.00002 * x * 100 * x * 100)).ToList();

        var series = new ScalingSeries("parabola", points, LeastSquares.Linear(points), LeastSquares.Quadratic(points));

        Assert.Equal(0.00002, series.Quadratic.C, 9);
        Assert.False(series.IsLinear);
    }
}
