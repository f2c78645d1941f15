using DealLens.Core;
using DealLens.Core.Clauses;
using DealLens.Core.Review;

namespace DealLens.Tests.Core.Review;

public sealed class ReviewActionTests
{
    [Fact]
    public void ApplyTo_EditsOfDifferentFields_BothKept()
    {
        var first = new ReviewAction(ReviewVerbs.Edit, "alice", Edit: new ReviewOverrides { Amount = 5m }).ApplyTo(ReviewState.Unreviewed("c1"));

        var second = new ReviewAction(ReviewVerbs.Edit, "bob", Edit: new ReviewOverrides { Currency = "EUR" }).ApplyTo(first);

        Assert.Equal(new ReviewOverrides { Amount = 5m, Currency = "EUR" }, second.Overrides);
        Assert.Equal(ReviewStatus.Edited, second.Status);
        Assert.Equal(2, second.Version);
    }

    [Fact]
    public void ApplyTo_CommentAndAssign_KeepStatus()
    {
        var accepted = new ReviewAction(ReviewVerbs.Accept, "alice").ApplyTo(ReviewState.Unreviewed("c1"));

        var commented = new ReviewAction(ReviewVerbs.Comment, "bob", "looks fine").ApplyTo(accepted);
        var assigned = new ReviewAction(ReviewVerbs.Assign, "bob", Assignee: "carol").ApplyTo(commented);

        Assert.Equal(ReviewStatus.Accepted, assigned.Status);
        Assert.Equal("carol", assigned.Assignee);
        Assert.Equal(3, assigned.Version);
    }

    [Fact]
    public void Problems_ClauseEdit_RejectsDealOnlyFieldsAndBadValues()
    {
        var problems = ReviewEdits.Problems(ReviewItemKind.Clause, new ReviewOverrides
        {
            Type = "made_up", Currency = "usd", Amount = -1, TermMonths = 0, Parties = ["A"], Binding = true,
        });

        Assert.Equal(6, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("unknown clause type 'made_up'", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_ValidEdits_None()
    {
        Assert.Empty(ReviewEdits.Problems(ReviewItemKind.Clause, new ReviewOverrides { Type = ClauseTypes.TakeOrPay, Amount = 5, Currency = "USD" }));
        Assert.Empty(ReviewEdits.Problems(ReviewItemKind.DealTerms, new ReviewOverrides { Parties = ["A", "B"], Binding = false, TermMonths = 60 }));
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("10000000000001")]
    [InlineData("0")]
    public void Issue22_Problems_AmountOutsideExtractedBounds_Refused(string amount)
    {
        var problem = Assert.Single(ReviewEdits.Problems(ReviewItemKind.DealTerms, new ReviewOverrides { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.StartsWith("--amount must be more than 0", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("ABC")]
    [InlineData("usd")]
    public void Issue22_Problems_CurrencyNotIso4217_Refused(string currency)
        => Assert.Single(ReviewEdits.Problems(ReviewItemKind.Clause, new ReviewOverrides { Currency = currency }));

    [Fact]
    public void Issue22_Problems_PartyNotAKnownCompany_Refused()
    {
        var known = new HashSet<string>(StringComparer.Ordinal) { "Aurora Silicon Corp." };

        var problems = ReviewEdits.Problems(ReviewItemKind.DealTerms, new ReviewOverrides { Parties = ["Aurora Silicon Corp.", "Zzz Holdings"] }, known.Contains);

        Assert.Contains("'Zzz Holdings'", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Issue22_WithinBounds_StoredOverflowingAmountDropped_OtherFieldsKept()
    {
        var stored = new ReviewOverrides { Amount = decimal.MaxValue, Currency = "EUR", TermMonths = 60 };

        Assert.Equal(new ReviewOverrides { Currency = "EUR", TermMonths = 60 }, ReviewEdits.WithinBounds(stored));
    }

    [Fact]
    public void Problems_NothingToEditOrCycleEdit_Refused()
    {
        Assert.Single(ReviewEdits.Problems(ReviewItemKind.Clause, ReviewOverrides.None));
        Assert.Single(ReviewEdits.Problems(ReviewItemKind.Cycle, new ReviewOverrides { Amount = 1 }));
    }

    [Theory]
    [InlineData("5ffe41a8", ReviewItemKind.Clause, "5ffe41a8")]
    [InlineData("deal:31B4AA", ReviewItemKind.DealTerms, "31b4aa")]
    [InlineData("cycle:d74aeaae", ReviewItemKind.Cycle, "d74aeaae")]
    public void Parse_KnownForms(string text, ReviewItemKind kind, string prefix)
        => Assert.Equal(new ReviewItemRef(kind, prefix), ReviewItemIds.Parse(text));

    [Theory]
    [InlineData("5ff")]
    [InlineData("deal:")]
    [InlineData("zzzzzz")]
    public void Parse_TooShortOrNotHex_Throws(string text)
        => Assert.Throws<DealLensException>(() => ReviewItemIds.Parse(text));
}
