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
}
