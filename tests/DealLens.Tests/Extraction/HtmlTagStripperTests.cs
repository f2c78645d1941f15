using DealLens.Extraction;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Extraction;

public sealed class HtmlTagStripperTests
{
    [Fact]
    public void Measure_NestedDivsAndUnclosedParagraphs_CountsOnlyNesting()
    {
        var (depth, _, tags) = HtmlTagStripper.Measure("<html><body><div><div><p>a<p>b<br><img src=x></div></div></body></html>");

        Assert.Equal(4, depth);
        Assert.Equal(8, tags);
    }

    [Fact]
    public void Strip_ScriptsCommentsAndEntities_VisibleTextOnly()
    {
        var text = HtmlTagStripper.Strip("<p>A &amp; B</p><script>var x = '<p>no</p>';</script><!-- <p>hidden</p> --><div>C&#160;D</div>");

        Assert.Equal("\nA & B\n\nC\u00a0D\n", text);
    }

    [Fact]
    public void Extract_DeeplyNestedHtml_ReadByStripperWithWarning()
    {
        var html = "<html><body><p>Payment of $5 by Acme.</p>" + string.Concat(Enumerable.Repeat("<div>", 5_000)) + "deep" + "</body></html>";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(html));

        var document = new HtmlTextExtractor().Extract(stream, "deep.htm");

        Assert.Contains("Payment of $5 by Acme.", document.Text, StringComparison.Ordinal);
        Assert.Contains("deep", document.Text, StringComparison.Ordinal);
        Assert.Contains(document.Warnings, w => w.Contains("nested up to 5,002 levels", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_FlateBomb_PageRefusedAsDecompressionBomb()
    {
        using var stream = new MemoryStream(HostileCorpus.FlateBomb(80));

        var error = Assert.Throws<DealLens.Core.DealLensException>(() => new PdfTextExtractor().Extract(stream, "bomb.pdf"));

        Assert.Contains("decompression bomb", error.Message, StringComparison.Ordinal);
    }
}
