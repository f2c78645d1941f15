using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli;

/// <summary>DEALLENS_RELATION_CANDIDATES (the relation acceptor's training sink) with a file that cannot be written.</summary>
public sealed class RelationCandidatesSinkTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Issue18_CandidateFileInAMissingFolder_NamesTheFile_AndStoresNothing()
    {
        var sink = _folder.File(Path.Combine("no-such-folder", "candidates.jsonl"));
        var document = _folder.Write("release.txt", "Beacon AI will purchase $10 billion of compute from Cobalt Cloud over five years.");
        var db = _folder.File("d.db");

        var result = await CliRunner.RunAsync(_folder.Path, new Dictionary<string, string?> { ["DEALLENS_RELATION_CANDIDATES"] = sink },
            CancellationToken.None, "analyze", document, "--db", db);

        Assert.Equal(ExitCodes.CouldNotRun, result.ExitCode);
        Assert.Contains("DEALLENS_RELATION_CANDIDATES", result.Error, StringComparison.Ordinal);
        Assert.Contains(sink, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }
}
