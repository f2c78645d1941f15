using System.Text;
using DealLens.Core.Text;

namespace DealLens.Tests.Core;

public sealed class QuoteLocatorTests
{
    private static string? Located(string text, string quote)
        => new QuoteLocator(text).Find(quote) is { } span ? span.Of(text) : null;

    [Fact]
    public void Find_ExactQuote_ReturnsItsOffsets()
    {
        var text = "Intro. Buyer shall purchase 100 units. End.";
        Assert.Equal(new TextSpan(7, 38), new QuoteLocator(text).Find("Buyer shall purchase 100 units."));
    }

    [Fact]
    public void Find_CurlyQuotesInText_MatchesStraightQuotes()
    {
        Assert.Equal("the “Products” and ‘Services’", Located("Under the “Products” and ‘Services’ terms", "the \"Products\" and 'Services'"));
    }

    [Fact]
    public void Find_LineBreaksAndSpaces_MatchSingleSpaces()
    {
        Assert.Equal("minimum purchase\n   commitment  of", Located("a minimum purchase\n   commitment  of $5", "minimum purchase commitment of"));
    }

    [Fact]
    public void Find_EmDashInText_MatchesHyphen()
    {
        Assert.Equal("term—five years", Located("The term—five years—starts", "term-five years"));
    }

    [Fact]
    public void Find_CaseDifference_Matches()
    {
        Assert.Equal("GOVERNING LAW. This Agreement", Located("12. GOVERNING LAW. This Agreement is", "Governing law. this agreement"));
    }

    [Fact]
    public void Find_Ligature_SpansTheOriginalCharacters()
    {
        var text = "the ﬁnal price";
        Assert.Equal(new TextSpan(4, 8), new QuoteLocator(text).Find("final"));
    }

    [Fact]
    public void Find_QuoteWithSurroundingWhiteSpace_SpansFirstToLastMatchedCharacter()
    {
        var text = "xx  The “Fee”\nis due. yy";
        var span = new QuoteLocator(text).Find("  the \"fee\" is due.\n");
        Assert.Equal(new TextSpan(4, 21), span);
    }

    [Fact]
    public void Find_NoMatch_ReturnsNull()
    {
        Assert.Null(new QuoteLocator("Buyer shall purchase 100 units.").Find("Seller shall deliver"));
    }

    [Fact]
    public void Find_OnlyPrefixMatches_ReturnsNull()
    {
        Assert.Null(new QuoteLocator("Buyer shall purchase the minimum quantity.").Find("Buyer shall purchase the maximum quantity."));
    }

    [Fact]
    public void Find_QuoteLongerThanText_ReturnsNull()
    {
        Assert.Null(new QuoteLocator("Buyer shall").Find("Buyer shall purchase"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Find_EmptyOrBlankQuote_ReturnsNull(string quote)
    {
        Assert.Null(new QuoteLocator("some text").Find(quote));
    }

    [Fact]
    public void Find_LargeDocument_FindsQuoteNearTheEnd()
    {
        // Arrange: about 500k characters with curly quotes and dashes throughout, the target near the end.
        var builder = new StringBuilder();
        for (var i = 0; builder.Length < 500_000; i++)
        {
            builder.Append("Section ").Append(i).Append(". The “Supplier” shall deliver — promptly —\n  the goods. ");
        }

        builder.Append("The “Buyer” shall purchase\nat least 1,000 units — each year.");
        var text = builder.ToString();

        // Act
        var locator = new QuoteLocator(text);
        TextSpan? span = null;
        for (var i = 0; i < 20; i++)
        {
            span = locator.Find("the \"buyer\" shall purchase at least 1,000 units - each year.");
        }

        // Assert (speed is measured by the benchmark command, not here)
        Assert.NotNull(span);
        Assert.Equal(text.Length, span.Value.End);
        Assert.StartsWith("The “Buyer”", span.Value.Of(text), StringComparison.Ordinal);
    }
}
