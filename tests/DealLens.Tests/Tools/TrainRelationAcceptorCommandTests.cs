using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Tools;

/// <summary>`deallens-tools train-relation-acceptor` given a table it cannot use: a clear error naming it, no weights written.</summary>
public sealed class TrainRelationAcceptorCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Issue18_MissingTable_NamesTheFile_WritesNoWeights()
    {
        var weights = _folder.File("weights.tsv");

        var result = await ToolsRunner.RunAsync(_folder.Path, "train-relation-acceptor", "--data", "missing.tsv", "--out", weights);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(_folder.File("missing.tsv") + ": file not found", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(weights));
    }

    [Fact]
    public async Task Issue18_TableWithAnotherHeader_IsRefused_WritesNoWeights()
    {
        var table = _folder.Write("bad.tsv", "kind\tfrom\tto\nPurchase\tA\tB\n");
        var weights = _folder.File("weights.tsv");

        var result = await ToolsRunner.RunAsync(_folder.Path, "train-relation-acceptor", "--data", table, "--out", weights);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("header", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(weights));
    }
}
