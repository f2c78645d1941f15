using DealLens.Core.Evaluation;
using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Evaluation;

public sealed class FilingScorerTests
{
    private static FilingLabel Label(
        IReadOnlyList<string>? parties = null,
        string? provider = null,
        string? customer = null,
        decimal? value = null,
        decimal? term = null,
        decimal? mw = null,
        IReadOnlyList<FilingFinancingLabel>? financing = null,
        IReadOnlyList<FilingConcentrationLabel>? concentration = null)
        => new("doc.txt", parties ?? [], provider, customer, value, term, mw, financing ?? [], concentration ?? []);

    private static FieldCount Field(FilingDocumentScore score, string field) => score.Fields.Single(f => f.Field == field);

    [Fact]
    public void Score_NamesDifferingInCaseSuffixAndPunctuation_CountAsFound()
    {
        var label = Label(parties: ["Larkspur Compute, Inc.", "BRAMBLE GRID LLC", "Ostrava Data s.r.o. (unnamed in excerpt)"]);
        var prediction = FilingPrediction.Empty with { Names = ["Larkspur Compute Inc", "Bramble Grid, L.L.C."] };

        var score = FilingScorer.Score(label, prediction);

        Assert.Equal(new FieldCount(FilingFields.Parties, 2, 2), Field(score, FilingFields.Parties));
        Assert.Empty(score.Misses);
    }

    [Fact]
    public void Issue18_NamesMatch_TradeNameEitherSide_MatchesLegalName()
    {
        Assert.True(FilingScorer.NamesMatch("Fennick Cloud LLC", "FENNICK CLOUD LLC d/b/a Fennick"));
        Assert.True(FilingScorer.NamesMatch("Fennick Cloud LLC d/b/a Fennick", "Fennick Cloud LLC"));
        Assert.False(FilingScorer.NamesMatch("Fennick Cloud LLC", "Larch Compute LLC d/b/a Fennick Cloud"));
    }

