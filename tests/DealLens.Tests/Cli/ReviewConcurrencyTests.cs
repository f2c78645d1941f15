using System.Text.Json;
using Dapper;
using DealLens.Cli;
using DealLens.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace DealLens.Tests.Cli;

[Collection(HeavyTests.Name)]
[Trait("Suite", "Concurrency")]
public sealed class ReviewConcurrencyTests : IDisposable
{
    private const int Rounds = 6;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Issue6_TwoReviewerProcessesAtOnce_NoLostUpdateNoLockError()
    {
        // Arrange: the samples analysed; two scripts of actions, overlapping on three shared items.
        var db = _folder.File("shared.db");
        await AnalysedSamples.CopyToAsync(db);
        var list = await CliRunner.RunAsync(_folder.Path, "review", "list", "--json", "--limit", "0", "--db", db);
        var clauses = JsonDocument.Parse(list.Out).RootElement.EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() == "clause")
            .Select(i => i.GetProperty("id").GetString()!).Take(13).ToList();
        Assert.Equal(13, clauses.Count);
        var shared = clauses[..3];
        var alicesOwn = clauses[3..8];
        var bobsOwn = clauses[8..];

        var alice = new List<string>();
        var bob = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var item in shared)
            {
                alice.Add(Line(item, "edit", $"\"amount\": {1_000_000 + round}"));
                bob.Add(Line(item, "edit", round % 2 == 0 ? "\"currency\": \"EUR\"" : "\"currency\": \"GBP\""));
                alice.Add(Line(item, "comment", $"\"comment\": \"alice {round}\""));
                bob.Add(Line(item, "assign", $"\"assignee\": \"bob{round}\""));
            }

            foreach (var item in alicesOwn)
            {
                alice.Add(Line(item, round % 2 == 0 ? "accept" : "reject"));
            }

            foreach (var item in bobsOwn)
            {
                bob.Add(Line(item, "comment", $"\"comment\": \"bob {round}\""));
            }
        }

        var aliceFile = _folder.Write("alice.jsonl", string.Join('\n', alice));
        var bobFile = _folder.Write("bob.jsonl", string.Join('\n', bob));

        // Act: two real processes at once.
        var timeout = TimeSpan.FromMinutes(3);
        var results = await Task.WhenAll(
            DealLensProcess.RunAsync(_folder.Path, timeout, "review", "apply", aliceFile, "--as", "alice", "--db", db),
            DealLensProcess.RunAsync(_folder.Path, timeout, "review", "apply", bobFile, "--as", "bob", "--db", db));

        // Assert: both ran clean, and every action is in the audit trail.
        foreach (var result in results)
        {
            Assert.True(result.ExitCode == ExitCodes.Ok, $"exit {result.ExitCode}: {result.Error}");
            Assert.DoesNotContain("locked", result.Error, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(alice.Count, results[0].Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(bob.Count, results[1].Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        Assert.Equal(alice.Count, connection.ExecuteScalar<long>("SELECT count(*) FROM ReviewAudit WHERE Actor = 'alice'"));
        Assert.Equal(bob.Count, connection.ExecuteScalar<long>("SELECT count(*) FROM ReviewAudit WHERE Actor = 'bob'"));

        // Each item's versions form one unbroken chain, and its stored state is the last audit row's "after".
        var items = connection.Query<(long Id, string ItemKey, long Version, string Status, string? Assignee, string OverridesJson)>(
            "SELECT Id, ItemKey, Version, Status, Assignee, OverridesJson FROM ReviewItems").ToList();
        Assert.Equal(13, items.Count);
        foreach (var item in items)
        {
            var trail = connection.Query<(string? BeforeJson, string AfterJson)>(
                "SELECT BeforeJson, AfterJson FROM ReviewAudit WHERE ReviewItemId = @Id ORDER BY Id", new { item.Id }).ToList();
            Assert.Equal(item.Version, trail.Count);
            for (var i = 0; i < trail.Count; i++)
            {
                Assert.Equal(i, Version(trail[i].BeforeJson!));
                Assert.Equal(i + 1, Version(trail[i].AfterJson));
            }

            var last = JsonDocument.Parse(trail[^1].AfterJson).RootElement;
            Assert.Equal(last.GetProperty("status").GetString(), item.Status);
            Assert.Equal(last.GetProperty("overrides").GetRawText(), item.OverridesJson);
        }

        // On the shared items neither reviewer's edit was lost: alice's last amount and bob's last currency both stand.
        foreach (var key in shared)
        {
            var item = items.Single(i => i.ItemKey == key);
            using var overrides = JsonDocument.Parse(item.OverridesJson);
            Assert.Equal(1_000_000 + Rounds - 1, overrides.RootElement.GetProperty("amount").GetInt64());
            Assert.Equal(Rounds % 2 == 0 ? "GBP" : "EUR", overrides.RootElement.GetProperty("currency").GetString());
            Assert.Equal($"bob{Rounds - 1}", item.Assignee);
            Assert.Equal("edited", item.Status);
            Assert.Equal(Rounds * 4, item.Version);
        }
    }

    private static string Line(string item, string action, string? extra = null)
        => $"{{\"item\": \"{item}\", \"action\": \"{action}\"{(extra is null ? "" : ", " + extra)}}}";

    private static long Version(string json) => JsonDocument.Parse(json).RootElement.GetProperty("version").GetInt64();
}
