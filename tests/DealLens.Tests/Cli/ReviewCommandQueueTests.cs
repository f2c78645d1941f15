using System.Text.Json;
using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli;

/// <summary>Issue 20: `review show cycle:` with its edges, and the closing count of `review apply`.</summary>
public sealed class ReviewCommandQueueTests : IClassFixture<SampleReportDatabase>, IDisposable
{
    private readonly SampleReportDatabase _samples;
    private readonly TempFolder _folder = new();

    public ReviewCommandQueueTests(SampleReportDatabase samples) => _samples = samples;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Issue20_ShowCycle_ListsItsEdgesWithAmountsQuotesAndPages()
    {
        var list = await CliRunner.RunAsync(_folder.Path, "review", "list", "--type", "cycle", "--json", "--db", _samples.Path);
        var cycle = JsonDocument.Parse(list.Out).RootElement.EnumerateArray().First().GetProperty("id").GetString()!;

        var text = await CliRunner.RunAsync(_folder.Path, "review", "show", cycle, "--db", _samples.Path);
        var json = await CliRunner.RunAsync(_folder.Path, "review", "show", cycle, "--json", "--db", _samples.Path);

        Assert.True(text.ExitCode == ExitCodes.Ok, text.Error);
        Assert.Matches(@"edges \(\d+\)", text.Out);
        Assert.Contains(" -> ", text.Out, StringComparison.Ordinal);
        Assert.Matches(@", page \d+", text.Out);
        var edges = JsonDocument.Parse(json.Out).RootElement.GetProperty("edges").EnumerateArray().ToList();
        Assert.True(edges.Count >= 2);
        Assert.All(edges, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.GetProperty("from").GetString()));
            Assert.NotEmpty(e.GetProperty("evidence").EnumerateArray());
            Assert.All(e.GetProperty("evidence").EnumerateArray(), q => Assert.Equal(JsonValueKind.Number, q.GetProperty("page").ValueKind));
        });
        Assert.Contains(edges, e => e.GetProperty("amount").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task Issue20_Apply_ClosesWithACount()
    {
        var db = _samples.CopyTo(_folder);
        var list = await CliRunner.RunAsync(_folder.Path, "review", "list", "--json", "--limit", "2", "--db", db);
        var ids = JsonDocument.Parse(list.Out).RootElement.EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        var actions = _folder.Write("actions.jsonl", string.Join("\n",
            ids.Select(id => $$"""{"item": "{{id}}", "action": "comment", "comment": "seen"}""")
                .Append("""{"item": "ffffffffffff", "action": "accept"}""")));

        var result = await CliRunner.RunAsync(_folder.Path, "review", "apply", actions, "--as", "alice", "--db", db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains($"{actions}: 2 actions applied, 1 failed", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
