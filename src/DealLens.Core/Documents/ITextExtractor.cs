namespace DealLens.Core.Documents;

/// <summary>Turns the bytes of one file (PDF, HTML, text) into a <see cref="DocumentText"/>.</summary>
public interface ITextExtractor
{
    /// <summary>
    /// Reads <paramref name="content"/>. <paramref name="sourceName"/> names the file in messages only.
    /// Throws <see cref="DealLensException"/> when the file cannot be read as a document at all
    /// (not a PDF, encrypted, no text layer); a damaged page becomes a warning instead.
    /// </summary>
    DocumentText Extract(Stream content, string sourceName);

    /// <summary>
    /// Reads <paramref name="content"/> refusing documents of more than <paramref name="maxPages"/> pages
    /// (<see cref="DealLensException"/>). Extractors that work page by page check the page count before reading any
    /// page and <paramref name="cancellationToken"/> between pages; the default checks both after reading.
    /// </summary>
    DocumentText Extract(Stream content, string sourceName, int maxPages, CancellationToken cancellationToken)
    {
        var text = Extract(content, sourceName);
        cancellationToken.ThrowIfCancellationRequested();
        if (text.Pages.Count > maxPages)
        {
            throw TooManyPages(sourceName, text.Pages.Count, maxPages);
        }

        return text;
    }

    static DealLensException TooManyPages(string sourceName, int pages, int maxPages)
        => new($"{sourceName}: {pages:N0} pages, over the {maxPages:N0}-page limit");
}
