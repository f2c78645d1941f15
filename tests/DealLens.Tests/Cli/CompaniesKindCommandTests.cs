using System.Text.Json;
using DealLens.Cli;
using DealLens.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace DealLens.Tests.Cli;

/// <summary>
/// <c>deallens companies kind|kinds</c>: the user's own rows of the company-kinds table, stored in the database and
/// read by analyze before the bundled table. The document is our own wording about invented companies that no table
/// row names, so its provider side stays open until the user says what the companies are.
/// </summary>
public sealed class CompaniesKindCommandTests : IDisposable
{
    private const string ProviderOpen =
        "MASTER SERVICES AGREEMENT\n\nThis Master Services Agreement is entered into as of June 2, 2027 by and among Quillon Labs, Inc., a Delaware "
        + "corporation (\"Customer\"), Oxley Capital LLC, a Delaware limited liability company (\"Oxley\"), and Brasswell Cloud, Inc., a Delaware "
        + "corporation (\"Brasswell\").\n";

    private readonly TempFolder _folder = new();

    private string Db => _folder.File("deallens.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Kind_SetListRemove_RoundTripsThroughTheDatabase()
    {
        await AnalyzeAsync();

        var set = await CliRunner.RunAsync(_folder.Path, "companies", "kind", "Acme Compute", "gpu_cloud", "--db", Db);
        var again = await CliRunner.RunAsync(_folder.Path, "companies", "kind", "ACME COMPUTE, LLC", "data_centre", "--db", Db);
        var list = await CliRunner.RunAsync(_folder.Path, "companies", "kinds", "--json", "--db", Db);
        var remove = await CliRunner.RunAsync(_folder.Path, "companies", "kind", "Acme Compute", "--remove", "--db", Db);
        var after = await CliRunner.RunAsync(_folder.Path, "companies", "kinds", "--db", Db);
        var all = await CliRunner.RunAsync(_folder.Path, "companies", "kinds", "--all", "--db", Db);

        Assert.Equal(ExitCodes.Ok, set.ExitCode);
        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        var row = Assert.Single(JsonDocument.Parse(list.Out).RootElement.EnumerateArray());
        Assert.Equal("ACME COMPUTE, LLC", row.GetProperty("company").GetString());
        Assert.Equal("data_centre", row.GetProperty("kind").GetString());
        Assert.Equal("user", row.GetProperty("source").GetString());
        Assert.Equal(ExitCodes.Ok, remove.ExitCode);
        Assert.Equal("", after.Out);
        Assert.Contains("NVIDIA\tchip_vendor\t", all.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Acme Compute", "gpu_clouds", "is not a company kind")]
    [InlineData("Acme Compute", null, "give the kind")]
    public async Task Kind_BadArguments_Exit1(string company, string? kind, string message)
    {
        await AnalyzeAsync();

        var result = await CliRunner.RunAsync(_folder.Path, kind is null
            ? ["companies", "kind", company, "--db", Db]
            : ["companies", "kind", company, kind, "--db", Db]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kind_RemoveUnknown_Exit1()
    {
        await AnalyzeAsync();

        var result = await CliRunner.RunAsync(_folder.Path, "companies", "kind", "Nobody", "--remove", "--db", Db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("has no kind of yours", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_UserKinds_FillTheOpenSides()
    {
        var before = await AnalyzeAsync();
        Assert.Equal(JsonValueKind.Null, before.GetProperty("provider").ValueKind);
        Assert.Equal("Quillon Labs, Inc.", before.GetProperty("customer").GetString());

        foreach (var (company, kind) in new[] { ("Brasswell Cloud", "gpu_cloud"), ("Oxley Capital", "lender_fund"), ("Quillon Labs", "ai_lab") })
        {
            Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(_folder.Path, "companies", "kind", company, kind, "--db", Db)).ExitCode);
        }

        var after = await AnalyzeAsync("--force");

        Assert.Equal("Brasswell Cloud, Inc.", after.GetProperty("provider").GetString());
        Assert.Equal("Quillon Labs, Inc.", after.GetProperty("customer").GetString());
    }

    private async Task<JsonElement> AnalyzeAsync(params string[] extra)
    {
        var contract = _folder.Write("docs/services.txt", ProviderOpen);
        var result = await CliRunner.RunAsync(_folder.Path, ["analyze", contract, "--json", "--db", Db, .. extra]);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        var line = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        return JsonDocument.Parse(line).RootElement.GetProperty("deal");
    }
}
