using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli;

public sealed class RulesCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Check_ShippedCatalog_AllPassExitZero()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "rules", "check");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("all pass", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_OffsetInATakeOrPayClause_NamesTheRuleItsFileAndTheClause()
    {
        const string Text = "CAPACITY AGREEMENT\n\n1. Customer shall pay the Monthly Fee for the Reserved Capacity whether or not Customer uses such capacity.\n\n2. This Agreement is governed by the laws of Delaware.";
        var file = _folder.Write("contract.txt", Text);

        var result = await CliRunner.RunAsync(_folder.Path, "rules", "explain", file, "--at", Text.IndexOf("whether", StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("top.whether-or-not-used -> take_or_pay", result.Out, StringComparison.Ordinal);
        Assert.Contains("take_or_pay.yaml", result.Out, StringComparison.Ordinal);
        Assert.Contains("  take_or_pay ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_OffsetPastTheEnd_IsUsageErrorNamingTheFile()
    {
        var file = _folder.Write("short.txt", "A short text.");

        var result = await CliRunner.RunAsync(_folder.Path, "rules", "explain", file, "--at", "500");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("short.txt", result.Error, StringComparison.Ordinal);
        Assert.Contains("outside the text", result.Error, StringComparison.Ordinal);
    }
}
