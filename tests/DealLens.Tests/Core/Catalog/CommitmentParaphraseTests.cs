using DealLens.Core.Clauses;
using DealLens.Tests.TestSupport;
using Xunit.Abstractions;

namespace DealLens.Tests.Core.Catalog;

/// <summary>
/// Issue 19 item 4: the embedded extractor on paraphrases of compute and data-centre commitment wording
/// (tests/DealLens.Tests/Data/commitment-paraphrases-issue19.jsonl), written before the rules were run on them.
/// The figures are printed; the floors below are what the extractor reached when the set was first measured, so a
/// change that loses ground fails.
/// </summary>
public sealed class CommitmentParaphraseTests(ITestOutputHelper output)
{
    private static readonly string[] s_types = [ClauseTypes.TakeOrPay, ClauseTypes.MinimumCommitment, ClauseTypes.ChipAccess];

    private static readonly Dictionary<string, (double P, double R)> s_floors = new(StringComparer.Ordinal)
    {
        // First measured with the obligation check in place, before any item-4 rule: P 1.000 / R 0.250, 1.000 / 0.833,
        // 1.000 / 1.000. The item-4 rules were then written after reading the misses, so since then this set is a
        // regression check, no longer a held-out figure (see docs/extractor-protocol.md).
        [ClauseTypes.TakeOrPay] = (1.0, 1.0),
        [ClauseTypes.MinimumCommitment] = (1.0, 1.0),
        [ClauseTypes.ChipAccess] = (1.0, 1.0),
    };

    [Fact]
    public void Extract_Paraphrases_PrecisionAndRecallPerType()
    {
        var items = LabelledSentences.Load("commitment-paraphrases-issue19.jsonl");
        Assert.Equal(30, items.Count);
        var f1 = LabelledSentences.Score(items, EmbeddedClauseExtractor.Default, s_types, output, withText: true);

        // An instruction, a risk factor or a description binds nobody: never a commitment (items 21-23 and 30).
        string[] notObligations = ["p19-021", "p19-022", "p19-023", "p19-030"];
        Assert.DoesNotContain(items, r => notObligations.Contains(r.Id)
            && LabelledSentences.Found(EmbeddedClauseExtractor.Default, r) is var found
            && (found.Contains(ClauseTypes.TakeOrPay) || found.Contains(ClauseTypes.MinimumCommitment)));
        Assert.All(s_types, t => Assert.True(f1[t].P >= s_floors[t].P && f1[t].R >= s_floors[t].R, $"{t}: P {f1[t].P:0.000} R {f1[t].R:0.000}"));
    }
}
