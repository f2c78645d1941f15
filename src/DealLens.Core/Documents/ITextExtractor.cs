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
}
