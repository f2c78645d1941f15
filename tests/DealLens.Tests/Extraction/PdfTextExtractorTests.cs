using DealLens.Core;
using DealLens.Core.Documents;
using DealLens.Extraction;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Extraction;

public sealed class PdfTextExtractorTests
{
    private static DocumentText Extract(byte[] pdf, string name = "test.pdf")
    {
        using var stream = new MemoryStream(pdf);
        return new PdfTextExtractor().Extract(stream, name);
    }

    private static DealLensException ExtractFails(byte[] content, string name)
    {
        using var files = new TempFiles();
        var path = files.Write(name, content);
        var ex = Assert.Throws<DealLensException>(() => TextExtractors.ReadFile(path));
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
        return ex;
    }

    [Fact]
    public void Extract_MultiplePages_RecordsPageOffsets()
    {
        // Arrange
        var pdf = TestPdf.FromPages(
            ["First page: the Supplier shall deliver the goods.", "Second line of page one."],
            ["Second page: the Customer shall pay within thirty days."],
            ["Third page: this Agreement is governed by Delaware law."]);

        // Act
        var document = Extract(pdf);

        // Assert
        Assert.Equal(DocumentFormat.Pdf, document.Format);
        Assert.Equal([1, 2, 3], document.Pages.Select(p => p.Number));
        Assert.Equal("First page: the Supplier shall deliver the goods.\nSecond line of page one.", document.Text[document.Pages[0].Start..document.Pages[0].End]);
        Assert.Equal("Second page: the Customer shall pay within thirty days.", document.Text[document.Pages[1].Start..document.Pages[1].End]);
        Assert.Equal("Third page: this Agreement is governed by Delaware law.", document.Text[document.Pages[2].Start..document.Pages[2].End]);
        Assert.Equal(document.Pages[0].End + DocumentText.PageSeparator.Length, document.Pages[1].Start);
        Assert.Equal(document.Text.Length, document.Pages[2].End);
        Assert.Empty(document.Warnings);
    }

    [Fact]
    public void Extract_RunningHeaderAndPageNumbers_AreRemoved()
    {
        string[] clauses = ["The Supplier shall deliver the goods.", "The Customer shall pay each invoice.", "Either party may terminate on notice.", "Delaware law governs this Agreement."];
        var pages = clauses.Select((clause, i) => new[] { "ACME CORP - CONFIDENTIAL", clause, $"Page {i + 1} of 4" }).ToArray();

        var document = Extract(TestPdf.FromPages(pages));

        Assert.Equal(clauses, document.Pages.Select(p => document.Text[p.Start..p.End]));
    }

    [Fact]
    public void Extract_EdgarSourceFooter_IsRemoved()
    {
        var pdf = TestPdf.FromPages(["The Distributor shall purchase the minimum quantities.", "Source: ACME CORP, 10-K, 3/1/2019"]);

        var document = Extract(pdf);

        Assert.Equal("The Distributor shall purchase the minimum quantities.", document.Text);
    }

    [Fact]
    public void Extract_HyphenAtLineEnd_JoinsLinesAndKeepsHyphen()
    {
        var pdf = TestPdf.FromPages(["Licensor grants a non-", "exclusive license to the Licensee."]);

        var document = Extract(pdf);

        Assert.Equal("Licensor grants a non-exclusive license to the Licensee.", document.Text);
    }

    [Fact]
    public void Extract_CurlyQuotes_AreKept()
    {
        var pdf = TestPdf.FromPages(["the \u201CAgreement\u201D and the Company\u2019s rights"]);

        Assert.Equal("the \u201CAgreement\u201D and the Company\u2019s rights", Extract(pdf).Text);
    }

    [Fact]
    public void Extract_ZeroBytes_ThrowsNamingFile()
    {
        var ex = ExtractFails([], "empty-contract.pdf");

        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_RandomBytes_ThrowsNamingFile()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);

        var ex = ExtractFails(bytes, "random bytes.pdf");

        Assert.Contains("not a PDF", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PdfHeaderFollowedByGarbage_ThrowsNamingFile()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);

        var ex = ExtractFails(bytes, "garbage.pdf");

        Assert.Contains("not a readable PDF", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_DamagedPage_BecomesEmptyPageAndWarning()
    {
        // Arrange: page 2's /Contents points at a dictionary where a stream must be, which PdfPig rejects.
        const string Text = "BT /F1 12 Tf 72 700 Td (The Supplier shall deliver the goods on time.) Tj ET";
        var pdf = TestPdf.Handmade(
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 7 0 R >> >> >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R >>",
                $"<< /Length {Text.Length} >>\nstream\n{Text}\nendstream",
                "<< /NotAStream true >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            ]);

        // Act
        var document = Extract(pdf);

        // Assert
        Assert.Equal(2, document.Pages.Count);
        Assert.Equal("The Supplier shall deliver the goods on time.", document.Text[document.Pages[0].Start..document.Pages[0].End]);
        Assert.Equal(0, document.Pages[1].Length);
        Assert.StartsWith("page 2: ", Assert.Single(document.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_TruncatedPdf_ThrowsNamingFile()
    {
        var pdf = TestPdf.FromPages(["The term of this Agreement is five years from the Effective Date."]);

        ExtractFails(pdf[..(pdf.Length / 2)], "truncated.pdf");
    }

    [Fact]
    public void Extract_EncryptedPdf_ThrowsNamingFile()
    {
        var ex = ExtractFails(TestPdf.Encrypted(), "locked.pdf");

        Assert.Contains("encrypted PDF", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ImageOnlyPdf_ThrowsNoTextLayer()
    {
        var ex = ExtractFails(TestPdf.ImageOnly(pageCount: 2), "scanned.pdf");

        Assert.Contains("no text layer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PdfWithNoPages_ThrowsNamingFile()
    {
        var pdf = TestPdf.Handmade(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]);

        ExtractFails(pdf, "no-pages.pdf");
    }

    [CuadDevFact]
    public void Extract_CuadDevPdfs_FirstFiveHaveConsistentPages()
    {
        var cuadDev = RepoPaths.RequireCuadDev();

        var files = Directory.GetFiles(Path.Combine(cuadDev, "pdf"))
            .Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Take(5)
            .ToList();
        Assert.Equal(5, files.Count);

        foreach (var file in files)
        {
            var document = TextExtractors.ReadFile(file);

            Assert.NotEmpty(document.Pages);
            Assert.True(document.Text.Length > 1000, $"{file}: only {document.Text.Length} characters");
            var expectedStart = 0;
            foreach (var page in document.Pages)
            {
                Assert.Equal(expectedStart, page.Start);
                Assert.InRange(page.End, page.Start, document.Text.Length);
                expectedStart = page.End + DocumentText.PageSeparator.Length;
            }

            Assert.Equal(document.Text.Length, document.Pages[^1].End);
        }
    }
}
