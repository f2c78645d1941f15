using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Review;
using DealLens.Core.Risk;
using static DealLens.Tests.Core.Review.ReviewTestData;

namespace DealLens.Tests.Core.Review;

public sealed class ReviewOverlayTests
{
    [Fact]
    public void Apply_RejectedClause_Removed()
    {
        var analysis = Analysis([Clause("c1", ClauseTypes.TakeOrPay, "pay anyway"), Clause("c2", ClauseTypes.Loan, "a loan")]);

        var reviewed = ReviewOverlay.Apply(analysis, [Item(1, "c1", ClauseTypes.TakeOrPay, "pay anyway", ReviewStatus.Rejected)]);

        Assert.Equal(["c2"], reviewed.Clauses.Select(c => c.Id));
    }

    [Fact]
    public void Apply_EditedClause_TypeAndFieldsReplaced()
    {
        var analysis = Analysis([Clause("c1", ClauseTypes.MinimumCommitment, "spend $5", fields: new ClauseFields { Amount = 5, Redacted = true, Period = "annual" })]);
        var edit = new ReviewOverrides { Type = ClauseTypes.TakeOrPay, Amount = 250_000_000m, Currency = "EUR", TermMonths = 12 };

        var clause = Assert.Single(ReviewOverlay.Apply(analysis, [Item(1, "c1", ClauseTypes.MinimumCommitment, "spend $5", ReviewStatus.Edited, edit)]).Clauses);

        Assert.Equal(ClauseTypes.TakeOrPay, clause.Type);
        Assert.Equal("c1", clause.Id);
        Assert.Equal(new ClauseFields { Amount = 250_000_000m, Currency = "EUR", Months = 12, Period = "annual" }, clause.Fields);
    }

    [Fact]
    public void Apply_ItemOfAnotherDocumentOrLost_ChangesNothing()
    {
        var analysis = Analysis([Clause("c1", ClauseTypes.TakeOrPay, "pay anyway")]);
        var other = Item(1, "c1", ClauseTypes.TakeOrPay, "pay anyway", ReviewStatus.Rejected, sha: "other");
        var lost = Item(2, "c1", ClauseTypes.TakeOrPay, "pay anyway", ReviewStatus.NoLongerFound) with { ClauseId = null };

        Assert.Same(analysis, ReviewOverlay.Apply(analysis, [other]));
        Assert.Single(ReviewOverlay.Apply(analysis, [lost]).Clauses);
    }

    [Fact]
    public void Apply_DealEdit_AmountTermPartiesBinding()
    {
        var deal = DealTerms.Empty with
        {
            Parties = ["Aurora", "Cobalt"],
            Provider = "Aurora",
            Customer = "Cobalt",
            TotalValue = new DealValue(null, null, Binding: false, Redacted: true),
            TermMonths = 24,
        };
        var edit = new ReviewOverrides { Amount = 1_000_000_000m, Currency = "USD", Binding = true, TermMonths = 60, Parties = ["Aurora", "Delta"] };

        var reviewed = ReviewOverlay.Apply(Analysis([], deal), [DealItem(ReviewStatus.Edited, edit)]).Deal;

        Assert.Equal(new DealValue(1_000_000_000m, "USD", true, false), reviewed.TotalValue);
        Assert.Equal(60, reviewed.TermMonths);
        Assert.Equal(["Aurora", "Delta"], reviewed.Parties);
        Assert.Equal("Aurora", reviewed.Provider);
        Assert.Null(reviewed.Customer);
    }

    [Fact]
    public void Apply_DealAmountWithNoStoredValue_MakesBindingValue()
    {
        var reviewed = ReviewOverlay.Apply(DealTerms.Empty, new ReviewOverrides { Amount = 7m });

        Assert.Equal(new DealValue(7m, "USD", true, false), reviewed.TotalValue);
    }

    [Fact]
    public void Apply_RejectedDeal_NoDealTerms()
    {
        var deal = DealTerms.Empty with { TotalValue = new DealValue(5m, "USD", true, false) };

        var reviewed = ReviewOverlay.Apply(Analysis([], deal), [DealItem(ReviewStatus.Rejected, ReviewOverrides.None)]);

        Assert.Equal(DealTerms.Empty, reviewed.Deal);
    }

    [Fact]
    public void WithoutRejectedCycles_DropsOnlyTheRejected()
    {
        static FinancingCycle Cycle(params string[] companies) => new(
            "vendor_equity_for_purchase", Severity.High, companies[0], companies, companies, [], null, null, null, null, false, []);
        var report = new RiskReport([], [Cycle("a", "b"), Cycle("c", "d")], [], [], []);

        var reviewed = ReviewOverlay.WithoutRejectedCycles(report, ["a>b"]);

        Assert.Equal(["c>d"], reviewed.Cycles.Select(ReviewItemIds.CycleSubject));
    }
}
