namespace DealLens.Core.Text;

/// <summary>
/// Spans of a document kept in order of their start, so that the ones overlapping a given span are found without
/// looking at every span: a long filing has thousands of clauses, and comparing each with all the others grew as the
/// square of its length.
/// </summary>
/// <typeparam name="T">What each span carries (a clause, its rank).</typeparam>
public sealed class SpanIndex<T>
{
    private readonly List<(int Start, int End, T Item)> _spans = [];
    private int _longest;

    public int Count => _spans.Count;

    public void Add(int start, int end, T item)
    {
        var at = LowerBound(start + 1);
        _spans.Insert(at, (start, end, item));
        _longest = Math.Max(_longest, end - start);
    }

    /// <summary>The items whose span shares at least one character with [start, end), in order of their start.</summary>
    public IEnumerable<T> Overlapping(int start, int end)
    {
        for (var i = LowerBound(start - _longest); i < _spans.Count && _spans[i].Start < end; i++)
        {
            if (_spans[i].End > start)
            {
                yield return _spans[i].Item;
            }
        }
    }

    // The first position whose start is at least `start`.
    private int LowerBound(int start)
    {
        int lo = 0, hi = _spans.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_spans[mid].Start < start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
