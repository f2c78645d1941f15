using DealLens.Core.Text;

namespace DealLens.Tests.Core;

public sealed class WordTokenizerTests
{
    [Fact]
    public void Words_PunctuationAndCase_SplitsIntoLowerCaseRuns()
    {
        Assert.Equal(["the", "buyer", "s", "minimum", "is", "1", "000", "units"], WordTokenizer.Words("The Buyer’s “minimum” — is 1,000 UNITS."));
    }

    [Fact]
    public void Words_Ligature_IsFolded()
    {
        Assert.Equal(["financial", "officer"], WordTokenizer.Words("ﬁnancial oﬃcer"));
    }

    [Fact]
    public void Words_FullWidthAndNoBreakSpace_AreFolded()
    {
        Assert.Equal(["abc", "12"], WordTokenizer.Words("ＡＢＣ\u00A0１２"));
    }

    [Fact]
    public void Words_SoftHyphenInsideWord_DoesNotSplit()
    {
        Assert.Equal(["obligation"], WordTokenizer.Words("obli\u00ADgation"));
    }

    [Fact]
    public void Words_NonAsciiLetters_AreKept()
    {
        Assert.Equal(["société", "générale"], WordTokenizer.Words("Société Générale"));
    }

    [Fact]
    public void Words_NoLettersOrDigits_ReturnsEmpty()
    {
        Assert.Empty(WordTokenizer.Words(" [* * *] — ; "));
    }
}
