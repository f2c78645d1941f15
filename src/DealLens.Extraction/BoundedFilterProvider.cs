using System.IO.Compression;
using DealLens.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace DealLens.Extraction;

/// <summary>
/// PdfPig's filters, with FlateDecode (and LZW, which has no cap of its own either) limited in how much one stream
/// and one document may inflate to. A few kilobytes of deflate can inflate to gigabytes (a "PDF bomb"); PdfPig
/// would grow its buffer until the process runs out of memory. One provider per document, because the document
/// budget is counted on it.
/// </summary>
internal sealed class BoundedFilterProvider : BaseFilterProvider
{
    public BoundedFilterProvider(long maxStreamBytes, long maxDocumentBytes)
        : base(CreateFilters(new InflateBudget(maxStreamBytes, maxDocumentBytes)))
    {
    }

    private static Dictionary<string, IFilter> CreateFilters(InflateBudget budget)
    {
        var flate = new BoundedFlateFilter(new FlateFilter(), budget);
        var lzw = new BoundedFlateFilter(new LzwFilter(), budget);
        var ascii85 = new Ascii85Filter();
        var asciiHex = new AsciiHexDecodeFilter();
        var ccitt = new CcittFaxDecodeFilter();
        var dct = new DctDecodeFilter();
        var runLength = new RunLengthFilter();
        return new Dictionary<string, IFilter>(StringComparer.Ordinal)
        {
            ["ASCII85Decode"] = ascii85,
            ["A85"] = ascii85,
            ["ASCIIHexDecode"] = asciiHex,
            ["AHx"] = asciiHex,
            ["CCITTFaxDecode"] = ccitt,
            ["CCF"] = ccitt,
            ["DCTDecode"] = dct,
            ["DCT"] = dct,
            ["FlateDecode"] = flate,
            ["Fl"] = flate,
            ["JBIG2Decode"] = new Jbig2DecodeFilter(),
            ["JPXDecode"] = new JpxDecodeFilter(),
            ["LZWDecode"] = lzw,
            ["LZW"] = lzw,
            ["RunLengthDecode"] = runLength,
            ["RL"] = runLength,
        };
    }

    /// <summary>What one document may still inflate to, shared by its streams (pages may be read on one thread only).</summary>
    private sealed class InflateBudget(long maxStreamBytes, long maxDocumentBytes)
    {
        private long _used;

        public long MaxStreamBytes => maxStreamBytes;

        public void Spend(long bytes)
        {
            _used += bytes;
            if (_used > maxDocumentBytes)
            {
                throw new DealLensException(
                    $"the compressed streams inflate to more than {maxDocumentBytes / (1024 * 1024):N0} MB in all (a decompression bomb?)");
            }
        }
    }

    /// <summary>
    /// Decodes with the inner filter, but for a stream that could inflate past the per-stream cap, first counts what
    /// it inflates to (without keeping it) and refuses it when it is over. Small streams, which cannot reach the cap
    /// (deflate expands at most 1032 times), skip the count, so an ordinary content stream is inflated once.
    /// </summary>
    private sealed class BoundedFlateFilter(IFilter inner, InflateBudget budget) : IFilter
    {
        private const int MaxDeflateExpansion = 1032;

        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (inner is FlateFilter && (long)input.Length * MaxDeflateExpansion > budget.MaxStreamBytes)
            {
                var inflated = CountInflated(input, budget.MaxStreamBytes);
                if (inflated > budget.MaxStreamBytes)
                {
                    throw new DealLensException(
                        $"a {input.Length:N0}-byte compressed stream inflates to more than {budget.MaxStreamBytes / (1024 * 1024):N0} MB (a decompression bomb?)");
                }
            }

            var decoded = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Spend(decoded.Length);
            if (decoded.Length > budget.MaxStreamBytes)
            {
                // LZW has no up-front count; its output is refused once it is there (bounded by what LZW can expand to).
                throw new DealLensException($"a compressed stream inflates to more than {budget.MaxStreamBytes / (1024 * 1024):N0} MB");
            }

            return decoded;
        }

        private static long CountInflated(Memory<byte> input, long limit)
        {
            if (input.Length < 2)
            {
                return 0;
            }

            // As PdfPig does: skip the two-byte zlib header and inflate the raw deflate data.
            using var compressed = new MemoryStream(input[2..].ToArray(), writable: false);
            using var deflate = new DeflateStream(compressed, CompressionMode.Decompress);
            var scratch = new byte[64 * 1024];
            long total = 0;
            try
            {
                int read;
                while ((read = deflate.Read(scratch)) > 0)
                {
                    total += read;
                    if (total > limit)
                    {
                        break;
                    }
                }
            }
            catch (InvalidDataException)
            {
                // Damaged from here on: PdfPig keeps what came before, which is no more than counted.
            }

            return total;
        }
    }
}
