using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Learning;
using DealLens.Core.Documents;
using DealLens.Core.Evaluation;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Core.Learning;

[Collection(HeavyTests.Name)]
public sealed class EmbeddedCrossValidationTests
{
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

            var gold = new CuadContract($"s{i:D3}", $"pdf/synthetic-{i}.pdf", "Synthetic", labels);
            documents.Add(new LabelledDocument(gold, DocumentText.FromPages([text], DocumentFormat.Text)));
        }

        return documents;
    }

    [Fact]
    public void Run_SyntheticGoverningLaw_ScoresEveryContractOutOfFold()
    {
        // Arrange
        var documents = Synthetic(30, seed: 11);
        var messages = new List<string>();

        // Act: the synthetic contracts are 6-7 sentences, short enough to be read as lone clauses by default; they
        // stand for contracts here, so they are read as contracts are.
        var report = EmbeddedCrossValidation.Run(documents, SyntheticContracts.Options(), new EmbeddedClauseExtractorOptions { ShortDocumentSpans = 0 }, messages.Add);

        // Assert
        Assert.Equal(30, report.Documents);
        Assert.Equal(1.0, report.Grounding);
        Assert.True(report.For(CuadCategories.GoverningLaw).F1 > 0.8);
        Assert.True(report.For(CuadCategories.GoverningLaw).SnippetRecall > 0.8);
        Assert.Contains(messages, m => m.StartsWith("Fold 3/3", StringComparison.Ordinal));
    }

    [Fact]
    public void PredictMany_ReturnsEachDocumentsHeldOutClausesPerSetting()
    {
        var documents = Synthetic(12, seed: 5);
        var settings = new[] { new EmbeddedClauseExtractorOptions(), new EmbeddedClauseExtractorOptions { MinWords = 10_000 } };

        var predictions = EmbeddedCrossValidation.PredictMany(documents, SyntheticContracts.Options(), settings);

        Assert.Equal(2, predictions.Count);
        Assert.Equal(documents.Select(d => d.Gold.Id), predictions[0].Select(p => p.Gold.Id));
        Assert.Equal(documents.Select(d => d.Document.Text), predictions[0].Select(p => p.DocumentText));
        Assert.Contains(predictions[0], p => p.Predicted.Any(c => c.Type == ClauseTypes.GoverningLaw));
        Assert.DoesNotContain(predictions[1], p => p.Predicted.Any(c => c.Extractor == "model"));
        var report = ClauseEvaluator.Default.Evaluate(predictions[0]);
        Assert.Equal(
            EmbeddedCrossValidation.Run(documents, SyntheticContracts.Options()).MacroF1Core, report.MacroF1Core);
    }

    [Fact]
    public void PredictRepeated_FirstSeedIsTheSingleRun_FeaturisesOnce()
    {
        var documents = Synthetic(12, seed: 5);
        var options = SyntheticContracts.Options();
        var messages = new List<string>();

        var runs = EmbeddedCrossValidation.PredictRepeated(documents, options, [options.Seed, options.Seed + 1], messages.Add);

        Assert.Equal(2, runs.Count);
        var single = EmbeddedCrossValidation.Run(documents, options);
        Assert.Equal(single.MacroF1Core, ClauseEvaluator.Default.Evaluate(runs[0]).MacroF1Core);
        Assert.Single(messages, m => m.StartsWith("Featurising", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("run 2/2: Fold 1/", StringComparison.Ordinal));
    }

    // Synthetic contracts under file names without trailing digits, so that each is a fold group of its own.
    private static List<LabelledDocument> OwnGroups(int count, int seed)
        => [.. Synthetic(count, seed).Select((d, i) => d with { Gold = d.Gold with { File = $"pdf/synthetic-{(char)('a' + i)}.pdf" } })];

    [Fact]
    public void Issue19_RunWithClauseTasks_AnswersEveryItem_ContractsAsWithoutTasks()
    {
        var documents = OwnGroups(12, seed: 5);
        var options = SyntheticContracts.Options();
        var items = new List<ClauseTaskItem>();
        foreach (var d in documents)
        {
            var snippets = d.Gold.Labels[CuadCategories.GoverningLaw].Snippets;
            var first = d.Document.Text[..(d.Document.Text.IndexOf(". ", StringComparison.Ordinal) + 1)];
            items.Add(snippets.Count == 0 ? new(CuadCategories.GoverningLaw, d.Gold.Id, first, false) : new(CuadCategories.GoverningLaw, d.Gold.Id, snippets[0], true));
        }

        var runs = EmbeddedCrossValidation.RunWithClauseTasks(documents, options, [options.Seed, options.Seed + 1], items, [new EmbeddedClauseExtractorOptions()]);

        Assert.Equal(2, runs.Count);
        var repeated = EmbeddedCrossValidation.PredictRepeated(documents, options, [options.Seed]);
        Assert.Equal(ClauseEvaluator.Default.Evaluate(repeated[0]).MacroF1Core, ClauseEvaluator.Default.Evaluate(runs[0].Documents[0]).MacroF1Core);
        var law = runs[0].Tasks[0].For(CuadCategories.GoverningLaw)!;
        Assert.Equal((6, 6), (law.Positives, law.Negatives));
        Assert.InRange(law.BalancedAccuracy, 0.5, 1.0);
    }

    [Fact]
    public void Issue19_RunWithClauseTasks_ItemOfAContractNotCrossValidated_Throws()
    {
        var documents = Synthetic(9, seed: 3);
        ClauseTaskItem[] items = [new(CuadCategories.GoverningLaw, "not-there", "This Agreement is governed by the laws of Ohio.", true)];

        var error = Assert.Throws<DealLens.Core.DealLensException>(
            () => EmbeddedCrossValidation.RunWithClauseTasks(documents, SyntheticContracts.Options(), [7], items, [new EmbeddedClauseExtractorOptions()]));

        Assert.Contains("not-there", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue19_LoneSnippets_TrainOnlyTextsAreNeverScored_AndTheModelNamesContractsOnly()
    {
        var documents = OwnGroups(12, seed: 5);
        var options = SyntheticContracts.Options() with { LoneSnippets = true };
        var messages = new List<string>();

        var predictions = EmbeddedCrossValidation.PredictMany(documents, options, [new EmbeddedClauseExtractorOptions()], messages.Add)[0];
        var model = new ClauseModelTrainer(options).Train([.. documents.Select(d => TrainingContract.FromCuad(d.Gold, d.Document))]);

        Assert.Equal(documents.Select(d => d.Gold.Id), predictions.Select(p => p.Gold.Id));
        Assert.All(messages.Where(m => m.StartsWith("Fold", StringComparison.Ordinal)), m => Assert.Matches(@"training on 8 contracts, testing on 4$", m));
        Assert.Equal(documents.Select(d => d.Gold.Id), model.Info.TrainingIds);
        Assert.True(ClauseEvaluator.Default.Evaluate(predictions).For(CuadCategories.GoverningLaw).F1 > 0.8);
    }

    [Fact]
    public void Run_TooFewContracts_Throws()
    {
        Assert.Throws<DealLens.Core.DealLensException>(() => EmbeddedCrossValidation.Run(Synthetic(2, seed: 1), SyntheticContracts.Options()));
    }

    [Fact]
    public void FromCuad_MapsCategoriesToPrimaryTypesAndGroupsByFileStem()
    {
        var labels = CuadCategories.Labelled.ToDictionary(c => c, _ => new CuadLabel(false, [], "No"), StringComparer.Ordinal);
        labels[CuadCategories.MinimumCommitment] = new CuadLabel(true, ["Buyer shall buy at least 10 units."], "Yes");
        var gold = new CuadContract("abc", "pdf/ACME_SUPPLY AGREEMENT2.pdf", "Supply", labels);

        var contract = TrainingContract.FromCuad(gold, DocumentText.FromPages(["x"], DocumentFormat.Pdf));

        Assert.Equal("abc", contract.Id);
        Assert.Equal("ACME_SUPPLY AGREEMENT", contract.Group);
        Assert.Equal(["Buyer shall buy at least 10 units."], contract.Snippets[ClauseTypes.MinimumCommitment]);
        Assert.DoesNotContain(ClauseTypes.TakeOrPay, contract.Snippets.Keys);
        Assert.Equal(17, contract.Snippets.Count);
    }
}
