using DealLens.Cli;
using DealLens.Core.Evaluation;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli;

public sealed class EvalClausesCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string WriteSet()
    {
        // Two clauses per half: ids chosen by the lock rule itself, so each half holds one of each.
        var dev = Enumerable.Range(0, 1000).Select(i => $"t-{i}").Where(id => !ClauseParaphraseSet.IsLocked(id)).Take(2).ToArray();
        var locked = Enumerable.Range(0, 1000).Select(i => $"t-{i}").Where(ClauseParaphraseSet.IsLocked).Take(2).ToArray();
        return _folder.Write("set.jsonl", string.Join('\n',
            $$"""{"id":"{{dev[0]}}","category":"Anti-Assignment","style":"us","text":"Neither party may assign this Agreement without the prior written consent of the other party."}""",
            $$"""{"id":"{{dev[1]}}","category":null,"near":"Governing Law","style":"negative","text":"This Agreement is governed by the laws of the State of Delaware."}""",
            $$"""{"id":"{{locked[0]}}","category":"Cap On Liability","style":"us","text":"In no event shall either party's aggregate liability exceed the fees paid in the twelve months before the claim."}""",
            $$"""{"id":"{{locked[1]}}","category":null,"style":"negative","text":"All notices shall be in writing."}"""));
    }

    [Fact]
    public async Task Issue19_DevelopmentHalf_PrintsItsCategoriesOnly()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "eval-clauses", "--set", WriteSet());

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("development half (2 clauses", result.Out, StringComparison.Ordinal);
        Assert.Contains(CuadCategories.AntiAssignment, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(CuadCategories.CapOnLiability, result.Out, StringComparison.Ordinal);
        Assert.Contains("Core-12 balanced accuracy", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue19_LockedHalf_PrintsAggregatesOnly()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "eval-clauses", "--set", WriteSet(), "--locked");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("locked half (2 clauses, 1 positives)", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(CuadCategories.CapOnLiability, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("CATEGORY", result.Out, StringComparison.Ordinal);
        Assert.Single(result.Out.Trim().Split('\n'));
    }

    [Fact]
    public async Task Issue19_NoSet_IsUsageError()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "eval-clauses");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--set FILE", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue19_BrokenLine_ExitsOneNamingTheLine()
    {
        var file = _folder.Write("bad.jsonl", "{\"id\":\"a\",\"category\":null,\"text\":\"x\"}\n{not json\n");

        var result = await CliRunner.RunAsync(_folder.Path, "eval-clauses", "--set", file);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue19_ErrorsWithLocked_IsUsageError()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "eval-clauses", "--set", WriteSet(), "--locked", "--errors");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("aggregates only", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Issue19_Errors_ListsOnlyDevelopmentClauses()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "eval-clauses", "--set", WriteSet(), "--errors");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.DoesNotContain("liability exceed", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("All notices", result.Out, StringComparison.Ordinal);
    }
}
