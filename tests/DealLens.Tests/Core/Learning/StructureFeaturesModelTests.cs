using DealLens.Core;
using DealLens.Core.Clauses.Learning;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Core.Learning;

[Collection(HeavyTests.Name)]
public sealed class StructureFeaturesModelTests
{
    private static readonly ClauseFeatureOptions s_structured = new()
    {
        HashBits = 14,
        SectionTitles = true,
        DocumentTitle = true,
        DefinedTerms = true,
    };

    private static readonly Lazy<byte[]> s_bytes = new(() =>
    {
        var options = SyntheticContracts.Options() with { Features = s_structured };
        var model = new ClauseModelTrainer(options).Train(SyntheticContracts.Generate(16, seed: 5));
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    });

    private const string Text =
        "MASTER SERVICES AGREEMENT\n\n" +
        "\"Home State\" means the State of Texas.\n\n" +
        "9. Governing Law\n" +
        "This Agreement is governed by the laws of the Home State. Payment is due monthly.";

    [Fact]
    public void Save_StructureOn_WritesFormat6AndRoundTrips()
    {
        var model = ClauseModel.Load(new MemoryStream(s_bytes.Value));
        using var again = new MemoryStream();
        model.Save(again);

        Assert.Equal(6, BitConverter.ToUInt16(s_bytes.Value, 4));
        Assert.Equal(s_bytes.Value, again.ToArray());
        Assert.True(model.Features.SectionTitles && model.Features.DocumentTitle && model.Features.DefinedTerms);
        Assert.Equal(
            model.Score(Text).Select(s => s.Probabilities[0]),
            ClauseModel.Load(new MemoryStream(again.ToArray())).Score(Text).Select(s => s.Probabilities[0]));
    }

    [Fact]
    public void Load_Format6WithNoStructureSwitchOn_ThrowsDealLensException()
    {
        // The three switches follow the token vectors fingerprint (an empty string, one length byte) in the payload;
        // clearing them leaves a format 6 file that claims structure and has none.
        var bytes = (byte[])s_bytes.Value.Clone();
        var weight = BitConverter.GetBytes(1f);
        var at = IndexOf(bytes, [1, 1, 1, .. weight]);
        Assert.True(at > 0);
        bytes[at] = bytes[at + 1] = bytes[at + 2] = 0;
        FixChecksum(bytes);

        var error = Assert.Throws<DealLensException>(() => ClauseModel.Load(new MemoryStream(bytes)));
        Assert.Contains("structure", error.Message, StringComparison.Ordinal);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 10; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }

    // Header: magic (4), version (2), payload length (4), payload, FNV-1a of the payload (4).
    private static void FixChecksum(byte[] bytes)
    {
        var length = BitConverter.ToInt32(bytes, 6);
        var hash = 2166136261u;
        foreach (var b in bytes.AsSpan(10, length))
        {
            hash = (hash ^ b) * 16777619u;
        }

        BitConverter.GetBytes(hash).CopyTo(bytes, 10 + length);
    }
}
