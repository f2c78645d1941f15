using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli;

[Collection(HeavyTests.Name)]
public sealed class TrainCommandTests : IDisposable
{
    private static readonly string[] s_states = ["New York", "Delaware", "California", "Texas", "Ohio", "Illinois", "Nevada", "Oregon"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string WriteSet()
    {
        var lines = new List<string>();
        for (var i = 0; i < s_states.Length; i++)
        {
            var law = $"This Agreement shall be governed by the laws of the State of {s_states[i]}.";
            var hasLaw = i % 4 != 3;
            var text = $"AGREEMENT {i}\n\n1. The Supplier delivers goods each month.\n\n2. Invoices are paid within {30 + i} days."
                + (hasLaw ? "\n\n3. " + law : "");
            _folder.Write($"set/docs/c{i}.txt", text);
            lines.Add(LabelledSetWriter.LabelLine($"id{i}", $"docs/c{i}.txt", hasLaw ? law : null));
        }

        return _folder.Write("set/labels.jsonl", string.Join('\n', lines) + "\n");
    }

    [Fact]
    public async Task Train_SameInputsTwice_WritesIdenticalModelUsableByEvalAndAnalyze()
    {
        var labels = WriteSet();

        var first = await CliRunner.RunAsync(_folder.Path, "train", "--labels", labels, "--out", _folder.File("m1.bin"), "--trained-on", "2026-01-01");
        var second = await CliRunner.RunAsync(_folder.Path, "train", "--labels", labels, "--out", _folder.File("m2.bin"), "--trained-on", "2026-01-01");
        var eval = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--clause-model", _folder.File("m1.bin"), "--db", _folder.File("e.db"));
        var analyze = await CliRunner.RunAsync(_folder.Path, "analyze", _folder.File("set/docs"), "--clause-model", _folder.File("m1.bin"), "--db", _folder.File("a.db"));

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Contains("trained on 8 contracts", first.Out, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(_folder.File("m1.bin")), File.ReadAllBytes(_folder.File("m2.bin")));
        Assert.Equal(ExitCodes.Ok, eval.ExitCode);
        Assert.Contains("in-sample", eval.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, analyze.ExitCode);
        Assert.False(File.Exists(_folder.File("m1.bin.tmp")));
    }

    [Fact]
    public async Task Train_TooFewDocuments_IsUsageError()
    {
        _folder.Write("set/docs/a.txt", "AGREEMENT\n\nThis Agreement shall be governed by the laws of Ohio.");
        var labels = _folder.Write("set/labels.jsonl", LabelledSetWriter.LabelLine("a", "docs/a.txt", null) + "\n");

        var result = await CliRunner.RunAsync(_folder.Path, "train", "--labels", labels, "--out", _folder.File("m.bin"));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("at least 3", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("m.bin")));
    }

    [Fact]
    public async Task Train_BadDate_IsUsageError()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "train", "--labels", WriteSet(), "--trained-on", "yesterday");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("yyyy-MM-dd", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAndEval_ModelFileThatIsNotAModel_ExitOneNamingTheFile()
    {
        var labels = WriteSet();
        var bogus = _folder.Write("bogus.bin", "definitely not a model"u8.ToArray());

        var analyze = await CliRunner.RunAsync(_folder.Path, "analyze", _folder.File("set/docs"), "--clause-model", bogus, "--db", _folder.File("a.db"));
        var eval = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--clause-model", bogus, "--db", _folder.File("e.db"));

        Assert.Equal(ExitCodes.UsageError, analyze.ExitCode);
        Assert.Contains("bogus.bin", analyze.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, eval.ExitCode);
        Assert.Contains("bogus.bin", eval.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("a.db")));
    }
}
