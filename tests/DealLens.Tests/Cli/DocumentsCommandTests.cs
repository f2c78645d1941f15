using System.Text.Json;
using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli;

[Collection(HeavyTests.Name)]
public sealed class DocumentsCommandTests : IDisposable
{
    private const string Version1 = """
        MASTER SERVICES AGREEMENT

        This Agreement is entered into as of May 1, 2026 by and between Cobalt Cloud Holdings, LLC ("Provider") and Beacon AI, Inc. ("Customer").

        1. Take or Pay. Customer shall pay the monthly capacity fee of $10 million whether or not Customer uses the reserved capacity.

        2. Termination. Customer may terminate this Agreement for convenience upon ninety (90) days written notice.
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("docs.db");

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(_folder.Path, [.. args, "--db", Db]);

    private Task<CliResult> ReviewAsync(params string[] args)
        => CliRunner.RunAsync(_folder.Path, new Dictionary<string, string?> { ["DEALLENS_REVIEWER"] = "alice" }, CancellationToken.None, [.. args, "--db", Db]);

    private static List<JsonElement> Array(CliResult result)
    {
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        return [.. JsonDocument.Parse(result.Out).RootElement.EnumerateArray()];
    }

    [Fact]
    public async Task Issue20_FileChanges_NewVersionSupersedesOld_ListShowRemove()
    {
        var file = _folder.Write("deals/msa.txt", Version1);
        Assert.Equal(ExitCodes.Ok, (await RunAsync("analyze", file)).ExitCode);
        var queue = Array(await RunAsync("review", "list", "--json", "--limit", "0"));
        var takeOrPay = queue.First(i => i.GetProperty("type").GetString() == "take_or_pay").GetProperty("id").GetString()!;
        Assert.Equal(ExitCodes.Ok, (await ReviewAsync("review", "accept", takeOrPay)).ExitCode);

        // The same file with one more clause: a new version.
        File.AppendAllText(file, "\n3. Backstop. Provider shall purchase any capacity Customer does not resell, up to $50 million.\n");
        Assert.Equal(ExitCodes.Ok, (await RunAsync("analyze", file)).ExitCode);

        var current = Array(await RunAsync("documents", "list", "--json"));
        var all = Array(await RunAsync("documents", "list", "--all", "--json"));
        Assert.Single(current);
        Assert.Equal(2, all.Count);
        Assert.Single(all, d => !d.GetProperty("current").GetBoolean());
        var risk = JsonDocument.Parse((await RunAsync("risk", "--json")).Out).RootElement;
        var dealDocuments = risk.GetProperty("deals").EnumerateArray().Select(d => d.GetProperty("document").GetString()).ToList();
        Assert.Equal(dealDocuments.Distinct().Count(), dealDocuments.Count);

        // The decision followed the clause into the new version.
        var accepted = Array(await RunAsync("review", "list", "--json", "--status", "accepted"));
        var item = Assert.Single(accepted);
        Assert.Equal(current[0].GetProperty("sha256").GetString(), item.GetProperty("document_sha256").GetString());

        var show = await RunAsync("documents", "show", file);
        Assert.Equal(ExitCodes.Ok, show.ExitCode);
        Assert.Contains("versions (2), newest first", show.Out, StringComparison.Ordinal);
        Assert.Contains("1 accepted", show.Out, StringComparison.Ordinal);
        var shown = JsonDocument.Parse((await RunAsync("documents", "show", current[0].GetProperty("sha256").GetString()![..8], "--json")).Out).RootElement;
        Assert.Equal(2, shown.GetProperty("versions").GetArrayLength());

        // Removing the current version brings the old one back.
        var removed = Array(await RunAsync("documents", "remove", current[0].GetProperty("sha256").GetString()![..12], "--json"));
        Assert.NotEqual(JsonValueKind.Null, Assert.Single(removed).GetProperty("reinstated").ValueKind);
        var after = Assert.Single(Array(await RunAsync("documents", "list", "--json")));
        Assert.True(after.GetProperty("current").GetBoolean());
        Assert.NotEqual(current[0].GetProperty("sha256").GetString(), after.GetProperty("sha256").GetString());
    }

    [Theory]
    [InlineData("show")]
    [InlineData("remove")]
    public async Task Issue20_UnknownDocument_ExitsOneNamingIt(string verb)
    {
        _folder.Write("deals/msa.txt", Version1);
        Assert.Equal(ExitCodes.Ok, (await RunAsync("analyze", _folder.File("deals/msa.txt"))).ExitCode);

        var result = await RunAsync("documents", verb, "no-such-deal.pdf");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("no stored document matches \"no-such-deal.pdf\"", result.Error, StringComparison.Ordinal);
        Assert.Single(Array(await RunAsync("documents", "list", "--json")));
    }

    [Fact]
    public async Task List_NoDatabase_ExitsOneAndCreatesNothing()
    {
        var result = await RunAsync("documents", "list");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("no such database", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }
}
