using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace DealLens.Tests.TestSupport;

/// <summary>
/// Writes small PDFs for tests and samples: text pages with PdfPig's own writer (Helvetica, a standard 14 font, so
/// only windows-1252 characters), image-only pages, and hand-made files PdfPig cannot write (encrypted).
/// </summary>
public static class TestPdf
{
    public const double FontSize = 11;
    public const double Leading = 14;
    public const double Margin = 72;

    /// <summary>One page per array, one text line per string, top to bottom on US Letter pages.</summary>
    public static byte[] FromPages(params string[][] linesPerPage)
    {
        ArgumentNullException.ThrowIfNull(linesPerPage);
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in linesPerPage)
        {
            var page = builder.AddPage(PageSize.Letter);
            var maxLines = (int)((page.PageSize.Height - 2 * Margin) / Leading) + 1;
            if (lines.Length > maxLines)
            {
                throw new ArgumentException($"At most {maxLines} lines fit on a page; got {lines.Length}.", nameof(linesPerPage));
            }

            var y = page.PageSize.Height - Margin;
            foreach (var line in lines)
            {
                if (line.Length > 0)
                {
                    page.AddText(line, FontSize, new PdfPoint(Margin, y), font);
                }

                y -= Leading;
            }
        }

        return builder.Build();
    }

    /// <summary>A PDF of <paramref name="pageCount"/> pages, each holding only an image (a scan with no text layer).</summary>
    public static byte[] ImageOnly(int pageCount = 1)
    {
        using var builder = new PdfDocumentBuilder();
        var png = Png(8, 8);
        for (var i = 0; i < pageCount; i++)
        {
            var page = builder.AddPage(PageSize.Letter);
            page.AddPng(png, new PdfRectangle(Margin, Margin, page.PageSize.Width - Margin, page.PageSize.Height - Margin));
        }

        return builder.Build();
    }

    /// <summary>
    /// A one-page PDF whose trailer names a Standard security handler the empty password does not open
    /// (PdfPig's writer cannot encrypt, so the file is written by hand).
    /// </summary>
    public static byte[] Encrypted()
    {
        var o = new string('A', 64);
        var u = new string('B', 64);
        return Handmade(
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                "<< /Length 0 >>\nstream\n\nendstream",
                $"<< /Filter /Standard /V 1 /R 2 /O <{o}> /U <{u}> /P -4 >>",
            ],
            "/Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]");
    }

    /// <summary>
    /// Writes objects 1..n (object 1 must be the catalog) with a correct cross-reference table, adding
    /// <paramref name="trailerExtra"/> to the trailer dictionary.
    /// </summary>
    public static byte[] Handmade(IReadOnlyList<string> objects, string trailerExtra = "")
    {
        ArgumentNullException.ThrowIfNull(objects);
        // Byte offsets are summed per object: measuring the whole body again for each object was quadratic (the
        // 10,000-object hostile PDFs).
        var body = new StringBuilder("%PDF-1.4\n");
        var length = Encoding.Latin1.GetByteCount("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(length);
            var part = string.Create(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
            body.Append(part);
            length += Encoding.Latin1.GetByteCount(part);
        }

        var xref = length;
        body.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            body.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        body.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(body.ToString());
    }

    /// <summary>A grey RGB PNG of the given size, written by hand (no imaging library needed).</summary>
    public static byte[] Png(int width, int height)
    {
        var raw = new byte[height * (1 + width * 3)];
        for (var row = 0; row < height; row++)
        {
            raw.AsSpan(row * (1 + width * 3) + 1, width * 3).Fill(0x80);
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        png.Write(buffer);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32(typeAndData));
        png.Write(buffer);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
