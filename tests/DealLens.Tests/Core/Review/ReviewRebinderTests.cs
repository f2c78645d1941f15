using DealLens.Core.Clauses;
using DealLens.Core.Review;
using static DealLens.Tests.Core.Review.ReviewTestData;

namespace DealLens.Tests.Core.Review;

public sealed class ReviewRebinderTests
{
    private const string Quote = "Customer shall pay the Monthly Reserved Capacity Fee whether or not it uses the capacity.";

    [Fact]
    public void Rebind_SameClauseId_Kept()
    {
        var result = Assert.Single(ReviewRebinder.Rebind([Item(1, "c1", ClauseTypes.TakeOrPay, Quote)], [Clause("c1", ClauseTypes.TakeOrPay, Quote)]));

        Assert.Equal(RebindOutcomes.Kept, result.Outcome);
        Assert.Equal("c1", result.Clause!.Id);
    }

    [Fact]
    public void Rebind_NewSpanSameTypeMostWordsShared_Rebound()
    {
        var widened = "3.2 " + Quote + " Fees are invoiced monthly.";

        var result = Assert.Single(ReviewRebinder.Rebind(
            [Item(1, "c1", ClauseTypes.TakeOrPay, Quote)],
            [Clause("c9", ClauseTypes.GoverningLaw, Quote), Clause("c2", ClauseTypes.TakeOrPay, widened, start: 40)]));

        Assert.Equal(RebindOutcomes.Rebound, result.Outcome);
        Assert.Equal("c2", result.Clause!.Id);
    }

    [Fact]
    public void Rebind_TypeAsCorrectedByReviewer_AlsoMatches()
    {
        var item = Item(1, "c1", ClauseTypes.MinimumCommitment, Quote, ReviewStatus.Edited, new ReviewOverrides { Type = ClauseTypes.TakeOrPay });

        var result = Assert.Single(ReviewRebinder.Rebind([item], [Clause("c2", ClauseTypes.TakeOrPay, Quote, start: 3)]));

        Assert.Equal(RebindOutcomes.Rebound, result.Outcome);
    }

    [Fact]
    public void Rebind_LessThanHalfTheWords_Lost()
    {
        var result = Assert.Single(ReviewRebinder.Rebind(
            [Item(1, "c1", ClauseTypes.TakeOrPay, Quote)],
            [Clause("c2", ClauseTypes.TakeOrPay, "Customer shall pay all invoices within thirty days of receipt by wire transfer.")]));

        Assert.Equal(RebindOutcomes.Lost, result.Outcome);
        Assert.Null(result.Clause);
    }

    [Fact]
    public void Rebind_LostItemMatchesAgain_FoundAgain()
    {
        var lost = Item(1, "c1", ClauseTypes.TakeOrPay, Quote, ReviewStatus.NoLongerFound) with { ClauseId = null };

        var again = Assert.Single(ReviewRebinder.Rebind([lost], [Clause("c1", ClauseTypes.TakeOrPay, Quote)]));
        var still = Assert.Single(ReviewRebinder.Rebind([lost], []));

        Assert.Equal(RebindOutcomes.FoundAgain, again.Outcome);
        Assert.Equal(RebindOutcomes.StillLost, still.Outcome);
    }

    [Fact]
    public void Rebind_TwoItemsOneClause_ExactIdWinsOtherIsLost()
    {
        var exact = Item(1, "c1", ClauseTypes.TakeOrPay, Quote);
        var similar = Item(2, "c0", ClauseTypes.TakeOrPay, Quote);

        var results = ReviewRebinder.Rebind([similar, exact], [Clause("c1", ClauseTypes.TakeOrPay, Quote)]);

        Assert.Equal(RebindOutcomes.Kept, results.Single(r => r.Item.Id == 1).Outcome);
        Assert.Equal(RebindOutcomes.Lost, results.Single(r => r.Item.Id == 2).Outcome);
    }

    [Theory]
    [InlineData("a b c d", "a b c d", 1.0)]
    [InlineData("a b c d", "a b x y", 0.5)]
    [InlineData("a b", "a b c d", 0.5)]
    [InlineData("", "a", 0.0)]
    public void WordOverlap_SharedOverLarger(string a, string b, double expected)
        => Assert.Equal(expected, ReviewRebinder.WordOverlap(a, b), 3);
}
