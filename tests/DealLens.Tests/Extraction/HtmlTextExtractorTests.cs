using System.Text;
using DealLens.Core;
using DealLens.Core.Documents;
using DealLens.Extraction;

namespace DealLens.Tests.Extraction;

public sealed class HtmlTextExtractorTests
{
    private static DocumentText Extract(byte[] html)
    {
        using var stream = new MemoryStream(html);
        return new HtmlTextExtractor().Extract(stream, "exhibit.htm");
    }

    private static DocumentText Extract(string html) => Extract(Encoding.UTF8.GetBytes(html));

    private static string PageText(DocumentText document, int index) => document.Text[document.Pages[index].Start..document.Pages[index].End];

    [Fact]
    public void Extract_ScriptStyleAndHead_AreDropped()
    {
        var document = Extract("<html><head><title>T</title><style>p{color:red}</style></head><body><script>var x = 1;</script><p>Clause text.</p><noscript>enable js</noscript></body></html>");

        Assert.Equal("Clause text.", document.Text);
        Assert.Equal(DocumentFormat.Html, document.Format);
    }

    [Fact]
    public void Extract_BlockElementsAndBreaks_BecomeLines()
    {
        var document = Extract("<div>First <b>bold</b> line</div><p>Second\n   line</p>Third<br>Fourth<ul><li>item one</li><li>item two</li></ul>");

        Assert.Equal("First bold line\nSecond line\nThird\nFourth\nitem one\nitem two", document.Text);
    }

    [Fact]
    public void Extract_TableRow_CellsJoinedBySeparatorOnOneLine()
    {
        var document = Extract("<table><tr><td>Fee</td><td>&nbsp;</td><td><p>$1,000</p></td></tr><tr><th>Term</th><td>5 years</td></tr></table>");

        Assert.Equal("Fee | $1,000\nTerm | 5 years", document.Text);
    }

    [Fact]
    public void Extract_Entities_AreDecoded()
    {
        var document = Extract("<p>AT&amp;T &ldquo;Agreement&rdquo; &sect;&#160;2 &#8212; R&eacute;sum&#233;</p>");

        Assert.Equal("AT&T \u201CAgreement\u201D \u00A7 2 \u2014 R\u00E9sum\u00E9", document.Text);
    }

    [Fact]
    public void Extract_PageBreakStyles_SplitPages()
    {
        var html = "<p>Page one.</p><hr style=\"page-break-after: always\"><p>Page two.</p>"
            + "<div style=\"PAGE-BREAK-BEFORE:always\">Page three.</div><div style=\"break-before: page\">Page four.</div>";

        var document = Extract(html);

        Assert.Equal(["Page one.", "Page two.", "Page three.", "Page four."], document.Pages.Select(p => document.Text[p.Start..p.End]));
    }

    [Fact]
    public void Extract_NoPageBreaks_IsOnePage()
    {
        var document = Extract("<p>One.</p><p>Two.</p>");

        Assert.Single(document.Pages);
        Assert.Equal("One.\nTwo.", PageText(document, 0));
    }

    [Fact]
    public void Extract_PageNumberBeforePageBreak_IsRemoved()
    {
        var document = Extract("<p>Body one.</p><p align=center>1</p><hr style=\"page-break-after:always\"><p>Body two.</p><p>- 2 -</p>");

        Assert.Equal("Body one.\n\nBody two.", document.Text);
    }

    [Fact]
    public void Extract_HiddenInlineXbrlHeader_IsDropped()
    {
        var document = Extract("<div style=\"display: none\"><ix:header>dei:EntityName</ix:header></div><p>Visible.</p>");

        Assert.Equal("Visible.", document.Text);
    }

    [Fact]
    public void Extract_Windows1252BytesWithoutCharset_AreDecoded()
    {
        // 0x93/0x94 are windows-1252 curly quotes and 0xE9 is é; none of it is valid UTF-8.
        var bytes = Encoding.ASCII.GetBytes("<p>the \u0001Agreement\u0002 caf\u0003</p>").Select(b => b switch { 1 => (byte)0x93, 2 => (byte)0x94, 3 => (byte)0xE9, _ => b }).ToArray();

        Assert.Equal("the \u201CAgreement\u201D caf\u00E9", Extract(bytes).Text);
    }

    [Fact]
    public void Extract_MetaCharsetWindows1252_IsUsed()
    {
        var bytes = Encoding.ASCII.GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>\u0001</body></html>")
            .Select(b => b == 1 ? (byte)0x80 : b).ToArray();

        Assert.Equal("\u20AC", Extract(bytes).Text);
    }

    [Fact]
    public void Extract_Utf8WithBom_IsDecoded()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<p>\u00A7 5 \u2014 Fees</p>")).ToArray();

        Assert.Equal("\u00A7 5 \u2014 Fees", Extract(bytes).Text);
    }

    [Fact]
    public void Extract_Utf16LeWithBom_IsDecoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<p>Royalty \u201Crate\u201D</p>")).ToArray();

        Assert.Equal("Royalty \u201Crate\u201D", Extract(bytes).Text);
    }

    [Fact]
    public void Extract_ZeroBytes_ThrowsNamingFile()
    {
        var ex = Assert.Throws<DealLensException>(() => Extract(Array.Empty<byte>()));

        Assert.Contains("exhibit.htm", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_MarkupWithoutText_ThrowsNamingFile()
    {
        var ex = Assert.Throws<DealLensException>(() => Extract("<html><body><script>x()</script></body></html>"));

        Assert.Contains("exhibit.htm", ex.Message, StringComparison.Ordinal);
    }
}
