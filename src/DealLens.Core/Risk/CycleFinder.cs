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

        var reverse = new List<int>[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            reverse[i] = [];
        }

        for (var from = 0; from < nodeCount; from++)
        {
            foreach (var to in adjacency[from])
            {
                reverse[to].Add(from);
            }
        }

        var cycles = new List<IReadOnlyList<int>>();
        var path = new List<int>(maxLength);
        var onPath = new bool[nodeCount];
        var search = new Search(adjacency, path, onPath, new int[nodeCount], new int[nodeCount], maxLength, maxCycles, cycles);
        var queue = new Queue<int>();
        for (var start = 0; start < nodeCount && cycles.Count < maxCycles; start++)
        {
            // Steps from each node back to start (over nodes > start, within the length limit): the search only enters
            // a node from which the cycle can still close in time, so dead-end paths are never walked.
            search.Stamp[start] = start + 1;
            search.Distance[start] = 0;
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                var distance = search.Distance[node] + 1;
                if (distance >= maxLength)
                {
                    continue;
                }

                foreach (var previous in reverse[node])
                {
                    if (previous > start && search.Stamp[previous] != start + 1)
                    {
                        search.Stamp[previous] = start + 1;
                        search.Distance[previous] = distance;
                        queue.Enqueue(previous);
                    }
                }
            }

            path.Add(start);
            onPath[start] = true;
            search.From(start, start);
            onPath[start] = false;
            path.Clear();
        }

        return cycles;
    }

    /// <summary>The depth-first search state for one start node; <see cref="Stamp"/> marks distances computed for it.</summary>
    private sealed record Search(
        List<int>[] Adjacency, List<int> Path, bool[] OnPath, int[] Stamp, int[] Distance, int MaxLength, int MaxCycles, List<IReadOnlyList<int>> Cycles)
    {
        public void From(int start, int node)
        {
            foreach (var next in Adjacency[node])
            {
                if (Cycles.Count >= MaxCycles)
                {
                    return;
                }

                if (next == start)
                {
                    Cycles.Add(Path.ToArray());
                }
                else if (next > start && !OnPath[next] && Stamp[next] == start + 1 && Path.Count + Distance[next] <= MaxLength)
                {
                    Path.Add(next);
                    OnPath[next] = true;
                    From(start, next);
                    OnPath[next] = false;
                    Path.RemoveAt(Path.Count - 1);
                }
            }
        }
    }
}
