using System.Text;
using DealLens.Core;
using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Learning;
using DealLens.Core.Documents;

namespace DealLens.Tests.Core.Learning;

/// <summary>
/// Issue 19 (cold start): the rules, the token vectors and the model are read at once, from spans. A damaged model or
/// table must still fail with the clear error it gave when they were read one after the other with a BinaryReader.
/// </summary>
public sealed class EmbeddedClauseExtractorLoadingTests
{
    // magic (4) + format version (2) + payload length (4) before the payload; its FNV-1a checksum (4) after it.
    private const int HeaderLength = 10;

    [Fact]
    public void Issue19_LoadConcurrently_DamagedModel_ThrowsTheModelsOwnError()
    {
        var bytes = EmbeddedModelBytes();
        bytes[HeaderLength + 5000] ^= 0x55;

        var error = Assert.Throws<DealLensException>(() => EmbeddedClauseExtractor.LoadConcurrently(() => ClauseModel.Load(new MemoryStream(bytes))));

        Assert.Equal("Clause model is damaged (checksum mismatch).", error.Message);
    }

    [Fact]
    public void Issue19_LoadConcurrently_TruncatedModelFile_SaysTruncated()
    {
        var bytes = EmbeddedModelBytes()[..100_000];

        var error = Assert.Throws<DealLensException>(() => EmbeddedClauseExtractor.LoadConcurrently(() => ClauseModel.Load(new MemoryStream(bytes))));

        Assert.Equal("Clause model is truncated.", error.Message);
    }

    [Fact]
    public void Issue19_LoadConcurrently_EmbeddedModelReadAgain_ExtractsWhatTheDefaultExtracts()
    {
        const string Text = "1. Customer shall pay the Monthly Reserved Capacity Fee whether or not Customer uses the Reserved Capacity.\n\n"
            + "2. Either party may terminate this Agreement for convenience on ninety (90) days' written notice.\n\n"
            + "3. This Agreement shall be governed by the laws of the State of New York.\n";
        var document = DocumentText.FromPages([Text], DocumentFormat.Text);

        var reread = EmbeddedClauseExtractor.LoadConcurrently(() => ClauseModel.Load(new MemoryStream(EmbeddedModelBytes())));

        var expected = EmbeddedClauseExtractor.Default.Extract(document);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, reread.Extract(document));
    }

    [Fact]
    public void Issue19_ClauseModelLoad_PayloadCutShortUnderAValidChecksum_SaysTruncated()
    {
        // Arrange: the payload ends in the middle of the weights, and the header and checksum say that is all of it.
        var payload = EmbeddedModelBytes().AsSpan(HeaderLength, 200_000).ToArray();
        var bytes = Framed(0x4D434C44, 5, payload);

        // Act
        var error = Assert.Throws<DealLensException>(() => ClauseModel.Load(new MemoryStream(bytes)));

        // Assert
        Assert.Equal("Clause model is truncated.", error.Message);
    }

    [Fact]
    public void Issue19_TokenVectorsLoad_RowsCutShortUnderAValidChecksum_SaysTruncated()
    {
        var payload = TablePayload(count: 3, ("contract", 0.5f, [10, -20, 0, 4]));

        var error = Assert.Throws<DealLensException>(() => TokenVectors.Load(new MemoryStream(Framed(0x56544C44, 1, payload))));

        Assert.Equal("Token vector table is truncated.", error.Message);
    }

    [Fact]
    public void Issue19_TokenVectorsLoad_Int8Rows_EmbedAsScaledValues()
    {
        // Arrange: two tokens, 4 dimensions; a row stands for its int8 values times its scale.
        var payload = TablePayload(count: 2, ("contract", 0.5f, [10, -20, 0, 4]), ("##s", 0.25f, [4, 4, -8, 0]));

        // Act
        var vectors = TokenVectors.Load(new MemoryStream(Framed(0x56544C44, 1, payload)));
        var one = vectors.Embed("contract");
        var mean = vectors.Embed("contracts");

        // Assert: contract = (5, -10, 0, 2), normalised; contracts = mean of contract and ##s = (3, -4.5, -1, 1), normalised.
        Assert.Equal(["contract", "##s"], vectors.Pieces("contracts"));
        AssertNormalised([5f, -10f, 0f, 2f], one);
        AssertNormalised([3f, -4.5f, -1f, 1f], mean);
    }

    private static void AssertNormalised(float[] raw, float[] actual)
    {
        var norm = Math.Sqrt(raw.Sum(x => (double)x * x));
        Assert.Equal(raw.Length, actual.Length);
        for (var d = 0; d < raw.Length; d++)
        {
            Assert.Equal(raw[d] / norm, actual[d], 1e-6);
        }
    }

    private static byte[] EmbeddedModelBytes()
    {
        using var resource = typeof(ClauseModel).Assembly.GetManifestResourceStream("DealLens.Core.clause-model.bin")!;
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] TablePayload(int count, params (string Token, float Scale, sbyte[] Row)[] rows)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("test vectors");
            writer.Write(4);
            writer.Write(count);
            foreach (var (token, scale, row) in rows)
            {
                writer.Write(token);
                writer.Write(scale);
                foreach (var value in row)
                {
                    writer.Write(value);
                }
            }
        }

        return payload.ToArray();
    }

    private static byte[] Framed(uint magic, ushort version, byte[] payload)
    {
        using var file = new MemoryStream();
        using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(magic);
            writer.Write(version);
            writer.Write(payload.Length);
            writer.Write(payload);
            writer.Write(Fnv1a(payload));
        }

        return file.ToArray();
    }

    private static uint Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
