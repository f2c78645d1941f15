using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Risk;

public sealed class CycleFinderTests
{
    [Fact]
    public void Find_TwoAndThreeCycles_EachOnceStartingAtSmallestNode()
    {
        // 0 <-> 1, and 0 -> 1 -> 2 -> 0.
        var cycles = CycleFinder.Find(3, [(0, 1), (1, 0), (1, 2), (2, 0)], maxLength: 6);

        Assert.Equal(2, cycles.Count);
        Assert.Contains(cycles, c => c.SequenceEqual([0, 1]));
        Assert.Contains(cycles, c => c.SequenceEqual([0, 1, 2]));
    }

    [Fact]
    public void Find_NoRotationDuplicates()
    {
        var cycles = CycleFinder.Find(4, [(2, 3), (3, 1), (1, 2), (1, 2)], maxLength: 6);

        Assert.Equal([1, 2, 3], Assert.Single(cycles));
    }

    [Fact]
    public void Find_LongerThanMax_NotFound()
    {
        var ring = Enumerable.Range(0, 7).Select(i => (i, (i + 1) % 7));

        Assert.Empty(CycleFinder.Find(7, ring, maxLength: 6));
        Assert.Single(CycleFinder.Find(7, ring, maxLength: 7));
    }

    [Fact]
    public void Find_Dag_NoCycles()
        => Assert.Empty(CycleFinder.Find(3, [(0, 1), (1, 2), (0, 2), (1, 1)], maxLength: 6));
}
