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

    // Contracts and filings wrap their text; a paragraph saved as one line runs to a few thousand characters. A
    // "line" of a million is not prose (a dump, or a file made to stall the readers, which are slow on one huge line).
    private const int MaxLineLength = 1_000_000;

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
        if (LongestLine(text) is var longest && longest > MaxLineLength)
        {
            throw new DealLensException($"{sourceName}: not a text document: a line of {longest:N0} characters (limit {MaxLineLength:N0})");
        }

        var pages = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\f');
        return DocumentText.FromPages(_cleaner.Clean(pages), DocumentFormat.Text);
    }

    private static int LongestLine(string text)
    {
        var longest = 0;
        var span = text.AsSpan();
        while (span.Length > 0)
        {
            var end = span.IndexOfAny('\n', '\r', '\f');
            var length = end < 0 ? span.Length : end;
            longest = Math.Max(longest, length);
            span = end < 0 ? default : span[(end + 1)..];
        }

        return longest;
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