    [Fact]
    public void Score_PartialName_IsNotFound()
    {
        var label = Label(parties: ["Larkspur Compute Holdings Trust"]);
        var prediction = FilingPrediction.Empty with { Names = ["Larkspur"] };

        var score = FilingScorer.Score(label, prediction);

        Assert.Equal(0, Field(score, FilingFields.Parties).Right);
        Assert.Contains(score.Misses, m => m.StartsWith("parties: missing Larkspur Compute Holdings Trust", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_ParenthesisedAcronym_IsAnotherSpelling()
    {
        var label = Label(parties: ["Northern Plains Water Authority (NPWA)"]);

        Assert.Equal(1, Field(FilingScorer.Score(label, FilingPrediction.Empty with { Names = ["NPWA"] }), FilingFields.Parties).Right);
        Assert.Equal(1, Field(FilingScorer.Score(label, FilingPrediction.Empty with { Names = ["Northern Plains Water Authority"] }), FilingFields.Parties).Right);
    }

    [Fact]
    public void Score_RolesSwapped_BothWrongAndDocumentWrong()
    {
        var label = Label(provider: "Larkspur Compute", customer: "Bramble Grid");
        var prediction = FilingPrediction.Empty with { Provider = "Bramble Grid LLC", Customer = "Larkspur Compute, Inc." };

        var score = FilingScorer.Score(label, prediction);

        Assert.Equal(new FieldCount(FilingFields.Provider, 0, 1), Field(score, FilingFields.Provider));
        Assert.Equal(new FieldCount(FilingFields.Customer, 0, 1), Field(score, FilingFields.Customer));
        Assert.Equal(new FieldCount(FilingFields.Roles, 0, 1), Field(score, FilingFields.Roles));
    }

    [Fact]
    public void Score_OnlyProviderStatedAndRight_DocumentRolesRight()
    {
        var label = Label(provider: "Larkspur Compute (via its project company)");
        var prediction = FilingPrediction.Empty with { Provider = "Larkspur Compute, Inc.", Customer = "Someone Else" };

        var score = FilingScorer.Score(label, prediction);

        Assert.Equal(new FieldCount(FilingFields.Customer, 0, 0), Field(score, FilingFields.Customer));
        Assert.Equal(new FieldCount(FilingFields.Roles, 1, 1), Field(score, FilingFields.Roles));
    }

    [Theory]
    [InlineData(1_000_000_000, 1_009_000_000, true)]
    [InlineData(1_000_000_000, 1_011_000_000, false)]
    [InlineData(1_000_000_000, 999_000_000, true)]
    public void Score_TotalValue_RightWithinOnePercent(long expected, long found, bool right)
    {
        var score = FilingScorer.Score(Label(value: expected), FilingPrediction.Empty with { TotalValueUsd = found });

        Assert.Equal(right ? 1 : 0, Field(score, FilingFields.TotalValue).Right);
    }

    [Fact]
    public void Score_NothingPredicted_CountsEveryLabelledFieldAsWrong()
    {
        var label = Label(parties: ["Bramble Grid LLC"], value: 5m, term: 60m, mw: 100m);

        var score = FilingScorer.Score(label, FilingPrediction.Empty);

        Assert.All(
            new[] { FilingFields.Parties, FilingFields.TotalValue, FilingFields.TermMonths, FilingFields.CapacityMw },
            f => Assert.Equal(new FieldCount(f, 0, 1), Field(score, f)));
    }

    [Fact]
    public void Score_TermWithinHalfMonth_Right()
    {
        Assert.Equal(1, Field(FilingScorer.Score(Label(term: 88.8m), FilingPrediction.Empty with { TermMonths = 89m }), FilingFields.TermMonths).Right);
        Assert.Equal(0, Field(FilingScorer.Score(Label(term: 60m), FilingPrediction.Empty with { TermMonths = 61m }), FilingFields.TermMonths).Right);
    }

    [Fact]
    public void Score_FinancingKindMappedAndEndsMatched_Found()
    {
        var label = Label(financing:
        [
            new FilingFinancingLabel("convertible_notes", "noteholders (unnamed)", "Larkspur Compute, Inc."),
            new FilingFinancingLabel("guarantee", "Bramble Grid LLC", "lenders (Quarry Bank, N.A. as agent)"),
        ]);
        var prediction = FilingPrediction.Empty with
        {
            Relations =
            [
                new FilingRelation(RelationKind.Loan, ["Some Fund"], ["Larkspur Compute"]),
                new FilingRelation(RelationKind.Backstop, ["Bramble Grid"], ["Quarry Bank"]),
            ],
        };

        var score = FilingScorer.Score(label, prediction);

        Assert.Equal(new FieldCount(FilingFields.Financing, 2, 2), Field(score, FilingFields.Financing));
    }

    [Fact]
    public void Score_FinancingWrongDirectionOrKind_NotFound()
    {
        var label = Label(financing: [new FilingFinancingLabel("warrant", "Larkspur Compute", "Bramble Grid")]);
        var reversed = FilingPrediction.Empty with { Relations = [new FilingRelation(RelationKind.Warrant, ["Bramble Grid"], ["Larkspur Compute"])] };
        var otherKind = FilingPrediction.Empty with { Relations = [new FilingRelation(RelationKind.Equity, ["Larkspur Compute"], ["Bramble Grid"])] };

        Assert.Equal(0, Field(FilingScorer.Score(label, reversed), FilingFields.Financing).Right);
        Assert.Equal(0, Field(FilingScorer.Score(label, otherKind), FilingFields.Financing).Right);
    }

    [Fact]
    public void Score_ConcentrationCustomerPercentAndPeriod_AllMustAgree()
    {
        var label = Label(concentration:
        [
            new FilingConcentrationLabel("Bramble Grid", 41.5m, "FY2024", "revenue"),
            new FilingConcentrationLabel("Client X (unnamed)", 12m, "three months ended 2025-03-29", "revenue"),
            new FilingConcentrationLabel("Bramble Grid", 60m, "2024-12-31", "accounts_receivable"),
        ]);
        var prediction = FilingPrediction.Empty with
        {
            Concentration =
            [
                new FilingConcentration("Bramble Grid, LLC", 41.5m, "year ended December 31, 2024"),
                new FilingConcentration("Client X", 12m, "six months ended March 29, 2025"),
            ],
        };

        var score = FilingScorer.Score(label, prediction);

        // The receivables share is not a revenue fact and is not scored; the second fact has the wrong period length.
        Assert.Equal(new FieldCount(FilingFields.Concentration, 1, 2), Field(score, FilingFields.Concentration));
    }

    [Theory]
    [InlineData("FY2016", "fiscal 2016", true)]
    [InlineData("FY2016", "year ended December 31, 2016", true)]
    [InlineData("FY2016", "year ended December 31, 2015", false)]
    [InlineData("three months ended 2025-11-01", "three months ended November 1, 2025", true)]
    [InlineData("three months ended 2025-11-01", "three months ended November 2, 2025", false)]
    [InlineData("FY2016", null, false)]
    public void PeriodsMatch_LabelAndWrittenForms_ComparesYearDateAndLength(string expected, string? found, bool match)
        => Assert.Equal(match, FilingScorer.PeriodsMatch(expected, found));

    [Fact]
    public void Sum_TwoDocuments_AddsCountsPerField()
    {
        var a = FilingScorer.Score(Label(parties: ["Bramble Grid"]), FilingPrediction.Empty with { Names = ["Bramble Grid"] });
        var b = FilingScorer.Score(Label(parties: ["Larkspur Compute", "Quarry Bank"]), FilingPrediction.Empty);

        var sum = FilingScorer.Sum([a, b]);

        Assert.Equal(new FieldCount(FilingFields.Parties, 1, 3), sum.Single(f => f.Field == FilingFields.Parties));
        Assert.Equal(FilingFields.All, sum.Select(f => f.Field));
    }
}
