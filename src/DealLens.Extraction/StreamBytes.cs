namespace DealLens.Extraction;

internal static class StreamBytes
{
    /// <summary>Reads the rest of <paramref name="content"/>: extractors need the whole file (PdfPig seeks, decoders sniff).</summary>
    public static byte[] ReadAll(Stream content)
    {
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }
}
