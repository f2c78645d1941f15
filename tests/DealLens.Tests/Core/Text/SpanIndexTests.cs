using DealLens.Core.Text;

namespace DealLens.Tests.Core.Text;

public sealed class SpanIndexTests
{
    [Fact]
    public void Finds_exactly_the_spans_a_full_scan_finds()
    {
        var random = new Random(7);
        var spans = Enumerable.Range(0, 400)
            .Select(i => (Start: random.Next(0, 5_000), Length: random.Next(0, 300), Id: i))
            .ToList();
        var index = new SpanIndex<int>();
        foreach (var s in spans)
        {
            index.Add(s.Start, s.Start + s.Length, s.Id);
        }

        for (var q = 0; q < 300; q++)
        {
            var start = random.Next(0, 5_200);
            var end = start + random.Next(0, 400);
            var expected = spans.Where(s => s.Start < end && start < s.Start + s.Length).Select(s => s.Id).Order().ToList();
            Assert.Equal(expected, index.Overlapping(start, end).Order().ToList());
        }
    }

    [Fact]
    public void Lists_overlapping_spans_in_order_of_their_start_and_ignores_touching_ones()
    {
        var index = new SpanIndex<string>();
        index.Add(50, 60, "late");
        index.Add(0, 100, "long");
        index.Add(10, 20, "early");
        index.Add(20, 30, "touching");

        Assert.Equal(["long", "early", "touching", "late"], index.Overlapping(15, 55));
        // "touching" ends where the query starts and "late" starts where it ends: neither shares a character.
        Assert.Equal(["long"], index.Overlapping(30, 50));
        Assert.Empty(index.Overlapping(100, 120));
    }
}
