using DealLens.Core.Clauses;

namespace DealLens.Core.Review;

/// <summary>What re-analysis did to one reviewed clause item.</summary>
public static class RebindOutcomes
{
    /// <summary>The same clause (same id) is still there: nothing changes.</summary>
    public const string Kept = "kept";

    /// <summary>Another clause now stands for the reviewed quote: the item follows it.</summary>
    public const string Rebound = "rebound";

    /// <summary>No clause matches any more: the item becomes no_longer_found.</summary>
    public const string Lost = "lost";

    /// <summary>An item that was no longer found matches a clause again.</summary>
    public const string FoundAgain = "found_again";

    /// <summary>Was no longer found and still is: nothing changes.</summary>
    public const string StillLost = "still_lost";
}

/// <summary>The outcome for one item; <see cref="Clause"/> is the clause it is bound to now (null when lost).</summary>
public sealed record Rebinding(ReviewItem Item, string Outcome, Clause? Clause);

/// <summary>
/// What re-analysis writes to one review item: its new state, the audit row (action, before, after, comment) and the
/// span it now stands at (null: unchanged).
/// </summary>
public sealed record ReviewItemChange(ReviewItem Item, string Action, ReviewState Before, ReviewState After, string Comment, int? Start, int? End);

/// <summary>
/// Keeps reviewers' decisions across re-analysis (a new extractor or model) only where the reviewed clause is still
/// there. A reviewed clause keeps its decision when the new analysis has the same clause id; else when a clause of the
/// same type (as extracted or as corrected) is the same sentence re-extracted: its span covers at least
/// <see cref="MinSpanOverlap"/> of the shorter of the two spans, and its text is the reviewed quote, the quote with a heading
/// or a neighbouring phrase added or cut (<see cref="MinContainedShare"/>), or within <see cref="MaxEditShare"/>
/// character edits of it. Anything else — another sentence of the same type elsewhere, however similar its words — is
/// a new clause nobody reviewed: the decision is kept as no longer found and the new clause stays unreviewed. An item
/// is never dropped, and no two items bind to one clause.
/// </summary>
public static class ReviewRebinder
{
    /// <summary>
    /// The shared part of the reviewed and the new span, over the shorter span, for the new clause to stand at the same
    /// place. Two sentences side by side share nothing, however alike their words.
    /// </summary>
    public const double MinSpanOverlap = 0.5;

    /// <summary>Most character edits (over the longer text, after whitespace and case are normalised) for the same sentence.</summary>
    public const double MaxEditShare = 0.1;

    /// <summary>When one text contains the other, the shorter must be at least this share of the longer.</summary>
    public const double MinContainedShare = 0.6;

    public static IReadOnlyList<Rebinding> Rebind(IReadOnlyList<ReviewItem> items, IReadOnlyList<Clause> clauses)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(clauses);
        var clauseItems = items.Where(i => i.Kind == ReviewItemKind.Clause).OrderBy(i => i.Id).ToList();
        var byId = clauses.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var results = new Dictionary<long, Rebinding>();

        // First every exact id, so a clause that is still there is never taken by another item's quote match.
        foreach (var item in clauseItems)
        {
            var id = item.ClauseId ?? item.ItemKey;
            if (byId.TryGetValue(id, out var same) && claimed.Add(same.Id))
            {
                var outcome = item.Status == ReviewStatus.NoLongerFound ? RebindOutcomes.FoundAgain
                    : item.ClauseId == same.Id ? RebindOutcomes.Kept
                    : RebindOutcomes.Rebound;
                results[item.Id] = new Rebinding(item, outcome, same);
            }
        }

        foreach (var item in clauseItems.Where(i => !results.ContainsKey(i.Id)))
        {
            var match = BestMatch(item, clauses, claimed);
            if (match is not null)
            {
                claimed.Add(match.Id);
                results[item.Id] = new Rebinding(
                    item, item.Status == ReviewStatus.NoLongerFound ? RebindOutcomes.FoundAgain : RebindOutcomes.Rebound, match);
            }
            else
            {
                results[item.Id] = new Rebinding(
                    item, item.Status == ReviewStatus.NoLongerFound ? RebindOutcomes.StillLost : RebindOutcomes.Lost, null);
            }
        }

