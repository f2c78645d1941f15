using System.Text.Json;
using DealLens.Core.Evaluation;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Core.Announcements;

/// <summary>The announcement corpus in samples/announcements is consistent: every document labelled, every quote verbatim.</summary>
public sealed class AnnouncementCorpusTests
{
    private static string Folder => Path.Combine(RepoPaths.Samples, "announcements");

    internal static IReadOnlyList<AnnouncementLabel> Labels()
    {
        using var reader = new StreamReader(Path.Combine(Folder, "labels.jsonl"));
        return AnnouncementCorpus.Read(reader);
    }

    internal static string Text(string doc) => File.ReadAllText(Path.Combine(Folder, doc));

    [Fact]
    public void Labels_EveryDocumentHasExactlyOneLabel()
    {
        var documents = Directory.GetFiles(Folder, "*.txt").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();
        var labelled = Labels().Select(l => l.Doc).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(documents, labelled);
    }

    [Fact]
    public void Labels_EveryQuoteIsAnExactSubstringOfItsDocument()
    {
        var missing = Labels()
            .SelectMany(l => l.Quotes().Where(q => !Text(l.Doc).Contains(q, StringComparison.Ordinal)).Select(q => $"{l.Doc}: {q}"))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Labels_CoverAtLeastFortyDealsAmongTwentyCompanies()
    {
        var labels = Labels();

        Assert.True(labels.Select(l => l.Deal).Distinct().Count() >= 40);
        Assert.True(labels.SelectMany(l => l.Parties).Distinct().Count() >= 20);
        Assert.All(labels, l => Assert.InRange(l.Date.Year, 2023, 2026));
    }

    [Fact]
    public void Labels_LockedFieldFollowsTheHashRuleInCode()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "labels.jsonl")).Where(l => l.Length > 0);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var doc = json.RootElement.GetProperty("doc").GetString()!;
            Assert.Equal(json.RootElement.GetProperty("locked").GetBoolean(), AnnouncementCorpus.IsLocked(doc));
        }
    }

    [Fact]
    public void ExpectedGraph_EveryLoopIsClosedByLabelledRelations()
    {
        var labels = Labels();
        using var graph = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected-graph.json")));
        var edges = labels.SelectMany(l => l.Relations).Select(r => (r.From, r.To, r.Kind)).ToHashSet();
        foreach (var loop in graph.RootElement.GetProperty("loops").EnumerateArray())
        {
            var path = loop.GetProperty("path").EnumerateArray().Select(e => e.GetString()!).ToList();
            var kinds = loop.GetProperty("kinds").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Equal(path[0], path[^1]);
            for (var i = 0; i < kinds.Count; i++)
            {
                Assert.Contains((path[i], path[i + 1], kinds[i]), edges);
            }
        }
    }

    [Theory]
    [InlineData("coreweave-openai_press-release-11-9bn-contract_2025-03.txt", true)]
    [InlineData("nvidia-lambda_wire-leaseback_2025-09.txt", false)]
    public void IsLocked_FixedFileName_GivesTheSameAnswerEveryRun(string name, bool expected)
    {
        Assert.Equal(expected, AnnouncementCorpus.IsLocked(name));
    }

    [Fact]
    public void Read_MalformedLine_NamesTheLine()
    {
        var error = Assert.Throws<DealLens.Core.DealLensException>(() => AnnouncementCorpus.Read(new StringReader("\n{\"doc\": 3}")));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }
}
