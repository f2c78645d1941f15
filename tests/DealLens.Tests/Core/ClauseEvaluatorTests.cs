using DealLens.Core.Clauses;
using DealLens.Core.Evaluation;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Core;

public sealed class ClauseEvaluatorTests
{
    private const string Mc = CuadCategories.MinimumCommitment;
    private const string Excl = CuadCategories.Exclusivity;

    internal static CuadContract Gold(string id, params (string Category, string[] Snippets)[] labels)
    {
        var dict = CuadCategories.Labelled.ToDictionary(c => c, _ => new CuadLabel(false, [], "No"), StringComparer.Ordinal);
        foreach (var (category, snippets) in labels)
        {
            dict[category] = new CuadLabel(snippets.Length > 0, snippets, "Yes");
        }

        return new CuadContract(id, $"pdf/{id}.pdf", "Supply", dict);
    }

    /// <summary>A clause grounded at the first occurrence of its text (offsets 0..0 when the text is not there).</summary>
    internal static Clause Predicted(string type, string text, string documentText, double confidence = 0.9)
    {
        var start = documentText.IndexOf(text, StringComparison.Ordinal);
        return start < 0
            ? new Clause("c", type, text, 1, 0, 0, confidence, "test", ClauseFields.None)
            : new Clause("c", type, text, 1, start, start + text.Length, confidence, "test", ClauseFields.None);
    }

    private static EvaluationDocument Doc(CuadContract gold, string text, params Clause[] predicted) => new(gold, text, predicted);

    private static EvaluationReport Evaluate(params EvaluationDocument[] documents) => ClauseEvaluator.Default.Evaluate(documents);

    /// <summary>4 documents for Minimum Commitment: A TP, B FN, C FN, D FP (predicted via take_or_pay).</summary>
    internal static EvaluationReport FourDocumentReport()
    {
        const string text = "Buyer shall purchase at least 100 units per year.";
        return Evaluate(
            Doc(Gold("a", (Mc, [text])), text, Predicted(ClauseTypes.MinimumCommitment, text, text)),
            Doc(Gold("b", (Mc, [text])), text),
            Doc(Gold("c", (Mc, [text])), text),
            Doc(Gold("d"), text, Predicted(ClauseTypes.TakeOrPay, text, text)));
    }

    [Fact]
    public void Evaluate_KnownDocumentOutcomes_GivesExactPrecisionRecallF1()
    {
        var m = FourDocumentReport().For(Mc);

        Assert.Equal((4, 3, 2), (m.Documents, m.GoldPositiveDocuments, m.PredictedPositiveDocuments));
        Assert.Equal((1, 1, 2), (m.TruePositives, m.FalsePositives, m.FalseNegatives));
        Assert.Equal(0.5, m.Precision, 12);
        Assert.Equal(1.0 / 3, m.Recall, 12);
        Assert.Equal(0.4, m.F1, 12); // 2 * 1/2 * 1/3 / (1/2 + 1/3)
    }

    [Fact]
    public void Evaluate_MacroF1_IsMeanOverTheTwelveCoreCategories()
    {
        var report = FourDocumentReport();

        Assert.Equal(0.4, report.MinimumCommitmentF1, 12);
        Assert.Equal(0.4 / 12, report.MacroF1Core, 12);
        Assert.Equal(CuadCategories.Mapped, report.Categories.Select(c => c.Category));
        Assert.Equal(12, report.Categories.Count(c => c.IsCore));
    }

    [Fact]
    public void Evaluate_GoldButNoPredictions_PrecisionRecallF1AreZero()
    {
        const string text = "Seller shall sell only to Buyer.";
        var m = Evaluate(Doc(Gold("a", (Excl, [text])), text)).For(Excl);

        Assert.Equal((0, 0, 1), (m.TruePositives, m.FalsePositives, m.FalseNegatives));
        Assert.Equal((0.0, 0.0, 0.0), (m.Precision, m.Recall, m.F1));
        Assert.Equal((0, 0.0), (m.PredictedClauses, m.ClausePrecision));
    }

    [Fact]
    public void Evaluate_SnippetWithOmitted_ScoresEachPart()
    {
        const string text = "Buyer shall purchase at least 100 units per year. Notices go by mail. Failing which Buyer pays the shortfall.";
        var gold = Gold("a", (Mc, ["Buyer shall purchase at least 100 units per year. <omitted> Failing which Buyer pays the shortfall."]));

        var m = Evaluate(Doc(gold, text, Predicted(ClauseTypes.MinimumCommitment, "Buyer shall purchase at least 100 units per year.", text))).For(Mc);

        Assert.Equal((2, 1, 0.5), (m.SnippetParts, m.SnippetPartsFound, m.SnippetRecall));
    }

