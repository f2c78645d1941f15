using System.Text.Json;
using DealLens.Cli;
using DealLens.Storage;
using DealLens.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace DealLens.Tests.Cli;

[Collection(HeavyTests.Name)]
public sealed class ReviewCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("review.db");

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(_folder.Path, [.. args, "--db", Db]);

    private Task<CliResult> ReviewAsync(string reviewer, params string[] args)
        => CliRunner.RunAsync(_folder.Path, new Dictionary<string, string?> { ["DEALLENS_REVIEWER"] = reviewer }, CancellationToken.None, [.. args, "--db", Db]);

    private async Task<List<JsonElement>> ListAsync(params string[] filters)
    {
        // The whole queue: samples/ holds more documents than one default page of 100 items.
        var result = await RunAsync(["review", "list", "--json", "--limit", "0", .. filters]);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        return [.. JsonDocument.Parse(result.Out).RootElement.EnumerateArray()];
    }

    private async Task<JsonElement> DealRiskAsync(string documentPart)
    {
        var risk = await RunAsync("risk", "--json");
        Assert.Equal(ExitCodes.Ok, risk.ExitCode);
        return JsonDocument.Parse(risk.Out).RootElement.GetProperty("deals").EnumerateArray()
            .Single(d => d.GetProperty("document").GetString()!.Contains(documentPart, StringComparison.Ordinal));
    }

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private static bool HasFlag(JsonElement deal, string code) => deal.GetProperty("flags").EnumerateArray().Any(f => f.GetProperty("code").GetString() == code);

    private static JsonElement Find(List<JsonElement> queue, string document, string type, decimal? amount = null)
        => queue.Single(i => i.GetProperty("kind").GetString() == "clause"
            && i.GetProperty("document").GetString()!.Contains(document, StringComparison.Ordinal)
            && i.GetProperty("type").GetString() == type
            && (amount is null || (i.GetProperty("fields").TryGetProperty("amount", out var a) && a.GetDecimal() == amount)));

    [Fact]
    public async Task Issue6_ScriptedReview_DecisionsChangeScoresAndSurviveReanalysis()
    {
        // The samples analysed (a copy of the run's analysed samples); read the queue.
        await AnalysedSamples.CopyToAsync(Db);
        var queue = await ListAsync();
        Assert.All(queue, i => Assert.Equal("open", i.GetProperty("status").GetString()));
        Assert.Contains(queue, i => i.GetProperty("kind").GetString() == "cycle");
        Assert.Contains(queue, i => i.GetProperty("kind").GetString() == "deal_terms");
        var severities = queue.Select(i => i.GetProperty("severity").GetString()!).ToList();
        Assert.Equal(severities.OrderByDescending(s => DealLens.Core.Output.Vocabulary.Parse<DealLens.Core.Risk.Severity>(s)), severities);

        var accept = Id(Find(queue, "gpu-cloud-msa", "take_or_pay", 11_900_000_000m));
        var reject = Id(Find(queue, "capacity-order-subject-to-availability", "termination_for_convenience"));
        var edit = Id(Find(queue, "min-spend-chip-refresh", "minimum_commitment", 250_000_000m));
        var before = await DealRiskAsync("capacity-order-subject-to-availability");
        var minSpendBefore = await DealRiskAsync("min-spend-chip-refresh");
        Assert.True(HasFlag(before, "termination_for_convenience"));
        Assert.Equal(250_000_000m, minSpendBefore.GetProperty("take_or_pay_amount").GetDecimal());

        // Accept one, reject one, edit an amount, comment: each by its reviewer.
        var accepted = await ReviewAsync("alice", "review", "accept", accept[..8]);
        var rejected = await ReviewAsync("bob", "review", "reject", reject, "--comment", "mutual termination right only");
        var edited = await ReviewAsync("alice", "review", "edit", edit, "--amount", "2000000000");
        var commented = await ReviewAsync("carol", "review", "comment", accept, "checked against the signed PDF");
        Assert.Equal(
            [ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Ok],
            new[] { accepted, rejected, edited, commented }.Select(r => r.ExitCode));
        Assert.Contains($"accepted {accept}: status accepted, version 1, by alice", accepted.Out, StringComparison.Ordinal);

        // Scores follow the decisions.
        var after = await DealRiskAsync("capacity-order-subject-to-availability");
        var minSpendAfter = await DealRiskAsync("min-spend-chip-refresh");
        Assert.False(HasFlag(after, "termination_for_convenience"));
        Assert.True(after.GetProperty("score").GetInt32() < before.GetProperty("score").GetInt32());
        Assert.Equal(2_000_000_000m, minSpendAfter.GetProperty("take_or_pay_amount").GetDecimal());

        // Re-analyse everything: the decisions stay on the same clauses, and so do the scores.
        Assert.Equal(ExitCodes.Ok, (await RunAsync("analyze", RepoPaths.Samples, "--force")).ExitCode);
        var reviewed = (await ListAsync()).Where(i => i.GetProperty("version").GetInt64() > 0).ToDictionary(Id);
        Assert.Equal("accepted", reviewed[accept].GetProperty("status").GetString());
        Assert.Equal("rejected", reviewed[reject].GetProperty("status").GetString());
        Assert.Equal("edited", reviewed[edit].GetProperty("status").GetString());
        Assert.Equal(2_000_000_000m, reviewed[edit].GetProperty("fields").GetProperty("amount").GetDecimal());
        Assert.False(HasFlag(await DealRiskAsync("capacity-order-subject-to-availability"), "termination_for_convenience"));
        Assert.Equal(2_000_000_000m, (await DealRiskAsync("min-spend-chip-refresh")).GetProperty("take_or_pay_amount").GetDecimal());

        // The audit trail has every action, with who, what and the before -> after states.
        var show = await RunAsync("review", "show", accept, "--json");
        var audit = JsonDocument.Parse(show.Out).RootElement.GetProperty("audit").EnumerateArray().ToList();
        Assert.Equal([("alice", "accept"), ("carol", "comment")], audit.Select(a => (a.GetProperty("actor").GetString(), a.GetProperty("action").GetString())));
        Assert.Equal("open", audit[0].GetProperty("before").GetProperty("status").GetString());
        Assert.Equal("checked against the signed PDF", audit[1].GetProperty("comment").GetString());
        var text = await RunAsync("review", "show", edit);
        Assert.Contains("reviewed    {\"amount\":2000000000}", text.Out, StringComparison.Ordinal);
        Assert.Contains("[[", text.Out, StringComparison.Ordinal);
        Assert.Contains("page 1", text.Out, StringComparison.Ordinal);

        // A re-analysis (say, a new model) that no longer finds the edited clause flags it instead of dropping it.
        var sha = reviewed[edit].GetProperty("document_sha256").GetString()!;
        await using (var database = DealLensDatabase.Open(Db, new FakeTimeProvider(CliRunner.FixedNow)))
        {
            var store = database.Documents;
            var analysis = (await store.LoadAnalysisAsync(sha, CancellationToken.None))!;
            var run = await store.StartRunAsync("analyze", CancellationToken.None);
            await store.SaveAnalysisAsync(analysis with { Clauses = [.. analysis.Clauses.Where(c => c.Id != edit)] }, run, CancellationToken.None);
        }

        var lost = Assert.Single(await ListAsync("--status", "no_longer_found"));
        Assert.Equal(edit, Id(lost));
        var trail = JsonDocument.Parse((await RunAsync("review", "show", edit, "--json")).Out).RootElement.GetProperty("audit").EnumerateArray()
            .Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Equal(["edit", "no_longer_found"], trail);
    }

    [Theory]
    [InlineData("--status", "opne", "no_longer_found")]
    [InlineData("--status", "Open", "'open'")]
    [InlineData("--type", "clauses", "a clause type, deal_terms or cycle")]
    public async Task Issue21_ReviewList_MisspeltStatusOrType_Exit1NamingTheAllowedWords(string option, string value, string hint)
    {
        var result = await RunAsync("review", "list", option, value);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(value, result.Error, StringComparison.Ordinal);
        Assert.Contains(hint, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Review_NoReviewer_Exit1WithHint()
    {
        var result = await RunAsync("review", "accept", "abcd1234");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("pass --as NAME or set DEALLENS_REVIEWER", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_EditWithBadValues_Exit1NamesEveryProblem()
    {
        _folder.Write("docs/deal.txt", "1. Customer shall pay the fees for the committed capacity whether or not it uses the capacity (take-or-pay).");
        Assert.Equal(ExitCodes.Ok, (await RunAsync("analyze", _folder.File("docs"))).ExitCode);
        var item = Id((await ListAsync()).First(i => i.GetProperty("kind").GetString() == "clause"));

        var result = await ReviewAsync("alice", "review", "edit", item, "--currency", "dollars", "--binding", "true");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--currency must be an ISO 4217 currency code", result.Error, StringComparison.Ordinal);
        Assert.Contains("--binding applies to deal terms only", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--amount", "79228162514264337593543950335", "--amount must be more than 0")]
    [InlineData("--amount", "0", "--amount must be more than 0")]
    [InlineData("--currency", "XYZ", "--currency must be an ISO 4217 currency code")]
    [InlineData("--parties", "Nobody Ever Heard Of Inc.", "is not a company of any stored deal")]
    public async Task Issue22_ReviewEditDealTerms_ValueOutsideBounds_RefusedAndNothingSaved(string option, string value, string message)
    {
        await AnalysedSamples.CopyToAsync(Db);
        var deal = Id((await ListAsync()).First(i => i.GetProperty("kind").GetString() == "deal_terms"));

        var result = await ReviewAsync("alice", "review", "edit", deal, option, value);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.All(await ListAsync(), i => Assert.Equal("open", i.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Issue22_StoreAlreadyHoldingAnOverflowingAmount_EveryReaderStillWorks()
    {
        await AnalysedSamples.CopyToAsync(Db);
        var queue = await ListAsync();
        var deal = Id(queue.First(i => i.GetProperty("kind").GetString() == "deal_terms"));
        var clause = Id(Find(queue, "min-spend-chip-refresh", "minimum_commitment", 250_000_000m));
        Assert.Equal(ExitCodes.Ok, (await ReviewAsync("alice", "review", "edit", deal, "--amount", "5000000000")).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await ReviewAsync("alice", "review", "edit", clause, "--amount", "5000000000")).ExitCode);

        // What an older version let a reviewer save: decimal.MaxValue on a deal and on a clause.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE ReviewItems SET OverridesJson = replace(OverridesJson, '5000000000', '79228162514264337593543950335')";
            Assert.Equal(2, command.ExecuteNonQuery());
        }

        var results = new[]
        {
            await RunAsync("risk", "--json"),
            await RunAsync("graph"),
            await RunAsync("report", "--format", "json", "--out", _folder.File("report.json")),
            await RunAsync("analyze", "--force", RepoPaths.Samples),
            await RunAsync("review", "list", "--json"),
        };

        Assert.All(results, r => Assert.True(r.ExitCode == ExitCodes.Ok, r.Error));
        Assert.All(results, r => Assert.DoesNotContain("OverflowException", r.Out + r.Error, StringComparison.Ordinal));
    }
}
