using DealLens.Core;
using DealLens.Core.Documents;

namespace DealLens.Extraction;

/// <summary>
/// Reads a plain-text file: byte-order mark (UTF-8, UTF-16 LE/BE), else strict UTF-8, else windows-1252.
/// A form feed starts a new page; line ends become LF.
/// </summary>
public sealed class PlainTextExtractor : ITextExtractor
{
    private const int BinarySniffLength = 8 * 1024;

    // Hyphen joining is off: plain-text exhibits are hard-wrapped by hand and keep their lines as written.
    private static readonly PageTextCleaner s_defaultCleaner = new(new PageTextCleanerOptions { JoinHyphenatedLines = false });

    private readonly PageTextCleaner _cleaner;

    public PlainTextExtractor()
        : this(s_defaultCleaner)
    {
    }

    public PlainTextExtractor(PageTextCleaner cleaner)
    {
        ArgumentNullException.ThrowIfNull(cleaner);
        _cleaner = cleaner;
    }

    public DocumentText Extract(Stream content, string sourceName)
    {
        var bytes = StreamBytes.ReadNonEmpty(content, sourceName);

        var text = Decode(bytes, sourceName);
        var pages = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\f');
        return DocumentText.FromPages(_cleaner.Clean(pages), DocumentFormat.Text);
    }

    private static string Decode(byte[] bytes, string sourceName)
    {
        if (TextDecoding.DetectBom(bytes) is var (encoding, bomLength))
        {
            return DecodeOrThrow(encoding, bytes.AsSpan(bomLength), sourceName);
        }

        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, BinarySniffLength));
        if (sample.Contains((byte)0))
        {
            var utf16 = TextDecoding.DetectBomlessUtf16(sample);
            return utf16 is not null
                ? DecodeOrThrow(utf16, bytes, sourceName)
                : throw new DealLensException($"{sourceName}: binary content, not text");
        }

        return TextDecoding.DecodeUtf8OrWindows1252(bytes);
    }

    private static string DecodeOrThrow(System.Text.Encoding encoding, ReadOnlySpan<byte> bytes, string sourceName)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new DealLensException($"{sourceName}: not valid {encoding.WebName} text: {ex.Message}", ex);
        }
    }
}
