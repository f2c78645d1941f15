using System.Text;
using DealLens.Core;
using DealLens.Core.Documents;
using DealLens.Extraction;

namespace DealLens.Tests.Extraction;

public sealed class PlainTextExtractorTests
{
    private static DocumentText Extract(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return new PlainTextExtractor().Extract(stream, "contract.txt");
    }

    [Fact]
    public void Extract_Utf8_IsDecoded()
    {
        var document = Extract(Encoding.UTF8.GetBytes("\u201CLicensed Product\u201D means \u00E9quipement."));

        Assert.Equal("\u201CLicensed Product\u201D means \u00E9quipement.", document.Text);
        Assert.Equal(DocumentFormat.Text, document.Format);
    }

    [Fact]
    public void Extract_Utf16LeWithBom_IsDecoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Term \u2014 five years.\r\nFees.")).ToArray();

        Assert.Equal("Term \u2014 five years.\nFees.", Extract(bytes).Text);
    }

    [Fact]
    public void Extract_Utf16BeWithBom_IsDecoded()
    {
        var bytes = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("Royalty: 5%.")).ToArray();

        Assert.Equal("Royalty: 5%.", Extract(bytes).Text);
    }

    [Fact]
    public void Extract_Utf16LeWithoutBom_IsDecoded()
    {
        Assert.Equal("Exclusive territory: Canada.", Extract(Encoding.Unicode.GetBytes("Exclusive territory: Canada.")).Text);
    }

    [Fact]
    public void Extract_Utf8WithBom_DropsBom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Agreement")).ToArray();

        Assert.Equal("Agreement", Extract(bytes).Text);
    }

    [Fact]
    public void Extract_InvalidUtf8_FallsBackToWindows1252()
    {
        byte[] bytes = [.. "Caf"u8, 0xE9, .. " "u8, 0x93, .. "quoted"u8, 0x94];

        Assert.Equal("Caf\u00E9 \u201Cquoted\u201D", Extract(bytes).Text);
    }

    [Fact]
    public void Extract_FormFeed_SplitsPages()
    {
        var document = Extract(Encoding.UTF8.GetBytes("Page one.\r\n\fPage two.\fPage three."));

        Assert.Equal(["Page one.", "Page two.", "Page three."], document.Pages.Select(p => document.Text[p.Start..p.End]));
    }

    [Fact]
    public void Extract_NoFormFeed_IsOnePage()
    {
        Assert.Single(Extract(Encoding.UTF8.GetBytes("one\ntwo\rthree")).Pages);
    }

    [Fact]
    public void Extract_CrLfAndCr_BecomeLf()
    {
        Assert.Equal("one\ntwo\nthree", Extract(Encoding.UTF8.GetBytes("one\r\ntwo\rthree")).Text);
    }

    [Fact]
    public void Extract_BinaryContent_ThrowsNamingFile()
    {
        byte[] bytes = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x21, 0x00, 0xFF, 0x13, 0x00, 0x00, 0x9A, 0x01];

        var ex = Assert.Throws<DealLensException>(() => Extract(bytes));

        Assert.Equal("contract.txt: binary content, not text", ex.Message);
    }

    [Fact]
    public void Extract_ZeroBytes_ThrowsNamingFile()
    {
        var ex = Assert.Throws<DealLensException>(() => Extract([]));

        Assert.Contains("contract.txt", ex.Message, StringComparison.Ordinal);
    }
}
