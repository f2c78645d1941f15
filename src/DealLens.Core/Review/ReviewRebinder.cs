using DealLens.Core.Clauses;
using DealLens.Core.Text;

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
/// Keeps reviewers' decisions across re-analysis (a new extractor or model). A reviewed clause keeps its decision
/// when the new analysis has the same clause id; else when a clause of the same type (as extracted or as corrected)
/// shares at least <see cref="MinWordOverlap"/> of its words with the reviewed quote; else it is marked no longer
/// found. An item is never dropped, and no two items bind to one clause.
/// </summary>
public static class ReviewRebinder
{
    public const double MinWordOverlap = 0.5;

    public static IReadOnlyList<Rebinding> Rebind(IReadOnlyList<ReviewItem> items, IReadOnlyList<Clause> clauses)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(clauses);
        var clauseItems = items.Where(i => i.Kind == ReviewKinds.Clause).OrderBy(i => i.Id).ToList();
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

    /// <summary>Shared distinct words over the larger word count of the two texts, 0 to 1.</summary>
    public static double WordOverlap(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var left = WordTokenizer.Words(a).ToHashSet(StringComparer.Ordinal);
        var right = WordTokenizer.Words(b).ToHashSet(StringComparer.Ordinal);
        var larger = Math.Max(left.Count, right.Count);
        return larger == 0 ? 0 : (double)left.Count(right.Contains) / larger;
    }

    private static Clause? BestMatch(ReviewItem item, IReadOnlyList<Clause> clauses, HashSet<string> claimed)
    {
        if (item.Quote is null)
        {
            return null;
        }

        Clause? best = null;
        var bestOverlap = 0.0;
        var bestDistance = int.MaxValue;
        foreach (var clause in clauses)
        {
            if (claimed.Contains(clause.Id) || !(clause.Type == item.ClauseType || clause.Type == item.Overrides.Type))
            {
                continue;
            }

            var overlap = WordOverlap(item.Quote, clause.Text);
            var distance = Math.Abs(clause.Start - (item.Start ?? 0));
            if (overlap >= MinWordOverlap && (overlap > bestOverlap || (overlap == bestOverlap && distance < bestDistance)))
            {
                (best, bestOverlap, bestDistance) = (clause, overlap, distance);
            }
        }

        return best;
    }
}
