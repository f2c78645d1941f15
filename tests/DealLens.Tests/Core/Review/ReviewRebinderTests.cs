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

    private const string Phoenix = "Customer shall pay the Reserved Capacity Fee for the Phoenix site whether or not it uses the capacity.";
    private const string Dallas = "Customer shall pay the Reserved Capacity Fee for the Dallas site whether or not it uses the capacity.";

    [Fact]
    public void Issue22_Rebind_SameTypeSentenceForAnotherSite_LostAndNewClauseUnbound()
    {
        var rejected = Item(1, "c1", ClauseTypes.TakeOrPay, Phoenix, ReviewStatus.Rejected);

        var result = Assert.Single(ReviewRebinder.Rebind([rejected], [Clause("c2", ClauseTypes.TakeOrPay, Dallas, start: Phoenix.Length + 1)]));

        Assert.Equal(RebindOutcomes.Lost, result.Outcome);
        Assert.Null(result.Clause);
    }

    [Fact]
    public void Issue22_Rebind_SameQuoteFarAway_Lost()
    {
        var result = Assert.Single(ReviewRebinder.Rebind(
            [Item(1, "c1", ClauseTypes.TakeOrPay, Quote, start: 0)], [Clause("c2", ClauseTypes.TakeOrPay, Quote, start: 5000)]));

        Assert.Equal(RebindOutcomes.Lost, result.Outcome);
    }

    [Fact]
    public void Issue22_Rebind_SameSentenceReExtractedWithSmallEdits_Rebound()
    {
        // A new text reader joins a hyphenated line break and changes spacing: a few characters, same place.
        var reextracted = Quote.Replace("Reserved", "Re- served", StringComparison.Ordinal).Replace(" the capacity", "  the capacity", StringComparison.Ordinal);

        var result = Assert.Single(ReviewRebinder.Rebind(
            [Item(1, "c1", ClauseTypes.TakeOrPay, Quote, start: 100)], [Clause("c2", ClauseTypes.TakeOrPay, reextracted, start: 102)]));

        Assert.Equal(RebindOutcomes.Rebound, result.Outcome);
    }

    [Fact]
    public void Issue22_Rebind_SmallQuoteInsideAWholeSection_Lost()
    {
        var section = Quote + " " + string.Join(" ", Enumerable.Repeat("Provider shall maintain the capacity in good working order.", 4));

        var result = Assert.Single(ReviewRebinder.Rebind(
            [Item(1, "c1", ClauseTypes.TakeOrPay, Quote)], [Clause("c2", ClauseTypes.TakeOrPay, section)]));

        Assert.Equal(RebindOutcomes.Lost, result.Outcome);
    }

    [Theory]
    [InlineData("kitten", "sitting", 5, 3)]
    [InlineData("abc", "abc", 0, 0)]
    [InlineData("abcdef", "abcxyz", 2, 3)]
    [InlineData("", "abcd", 10, 4)]
    [InlineData("short", "a much longer text", 3, 4)]
    public void EditDistanceWithin_LevenshteinOrLimitPlusOne(string a, string b, int limit, int expected)
        => Assert.Equal(expected, ReviewRebinder.EditDistanceWithin(a, b, limit));
}
