using DealLens.Extraction;

namespace DealLens.Tests.Extraction;

public sealed class PageTextCleanerTests
{
    private static IReadOnlyList<string> Clean(params string[] pages) => PageTextCleaner.Default.Clean(pages);

    [Fact]
    public void Clean_EdgarFooterInLastLines_IsRemoved()
    {
        Assert.Equal("Body text of the page.", Clean("Body text of the page.\nSource: ACME CORP, 10-K, 3/1/2019\n")[0]);
    }

    [Fact]
    public void Clean_EdgarFooterWithFormTypeOnly_IsRemoved()
    {
        Assert.Equal("Body text.", Clean("Body text.\nSource: BETA INC, 8-K\n12")[0]);
    }

    [Fact]
    public void Clean_SourceLineWithoutFormOrDate_IsKept()
    {
        Assert.Equal("Body text.\nSource: the Licensor's own records", Clean("Body text.\nSource: the Licensor's own records")[0]);
    }

    [Fact]
    public void Clean_SourceFooterHigherUpThePage_IsKept()
    {
        var page = "Source: ACME CORP, 10-K, 3/1/2019\nline two\nline three\nline four\nline five";

        Assert.StartsWith("Source: ACME CORP", Clean(page)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_RunningHeaderOnEveryPage_IsRemovedFromAll()
    {
        var pages = Clean("ACME CONFIDENTIAL\nFirst body.", "ACME CONFIDENTIAL\nSecond body.", "ACME CONFIDENTIAL\nThird body.");

        Assert.Equal(["First body.", "Second body.", "Third body."], pages);
    }

    [Fact]
    public void Clean_RunningFooterWithChangingNumbers_IsRemoved()
    {
        var pages = Clean("One.\nSupply Agreement 2019 - p1", "Two.\nSupply Agreement 2019 - p2", "Three.\nSupply Agreement 2019 - p3", "Four.\nOther footer");

        Assert.Equal(["One.", "Two.", "Three.", "Four.\nOther footer"], pages);
    }

    [Fact]
    public void Clean_ThreeLineRunningHeader_IsRemoved()
    {
        var pages = Clean("Miltenyi-Bellicum\nSupply Agreement\n(Execution Copy)\nBody one.", "Miltenyi-Bellicum\nSupply Agreement\n(Execution Copy)\nBody two.", "Miltenyi-Bellicum\nSupply Agreement\n(Execution Copy)\nBody three.");

        Assert.Equal(["Body one.", "Body two.", "Body three."], pages);
    }

    [Fact]
    public void Clean_LineRepeatedOnTwoPagesOnly_IsKept()
    {
        var pages = Clean("ARTICLE 1\nBody one.", "ARTICLE 2\nBody two.", "Preamble\nBody three.", "Recitals\nBody four.");

        Assert.Equal("ARTICLE 1\nBody one.", pages[0]);
    }

    [Fact]
    public void Clean_LongRepeatedLine_IsKept()
    {
        var line = new string('x', 81);
        var pages = Clean($"{line}\nA.", $"{line}\nB.", $"{line}\nC.");

        Assert.All(pages, page => Assert.StartsWith(line, page, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("- 7 -")]
    [InlineData("\u2013 7 \u2013")]
    [InlineData("Page 7")]
    [InlineData("Page 7 of 20")]
    [InlineData("A-12")]
    public void Clean_BarePageNumberAtBottom_IsRemoved(string pageNumber)
    {
        Assert.Equal("Body text.", Clean($"Body text.\n{pageNumber}")[0]);
    }

    [Fact]
    public void Clean_BarePageNumberAtTop_IsRemoved()
    {
        Assert.Equal("Body text.\nMore text.\nEven more.\nLast line.", Clean("12\nBody text.\nMore text.\nEven more.\nLast line.")[0]);
    }

    [Fact]
    public void Clean_NumberInMiddleOfPage_IsKept()
    {
        var page = "Line one.\nLine two.\nLine three.\n42\nLine five.\nLine six.\nLine seven.";

        Assert.Equal(page, Clean(page)[0]);
    }

    [Fact]
    public void Clean_HyphenAtLineEndBeforeLowerCase_JoinsAndKeepsHyphen()
    {
        Assert.Equal("a non-exclusive license", Clean("a non-\nexclusive license")[0]);
    }

    [Fact]
    public void Clean_HyphenAtLineEndBeforeUpperCase_KeepsLineBreak()
    {
        Assert.Equal("the Licensor-\nLicensee meeting", Clean("the Licensor-\nLicensee meeting")[0]);
    }

    [Fact]
    public void Clean_HyphenJoiningTurnedOff_KeepsLineBreak()
    {
        var cleaner = new PageTextCleaner(new PageTextCleanerOptions { JoinHyphenatedLines = false });

        Assert.Equal("a non-\nexclusive license", cleaner.CleanPage("a non-\nexclusive license"));
    }

    [Fact]
    public void Clean_BlankLines_CollapsedToOneAndTrimmedAtEnds()
    {
        Assert.Equal("one\n\ntwo", Clean("\n\n  \none\n\n\n\ntwo\n\n")[0]);
    }

    [Fact]
    public void Clean_RemovedLine_LeavesNoBlankLine()
    {
        Assert.Equal("Header kept\nBody.", Clean("3\nHeader kept\nBody.")[0]);
    }

    [Fact]
    public void Clean_CrLfAndCr_BecomeLf()
    {
        Assert.Equal("one\ntwo\nthree", Clean("one\r\ntwo\rthree")[0]);
    }

    [Fact]
    public void NormalizeLine_SpacesTabsAndControls_AreCollapsedAndRemoved()
    {
        Assert.Equal("a b c d", PageTextCleaner.NormalizeLine("  a \t b\0\u0007  c\u00A0\u00A0d  "));
    }

    [Fact]
    public void NormalizeLine_CurlyQuotesAndDashes_AreKept()
    {
        Assert.Equal("\u201CTerm\u201D \u2014 the Company\u2019s", PageTextCleaner.NormalizeLine("\u201CTerm\u201D \u2014 the Company\u2019s"));
    }

    [Fact]
    public void NormalizeLine_GreekQuestionMark_BecomesSemicolon()
    {
        Assert.Equal("first; second", PageTextCleaner.NormalizeLine("first\u037E second"));
    }

    [Fact]
    public void Clean_EmptyList_ReturnsEmptyList()
    {
        Assert.Empty(Clean());
    }
}
