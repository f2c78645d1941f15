using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using DealLens.Core.Text;

namespace DealLens.Core.Clauses.Learning;

/// <summary>
/// Static token vectors distilled once, offline, from the sentence encoder all-MiniLM-L6-v2 (Apache-2.0): every
/// WordPiece token of its vocabulary was run through the encoder alone, mean-pooled and reduced by PCA
/// (docs/representation.md says how, and <c>tools/distil-token-vectors</c> does it). A span's vector is the mean
/// of its words' vectors, a word's the mean of its WordPiece pieces' vectors. Words the encoder treats alike
/// ("terminate", "cancel"; "assign", "transfer") get near vectors, which hashed words never do. Nothing runs the
/// encoder at extraction time: the table is a resource of DealLens.Core.
/// </summary>
public sealed class TokenVectors
{
    private const uint Magic = 0x56544C44; // "DLTV" little-endian
    private const ushort FormatVersion = 1;
    private const string ResourceName = "DealLens.Core.token-vectors.bin";

    // Articles, prepositions and conjunctions carry no clause meaning and would dominate every mean.
    private static readonly HashSet<string> s_skipped = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "and", "or", "be", "is",
        "are", "was", "been", "this", "that", "such", "its", "it", "their", "which", "any", "all", "each",
    };

    private const string AccentedLetters = "àáâãäåèéêëìíîïòóôõöøùúûüýÿñç";
    private const string PlainLetters = "aaaaaaeeeeiiiioooooouuuuyync";

    private static readonly Lazy<TokenVectors> s_default = new(LoadEmbedded);

    private readonly Dictionary<string, int> _index;
    private readonly sbyte[] _quanta;
    private readonly float[] _scales;
    private readonly ConcurrentDictionary<string, int[]> _pieces = new(StringComparer.Ordinal);

    private TokenVectors(string provenance, int dimensions, Dictionary<string, int> index, sbyte[] quanta, float[] scales, string fingerprint)
    {
        Provenance = provenance;
        Dimensions = dimensions;
        _index = index;
        _quanta = quanta;
        _scales = scales;
        Fingerprint = fingerprint;
    }

    /// <summary>Where the vectors came from (the encoder, its licence, how they were distilled).</summary>
    public string Provenance { get; }

    public int Dimensions { get; }

    /// <summary>"tokvec:" and 12 hex digits of the table's FNV checksum: a model records the table it was trained with.</summary>
    public string Fingerprint { get; }

    public int Count => _index.Count;

    /// <summary>The table embedded in DealLens.Core.</summary>
    public static TokenVectors Default => s_default.Value;

    private static TokenVectors LoadEmbedded()
    {
        using var stream = typeof(TokenVectors).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new DealLensException("The token vector table is missing from DealLens.Core.");
        return Load(stream);
    }

    public static TokenVectors Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var header = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (header.ReadUInt32() != Magic || header.ReadUInt16() != FormatVersion)
            {
                throw new DealLensException("Not a DealLens token vector table (bad magic number or version).");
            }

            var length = header.ReadInt32();
            if (length is < 0 or > 64 * 1024 * 1024)
            {
                throw new DealLensException("Token vector table is damaged (bad payload length).");
            }

            var bytes = header.ReadBytes(length);
            var checksum = FeatureHashing.Fnv1a(bytes);
            if (bytes.Length != length || header.ReadUInt32() != checksum)
            {
                throw new DealLensException("Token vector table is damaged (truncated or checksum mismatch).");
            }

            var reader = new PayloadReader(bytes);
            var provenance = reader.ReadString();
            var dimensions = reader.ReadInt32();
            var count = reader.ReadInt32();
            if (dimensions is < 1 or > 1024 || count is < 1 or > 1_000_000)
            {
                throw new DealLensException("Token vector table is damaged (bad size).");
            }

            // Kept as int8 with a scale per row, as stored: a quarter of the memory of floats, and the float a row
            // entry stands for (q * scale) is the same value, computed where it is used.
            var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
            var quanta = new sbyte[count * dimensions];
            var scales = new float[count];
            for (var i = 0; i < count; i++)
            {
                var token = reader.ReadString();
                scales[i] = reader.ReadSingle();
                MemoryMarshal.Cast<byte, sbyte>(reader.ReadBytes(dimensions)).CopyTo(quanta.AsSpan(i * dimensions, dimensions));
                index[token] = i;
            }

            return new TokenVectors(provenance, dimensions, index, quanta, scales, "tokvec:" + checksum.ToString("x8", CultureInfo.InvariantCulture));
        }
        catch (EndOfStreamException ex)
        {
            throw new DealLensException("Token vector table is truncated.", ex);
        }
    }

    /// <summary>
    /// Adds to <paramref name="sum"/> (its first <paramref name="dimensions"/> entries) the vectors of the words in
    /// [start, end) of <paramref name="words"/>, skipping function words; returns how many words were added.
    /// </summary>
    public int AddWords(IReadOnlyList<TextWord> words, int start, int end, Span<float> sum, int dimensions)
    {
        var added = 0;
        for (var w = start; w < end; w++)
        {
            var text = words[w].Text;
            if (s_skipped.Contains(text) || IsNumber(text))
            {
                continue;
            }

            var pieces = _pieces.GetOrAdd(text, Split);
            if (pieces.Length == 0)
            {
                continue;
            }

            var share = 1f / pieces.Length;
            foreach (var piece in pieces)
            {
                var row = _quanta.AsSpan(piece * Dimensions, dimensions);
                var scale = _scales[piece];
                for (var d = 0; d < dimensions; d++)
                {
                    // (row[d] * scale) is the float the table stood for when it was expanded at load: same sums, bit for bit.
                    sum[d] += row[d] * scale * share;
                }
            }

            added++;
        }

        return added;
    }

    /// <summary>
    /// The WordPiece pieces of one lower-case word, as the encoder's uncased tokenizer cuts it: accents stripped,
    /// then greedy longest match from the left, later pieces prefixed "##". An unknown word has no pieces.
    /// </summary>
    internal int[] Split(string word)
    {
        var text = StripAccents(word);
        if (text.Length == 0 || text.Length > 100)
        {
            return [];
        }

        var pieces = new List<int>(4);
        var start = 0;
        while (start < text.Length)
        {
            var end = text.Length;
            var found = -1;
            while (end > start)
            {
                var candidate = start == 0 ? text[start..end] : "##" + text[start..end];
                if (_index.TryGetValue(candidate, out var id))
                {
                    found = id;
                    break;
                }

                end--;
            }

            if (found < 0)
            {
                return [];
            }

            pieces.Add(found);
            start = end;
        }

        return [.. pieces];
    }

    /// <summary>The mean vector of a text's words (first <paramref name="dimensions"/> entries; 0 = all), L2-normalised; zeros when no word is known.</summary>
    public float[] Embed(string text, int dimensions = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dims = dimensions <= 0 ? Dimensions : Math.Min(dimensions, Dimensions);
        var words = WordTokenizer.Tokenize(text);
        var sum = new float[dims];
        AddWords(words, 0, words.Count, sum, dims);
        var norm = Math.Sqrt(sum.Sum(x => (double)x * x));
        if (norm > 0)
        {
            for (var d = 0; d < dims; d++)
            {
                sum[d] = (float)(sum[d] / norm);
            }
        }

        return sum;
    }

    /// <summary>The WordPiece tokens of one lower-case word (empty when it cannot be cut), for tests and explanations.</summary>
    public IReadOnlyList<string> Pieces(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var byId = Split(word);
        return [.. byId.Select(id => _index.First(p => p.Value == id).Key)];
    }

    private static string StripAccents(string word)
    {
        if (word.All(char.IsAscii))
        {
            return word;
        }

        // A table, not string.Normalize: under invariant globalization Normalize leaves non-ASCII text as it is.
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            var at = AccentedLetters.IndexOf(c, StringComparison.Ordinal);
            if (at >= 0)
            {
                builder.Append(PlainLetters[at]);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsNumber(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
