using System.Text.Json;
using DealLens.Core.Evaluation;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Core.Announcements;

/// <summary>samples/announcements-round4 is consistent: the lock follows the rule in code, every quote is verbatim.</summary>
public sealed class AnnouncementRound4CorpusTests
{
    private static string Folder => Path.Combine(RepoPaths.Samples, "announcements-round4");

    private static IEnumerable<JsonElement> Labels()
        => File.ReadAllLines(Path.Combine(Folder, "labels.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement);

    [Fact]
    public void Labels_LockedFieldFollowsTheHalfHashRuleInCode()
    {
        var labels = Labels().ToList();
        Assert.True(labels.Count >= 20);
        foreach (var label in labels)
        {
            var doc = label.GetProperty("doc").GetString()!;
            Assert.Equal(label.GetProperty("locked").GetBoolean(), AnnouncementCorpus.IsLockedRound4(doc));
        }
    }

    [Fact]
    public void Labels_EveryQuoteIsAnExactSubstringOfItsDocument()
    {
        foreach (var label in Labels())
        {
            var text = File.ReadAllText(Path.Combine(Folder, label.GetProperty("doc").GetString()!));
            var quotes = label.GetProperty("relations").EnumerateArray()
                .Concat(label.GetProperty("concentration").EnumerateArray())
                .Select(r => r.GetProperty("quote").GetString()!);
            foreach (var quote in quotes)
            {
                Assert.Contains(quote, text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("poolside_press-release-project-horizon-coreweave_2025-10.txt", true)]
    [InlineData("xai_press-release-series-e-20bn_2026-01.txt", false)]
    public void IsLockedRound4_FixedFileName_GivesTheSameAnswerEveryRun(string name, bool expected)
        => Assert.Equal(expected, AnnouncementCorpus.IsLockedRound4(name));
}
