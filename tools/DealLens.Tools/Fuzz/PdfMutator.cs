namespace DealLens.Tools.Fuzz;

/// <summary>How one fuzz input was made from its seed.</summary>
public enum PdfMutation
{
    BitFlips,
    Truncation,
    ChunkDuplication,
    ChunkDeletion,
    Combined,
}

/// <summary>
/// Mutates PDF bytes the ways a damaged download or a careless (or hostile) writer does: flipped bits, a cut-off
/// tail, a chunk copied elsewhere, a chunk removed. Deterministic for a given <see cref="Random"/>.
/// </summary>
public static class PdfMutator
{
    private const int MaxChunk = 4096;

    public static (PdfMutation Kind, byte[] Bytes) Mutate(byte[] seed, Random random)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(random);
        var kind = (PdfMutation)random.Next(5);
        var bytes = seed;
        if (kind == PdfMutation.Combined)
        {
            for (var i = 0; i < 2 + random.Next(3); i++)
            {
                bytes = Apply((PdfMutation)random.Next(4), bytes, random);
            }
        }
        else
        {
            bytes = Apply(kind, bytes, random);
        }

        return (kind, bytes);
    }

    private static byte[] Apply(PdfMutation kind, byte[] input, Random random)
    {
        if (input.Length < 2)
        {
            return [.. input];
        }

        switch (kind)
        {
            case PdfMutation.BitFlips:
            {
                var bytes = (byte[])input.Clone();
                for (var i = 0; i < 1 + random.Next(32); i++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            }

            case PdfMutation.Truncation:
                return input[..(1 + random.Next(input.Length - 1))];
            case PdfMutation.ChunkDuplication:
            {
                var start = random.Next(input.Length);
                var length = 1 + random.Next(Math.Min(MaxChunk, input.Length - start));
                var at = random.Next(input.Length);
                return [.. input.AsSpan(0, at), .. input.AsSpan(start, length), .. input.AsSpan(at)];
            }

            default:
            {
                var start = random.Next(input.Length);
                var length = 1 + random.Next(Math.Min(MaxChunk, input.Length - start));
                return [.. input.AsSpan(0, start), .. input.AsSpan(start + length)];
            }
        }
    }
}
