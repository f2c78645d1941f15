using DealLens.Core;

namespace DealLens.Extraction;

internal static class StreamBytes
{
    /// <summary>
    /// Reads the rest of <paramref name="content"/>: extractors need the whole file (PdfPig seeks, decoders sniff).
    /// An empty file is refused here, with the same message for every format.
    /// </summary>
    public static byte[] ReadNonEmpty(Stream content, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(sourceName);
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.Length == 0 ? throw new DealLensException($"{sourceName}: empty file (0 bytes)") : copy.ToArray();
    }
}
