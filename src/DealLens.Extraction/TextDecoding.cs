using System.Text;

namespace DealLens.Extraction;

/// <summary>Turns file bytes into a string: byte-order mark, else strict UTF-8, else windows-1252.</summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // windows-1252 is what EDGAR filers' word processors wrote when a file is not UTF-8: it is Latin-1 plus curly
    // quotes, dashes and the euro sign in 0x80-0x9F. CodePagesEncodingProvider.Instance hands it out without
    // registering anything globally.
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    /// <summary>The encoding announced by a byte-order mark and the mark's length, or null.</summary>
    public static (Encoding Encoding, int BomLength)? DetectBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (s_strictUtf8, 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        return null;
    }

    /// <summary>
    /// UTF-16 without a byte-order mark: most odd (little-endian) or even (big-endian) bytes of the sample are NUL
    /// and the others almost never are. Returns null when the sample does not look like UTF-16.
    /// </summary>
    public static Encoding? DetectBomlessUtf16(ReadOnlySpan<byte> sample)
    {
        var pairs = sample.Length / 2;
        if (pairs < 2)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.02)
        {
            return Encoding.Unicode;
        }

        if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.02)
        {
            return Encoding.BigEndianUnicode;
        }

        return null;
    }

    /// <summary>Strict UTF-8, or windows-1252 when the bytes are not valid UTF-8.</summary>
    public static string DecodeUtf8OrWindows1252(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(bytes);
        }
    }

    /// <summary>The encoding for a charset label such as "utf-8" or "windows-1252", or null when unknown.</summary>
    public static Encoding? FromLabel(string label)
    {
        var name = label.Trim().ToLowerInvariant();
        switch (name)
        {
            case "utf-8" or "utf8":
                return s_strictUtf8;
            // As browsers do (WHATWG Encoding), Latin-1 and ASCII labels mean windows-1252.
            case "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "windows-1252" or "cp1252" or "x-cp1252":
                return Windows1252;
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
