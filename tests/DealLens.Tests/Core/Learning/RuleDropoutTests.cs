using DealLens.Core;
using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Learning;
using DealLens.Core.Documents;
using DealLens.Core.Evaluation;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Core.Learning;

/// <summary>
/// Rule-feature dropout (training only), the cross-validation learning curve and the rules-silent diagnostic
/// (docs/representation.md, "(e)"). The synthetic governing-law sentences are matched by the catalog's
/// governing_law rule, so every positive span carries rule features.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class RuleDropoutTests
{
    private static byte[] Bytes(ClauseModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    private static byte[] Train(List<TrainingContract> contracts, double dropout, long seed = 7, int parallelism = 2)
        => Bytes(new ClauseModelTrainer(SyntheticContracts.Options(seed) with { RuleDropout = dropout, MaxDegreeOfParallelism = parallelism }).Train(contracts));

    [Fact]
    public void Issue19_RuleDropout_SameSeed_GivesIdenticalBytes()
    {
        var contracts = SyntheticContracts.Generate(24, seed: 21);

        Assert.Equal(Train(contracts, 0.6), Train(contracts, 0.6, parallelism: 1));
    }

    [Fact]
    public void Issue19_RuleDropout_ChangesTheModel_AndDependsOnTheSeed()
    {
        var contracts = SyntheticContracts.Generate(24, seed: 22);

        var without = Train(contracts, 0);
        var dropped = Train(contracts, 0.6);

        Assert.NotEqual(without, dropped);
        // Same data, another seed: another shuffle and other draws (so the bytes differ for both reasons).
        Assert.NotEqual(dropped, Train(contracts, 0.6, seed: 8));
    }

    [Fact]
    public void Issue19_RuleDropout_NeverDrawn_TrainsExactlyAsWithout()
    {
        // A probability no draw falls under: the dropout path must leave the shuffle and every update as they were.
        var contracts = SyntheticContracts.Generate(24, seed: 23);

        Assert.Equal(Train(contracts, 0), Train(contracts, 1e-300));
    }

    [Fact]
    public void Issue19_RuleDropout_NeverAppliesAtInference()
    {
        // Arrange: a model trained with heavy dropout still learns that the rule features mean governing law.
        var model = new ClauseModelTrainer(SyntheticContracts.Options() with { RuleDropout = 0.6 }).Train(SyntheticContracts.Generate(40, seed: 24));
        var withRules = new EmbeddedClauseExtractor(RuleBasedClauseExtractor.Default, model, new EmbeddedClauseExtractorOptions { ShortDocumentSpans = 0 });
        var silent = new EmbeddedClauseExtractor(RuleBasedClauseExtractor.Default, model, new EmbeddedClauseExtractorOptions { ShortDocumentSpans = 0, RulesSilent = true });
        var random = new Random(77);

        for (var i = 0; i < 12; i++)
        {
            var (text, law) = SyntheticContracts.Build(random, hasLaw: true);
            var document = DocumentText.FromPages([text], DocumentFormat.Text);
            var offset = text.IndexOf(law!, StringComparison.Ordinal) + 5;

            // Act
            var first = withRules.Explain(document, offset)!;
            var again = withRules.Explain(document, offset)!;
            var without = silent.Explain(document, offset)!;

            // Assert: every time, on every span, the rule features count (were they dropped at random, some law
            // spans would score as if no rule matched).
            Assert.NotEmpty(first.Rules);
            Assert.Empty(without.Rules);
            var p = Assert.Single(first.ModelScores, s => s.Type == ClauseTypes.GoverningLaw).Probability;
            Assert.Equal(p, Assert.Single(again.ModelScores, s => s.Type == ClauseTypes.GoverningLaw).Probability);
            Assert.True(p > Assert.Single(without.ModelScores, s => s.Type == ClauseTypes.GoverningLaw).Probability, $"document {i}: rule features did not raise the score");
        }
    }

    [Fact]
    public void Issue19_RulesSilent_ReportsNoRuleOnlyClause()
    {
        var text = "The Customer shall pay the Reservation Fee for the full committed capacity whether or not it uses the capacity (take or pay).";
        var document = DocumentText.FromPages([text], DocumentFormat.Text);
        var model = EmbeddedClauseExtractor.Default.Model;

        var normal = new EmbeddedClauseExtractor(RuleBasedClauseExtractor.Default, model).Extract(document);
        var silent = new EmbeddedClauseExtractor(RuleBasedClauseExtractor.Default, model, new EmbeddedClauseExtractorOptions { RulesSilent = true }).Extract(document);

        Assert.Contains(normal, c => c.Type == ClauseTypes.TakeOrPay);
        Assert.DoesNotContain(silent, c => c.Type == ClauseTypes.TakeOrPay);
    }

    [Fact]
    public void Issue19_TrainFraction_CrossValidationTrainsOnThatShareOfEachFold()
    {
        // Arrange: 30 contracts in 3 folds, so each fold trains on 20.
        var documents = Synthetic(30, seed: 25);
        var half = new List<string>();
        var all = new List<string>();

        // Act
        var halfReport = EmbeddedCrossValidation.Run(documents, SyntheticContracts.Options() with { TrainFraction = 0.5 }, new EmbeddedClauseExtractorOptions { ShortDocumentSpans = 0 }, half.Add);
        EmbeddedCrossValidation.Run(documents, SyntheticContracts.Options(), new EmbeddedClauseExtractorOptions { ShortDocumentSpans = 0 }, all.Add);

        // Assert: every contract is still scored, each fold tests what it tested before, and trains on half as many.
        Assert.Equal(30, halfReport.Documents);
        var halfFolds = half.Where(m => m.StartsWith("Fold", StringComparison.Ordinal)).Select(Counts).ToList();
        var allFolds = all.Where(m => m.StartsWith("Fold", StringComparison.Ordinal)).Select(Counts).ToList();
        Assert.Equal(3, allFolds.Count);
        Assert.Equal(allFolds.Select(f => f.Test), halfFolds.Select(f => f.Test));
        Assert.Equal(30, allFolds.Sum(f => f.Test));
        Assert.Equal(allFolds.Select(f => (int)Math.Round(f.Train * 0.5, MidpointRounding.AwayFromZero)), halfFolds.Select(f => f.Train));

        static (int Train, int Test) Counts(string message)
        {
            var match = System.Text.RegularExpressions.Regex.Match(message, @"training on (\d+) contracts, testing on (\d+)");
            Assert.True(match.Success, message);
            return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Issue19_TrainFraction_IsForCrossValidationOnly()
    {
        var trainer = new ClauseModelTrainer(SyntheticContracts.Options() with { TrainFraction = 0.5 });

        var error = Assert.Throws<DealLensException>(() => trainer.Train(SyntheticContracts.Generate(12, seed: 26)));
        Assert.Contains("cross-validation", error.Message, StringComparison.Ordinal);
    }

    private static List<LabelledDocument> Synthetic(int count, int seed)
    {
        var random = new Random(seed);
        var documents = new List<LabelledDocument>();
        for (var i = 0; i < count; i++)
        {
            var (text, law) = SyntheticContracts.Build(random, hasLaw: i % 2 == 0);
            var labels = CuadCategories.Labelled.ToDictionary(c => c, _ => new CuadLabel(false, [], "No"), StringComparer.Ordinal);
            if (law is not null)
            {
                labels[CuadCategories.GoverningLaw] = new CuadLabel(true, [law], "");
            }

            documents.Add(new LabelledDocument(new CuadContract($"s{i:D3}", $"pdf/synthetic-{i}-x.pdf", "Synthetic", labels), DocumentText.FromPages([text], DocumentFormat.Text)));
        }

        return documents;
    }
}
