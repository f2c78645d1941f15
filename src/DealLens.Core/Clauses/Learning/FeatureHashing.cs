namespace DealLens.Core.Clauses.Learning;

/// <summary>
/// Deterministic hashing for features. string.GetHashCode is randomised per process, so the model would not
/// survive a restart; FNV-1a plus a 64-bit finaliser gives the same bucket on every machine and run.
/// </summary>
internal static class FeatureHashing
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    public static uint Fnv1a(string text)
    {
        var hash = FnvOffset;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * FnvPrime;
            hash = (hash ^ (byte)(c >> 8)) * FnvPrime;
        }

        return hash;
    }

    public static uint Fnv1a(ReadOnlySpan<byte> bytes, uint hash = FnvOffset)
    {
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * FnvPrime;
        }

        return hash;
    }

    /// <summary>Combines a namespace and up to three word hashes into one well-mixed 64-bit key.</summary>
    public static ulong Combine(uint space, uint a, uint b = 0, uint c = 0)
    {
        var key = Mix(((ulong)space << 32) | a);
        key = Mix(key ^ (((ulong)b << 32) | c));
        return key;
    }

    public static int Bucket(ulong key, int bits) => (int)(key >> (64 - bits));

    // SplitMix64 finaliser.
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>A small seeded generator (SplitMix64) so shuffles never depend on the runtime's Random.</summary>
internal sealed class SeededRandom
{
    private ulong _state;

    public SeededRandom(ulong seed) => _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    public void Shuffle(int[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
