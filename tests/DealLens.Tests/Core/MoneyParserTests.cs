using DealLens.Core.Deals;

namespace DealLens.Tests.Core;

public sealed class MoneyParserTests
{
    private static MoneyMention Single(string text)
    {
        var mention = MoneyParser.Parse(text);
        Assert.NotNull(mention);
        return mention;
    }

    [Theory]
    [InlineData("$11.9 billion", "11900000000", "USD")]
    [InlineData("US$ 1,250,000,000", "1250000000", "USD")]
    [InlineData("USD 300 million", "300000000", "USD")]
    [InlineData("€2.5bn", "2500000000", "EUR")]
    [InlineData("EUR 40m", "40000000", "EUR")]
    [InlineData("£10 million", "10000000", "GBP")]
    [InlineData("$1.2B", "1200000000", "USD")]
    [InlineData("$750,000", "750000", "USD")]
    [InlineData("$0.5 trillion", "500000000000", "USD")]
    [InlineData("5 billion dollars", "5000000000", "USD")]
    [InlineData("$40MM", "40000000", "USD")]
    [InlineData("C$ 2 billion", "2000000000", "CAD")]
    [InlineData("10 million euros", "10000000", "EUR")]
    [InlineData("$250k", "250000", "USD")]
    public void Parse_Formats_ReadsAmountAndCurrency(string text, string amount, string currency)
    {
        var mention = Single(text);
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), mention.Amount);
        Assert.Equal(currency, mention.Currency);
        Assert.False(mention.Redacted);
        Assert.Null(mention.Warning);
    }

    [Fact]
    public void Parse_ScaledDecimal_HasNoTrailingZeros()
    {
        Assert.Equal("11900000000", Single("$11.9 billion").Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Parse_SpanPointsIntoInput()
    {
        const string Text = "The fee is $1.2 billion per year.";
        var mention = Single(Text);
        Assert.Equal("$1.2 billion", Text[mention.Start..mention.End]);
        Assert.Equal("$1.2 billion", mention.Text);
    }

    [Theory]
    [InlineData("$[***]", "USD")]
    [InlineData("$[*]", "USD")]
    [InlineData("[Redacted]", null)]
    [InlineData("[***] million", null)]
    [InlineData("US$[***] million", "USD")]
    public void Parse_Redacted_HasNoAmount(string text, string? currency)
    {
        var mention = Single(text);
        Assert.True(mention.Redacted);
        Assert.Null(mention.Amount);
        Assert.Equal(currency, mention.Currency);
        Assert.Equal(text, mention.Text);
    }

    [Fact]
    public void Parse_AbsurdTrillions_NoAmountWithWarning()
    {
        var mention = Single("$999999999999999999999 trillion");
        Assert.Null(mention.Amount);
        Assert.False(mention.Redacted);
        Assert.NotNull(mention.Warning);
    }

    [Fact]
    public void Parse_DigitsBeyondDecimal_NoAmountWithWarning()
    {
        var mention = Single("$" + new string('9', 40));
        Assert.Null(mention.Amount);
        Assert.NotNull(mention.Warning);
    }

    [Fact]
    public void Parse_NoMoney_ReturnsNull()
    {
        Assert.Null(MoneyParser.Parse("Five billion tokens over 60 months."));
    }

    [Theory]
    [InlineData("a discount of [***]% applies")]
    [InlineData("within [***] days of notice")]
    [InlineData("check the box [ ] if applicable")]
    public void FindAll_BareRedactionOfNonMoney_IsSkipped(string text)
    {
        Assert.Empty(MoneyParser.FindAll(text));
    }

    [Fact]
    public void FindAll_SeveralMentions_InOrderWithSpans()
    {
        const string Text = "Customer pays $5 million now, €2.5bn later and [***] million on delivery.";
        var mentions = MoneyParser.FindAll(Text);
        Assert.Equal(["$5 million", "€2.5bn", "[***] million"], mentions.Select(m => Text[m.Start..m.End]));
        Assert.Equal([5_000_000m, 2_500_000_000m, (decimal?)null], mentions.Select(m => m.Amount));
    }

    [Fact]
    public void FindAll_WordAfterAmount_IsNotReadAsScale()
    {
        var mention = Single("$5 more than last year");
        Assert.Equal(5m, mention.Amount);
        Assert.Equal("$5", mention.Text);
    }

    [Fact]
    public void FindAll_CurrencyCodeInsideWord_IsNotMoney()
    {
        Assert.Empty(MoneyParser.FindAll("the BUSD token and 300 apples"));
    }
}
