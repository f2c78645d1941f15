using System.Text;
using DealLens.Core;
using DealLens.Extraction;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Extraction;

public sealed class TextExtractorsTests
{
    [Theory]
    [InlineData("contract.pdf", typeof(PdfTextExtractor))]
    [InlineData("ACCURAYINC_09_01_2010-EX-10.31-DISTRIBUTOR AGREEMENT.PDF", typeof(PdfTextExtractor))]
    [InlineData("MONSANTO - AGENCY AGREEMENT .PDF", typeof(PdfTextExtractor))]
    [InlineData("ex10-1.htm", typeof(HtmlTextExtractor))]
    [InlineData("ex10-1.HTML", typeof(HtmlTextExtractor))]
    [InlineData("/tmp/notes.Txt", typeof(PlainTextExtractor))]
    public void ForPath_KnownExtension_ReturnsMatchingExtractor(string path, Type expected)
    {
        Assert.IsType(expected, TextExtractors.ForPath(path));
    }

    [Theory]
    [InlineData("contract.docx")]
    [InlineData("contract")]
    [InlineData("pdf")]
    public void ForPath_UnknownExtension_ReturnsNull(string path)
    {
        Assert.Null(TextExtractors.ForPath(path));
    }

    [Fact]
    public void SupportedExtensions_ListsAllFour_CaseInsensitive()
    {
        Assert.Equal([".htm", ".html", ".pdf", ".txt"], TextExtractors.SupportedExtensions.Order(StringComparer.Ordinal));
        Assert.Contains(".PDF", TextExtractors.SupportedExtensions);
    }

    [Fact]
    public void ReadFile_TextFile_IsExtracted()
    {
        using var files = new TempFiles();
        var path = files.Write("notes.txt", Encoding.UTF8.GetBytes("The term is five years."));

        Assert.Equal("The term is five years.", TextExtractors.ReadFile(path).Text);
    }

    [Fact]
    public void ReadFile_PdfFile_IsExtracted()
    {
        using var files = new TempFiles();
        var path = files.Write("deal #1 (final).PDF", TestPdf.FromPages(["The Customer shall pay the fees in advance."]));

        Assert.Equal("The Customer shall pay the fees in advance.", TextExtractors.ReadFile(path).Text);
    }

    [Fact]
    public void ReadFile_MissingFile_ThrowsCannotRead()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Folder, "missing.pdf");

        var ex = Assert.Throws<DealLensException>(() => TextExtractors.ReadFile(path));

        Assert.StartsWith($"{path}: cannot read:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_Folder_ThrowsCannotRead()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Folder, "folder.txt");
        Directory.CreateDirectory(path);

        var ex = Assert.Throws<DealLensException>(() => TextExtractors.ReadFile(path));

        Assert.StartsWith($"{path}: cannot read:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_UnsupportedExtension_ThrowsNamingFile()
    {
        var ex = Assert.Throws<DealLensException>(() => TextExtractors.ReadFile("contract.docx"));

        Assert.StartsWith("contract.docx: unsupported file type", ex.Message, StringComparison.Ordinal);
    }
}
