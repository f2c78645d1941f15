using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Learning;
using DealLens.Core.Documents;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Core.Learning;

[Collection(HeavyTests.Name)]
public sealed class ClauseModelTrainerTests
{
    private static byte[] Bytes(ClauseModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Train_SameDataAndSeed_GivesIdenticalBytes()
    {
        var contracts = SyntheticContracts.Generate(24, seed: 1);

        var first = new ClauseModelTrainer(SyntheticContracts.Options()).Train(contracts);
        var second = new ClauseModelTrainer(SyntheticContracts.Options() with { MaxDegreeOfParallelism = 1 }).Train(contracts);

        Assert.Equal(Bytes(first), Bytes(second));
    }

    [Fact]
    public void Train_SyntheticGoverningLaw_SeparatesHeldOutDocuments()
    {
        // Arrange
        var model = new ClauseModelTrainer(SyntheticContracts.Options()).Train(SyntheticContracts.Generate(40, seed: 2));
        var extractor = new LearnedClauseExtractor(model);
        var random = new Random(99);

        // Act + Assert: held-out documents come from a different random stream.
        for (var i = 0; i < 10; i++)
        {
            var (text, law) = SyntheticContracts.Build(random, hasLaw: i % 2 == 0);
            var clauses = extractor.Extract(DocumentText.FromPages([text], DocumentFormat.Text));
            if (law is null)
            {
                Assert.Empty(clauses);
            }
            else
            {
                var clause = Assert.Single(clauses);
                Assert.Equal(ClauseTypes.GoverningLaw, clause.Type);
                Assert.Equal(law, clause.Text);
            }
        }
    }

    [Fact]
    public void Train_RecordsProvenanceAndSeed()
    {
        var model = new ClauseModelTrainer(SyntheticContracts.Options(seed: 42)).Train(SyntheticContracts.Generate(12, seed: 3));

        Assert.Equal(42, model.Info.Seed);
        Assert.Equal("2025-01-01", model.Info.TrainedOn);
        Assert.Equal([ClauseTypes.GoverningLaw], model.Types);
    }

    [Fact]
    public void CrossValidator_Synthetic_ReturnsOutOfFoldPredictionsForEveryContract()
    {
        var contracts = SyntheticContracts.Generate(30, seed: 4);

        var result = new CrossValidator(SyntheticContracts.Options() with { Folds = 3 }).Run(contracts);

        Assert.Equal(contracts.Select(c => c.Id), result.Predictions.Select(p => p.Id));
        Assert.Equal(3, result.FoldMetrics.Count);
        Assert.True(result.MacroDocF1([ClauseTypes.GoverningLaw]) >= 0.9);
    }
}
