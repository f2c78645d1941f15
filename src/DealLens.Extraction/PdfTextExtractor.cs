using System.Runtime.ExceptionServices;
using DealLens.Core;
using DealLens.Core.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace DealLens.Extraction;

/// <summary>
/// Reads a PDF's text layer with PdfPig, page by page in content order, then cleans the pages with a
/// <see cref="PageTextCleaner"/>. A page that fails becomes an empty page and a warning.
/// </summary>
public sealed class PdfTextExtractor : ITextExtractor
{
    // Fewer letters than this on every page (after headers, footers and page numbers are gone) means the PDF is
    // scanned images, perhaps with an EDGAR footer as its only text.
    private const int MinLettersPerTextPage = 20;

    // One stream may inflate to this much; every stream of a document together to MaxInflatedDocumentBytes. A content
    // stream of a real filing inflates to kilobytes, an embedded font to a few megabytes.
    private const long MaxInflatedStreamBytes = 64L * 1024 * 1024;
    private const long MaxInflatedDocumentBytes = 2L * 1024 * 1024 * 1024;

    // PdfPig recurses over the page tree and over nested form XObjects without a depth limit: a file that nests them
    // 10,000 deep overflows a thread-pool thread's 1.5 MB stack, and a stack overflow kills the process (it cannot be
    // caught). PDFs are therefore read on a thread of their own whose stack takes ~1,000,000 levels; the stack is
    // reserved address space, and only the pages a deep file actually touches are committed.
    private const int ParserStackBytes = 256 * 1024 * 1024;

    private readonly PageTextCleaner _cleaner;

    public PdfTextExtractor()
        : this(PageTextCleaner.Default)
    {
    }

    public PdfTextExtractor(PageTextCleaner cleaner)
    {
        ArgumentNullException.ThrowIfNull(cleaner);
        _cleaner = cleaner;
    }

    public DocumentText Extract(Stream content, string sourceName)
        => Extract(content, sourceName, int.MaxValue, CancellationToken.None);

    /// <summary>
    /// As <see cref="Extract(Stream, string)"/>, refusing a PDF of more than <paramref name="maxPages"/> pages before any
    /// page is read. PdfPig cannot be interrupted inside a page, so <paramref name="cancellationToken"/> is checked
    /// between pages: a cancelled extraction stops after the page it is reading.
    /// </summary>
    public DocumentText Extract(Stream content, string sourceName, int maxPages, CancellationToken cancellationToken)
    {
        var bytes = StreamBytes.ReadNonEmpty(content, sourceName);
        DocumentText? result = null;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = ExtractBytes(bytes, sourceName, maxPages, cancellationToken);
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
            },
            ParserStackBytes)
        {
            Name = "pdf-extract",
            IsBackground = true,
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result!;
    }

    private DocumentText ExtractBytes(byte[] bytes, string sourceName, int maxPages, CancellationToken cancellationToken)
    {
        if (!HasPdfHeader(bytes))
        {
            throw new DealLensException($"{sourceName}: not a PDF (no %PDF header)");
        }

        using var document = Open(bytes, sourceName);
        var pageCount = CountPages(document, sourceName);
        if (pageCount == 0)
        {
            throw new DealLensException($"{sourceName}: the PDF has no pages");
        }

        if (pageCount > maxPages)
        {
            throw ITextExtractor.TooManyPages(sourceName, pageCount, maxPages);
        }

        var rawPages = new string[pageCount];
        var warnings = new List<string>();
        var failedPages = 0;
        var imagePages = 0;
        for (var number = 1; number <= pageCount; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var page = document.GetPage(number);
                rawPages[number - 1] = ContentOrderTextExtractor.GetText(page);
                imagePages += page.NumberOfImages > 0 ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                if (ex is PdfDocumentEncryptedException)
                {
                    throw Encrypted(sourceName, ex);
                }

                rawPages[number - 1] = string.Empty;
                failedPages++;
                warnings.Add($"page {number}: {OneLine(ex.Message)}");
            }
        }

        if (failedPages == pageCount)
        {
            if (document.IsEncrypted)
            {
                throw new DealLensException($"{sourceName}: encrypted PDF whose pages cannot be decrypted ({warnings[0]})");
            }

            throw new DealLensException($"{sourceName}: no page could be read ({warnings[0]})");
        }

        var pages = _cleaner.Clean(rawPages);
        if (pages.All(p => p.Count(char.IsLetter) < MinLettersPerTextPage))
        {
            var images = imagePages > 0 ? $" ({imagePages} of {pageCount} pages are images)" : string.Empty;
            throw new DealLensException($"{sourceName}: no text layer; OCR is not supported{images}");
        }

        return DocumentText.FromPages(pages, DocumentFormat.Pdf, warnings);
    }

    private static PdfDocument Open(byte[] bytes, string sourceName)
    {
        try
        {
            // PdfPig's tolerant defaults: repair broken cross-reference tables and skip glyphs of fonts it cannot load.
            return PdfDocument.Open(bytes, new ParsingOptions
            {
                UseLenientParsing = true,
                SkipMissingFonts = true,
                FilterProvider = new BoundedFilterProvider(MaxInflatedStreamBytes, MaxInflatedDocumentBytes),
            });
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw Encrypted(sourceName, ex);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new DealLensException($"{sourceName}: not a readable PDF{TruncationHint(bytes)}: {OneLine(ex.Message)}", ex);
        }
    }

    private static int CountPages(PdfDocument document, string sourceName)
    {
        try
        {
            return document.NumberOfPages;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new DealLensException($"{sourceName}: cannot read the page tree: {OneLine(ex.Message)}", ex);
        }
    }

    private static DealLensException Encrypted(string sourceName, Exception inner)
        => new($"{sourceName}: encrypted PDF that cannot be opened without a password: {OneLine(inner.Message)}", inner);

    // PDF readers accept the header anywhere in the first 1024 bytes.
    private static bool HasPdfHeader(byte[] bytes)
        => bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) >= 0;

    private static string TruncationHint(byte[] bytes)
        => bytes.AsSpan(Math.Max(0, bytes.Length - 2048)).IndexOf("%%EOF"u8) >= 0 ? string.Empty : " (truncated? no %%EOF at the end)";

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
