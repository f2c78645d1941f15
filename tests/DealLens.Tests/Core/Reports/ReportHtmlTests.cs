using System.Text.RegularExpressions;
using DealLens.Core.Reports;

namespace DealLens.Tests.Core.Reports;

public sealed partial class ReportHtmlTests
{
    private static string Html() => ReportHtml.Write(
        ReportSamples.Small(),
        [new ReportFigure("c1", "A chart", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "caption")],
        new ReportFigure("graph", "Company graph", GraphSvgLayout.Render([], []), "legend"));

    [Fact]
    public void Write_HostileQuote_IsEncodedText()
    {
        var html = Html();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SelfContained_OnlyDataUrisAndAStrictPolicy()
    {
        var html = Html();

        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ReportHtml.ContentSecurityPolicy}\">", html, StringComparison.Ordinal);
        var sources = SourceAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, sources.Count);
        Assert.All(sources, s => Assert.StartsWith("data:image/svg+xml;base64,", s, StringComparison.Ordinal));
        Assert.DoesNotContain("http:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ClauseShowsPageAndReviewStatus()
    {
        var html = Html();

        Assert.Contains("<span>page 2</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status accepted\">accepted</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status edited\">edited</span>", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("(?:src|href)=\"([^\"#]*)\"")]
    private static partial Regex SourceAttribute();
}
