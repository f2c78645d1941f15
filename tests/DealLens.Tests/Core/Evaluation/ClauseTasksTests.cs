using DealLens.Core.Clauses;
using DealLens.Core.Documents;
using DealLens.Core.Evaluation;

namespace DealLens.Tests.Core.Evaluation;

public sealed class ClauseTasksTests
{
    private const string Assign1 = "Neither party may assign this Agreement without the prior written consent of the other party.";
    private const string Assign2 = "Licensee shall not transfer its rights hereunder to any third party.";
    private const string Law1 = "This Agreement is governed by the laws of the State of Delaware.";
    private const string Law2 = "The laws of England govern this Agreement.";
    private const string Cap1 = "In no event shall either party's liability exceed the fees paid in the twelve months before the claim.";

    private static CuadContract Contract(string id, params (string Category, string[] Snippets)[] labels)
        => new(
            id,
            $"pdf/{id}.pdf",
            "Services",
            CuadCategories.Labelled.ToDictionary(
                c => c,
                c => labels.FirstOrDefault(l => l.Category == c).Snippets is { } s
                    ? new CuadLabel(true, s, "Yes")
                    : new CuadLabel(false, [], "")));

    private static Clause ClauseOf(string type, string text)
        => new("", type, text, 1, 0, text.Length, 0.9, "rules", ClauseFields.None);

    [Fact]
    public void Build_TinyCorpus_PositivesOfTheCategoryAndAsManyNegativesFromOthers()
    {
        var contracts = new[]
        {
            Contract("c1", (CuadCategories.AntiAssignment, [Assign1]), (CuadCategories.GoverningLaw, [Law1])),
            Contract("c2", (CuadCategories.AntiAssignment, [Assign2]), (CuadCategories.GoverningLaw, [Law2]), (CuadCategories.CapOnLiability, [Cap1])),
        };

        var items = ClauseTasks.Build(contracts, [CuadCategories.AntiAssignment], seed: 7);

        Assert.Equal(4, items.Count);
        Assert.Equal([Assign1, Assign2], items.Where(i => i.Positive).Select(i => i.Text));
        Assert.Equal(["c1", "c2"], items.Where(i => i.Positive).Select(i => i.ContractId));
        var negatives = items.Where(i => !i.Positive).Select(i => i.Text).ToList();
        Assert.Equal(2, negatives.Distinct().Count());
        Assert.All(negatives, n => Assert.Contains(n, new[] { Law1, Law2, Cap1 }));
        Assert.All(items, i => Assert.Equal(CuadCategories.AntiAssignment, i.Category));
    }

    [Fact]
    public void Build_SameSeed_SameItems_AndTextOfTheCategoryIsNeverItsNegative()
    {
        // The same sentence is labelled Anti-Assignment in c1 and Change Of Control in c2: it must not be drawn
        // as a negative of Anti-Assignment.
        var contracts = new[]
        {
            Contract("c1", (CuadCategories.AntiAssignment, [Assign1])),
            Contract("c2", (CuadCategories.ChangeOfControl, ["  neither party may assign this agreement without the prior written consent of the other party. "]), (CuadCategories.GoverningLaw, [Law1])),
        };

        var first = ClauseTasks.Build(contracts, [CuadCategories.AntiAssignment, CuadCategories.GoverningLaw], seed: 3);
        var second = ClauseTasks.Build(contracts, [CuadCategories.AntiAssignment, CuadCategories.GoverningLaw], seed: 3);

        Assert.Equal(first, second);
        var negative = Assert.Single(first, i => i.Category == CuadCategories.AntiAssignment && !i.Positive);
        Assert.Equal(Law1, negative.Text);
    }

    [Fact]
    public void Build_OmittedMarker_PartsJoinedBySpace()
    {
        var contracts = new[] { Contract("c1", (CuadCategories.CapOnLiability, ["Liability is capped. <omitted> Except for fraud."])) };

        var item = Assert.Single(ClauseTasks.Build(contracts, [CuadCategories.CapOnLiability], seed: 1));

        Assert.Equal("Liability is capped. Except for fraud.", item.Text);
    }

