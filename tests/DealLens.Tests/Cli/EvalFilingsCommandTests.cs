using DealLens.Cli;
using DealLens.Core.Evaluation;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli;

public sealed class EvalFilingsCommandTests : IDisposable
{
    private const string Preamble =
        "This Hosting Agreement is entered into by and between Larkspur Compute, Inc. (\"Provider\") and Bramble Grid LLC (\"Customer\").";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string LabelLine(string doc)
        => "{\"doc\": \"" + doc + "\", \"deal_terms\": {\"parties\": {\"value\": [\"Larkspur Compute, Inc.\", \"Bramble Grid LLC\"]}, "
            + "\"provider\": {\"value\": \"Larkspur Compute\"}, \"customer\": {\"value\": \"Bramble Grid\"}}}";

    private string WriteSet()
    {
        // "alpha.txt" is on the development side of the fixed rule and "eta.txt" on the locked side (FilingSplitTests).
        Assert.False(FilingSplit.IsLocked("alpha.txt"));
        Assert.True(FilingSplit.IsLocked("eta.txt"));
        _folder.Write("set/docs/alpha.txt", Preamble);
        _folder.Write("set/docs/eta.txt", "SECRET LOCKED TEXT " + Preamble);
        return _folder.Write("set/labels.jsonl", LabelLine("alpha.txt") + "\n" + LabelLine("eta.txt") + "\n");
    }

    [Fact]
    public async Task EvalFilings_Default_ScoresDevelopmentPartOnlyAndNamesNoLockedDocument()
    {
        var labels = WriteSet();

        var result = await CliRunner.RunAsync(_folder.Path, "eval-filings", "--labels", labels);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("alpha.txt", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("eta.txt", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Contains("named parties found           2 of 2", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("LOCKED", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalFilings_Locked_AddsAggregateColumnWithoutLockedRows()
    {
        var labels = WriteSet();

        var result = await CliRunner.RunAsync(_folder.Path, "eval-filings", "--labels", labels, "--locked");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("LOCKED (1 docs)", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("eta.txt", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalFilings_LockedDocumentMissing_CountsFailureWithoutNamingIt()
    {
        var labels = WriteSet();
        File.Delete(_folder.File("set/docs/eta.txt"));

        var result = await CliRunner.RunAsync(_folder.Path, "eval-filings", "--labels", labels, "--locked", "--json");

        Assert.Equal(ExitCodes.SomeDocumentsFailed, result.ExitCode);
        Assert.DoesNotContain("eta.txt", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Contains("\"failed\": 1", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalFilings_NoLabels_UsageError()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "eval-filings");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--labels", result.Error, StringComparison.Ordinal);
    }
}