    [Theory]
    [InlineData(49, 0)]
    [InlineData(50, 1)]
    [InlineData(51, 1)]
    public void Evaluate_ClauseCoveringShareOfPart_FindsPartFromHalf(int coveredWords, int expectedFound)
    {
        var part = string.Join(' ', Enumerable.Range(1, 100).Select(i => $"w{i}"));
        var clause = string.Join(' ', Enumerable.Range(1, coveredWords).Select(i => $"w{i}"));

        var m = Evaluate(Doc(Gold("a", (Mc, [part])), part, Predicted(ClauseTypes.MinimumCommitment, clause, part))).For(Mc);

        Assert.Equal((1, expectedFound), (m.SnippetParts, m.SnippetPartsFound));
        Assert.Equal(1, m.CorrectClauses); // every word of the clause lies in the part
    }

    [Fact]
    public void Evaluate_RepeatedWord_CountsOncePerClauseOccurrence()
    {
        // The part has "pay" three times; the clause has it once, so it covers 1 of 5 words, not 3.
        const string text = "pay pay pay the fee";
        var m = Evaluate(Doc(Gold("a", (Mc, [text])), text, Predicted(ClauseTypes.MinimumCommitment, "pay", text))).For(Mc);

        Assert.Equal(0, m.SnippetPartsFound);
        Assert.Equal(1, m.CorrectClauses);
    }

    [Fact]
    public void Evaluate_ClauseHalfInOnePart_IsCorrect()
    {
        const string text = "alpha beta gamma delta. epsilon zeta eta theta. alpha beta gamma omega psi chi.";
        var gold = Gold("a", (Mc, ["alpha beta gamma delta.", "epsilon zeta eta theta."]));

        var m = Evaluate(Doc(gold, text, Predicted(ClauseTypes.MinimumCommitment, "alpha beta gamma omega psi chi.", text))).For(Mc);

        Assert.Equal((1, 1, 1.0), (m.PredictedClauses, m.CorrectClauses, m.ClausePrecision));
    }

    [Fact]
    public void Evaluate_ClauseSpreadOverTwoParts_IsNotCorrect()
    {
        // 4 of 5 clause words are gold, but only 2 of 5 lie in any one part.
        const string text = "alpha beta gamma delta. epsilon zeta eta theta. alpha beta epsilon zeta omega.";
        var gold = Gold("a", (Mc, ["alpha beta gamma delta.", "epsilon zeta eta theta."]));

        var m = Evaluate(Doc(gold, text, Predicted(ClauseTypes.MinimumCommitment, "alpha beta epsilon zeta omega.", text))).For(Mc);

        Assert.Equal((1, 0, 0.0), (m.PredictedClauses, m.CorrectClauses, m.ClausePrecision));
    }

    [Fact]
    public void Evaluate_UngroundedClause_LowersGrounding()
    {
        const string text = "Buyer shall pay. Seller shall deliver.";
        var misplaced = Predicted(ClauseTypes.MinimumCommitment, "Seller shall deliver.", text) with { Start = 0, End = 21 };

        var report = Evaluate(Doc(
            Gold("a"),
            text,
            Predicted(ClauseTypes.MinimumCommitment, "Buyer shall pay.", text),
            misplaced,
            Predicted(ClauseTypes.ChipAccess, "Seller shall deliver.", text)));

        Assert.Equal((3, 2, 1), (report.PredictedClauses, report.GroundedClauses, report.UnmappedClauses));
        Assert.Equal(2.0 / 3, report.Grounding, 12);
        Assert.Equal(1, report.For(Mc).GroundedClauses);
    }

    [Fact]
    public void Evaluate_ClausePrecision_MacroAndPooledOverCore()
    {
        var report = Evaluate(PrecisionDocument());

        Assert.Equal(0.5, report.For(Mc).ClausePrecision, 12);
        Assert.Equal(1.0, report.For(Excl).ClausePrecision, 12);
        Assert.Equal(1.5 / 12, report.MacroClausePrecisionCore, 12); // the 10 categories without predictions count 0
        Assert.Equal((3, 2), (report.CorePredictedClauses, report.CoreCorrectClauses));
        Assert.Equal(2.0 / 3, report.PooledClausePrecisionCore, 12);
    }

