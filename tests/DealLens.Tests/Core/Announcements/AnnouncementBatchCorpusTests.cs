using System.Text.Json;
using DealLens.Core.Evaluation;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Core.Announcements;

/// <summary>The announcement batches locked by half are consistent: the lock follows the rule in code, every quote is verbatim.</summary>
public sealed class AnnouncementBatchCorpusTests
{
    private static IEnumerable<JsonElement> Labels(string batch)
        => File.ReadAllLines(Path.Combine(RepoPaths.Samples, batch, "labels.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement);

    [Theory]
    [InlineData("announcements-round3", 25)]
    [InlineData("announcements-round4", 20)]
    public void Labels_LockedFieldFollowsTheHalfHashRuleInCode(string batch, int atLeast)
    {
        var labels = Labels(batch).ToList();
        Assert.True(labels.Count >= atLeast, $"{batch} holds {labels.Count} labelled documents, fewer than {atLeast}");
        foreach (var label in labels)
        {
            var doc = label.GetProperty("doc").GetString()!;
            Assert.Equal(label.GetProperty("locked").GetBoolean(), AnnouncementCorpus.IsLockedHalf(doc));
        }
    }

    [Theory]
    [InlineData("announcements-round3")]
    [InlineData("announcements-round4")]
    [InlineData("announcements-round5")]
    [InlineData("announcements-round6")]
    public void Labels_EveryQuoteIsAnExactSubstringOfItsDocument(string batch)
    {
        foreach (var label in Labels(batch))
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Samples, batch, label.GetProperty("doc").GetString()!));
            var quotes = label.GetProperty("relations").EnumerateArray()
                .Concat(label.GetProperty("concentration").EnumerateArray())
                .Select(r => r.GetProperty("quote").GetString()!);
            foreach (var quote in quotes)
            {
                Assert.Contains(quote, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Labels_Round5LockedFieldFollowsItsRuleInCode()
    {
        var labels = Labels("announcements-round5").ToList();
        Assert.True(labels.Count >= 18, $"announcements-round5 holds {labels.Count} labelled documents, fewer than 18");
        foreach (var label in labels)
        {
            var doc = label.GetProperty("doc").GetString()!;
            Assert.Equal(label.GetProperty("locked").GetBoolean(), AnnouncementCorpus.IsLockedRound5(doc));
        }

        Assert.Contains(labels, l => l.GetProperty("locked").GetBoolean());
        Assert.Contains(labels, l => !l.GetProperty("locked").GetBoolean());
    }

    [Fact]
    public void Labels_Round6LockedFieldFollowsItsRuleInCode()
    {
        var labels = Labels("announcements-round6").ToList();
        Assert.True(labels.Count >= 20, $"announcements-round6 holds {labels.Count} labelled documents, fewer than 20");
        foreach (var label in labels)
        {
            var doc = label.GetProperty("doc").GetString()!;
            Assert.Equal(label.GetProperty("locked").GetBoolean(), AnnouncementCorpus.IsLockedRound6(doc));
        }

        Assert.Contains(labels, l => l.GetProperty("locked").GetBoolean());
        Assert.Contains(labels, l => !l.GetProperty("locked").GetBoolean());
    }

    [Fact]
    public void Labels_Round6DealTermsReadInTheFirstCorpusFormatAndQuoteTheirDocuments()
    {
        var dir = Path.Combine(RepoPaths.Samples, "announcements-round6");
        using var reader = new StreamReader(Path.Combine(dir, "labels.jsonl"));
        var labels = AnnouncementCorpus.Read(reader);
        Assert.True(labels.Count >= 20);
        Assert.Contains(labels, l => l.TotalValueUsd is not null);
        Assert.Contains(labels, l => l.TermMonths is not null);
        foreach (var label in labels)
        {
            var text = File.ReadAllText(Path.Combine(dir, label.Doc));
            foreach (var quote in label.Quotes())
            {
                Assert.Contains(quote, text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("openai-nvidia_newsletter-staged-100bn_2025-09.txt", true)]
    [InlineData("amd-openai_investor-faq-warrant-6gw_2025-10.txt", false)]
    [InlineData("poolside_press-release-project-horizon-coreweave_2025-10.txt", true)]
    [InlineData("xai_press-release-series-e-20bn_2026-01.txt", false)]
    public void IsLockedHalf_FixedFileName_GivesTheSameAnswerEveryRun(string name, bool expected)
        => Assert.Equal(expected, AnnouncementCorpus.IsLockedHalf(name));
}
