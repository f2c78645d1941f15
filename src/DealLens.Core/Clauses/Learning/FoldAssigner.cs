namespace DealLens.Core.Clauses.Learning;

/// <summary>
/// Splits contracts into folds by contract, never by span. Related contracts (the same <see cref="TrainingContract.Group"/>,
/// or texts that largely repeat each other, like an agreement filed twice or restated in an amendment) share a fold so a
/// fold never tests on a near-copy of its training data. Groups are ordered by their rarest positive type, then by a
/// seeded hash, and dealt round-robin, which spreads rare types over the folds.
/// </summary>
internal static class FoldAssigner
{
    public static int[] Assign(LabelledSpans[] corpus, int folds, long seed, bool groupNearDuplicates)
    {
        var n = corpus.Length;
        var parent = Enumerable.Range(0, n).ToArray();
        var byGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (byGroup.TryGetValue(corpus[i].Group, out var j))
            {
                Union(parent, i, j);
            }
            else
            {
                byGroup[corpus[i].Group] = i;
            }
        }

        var shingles = groupNearDuplicates ? corpus.Select(Shingles).ToArray() : [];
        for (var i = 0; i < shingles.Length; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (Containment(shingles[i], shingles[j]) >= 0.5)
                {
                    Union(parent, i, j);
                }
            }
        }

        var typeCount = corpus.Length == 0 ? 0 : corpus[0].Present.Length;
        var prevalence = new int[typeCount];
        foreach (var doc in corpus)
        {
            for (var t = 0; t < typeCount; t++)
            {
                prevalence[t] += doc.Present[t] ? 1 : 0;
            }
        }

        var groups = Enumerable.Range(0, n).GroupBy(i => Find(parent, i)).Select(g => g.ToArray()).ToList();
        var ordered = groups
            .Select(members => (
                Members: members,
                Rarest: members.SelectMany(m => Enumerable.Range(0, typeCount).Where(t => corpus[m].Present[t]))
                    .Select(t => prevalence[t]).DefaultIfEmpty(int.MaxValue).Min(),
                Key: FeatureHashing.Combine((uint)seed, (uint)(seed >> 32), FeatureHashing.Fnv1a(string.Join("|", members.Select(m => corpus[m].Id))))))
            .OrderBy(g => g.Rarest)
            .ThenBy(g => g.Key)
            .ToList();

        var assignment = new int[n];
        var sizes = new int[folds];
        var next = 0;
        foreach (var group in ordered)
        {
            // Round-robin, but a big group goes to the smallest fold so fold sizes stay even.
            var fold = group.Members.Length > 1 ? Array.IndexOf(sizes, sizes.Min()) : next;
            if (group.Members.Length == 1)
            {
                next = (next + 1) % folds;
            }

            foreach (var m in group.Members)
            {
                assignment[m] = fold;
            }

            sizes[fold] += group.Members.Length;
        }

        return assignment;
    }

    private static ulong[] Shingles(LabelledSpans doc) => Shingles([.. doc.Text.Words.Select(w => w.Text)]);

    // A sample of the text's 8-word shingles (one in eight by hash), sorted, for Containment.
    internal static ulong[] Shingles(IReadOnlyList<string> words)
    {
        const int Width = 8;
        var set = new HashSet<ulong>();
        var hashes = words.Select(FeatureHashing.Fnv1a).ToArray();
        for (var i = 0; i + Width <= hashes.Length; i++)
        {
            var key = FeatureHashing.Combine(hashes[i], hashes[i + 1], hashes[i + 2], hashes[i + 3]);
            key = FeatureHashing.Combine((uint)key, hashes[i + 4] ^ hashes[i + 5], hashes[i + 6], hashes[i + 7]);
            if ((key & 7) == 0)
            {
                set.Add(key);
            }
        }

        var result = set.ToArray();
        Array.Sort(result);
        return result;
    }

    internal static double Containment(ulong[] a, ulong[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)common / Math.Min(a.Length, b.Length);
    }

    internal static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    internal static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
