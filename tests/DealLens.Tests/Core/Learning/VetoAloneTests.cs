using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Learning;
using DealLens.Core.Documents;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Core.Learning;

/// <summary>
/// A veto type's model reporting alone where no rule of the type matched, above a threshold learned on out-of-fold
/// training predictions (docs/representation.md, "(f)").
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class VetoAloneTests
{
    [Fact]
    public void Issue19_VetoAlone_UnruledSpanReportedAtOrAboveTheAloneThreshold_NotBelow()
    {
        Assert.True(VetoAlone.Selects(0.7f, ruleHit: false, longEnough: true, modeThreshold: 0.3f, aloneThreshold: 0.7f));
        Assert.True(VetoAlone.Selects(0.9f, ruleHit: false, longEnough: true, modeThreshold: 0.3f, aloneThreshold: 0.7f));
        Assert.False(VetoAlone.Selects(0.69f, ruleHit: false, longEnough: true, modeThreshold: 0.3f, aloneThreshold: 0.7f));
        Assert.False(VetoAlone.Selects(0.9f, ruleHit: false, longEnough: false, modeThreshold: 0.3f, aloneThreshold: 0.7f));
        // A ruled span is decided by the veto as before: the mode threshold, not the alone one.
        Assert.True(VetoAlone.Selects(0.31f, ruleHit: true, longEnough: true, modeThreshold: 0.3f, aloneThreshold: 0.7f));
        Assert.False(VetoAlone.Selects(0.29f, ruleHit: true, longEnough: true, modeThreshold: 0.3f, aloneThreshold: 0.7f));
    }

    [Fact]
    public void Issue19_VetoAlone_NoThreshold_NeverReportsAlone()
    {
        Assert.False(VetoAlone.Selects(1f, ruleHit: false, longEnough: true, modeThreshold: 0.3f, aloneThreshold: float.PositiveInfinity));
        Assert.True(VetoAlone.Selects(1f, ruleHit: true, longEnough: true, modeThreshold: 0.3f, aloneThreshold: float.PositiveInfinity));
    }

    [Fact]
    public void Issue19_VetoAlone_ShippedModel_HasNoAloneThreshold()
    {
        var model = EmbeddedClauseExtractor.Default.Model;

        Assert.All(model.Types, type => Assert.Equal(float.PositiveInfinity, model.AloneThresholdOf(type)));
    }

    [Fact]
    public void Issue19_VetoAloneThreshold_IsTheLowestGridValueReachingThePrecision()
    {
        // Ten unruled spans: hits at 0.9 (x4) and 0.6 (x2), misses at 0.6 (x1) and 0.3 (x3). From 0.35 to 0.6:
        // 6 of 7 = 0.857; up to 0.3: 6 of 10 = 0.6; above 0.6 only four spans stand (fewer than five).
        var spans = new List<(float, bool)>
        {
            (0.9f, true), (0.3f, false), (0.9f, true), (0.6f, false), (0.9f, true), (0.6f, true), (0.3f, false),
            (0.9f, true), (0.6f, true), (0.3f, false),
        };

        Assert.Equal(0.35f, VetoAlone.Threshold(spans, 0.8));
        Assert.Equal(0.01f, VetoAlone.Threshold(spans, 0.6));
        Assert.Equal(float.PositiveInfinity, VetoAlone.Threshold(spans, 0.9));
        Assert.Equal(float.PositiveInfinity, VetoAlone.Threshold(spans.Where(s => s.Item1 > 0.8f).ToList(), 0.8));
        // Learned from the spans alone: the same spans in another order give the same bar, every time.
        Assert.Equal(0.35f, VetoAlone.Threshold([.. spans.OrderBy(s => s.Item1).ThenBy(s => s.Item2)], 0.8));
        Assert.Equal(VetoAlone.Threshold(spans, 0.8), VetoAlone.Threshold(spans, 0.8));
    }

    [Fact]
    public void Issue19_VetoAlone_Training_SameDataGivesTheSameModel_AndOffWritesNoThreshold()
    {
        var contracts = SyntheticContracts.Generate(24, seed: 31);
        var options = SyntheticContracts.Options() with { VetoAlonePrecision = 0.8 };

        var first = Bytes(new ClauseModelTrainer(options).Train(contracts));
        var again = Bytes(new ClauseModelTrainer(options with { MaxDegreeOfParallelism = 1 }).Train(contracts));
        var off = new ClauseModelTrainer(SyntheticContracts.Options()).Train(contracts);

        Assert.Equal(first, again);
        Assert.Equal(float.PositiveInfinity, off.AloneThresholdOf(ClauseTypes.GoverningLaw));
    }

    [Fact]
    public void Issue19_VetoAlone_Extractor_ReportsAnUnruledClauseAboveItsThreshold_NotBelow()
    {
        // Arrange: a trained governing-law model made a veto type; no rule matches anywhere (as on unseen wording).
        var trained = new ClauseModelTrainer(SyntheticContracts.Options()).Train(SyntheticContracts.Generate(40, seed: 32));
        var (text, law) = SyntheticContracts.Build(new Random(33), hasLaw: true);
        var document = DocumentText.FromPages([text], DocumentFormat.Text);
        var offset = text.IndexOf(law!, StringComparison.Ordinal) + 5;
        var p = (float)Extractor(float.PositiveInfinity).Explain(document, offset)!.ModelScores.Single(s => s.Type == ClauseTypes.GoverningLaw).Probability;
        Assert.True(p is > 0.05f and < 0.99f, $"the law sentence scores {p}");

        // Act
        var above = Extractor(p - 0.01f).Extract(document);
        var below = Extractor(p + 0.01f).Extract(document);
        var never = Extractor(float.PositiveInfinity).Extract(document);

        // Assert
        var clause = Assert.Single(above, c => c.Type == ClauseTypes.GoverningLaw);
        Assert.Equal("model", clause.Extractor);
        Assert.Contains(law!, clause.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(below, c => c.Type == ClauseTypes.GoverningLaw);
        Assert.DoesNotContain(never, c => c.Type == ClauseTypes.GoverningLaw);

        EmbeddedClauseExtractor Extractor(float alone) => new(
            RuleBasedClauseExtractor.Default,
            trained.WithVetoAlone(ClauseTypes.GoverningLaw, 0.01f, alone),
            new EmbeddedClauseExtractorOptions { ShortDocumentSpans = 0, RulesSilent = true });
    }

    [Fact]
    public void Issue19_VetoAlone_ModelFile_KeepsTheThreshold_AndWithoutOneIsWrittenAsBefore()
    {
        // Arrange
        var shipped = EmbeddedModelBytes();
        var model = ClauseModel.Load(new MemoryStream(shipped));
        var type = model.Types[0];
        var withAlone = model.WithVetoAlone(type, 0.2f, 0.6f);

        // Act
        var resaved = Bytes(model);
        var saved = Bytes(withAlone);
        var read = ClauseModel.Load(new MemoryStream(saved));

        // Assert: the shipped file (version 5) is written again byte for byte; one with a threshold is version 6 and keeps it.
        Assert.Equal(shipped, resaved);
        Assert.Equal(5, BitConverter.ToUInt16(resaved, 4));
        Assert.Equal(6, BitConverter.ToUInt16(saved, 4));
        Assert.Equal(0.6f, read.AloneThresholdOf(type));
        Assert.All(read.Types.Skip(1), t => Assert.Equal(float.PositiveInfinity, read.AloneThresholdOf(t)));
    }

    private static byte[] Bytes(ClauseModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    private static byte[] EmbeddedModelBytes()
    {
        using var resource = typeof(ClauseModel).Assembly.GetManifestResourceStream("DealLens.Core.clause-model.bin")!;
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }
}
