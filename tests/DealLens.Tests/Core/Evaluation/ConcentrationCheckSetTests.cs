using System.Text.Json;
using DealLens.Core.Evaluation;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Core.Evaluation;

/// <summary>The concentration check set is consistent: its lock follows the rule in code, every quote is verbatim, labels read as filing labels.</summary>
public sealed class ConcentrationCheckSetTests
{
    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "DealLens.Tests", "Data", "concentration");

    private static List<JsonElement> Labels()
        => File.ReadAllLines(Path.Combine(Folder, "labels.jsonl")).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [Fact]
    public void Labels_LockedFieldFollowsTheRuleInCode_BothHalvesHoldFacts()
    {
        var labels = Labels();
        Assert.True(labels.Count >= 20, $"the check set holds {labels.Count} documents, fewer than 20");
        foreach (var label in labels)
        {
            Assert.Equal(label.GetProperty("locked").GetBoolean(), ConcentrationCheckSet.IsLocked(label.GetProperty("doc").GetString()!));
        }

        Assert.Contains(labels, l => l.GetProperty("locked").GetBoolean() && l.GetProperty("concentration").GetArrayLength() > 0);
        Assert.Contains(labels, l => !l.GetProperty("locked").GetBoolean() && l.GetProperty("concentration").GetArrayLength() > 0);
    }

    [Fact]
    public void Labels_EveryQuoteIsAnExactSubstringOfItsDocument_AndEveryFactNamesCompanyCustomerPercentPeriod()
    {
        foreach (var label in Labels())
        {
            var text = File.ReadAllText(Path.Combine(Folder, label.GetProperty("doc").GetString()!));
            foreach (var fact in label.GetProperty("concentration").EnumerateArray())
            {
                Assert.Contains(fact.GetProperty("quote").GetString()!, text, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(fact.GetProperty("company").GetString()));
                Assert.False(string.IsNullOrWhiteSpace(fact.GetProperty("customer").GetString()));
                Assert.False(string.IsNullOrWhiteSpace(fact.GetProperty("period").GetString()));
                Assert.InRange(fact.GetProperty("share_pct").GetDecimal(), 0m, 100m);
            }
        }
    }

    [Fact]
    public void Labels_ReadAsFilingLabels_RevenueFactsOnly()
    {
        using var reader = new StreamReader(Path.Combine(Folder, "labels.jsonl"));
        var labels = FilingLabels.Read(reader);

        Assert.Contains(labels, l => l.Concentration.Count > 0);
        Assert.All(labels.SelectMany(l => l.Concentration), c => Assert.Equal("revenue", c.Metric));
    }

    [Theory]
    [InlineData("coreweave_s1-risk-factor-largest-customer_2025-03.txt")]
    [InlineData("nvidia_10q-note-receivables-only_2025-08.txt")]
    public void IsLocked_IgnoresTheFolder(string name)
        => Assert.Equal(ConcentrationCheckSet.IsLocked(name), ConcentrationCheckSet.IsLocked("/some/folder/" + name));
}
