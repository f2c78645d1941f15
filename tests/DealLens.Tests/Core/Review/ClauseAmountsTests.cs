using DealLens.Core.Clauses;
using DealLens.Core.Pipeline;

namespace DealLens.Tests.Core.Review;

public sealed class ClauseAmountsTests
{
    [Fact]
    public void Issue20_WarrantExercisePrice_IsNotTheAmount()
    {
        const string Text = "The Warrant entitles the Holder to purchase 1,250,000 shares at an exercise price of $0.01 per share.";

        var fields = ClauseAmounts.KeepDealAmount(Text, new ClauseFields { Amount = 0.01m, Currency = "USD", Period = "total" });

        Assert.Null(fields.Amount);
        Assert.Null(fields.Currency);
    }

    [Fact]
    public void KeepDealAmount_PerShareBesideAnAggregate_TakesTheAggregate()
    {
        const string Text = "Investor shall purchase shares at $4.00 per share for an aggregate purchase price of $250 million.";

        var fields = ClauseAmounts.KeepDealAmount(Text, new ClauseFields { Amount = 4m, Currency = "USD" });

        Assert.Equal(250_000_000m, fields.Amount);
    }

    [Theory]
    [InlineData("A minimum charge of $47.00 per load shall apply.", "47.00")]
    [InlineData("The consultant is paid $25 per hour.", "25")]
    public void KeepDealAmount_TinyFee_Dropped(string text, string amount)
        => Assert.Null(ClauseAmounts.KeepDealAmount(text, new ClauseFields { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) }).Amount);

    [Fact]
    public void KeepDealAmount_DealAmount_Kept()
    {
        var fields = new ClauseFields { Amount = 11_900_000_000m, Currency = "USD", Period = "total" };

        Assert.Same(fields, ClauseAmounts.KeepDealAmount("Customer commits to purchase $11.9 billion of compute capacity.", fields));
    }

    [Fact]
    public void KeepDealAmount_RedactedAmount_KeepsTheRedaction()
    {
        var fields = new ClauseFields { Redacted = true, Currency = "USD" };

        Assert.Same(fields, ClauseAmounts.KeepDealAmount("Customer shall pay $[***] per year.", fields));
    }
}
