using System.Text.Json;
using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli;

public sealed class RiskCommandTests : IDisposable
{
    private const string Supply = """
        GPU SUPPLY AGREEMENT

        This Agreement is entered into as of April 15, 2026 by and between Aurora Silicon Corp. ("Supplier") and Cobalt Cloud Holdings, LLC ("Buyer").

        1. Buyer shall purchase accelerator systems from Supplier for an aggregate purchase price of $5 billion over the Term.
        """;

    private const string Investment = """
        This Agreement is entered into as of May 1, 2026 by and between Aurora Silicon Corporation ("Investor") and Cobalt Compute, Inc. ("Company").

        1. Aurora will invest $1 billion in the Company in exchange for newly issued preferred shares of the Company.
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("risk.db");

    private async Task AnalyzeAsync()
    {
        _folder.Write("docs/supply.txt", Supply);
        _folder.Write("docs/invest.txt", Investment);
        var result = await CliRunner.RunAsync(_folder.Path, "analyze", _folder.File("docs"), "--db", Db);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
    }

    [Fact]
    public async Task Risk_Json_HasSectionsAndConcentration()
    {
        await AnalyzeAsync();

        var result = await CliRunner.RunAsync(_folder.Path, "risk", "--json", "--db", Db);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        var concentration = Assert.Single(json.GetProperty("concentration").EnumerateArray());
        // Companies are named by id in JSON output (docs/output-vocabulary.md).
        Assert.Equal("aurora-silicon", concentration.GetProperty("provider").GetString());
        Assert.Equal(1m, concentration.GetProperty("binding").GetProperty("top1_share").GetDecimal());
        Assert.Empty(json.GetProperty("cycles").EnumerateArray());
    }

    [Fact]
    public async Task CompaniesMerge_ThenRisk_FindsLoop_SplitUndoesIt()
    {
        await AnalyzeAsync();

        var merge = await CliRunner.RunAsync(_folder.Path, "companies", "merge", "Cobalt Compute", "Cobalt Cloud Holdings, LLC", "--db", Db);
        var merged = await CliRunner.RunAsync(_folder.Path, "graph", "--format", "json", "--db", Db);
        var list = await CliRunner.RunAsync(_folder.Path, "companies", "list", "--db", Db);
        var split = await CliRunner.RunAsync(_folder.Path, "companies", "split", "cobalt compute", "--db", Db);
        var after = await CliRunner.RunAsync(_folder.Path, "graph", "--format", "json", "--db", Db);

        Assert.Equal(ExitCodes.Ok, merge.ExitCode);
        var cycle = Assert.Single(JsonDocument.Parse(merged.Out).RootElement.GetProperty("cycles").EnumerateArray());
        Assert.Equal(0.2m, cycle.GetProperty("circularity_ratio").GetDecimal());
        Assert.Equal("vendor_equity_for_purchase", cycle.GetProperty("kind").GetString());
        Assert.Contains("Cobalt Compute, Inc.", list.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, split.ExitCode);
        Assert.Empty(JsonDocument.Parse(after.Out).RootElement.GetProperty("cycles").EnumerateArray());
    }

    [Fact]
    public async Task CompaniesSplit_UnknownAlias_Exit1()
    {
        await AnalyzeAsync();
        var result = await CliRunner.RunAsync(_folder.Path, "companies", "split", "Nobody", "--db", Db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("not in the alias table", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_BadFormat_Exit1()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "graph", "--format", "gif", "--db", Db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
    }

    [Theory]
    [InlineData("dot", "digraph deallens")]
    [InlineData("mermaid", "graph LR")]
    public async Task Graph_TextFormats_Exit0(string format, string expected)
    {
        await AnalyzeAsync();

        var result = await CliRunner.RunAsync(_folder.Path, "graph", "--format", format, "--db", Db);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith(expected, result.Out, StringComparison.Ordinal);
        Assert.Contains("purchase $5B", result.Out, StringComparison.Ordinal);
    }

    [GraphvizFact]
    public async Task Graph_Svg_WithGraphviz_WritesSvgFile()
    {
        var dot = TestEnvironment.RequireDot();
        await AnalyzeAsync();
        var target = _folder.File("graph.svg");
        var environment = new Dictionary<string, string?> { ["PATH"] = Path.GetDirectoryName(dot) };

        var result = await CliRunner.RunAsync(_folder.Path, environment, CancellationToken.None, "graph", "--format", "svg", "--out", target, "--db", Db);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(target, result.Out.Trim());
        var svg = File.ReadAllText(target);
        Assert.True(svg.StartsWith("<?xml", StringComparison.Ordinal) || svg.StartsWith("<svg", StringComparison.Ordinal), svg[..Math.Min(80, svg.Length)]);
    }

    [Fact]
    public async Task Graph_Svg_WithoutGraphviz_Exit1WithInstallHint()
    {
        // The command reads PATH through its context: an empty folder as the whole PATH is a machine without dot.
        var environment = new Dictionary<string, string?> { ["PATH"] = _folder.Path };

        var result = await CliRunner.RunAsync(_folder.Path, environment, CancellationToken.None, "graph", "--format", "svg", "--db", Db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Graphviz is not installed: apt-get install graphviz", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_UnknownCompany_Exit1()
    {
        await AnalyzeAsync();

        var result = await CliRunner.RunAsync(_folder.Path, "risk", "--company", "Nobody Inc.", "--db", Db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
    }

    [Fact]
    public async Task Risk_Cancelled_Exit130()
    {
        await AnalyzeAsync();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var result = await CliRunner.RunAsync(_folder.Path, null, cts.Token, "risk", "--db", Db);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
    }

    [Fact]
    public async Task Issue21_Risk_Text_EqualsTextBuiltFromEveryAnalysis()
    {
        // `risk` writes its text from stored facts alone; the report model built with every analysis loaded gives the same text.
        var analyze = await CliRunner.RunAsync(_folder.Path, "analyze", Path.Combine(RepoPaths.Samples, "deals"), "--db", Db, "--parallel", "1");
        Assert.Equal(ExitCodes.Ok, analyze.ExitCode);
        string expected;
        await using (var database = DealLens.Storage.DealLensDatabase.Open(Db, TimeProvider.System))
        {
            var session = await DealLens.Cli.Risk.RiskSession.LoadAsync(database, DealLens.Core.Risk.RiskOptions.Default, CancellationToken.None);
            var analyses = await DealLens.Cli.Risk.RiskSession.LoadAnalysesAsync(database, CancellationToken.None);
            Assert.NotEmpty(analyses);
            expected = DealLens.Core.Reports.ReportText.WriteRisk(DealLens.Core.Reports.ReportBuilder.Build(
                DealLens.Core.Reports.ReportScope.All, analyses, session.Graph, session.Report, DealLens.Core.Reports.ReviewStatuses.None, TimeProvider.System.GetUtcNow()));
        }

        var result = await CliRunner.RunAsync(_folder.Path, "risk", "--db", Db);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Circular financing", result.Out, StringComparison.Ordinal);
        Assert.Equal(expected, result.Out);
    }
}