    [Fact]
    public void Evaluate_Calibration_SplitsPrecisionAtThreshold()
    {
        var calibration = Evaluate(PrecisionDocument()).Calibration;

        Assert.Equal(0.8, calibration.Threshold);
        Assert.Equal((2, 1, 0.5), (calibration.HighConfidenceClauses, calibration.HighConfidenceCorrectClauses, calibration.HighConfidencePrecision));
        Assert.Equal((1, 1, 1.0), (calibration.LowConfidenceClauses, calibration.LowConfidenceCorrectClauses, calibration.LowConfidencePrecision));
    }

    [Fact]
    public void Evaluate_Calibration_BinsCoreClausesByConfidence()
    {
        var calibration = Evaluate(PrecisionDocument()).Calibration;

        // 0.5 (right) in [0.4, 0.6); 0.9 (right) and 0.85 (wrong) in [0.8, 1.0].
        Assert.Equal([0, 0, 1, 0, 2], calibration.Bins.Select(b => b.Clauses));
        Assert.Equal([0, 0, 1, 0, 1], calibration.Bins.Select(b => b.CorrectClauses));
        Assert.Equal((0.8, 1.0), (calibration.Bins[4].From, calibration.Bins[4].To));
        Assert.Equal(0.875, calibration.Bins[4].MeanConfidence, 12);
        Assert.Equal(0.5, calibration.Bins[4].Precision, 12);
        // |0.5 - 1| for the middle bin, |1.75 - 1| for the top bin, over 3 clauses.
        Assert.Equal((0.5 + 0.75) / 3, calibration.ExpectedCalibrationError, 12);
    }

    [Fact]
    public void Evaluate_NoDocuments_ReturnsZeros()
    {
        var report = Evaluate();

        Assert.Equal(17, report.Categories.Count);
        Assert.Equal((0, 0.0, 0.0, 0.0), (report.Documents, report.MacroF1Core, report.PooledClausePrecisionCore, report.Grounding));
    }

    [Fact]
    public void IsGrounded_OffsetsOutOfRange_IsFalse()
    {
        var clause = new Clause("c", ClauseTypes.Exclusivity, "abc", 1, 2, 5, 1, "test", ClauseFields.None);
        Assert.False(ClauseEvaluator.IsGrounded(clause, "xxab"));
        Assert.True(ClauseEvaluator.IsGrounded(clause, "xxabc"));
    }

    [CuadDevFact]
    public void Evaluate_RealLabelsWithGoldPartsAsPredictions_ScoresPerfectly()
    {
        var cuadDev = RepoPaths.RequireCuadDev();

        // Arrange: every gold part becomes a grounded clause of the first clause type mapped to its category.
        using var reader = new StreamReader(Path.Combine(cuadDev, "labels.jsonl"));
        var documents = CuadLabels.Read(reader).Select(gold =>
        {
            var parts = CuadCategories.Mapped
                .SelectMany(c => gold.Labels[c].Parts().Select(p => (Type: CuadCategories.ClauseTypesFor(c)[0], Part: p)))
                .ToList();
            var text = string.Join("\n\n", parts.Select(p => p.Part));
            var clauses = parts.Select(p => Predicted(p.Type, p.Part, text)).ToList();
            return new EvaluationDocument(gold, text, clauses);
        }).ToList();

        // Act
        var report = ClauseEvaluator.Default.Evaluate(documents);

        // Assert
        Assert.Equal(255, report.Documents);
        Assert.Equal(1.0, report.MacroF1Core, 12);
        Assert.Equal(1.0, report.PooledSnippetRecallCore, 12);
        Assert.Equal(1.0, report.PooledClausePrecisionCore, 12);
        Assert.Equal(1.0, report.Grounding, 12);
    }

    /// <summary>Minimum Commitment: one right (0.9), one wrong (0.85); Exclusivity: one right (0.5).</summary>
    private static EvaluationDocument PrecisionDocument()
    {
        const string text = "Buyer shall purchase at least 100 units per year. Seller shall sell only to Buyer. Notices go to the address below.";
        var gold = Gold("a", (Mc, ["Buyer shall purchase at least 100 units per year."]), (Excl, ["Seller shall sell only to Buyer."]));
        return Doc(
            gold,
            text,
            Predicted(ClauseTypes.MinimumCommitment, "Buyer shall purchase at least 100 units per year.", text, 0.9),
            Predicted(ClauseTypes.MinimumCommitment, "Notices go to the address below.", text, 0.85),
            Predicted(ClauseTypes.Exclusivity, "Seller shall sell only to Buyer.", text, 0.5));
    }
}
