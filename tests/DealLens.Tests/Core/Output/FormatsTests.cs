using DealLens.Core.Output;

namespace DealLens.Tests.Core.Output;

public sealed class FormatsTests
{
    [Theory]
    [InlineData(11_900_000_000, "USD", "$11.9B")]
    [InlineData(600_000_000, "USD", "$600M")]
    [InlineData(1_250, "USD", "$1,250")]
    [InlineData(1_250, null, "$1,250")]
    [InlineData(5_000_000, "EUR", "EUR 5M")]
    public void Money_Amount_ReadableWithCurrency(long amount, string? currency, string expected)
        => Assert.Equal(expected, Formats.Money(amount, currency));

    [Fact]
    public void Money_Unknown_IsNotZero()
    {
        Assert.Equal("unknown", Formats.Money(null, "USD"));
        Assert.Equal("unknown amount", Formats.Money(null, "USD", "unknown amount"));
    }

    [Fact]
    public void Issue21_Money_OneAmount_OneString()
    {
        // The risk scorer wrote "USD 10,000,000,000" where reports and `risk` wrote "$10B" for the same amount.
        Assert.Equal("$10B", Formats.Money(10_000_000_000m, "USD"));
    }

    [Theory]
    [InlineData("0.4231", "42.3 %")]
    [InlineData("1", "100 %")]
    public void Share_Fraction_OneDecimalPercent(string share, string expected)
        => Assert.Equal(expected, Formats.Share(decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Share_Unknown_IsNotApplicable() => Assert.Equal("n/a", Formats.Share(null));

    [Theory]
    [InlineData("12.25", "12.25 %")]
    [InlineData("62", "62 %")]
    public void Percent_Stated_KeepsItsDecimals(string percent, string expected)
        => Assert.Equal(expected, Formats.Percent(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Ratio_TwoDecimals() => Assert.Equal("0.50", Formats.Ratio(0.5m));
}
