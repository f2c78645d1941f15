namespace DealLens.Core.Risk;

/// <summary>
/// Every simple directed cycle of at most <c>maxLength</c> nodes, each reported once: rotated so that it starts at its
/// smallest node, which is also the only start the search tries (a DFS from s visits only nodes greater than s).
/// </summary>
public static class CycleFinder
{
    /// <param name="nodeCount">Nodes are 0..nodeCount-1.</param>
    /// <param name="edges">Directed edges; duplicates and self-loops are ignored.</param>
    /// <param name="maxLength">Longest cycle, in nodes (2 finds A->B->A).</param>
    /// <param name="maxCycles">Stop after this many cycles (a guard against dense graphs).</param>
    public static IReadOnlyList<IReadOnlyList<int>> Find(int nodeCount, IEnumerable<(int From, int To)> edges, int maxLength, int maxCycles = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var adjacency = new List<int>[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            adjacency[i] = [];
        }

        foreach (var (from, to) in edges.Distinct())
        {
            if (from != to)
            {
                adjacency[from].Add(to);
            }
        }

        foreach (var list in adjacency)
        {
            list.Sort();
        }

        var cycles = new List<IReadOnlyList<int>>();
        var path = new List<int>(maxLength);
        var onPath = new bool[nodeCount];
        for (var start = 0; start < nodeCount && cycles.Count < maxCycles; start++)
        {
            path.Add(start);
            onPath[start] = true;
            Search(start, start, adjacency, path, onPath, maxLength, maxCycles, cycles);
            onPath[start] = false;
            path.Clear();
        }

        return cycles;
    }

    private static void Search(
        int start, int node, List<int>[] adjacency, List<int> path, bool[] onPath, int maxLength, int maxCycles, List<IReadOnlyList<int>> cycles)
    {
        foreach (var next in adjacency[node])
        {
            if (cycles.Count >= maxCycles)
            {
                return;
            }

            if (next == start)
            {
                cycles.Add(path.ToArray());
            }
            else if (next > start && !onPath[next] && path.Count < maxLength)
            {
                path.Add(next);
                onPath[next] = true;
                Search(start, next, adjacency, path, onPath, maxLength, maxCycles, cycles);
                onPath[next] = false;
                path.RemoveAt(path.Count - 1);
            }
        }
    }
}