        return clauseItems.Select(i => results[i.Id]).ToList();
    }

    /// <summary>
    /// The changes re-analysis by <paramref name="extractor"/> makes to the reviewed clause items of one document: an item
    /// follows the clause that now stands for its quote, becomes no_longer_found, or is found again with the status it had
    /// before it was lost (<paramref name="statusBeforeLost"/>, by item id; open when unknown). Kept items need no change.
    /// </summary>
    public static IReadOnlyList<ReviewItemChange> Changes(
        IReadOnlyList<ReviewItem> items, IReadOnlyList<Clause> clauses, string extractor, IReadOnlyDictionary<long, ReviewStatus> statusBeforeLost)
    {
        ArgumentNullException.ThrowIfNull(statusBeforeLost);
        var changes = new List<ReviewItemChange>();
        foreach (var rebinding in Rebind(items, clauses))
        {
            var item = rebinding.Item;
            var before = item.State;
            var clause = rebinding.Clause;
            switch (rebinding.Outcome)
            {
                case RebindOutcomes.Rebound:
                    changes.Add(new ReviewItemChange(
                        item, ReviewVerbs.Rebind, before, before with { ClauseId = clause!.Id, Version = before.Version + 1 },
                        $"re-analysis ({extractor}): clause {clause.Id} now stands for the reviewed quote", clause.Start, clause.End));
                    break;
                case RebindOutcomes.Lost:
                    changes.Add(new ReviewItemChange(
                        item, ReviewVerbs.NoLongerFound, before,
                        before with { Status = ReviewStatus.NoLongerFound, ClauseId = null, Version = before.Version + 1 },
                        $"re-analysis ({extractor}): no clause of type {item.ClauseType} matches the reviewed quote any more", null, null));
                    break;
                case RebindOutcomes.FoundAgain:
                    changes.Add(new ReviewItemChange(
                        item, ReviewVerbs.FoundAgain, before,
                        before with
                        {
                            Status = statusBeforeLost.TryGetValue(item.Id, out var status) && status != ReviewStatus.NoLongerFound ? status : ReviewStatus.Open,
                            ClauseId = clause!.Id,
                            Version = before.Version + 1,
                        },
                        $"re-analysis ({extractor}): clause {clause.Id} matches the reviewed quote again", clause.Start, clause.End));
                    break;
            }
        }

        return changes;
    }

    /// <summary>Whether <paramref name="candidate"/> is the reviewed quote re-extracted (see the class summary); positions are checked separately.</summary>
    public static bool IsSameSentence(string reviewedQuote, string candidate)
    {
        ArgumentNullException.ThrowIfNull(reviewedQuote);
        ArgumentNullException.ThrowIfNull(candidate);
        var a = Normalise(reviewedQuote);
        var b = Normalise(candidate);
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        if (a == b)
        {
            return true;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (longer.Contains(shorter, StringComparison.Ordinal))
        {
            return shorter.Length >= MinContainedShare * longer.Length;
        }

        var maxEdits = (int)Math.Floor(MaxEditShare * longer.Length);
        return EditDistanceWithin(a, b, maxEdits) <= maxEdits;
    }

    /// <summary>
    /// Levenshtein distance of <paramref name="a"/> and <paramref name="b"/> when it is at most <paramref name="limit"/>,
    /// else <paramref name="limit"/> + 1. Only the diagonal band of width 2·limit+1 is computed, so long quotes stay cheap.
    /// </summary>
    public static int EditDistanceWithin(string a, string b, int limit)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var over = limit + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j <= limit ? j : over;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var from = Math.Max(1, i - limit);
            var to = Math.Min(b.Length, i + limit);
            Array.Fill(current, over);
            current[0] = i <= limit ? i : over;
            var rowBest = current[0];
            for (var j = from; j <= to; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                current[j] = Math.Min(value, over);
                rowBest = Math.Min(rowBest, current[j]);
            }

            if (rowBest > limit)
            {
                return over;
            }

            (previous, current) = (current, previous);
        }

        return Math.Min(previous[b.Length], over);
    }

    private static string Normalise(string text)
        => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static bool IsNearby(ReviewItem item, Clause clause)
    {
        if (item.Start is not { } start || item.End is not { } end)
        {
            return false;
        }

        var shared = Math.Min(end, clause.End) - Math.Max(start, clause.Start);
        var shorter = Math.Min(end - start, clause.End - clause.Start);
        return shorter > 0 && shared >= MinSpanOverlap * shorter;
    }

    private static Clause? BestMatch(ReviewItem item, IReadOnlyList<Clause> clauses, HashSet<string> claimed)
    {
        if (item.Quote is null)
        {
            return null;
        }

        Clause? best = null;
        var bestDistance = int.MaxValue;
        foreach (var clause in clauses)
        {
            if (claimed.Contains(clause.Id) || !(clause.Type == item.ClauseType || clause.Type == item.Overrides.Type)
                || !IsNearby(item, clause) || !IsSameSentence(item.Quote, clause.Text))
            {
                continue;
            }

            var distance = Math.Abs(clause.Start - (item.Start ?? 0)) + Math.Abs(clause.End - (item.End ?? 0));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (clause, distance);
            }
        }

        return best;
    }
}
