using DealLens.Core.Reports;

namespace DealLens.Tests.Core.Reports;

public sealed class ReportBuilderTests
{
    [Fact]
    public void Before_ShortText_IsAllOfIt() => Assert.Equal("Intro. ", ReportBuilder.Before("Intro. Quote", 7));

    [Fact]
    public void Before_LongText_CutAtWordWithEllipsis()
    {
        var text = new string('x', 10) + " " + string.Join(' ', Enumerable.Repeat("word", 100)) + "QUOTE";

        var before = ReportBuilder.Before(text, text.Length - 5);

        Assert.StartsWith("…word", before, StringComparison.Ordinal);
        Assert.True(before.Length <= ReportBuilder.ContextChars + 1);
        Assert.EndsWith("word", before, StringComparison.Ordinal);
    }

    [Fact]
    public void After_LongText_CutAtWordWithEllipsis()
    {
        var text = "QUOTE" + string.Join(' ', Enumerable.Repeat("word", 100));

        var after = ReportBuilder.After(text, 5);

        Assert.EndsWith("word…", after, StringComparison.Ordinal);
        Assert.True(after.Length <= ReportBuilder.ContextChars + 1);
    }

    [Fact]
    public void Build_TotalsAndStatuses()
    {
        var report = ReportSamples.Small();

        Assert.Equal(1, report.Totals.Documents);
        Assert.Equal(1, report.Totals.Clauses);
        Assert.Equal(1_000_000_000m, report.Totals.HeadlineValue);
        Assert.Equal(1, report.Totals.ReviewStatuses["accepted"]);
        Assert.Equal("edited", report.Documents[0].DealTerms.ReviewStatus);
    }

    [Fact]
    public void ReviewStatuses_NoEntry_IsUnreviewed()
        => Assert.Equal(ReviewStatuses.Unreviewed, ReviewStatuses.None.ForClause("sha", "c1"));
}
