using DealLens.Core.Text;

namespace DealLens.Tests.Core;

public sealed class TextSegmenterTests
{
    private static List<string> Segments(string text)
        => TextSegmenter.Default.Segment(text).Select(s => s.Of(text)).ToList();

    [Fact]
    public void Segment_TwoSentences_SplitsAtPeriod()
    {
        Assert.Equal(["The term is five years.", "Customer shall pay monthly."], Segments("The term is five years. Customer shall pay monthly."));
    }

    [Fact]
    public void Segment_Abbreviations_DoNotSplit()
    {
        var text = "Acme Inc. and Beta Corp. agree as set out in Sec. 4 of the U.S. filing. Next sentence.";
        Assert.Equal(["Acme Inc. and Beta Corp. agree as set out in Sec. 4 of the U.S. filing.", "Next sentence."], Segments(text));
    }

    [Fact]
    public void Segment_NumberedSectionOnNewLine_StartsNewSpan()
    {
        var text = "1. Term\nThe term is five years\n2. Fees\nCustomer pays.";
        Assert.Equal(["1. Term\nThe term is five years", "2. Fees\nCustomer pays."], Segments(text));
    }

    [Fact]
    public void Segment_SpansPointIntoOriginalText()
    {
        var text = "  First clause here.\n\n  Second clause here.  ";
        foreach (var span in TextSegmenter.Default.Segment(text))
        {
            Assert.False(char.IsWhiteSpace(text[span.Start]));
            Assert.False(char.IsWhiteSpace(text[span.End - 1]));
        }

        Assert.Equal(2, TextSegmenter.Default.Segment(text).Count);
    }

    [Fact]
    public void Segment_VeryLongSentence_IsCutToMaxLength()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 1000));
        var spans = new TextSegmenter(new TextSegmenterOptions { MaxLength = 200 }).Segment(text);
        Assert.All(spans, s => Assert.True(s.Length <= 200));
        Assert.True(spans.Count >= 20);
    }

    [Fact]
    public void Segment_BlankLineAfterEveryLine_JoinsLinesOfOneSentence()
    {
        // PDF text of a double-spaced filing: a blank line after every printed line.
        var text = "13.1 ASSIGNMENT.\n\nReseller may not assign or otherwise transfer this Agreement without\n\n"
            + "the Company's prior written consent except to a successor.\n\n13.2 WAIVER.";
        Assert.Equal(
            [
                "13.1 ASSIGNMENT.",
                "Reseller may not assign or otherwise transfer this Agreement without\n\nthe Company's prior written consent except to a successor.",
                "13.2 WAIVER.",
            ],
            Segments(text));
    }

    [Theory]
    [InlineData("Term and Termination\n\nThe term is five years.")] // a short heading line
    [InlineData("The Supplier shall deliver the goods within thirty days of the order.\n\nPayment is due monthly.")] // sentence ended
    [InlineData("The Supplier shall deliver the following goods within thirty days, namely\n\n(a) widgets.")] // next line is an item
    [InlineData("The Supplier shall deliver the following goods within thirty days, namely\n\n\nwidgets.")] // two blank lines
    public void Segment_ParagraphBreak_StillSplits(string text)
    {
        Assert.Equal(2, Segments(text).Count);
    }
}
