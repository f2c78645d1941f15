using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli;

/// <summary>Issue 19 item 2: the locked third is trained on by nobody and scored only in aggregate.</summary>
[Collection(HeavyTests.Name)]
public sealed class EvalLockedTests : IDisposable
{
    private static readonly string[] s_states = ["New York", "Delaware", "California", "Texas", "Ohio", "Illinois", "Nevada", "Oregon"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // Six pieces of filing "c" (stem "c": unlocked) and two of filing "x" (stem "x": locked).
    private string WriteSet()
    {
        var lines = new List<string>();
        for (var i = 0; i < s_states.Length; i++)
        {
            var name = i < 6 ? $"c{i}" : $"x{i}";
            var law = $"This Agreement shall be governed by the laws of the State of {s_states[i]}.";
            // Words of its own in each text, so that no two texts read as near-copies (which would join their groups).
            var own = string.Join(' ', Enumerable.Range(0, 120).Select(k => $"term{i}n{k}"));
            _folder.Write($"set/docs/{name}.txt", $"AGREEMENT {i}\n\n1. The Supplier delivers goods each month.\n\n2. {own}.\n\n3. {law}");
            lines.Add(LabelledSetWriter.LabelLine($"id{i}", $"docs/{name}.txt", law));
        }

        return _folder.Write("set/labels.jsonl", string.Join('\n', lines) + "\n");
    }

    [Fact]
    public async Task Eval_Locked_TrainsOnUnlockedAndPrintsOnlyAggregatesOfTheLockedPart()
    {
        var labels = WriteSet();

        var locked = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--locked", "--db", _folder.File("e.db"));
        var plain = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--db", _folder.File("e.db"));

        Assert.Equal(ExitCodes.Ok, locked.ExitCode);
        Assert.Contains("Locked part (aggregate figures only): 2 contracts", locked.Out, StringComparison.Ordinal);
        Assert.Contains("Macro F1 (core 12):", locked.Out, StringComparison.Ordinal);
        Assert.Contains("Expected calibration error", locked.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Governing Law", locked.Out, StringComparison.Ordinal); // no per-category rows
        Assert.Equal(ExitCodes.Ok, plain.ExitCode);
        Assert.Contains("Documents: 6", plain.Out, StringComparison.Ordinal);
        Assert.Contains("2 locked ones are scored only by --locked", plain.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_Default_LeavesTheLockedPartOutAndAllPutsItBack()
    {
        var labels = WriteSet();

        var unlocked = await CliRunner.RunAsync(_folder.Path, "train", "--labels", labels, "--out", _folder.File("m.bin"), "--trained-on", "2026-01-01");
        var all = await CliRunner.RunAsync(_folder.Path, "train", "--labels", labels, "--out", _folder.File("all.bin"), "--trained-on", "2026-01-01", "--all");

        Assert.Contains("trained on 6 contracts", unlocked.Out, StringComparison.Ordinal);
        Assert.Contains("leaving out the 2 locked ones", unlocked.Error, StringComparison.Ordinal);
        Assert.Contains("trained on 8 contracts", all.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_LockedWithPredictions_IsUsageError()
    {
        var labels = WriteSet();

        var result = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--locked", "--predictions", _folder.File("p.jsonl"));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("aggregate figures only", result.Error, StringComparison.Ordinal);
    }
}
