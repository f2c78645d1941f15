using System.Security.Cryptography;
using System.Text;
using DealLens.Core;
using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Learning;
using DealLens.Core.Evaluation;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Core.Evaluation;

[Collection(HeavyTests.Name)]
public sealed class ClauseParaphraseSetTests
{
    private static string SetPath => Path.Combine(RepoPaths.Root, "tests", "DealLens.Tests", "Data", "clause-paraphrases", "clause-paraphrases.jsonl");

    private static IReadOnlyList<ClauseParaphrase> Shipped()
    {
        using var reader = new StreamReader(SetPath);
        return ClauseParaphraseSet.Read(reader);
    }

    [Fact]
    public void IsLocked_AnyId_IsTheLowBitOfTheFirstHashByte()
    {
        foreach (var id in new[] { "anti-01", "cap-07", "neg-13", "x" })
        {
            var expected = (SHA256.HashData(Encoding.UTF8.GetBytes(id))[0] & 1) == 1;
            Assert.Equal(expected, ClauseParaphraseSet.IsLocked(id));
        }
    }

    [Fact]
    public void Issue19_ShippedSet_CoversEveryCoreCategoryWithHardNegativesAndBothHalves()
    {
        var set = Shipped();

        foreach (var category in CuadCategories.Core)
        {
            var positives = set.Where(p => p.Category == category).ToList();
            Assert.True(positives.Count >= 12, $"{category}: {positives.Count} positives");
            Assert.Contains(positives, p => p.IsLocked);
            Assert.Contains(positives, p => !p.IsLocked);
        }

        var negatives = set.Where(p => p.Category is null).ToList();
        Assert.True(negatives.Count >= 40, $"{negatives.Count} hard negatives");
        Assert.Contains(negatives, p => p.IsLocked);
        Assert.Contains(negatives, p => !p.IsLocked);
        Assert.Equal(set.Count, set.Select(p => p.Text.Trim().ToLowerInvariant()).Distinct().Count());
    }

    [Fact]
    public void Items_DevelopmentHalf_NegativesOfACategoryAreEveryOtherClauseOfTheHalf()
    {
        var set = new[]
        {
            new ClauseParaphrase(Id(locked: false, skip: 0), CuadCategories.AntiAssignment, null, "test", "Neither party may assign this Agreement."),
            new ClauseParaphrase(Id(locked: false, skip: 1), CuadCategories.RenewalTerm, null, "test", "The term renews each year."),
            new ClauseParaphrase(Id(locked: false, skip: 2), null, CuadCategories.GoverningLaw, "test", "This Agreement is governed by Delaware law."),
            new ClauseParaphrase(Id(locked: true, skip: 0), CuadCategories.AntiAssignment, null, "test", "Licensee may not transfer this licence."),
        };

        var items = ClauseParaphraseSet.Items(set, ParaphraseHalf.Development);

        // Two categories have a development positive; each is asked of all three development clauses.
        Assert.Equal(6, items.Count);
        Assert.Equal([CuadCategories.AntiAssignment, CuadCategories.RenewalTerm], items.Select(i => i.Category).Distinct());
        Assert.Single(items, i => i.Category == CuadCategories.AntiAssignment && i.Positive);
        Assert.DoesNotContain(items, i => i.Text.StartsWith("Licensee", StringComparison.Ordinal));
        Assert.Equal(["Licensee may not transfer this licence."], ClauseParaphraseSet.Items(set, ParaphraseHalf.Locked).Select(i => i.Text).Distinct());
    }