    [Fact]
    public void Evaluate_HandMadeExtractor_ComputesBalancedAccuracyPerCategoryAndCoreMean()
    {
        ClauseTaskItem[] items =
        [
            // Anti-Assignment: 4 positives, 2 negatives. The extractor finds 3 of the positives and wrongly says yes
            // to 1 negative: TPR 3/4, TNR 1/2, balanced accuracy 0.625 (plain accuracy would be 4/6).
            new(CuadCategories.AntiAssignment, "c1", "assign one", true),
            new(CuadCategories.AntiAssignment, "c1", "assign two", true),
            new(CuadCategories.AntiAssignment, "c2", "assign three", true),
            new(CuadCategories.AntiAssignment, "c2", "transfer four", true),
            new(CuadCategories.AntiAssignment, "c3", "assign law", false),
            new(CuadCategories.AntiAssignment, "c3", "law only", false),

            // Cap On Liability: 2 positives, 2 negatives; one positive found, no false yes: TPR 1/2, TNR 1, 0.75.
            new(CuadCategories.CapOnLiability, "c1", "cap one", true),
            new(CuadCategories.CapOnLiability, "c2", "liability two", true),
            new(CuadCategories.CapOnLiability, "c3", "law only", false),
            new(CuadCategories.CapOnLiability, "c3", "assign one", false),

            // Governing Law (not core): all right, 1.0; it must not enter the core-12 mean.
            new(CuadCategories.GoverningLaw, "c3", "law only", true),
            new(CuadCategories.GoverningLaw, "c1", "cap one", false),
        ];

        var report = ClauseTasks.Evaluate(items, Extract);

        var assignment = report.For(CuadCategories.AntiAssignment)!;
        Assert.Equal((4, 2, 3, 1), (assignment.Positives, assignment.Negatives, assignment.TruePositives, assignment.TrueNegatives));
        Assert.Equal(0.625, assignment.BalancedAccuracy, 10);
        Assert.Equal(0.75, assignment.Precision, 10);
        Assert.Equal(1, assignment.PositivesWithNoClause); // "transfer four": nothing came back at all
        Assert.Equal(0.75, report.For(CuadCategories.CapOnLiability)!.BalancedAccuracy, 10);
        Assert.Equal(1, report.For(CuadCategories.CapOnLiability)!.PositivesWithNoClause); // "liability two"
        Assert.Equal(1.0, report.For(CuadCategories.GoverningLaw)!.BalancedAccuracy, 10);
        Assert.Equal((0.625 + 0.75) / 2, report.CoreBalancedAccuracy, 10);
        Assert.Equal((0.625 + 0.75 + 1.0) / 3, report.AllBalancedAccuracy, 10);
        Assert.Equal(12, report.Items);

        static IReadOnlyList<Clause> Extract(DocumentText document)
        {
            var text = document.Text;
            var clauses = new List<Clause>();
            if (text.Contains("assign", StringComparison.Ordinal))
            {
                clauses.Add(ClauseOf(ClauseTypes.AntiAssignment, text));
            }

            if (text.StartsWith("cap", StringComparison.Ordinal))
            {
                clauses.Add(ClauseOf(ClauseTypes.CapOnLiability, text));
            }

            if (text.Contains("law", StringComparison.Ordinal))
            {
                clauses.Add(ClauseOf(ClauseTypes.GoverningLaw, text));
            }

            return clauses;
        }
    }

    [Fact]
    public void Answer_TakeOrPayClause_CountsForMinimumCommitment()
    {
        Assert.True(ClauseTasks.Answer(CuadCategories.MinimumCommitment, [ClauseOf(ClauseTypes.TakeOrPay, "x")]));
        Assert.False(ClauseTasks.Answer(CuadCategories.MinimumCommitment, [ClauseOf(ClauseTypes.ChipAccess, "x")]));
    }

    [Fact]
    public void Score_AnswersNotOnePerItem_Throws()
    {
        ClauseTaskItem[] items = [new(CuadCategories.AntiAssignment, "c1", "a", true), new(CuadCategories.AntiAssignment, "c1", "b", false)];

        Assert.Throws<ArgumentException>(() => ClauseTasks.Score(items, [true], [true, true]));
    }

    [Fact]
    public void Score_CategoryWithoutNegatives_IsLeftOutOfTheMean()
    {
        ClauseTaskItem[] items =
        [
            new(CuadCategories.AntiAssignment, "c1", "a", true),
            new(CuadCategories.AntiAssignment, "c1", "b", false),
            new(CuadCategories.CapOnLiability, "c1", "c", true),
        ];

        var report = ClauseTasks.Score(items, [true, false, false], [true, false, false]);

        Assert.True(double.IsNaN(report.For(CuadCategories.CapOnLiability)!.BalancedAccuracy));
        Assert.Equal(1.0, report.CoreBalancedAccuracy, 10);
        Assert.Contains("-", ClauseTasks.ToText(report), StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentOf_LoneClause_IsTheWholeTextOnOnePage()
    {
        var document = ClauseTasks.DocumentOf(Assign1);

        Assert.Equal(Assign1, document.Text);
        Assert.Single(document.Pages);
    }

    [Fact]
    public void Build_NoLabelledClause_NoItems()
        => Assert.Empty(ClauseTasks.Build([Contract("c1")], [CuadCategories.AntiAssignment], 1));
}
