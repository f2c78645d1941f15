using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Tools;

/// <summary>Issue 21.4: the lab (benchmarks, fuzzer) lives in tools/DealLens.Tools and uses the product's seams.</summary>
public sealed class ToolsSplitTests
{
    [Fact]
    public async Task Issue21_ShippedCli_HasNoBenchCommand()
    {
        var help = await CliRunner.RunAsync(Path.GetTempPath(), "--help");
        var bench = await CliRunner.RunAsync(Path.GetTempPath(), "bench", "graph");

        Assert.Equal(ExitCodes.Ok, help.ExitCode);
        Assert.DoesNotContain("\n  bench", help.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("fuzz", help.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, bench.ExitCode);
    }

    [Fact]
    public async Task Issue21_ToolsHelp_ListsBenchFuzzAndMeasure()
    {
        var help = await ToolsRunner.RunAsync(Path.GetTempPath(), "--help");

        Assert.Equal(ExitCodes.Ok, help.ExitCode);
        foreach (var command in new[] { "bench", "fuzz", "measure" })
        {
            Assert.Contains("\n  " + command, help.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Issue21_ToolsBadNumber_OneLineErrorExitsOne()
    {
        var result = await ToolsRunner.RunAsync(Path.GetTempPath(), "bench", "--runs", "three");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith("deallens-tools: --runs: 'three' is not a whole number", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue21_ToolsSource_NoRawSqlNoSqliteNoPdfReader()
    {
        var folder = Path.Combine(RepoPaths.Root, "tools", "DealLens.Tools");
        var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(sources);
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (var forbidden in new[] { "Microsoft.Data.Sqlite", "SqliteConnection", "INSERT INTO", "UPDATE ", "PdfDocument.Open", "using UglyToad.PdfPig;" })
            {
                Assert.False(text.Contains(forbidden, StringComparison.Ordinal), $"{Path.GetFileName(file)} uses {forbidden}: go through the product's stores and extractors");
            }
        }
    }
}