    [Fact]
    public void LockedSummary_AnyReport_NamesNoCategory()
    {
        var items = new[]
        {
            new ClauseTaskItem(CuadCategories.AntiAssignment, "a", "one", true),
            new ClauseTaskItem(CuadCategories.AntiAssignment, "b", "two", false),
            new ClauseTaskItem(CuadCategories.CapOnLiability, "b", "two", true),
            new ClauseTaskItem(CuadCategories.CapOnLiability, "a", "one", false),
        };
        var report = ClauseTasks.Score(items, [true, false, false, false], [true, false, false, true]);

        var text = ClauseParaphraseSet.LockedSummary(report, 2);

        Assert.DoesNotContain(CuadCategories.AntiAssignment, text, StringComparison.Ordinal);
        Assert.DoesNotContain(CuadCategories.CapOnLiability, text, StringComparison.Ordinal);
        // Anti-Assignment 1.0, Cap On Liability 0.5; recall 1 and 0; precision 1 (Cap never said yes: left out).
        Assert.Contains("core-12 balanced accuracy 0.750, recall 0.500, precision 1.000", text, StringComparison.Ordinal);
        Assert.Contains("no clause back: 1 of 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CategoryOutsideTheCore12_ThrowsNamingTheLine()
    {
        const string Lines = "{\"id\":\"a\",\"category\":\"Anti-Assignment\",\"text\":\"x\"}\n{\"id\":\"b\",\"category\":\"Governing Law\",\"text\":\"y\"}\n";

        var error = Assert.Throws<DealLensException>(() => ClauseParaphraseSet.Read(new StringReader(Lines)));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RepeatedId_Throws()
    {
        const string Lines = "{\"id\":\"a\",\"category\":null,\"text\":\"x\"}\n{\"id\":\"a\",\"category\":null,\"text\":\"y\"}\n";

        Assert.Throws<DealLensException>(() => ClauseParaphraseSet.Read(new StringReader(Lines)));
    }

    [Fact]
    public void Issue19_ExtractorAnsweringByKeyword_ScoresOnlyTheCategoriesItsKeywordsReach()
    {
        // A stand-in extractor: "assign" gives an anti_assignment clause, nothing else gives anything.
        var set = Shipped();
        var items = ClauseParaphraseSet.Items(set, ParaphraseHalf.Development);

        var report = ClauseTasks.Evaluate(items, document => document.Text.Contains("assign", StringComparison.OrdinalIgnoreCase)
            ? [new Clause("c", ClauseTypes.AntiAssignment, "x", 1, 0, 1, 0.9, "test", ClauseFields.None)]
            : []);

        var anti = report.For(CuadCategories.AntiAssignment)!;
        Assert.InRange(anti.TruePositiveRate, 0.01, 0.99);
        Assert.Equal(0, report.For(CuadCategories.RenewalTerm)!.TruePositives);
        Assert.Equal(set.Count(p => !p.IsLocked && p.Category is not null && !p.Text.Contains("assign", StringComparison.OrdinalIgnoreCase)), report.PositivesWithNoClause);
    }

    [Fact]
    public void Issue19_ShippedExtractor_DevelopmentHalf_LoneRulesRaiseBalancedAccuracyAndKeepPrecision()
    {
        // Development half only: the locked half is scored by `deallens eval-clauses --locked`, in aggregate, never here.
        var items = ClauseParaphraseSet.Items(Shipped(), ParaphraseHalf.Development);
        var model = ClauseModel.LoadDefault();
        var with = new EmbeddedClauseExtractor(RuleBasedClauseExtractor.Default, model);
        var without = new EmbeddedClauseExtractor(RuleBasedClauseExtractor.Default, model, new EmbeddedClauseExtractorOptions { ShortDocumentLoneRules = null });

        var after = ClauseTasks.Evaluate(items, with.Extract);
        var before = ClauseTasks.Evaluate(items, without.Extract);

        Assert.True(after.CoreBalancedAccuracy > before.CoreBalancedAccuracy, $"{after.CoreBalancedAccuracy:0.000} vs {before.CoreBalancedAccuracy:0.000}");
        Assert.True(ClauseParaphraseSet.MeanPrecision(after) >= ClauseParaphraseSet.MeanPrecision(before), $"{ClauseParaphraseSet.MeanPrecision(after):0.000} vs {ClauseParaphraseSet.MeanPrecision(before):0.000}");
    }

    private static string Id(bool locked, int skip)
        => Enumerable.Range(0, 1000).Select(i => $"t-{i}").Where(id => ClauseParaphraseSet.IsLocked(id) == locked).ElementAt(skip);
}
