using System.Globalization;
using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Learning;
using DealLens.Tests.TestSupport;
using Xunit.Abstractions;

namespace DealLens.Tests.Core.Catalog;

/// <summary>
/// Issue 19: one-sentence commitments read alone, on a development set written and labelled before any lone setting
/// was run on it (tests/DealLens.Tests/Data/lone-commitments-dev-issue19.jsonl). The lone settings are developed on
/// this set; <see cref="CommitmentParaphraseTests"/> stays the check they were not developed on.
/// </summary>
public sealed class LoneCommitmentDevSetTests(ITestOutputHelper output)
{
    private static readonly string[] s_types = [ClauseTypes.TakeOrPay, ClauseTypes.MinimumCommitment, ClauseTypes.ChipAccess];

    [Fact]
    public void Extract_DevSentencesEveryGridSetting_PrintsPrecisionAndRecallPerType()
    {
        var items = Load();
        var model = ClauseModel.LoadDefault();
        foreach (var options in LoneClauseReading.Grid)
        {
            var figures = Score(items, new EmbeddedClauseExtractor(RuleBasedClauseExtractor.Default, model, options));
            output.WriteLine(LoneClauseReading.Describe(options) + ": " + string.Join("; ", s_types.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t} P {figures[t].P:0.000} R {figures[t].R:0.000}"))));
        }

        Assert.Equal(36, items.Count);
    }

    // Whatever lone setting is the default, it costs none of the three types precision or recall against reading
    // lone sentences as contracts are read (short documents off).
    [Fact]
    public void Extract_DevSentencesDefaultExtractor_NoTypeLosesPrecisionOrRecallAgainstOff()
    {
        var items = Load();
        var off = Score(items, new EmbeddedClauseExtractor(RuleBasedClauseExtractor.Default, ClauseModel.LoadDefault(), new EmbeddedClauseExtractorOptions { ShortDocumentSpans = 0 }));
        var current = Score(items, EmbeddedClauseExtractor.Default);

        Assert.All(s_types, t => Assert.True(
            current[t].P >= off[t].P && current[t].R >= off[t].R,
            string.Create(CultureInfo.InvariantCulture, $"{t}: P {current[t].P:0.000} R {current[t].R:0.000}, off P {off[t].P:0.000} R {off[t].R:0.000}")));
    }

    private static IReadOnlyList<LabelledSentence> Load() => LabelledSentences.Load("lone-commitments-dev-issue19.jsonl");

    private Dictionary<string, (double P, double R)> Score(IReadOnlyList<LabelledSentence> items, EmbeddedClauseExtractor extractor)
        => LabelledSentences.Score(items, extractor, s_types, output);
}
