using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Risk;
using DealLens.Core.Text;

namespace DealLens.Core.Review;

/// <summary>Why an item is in the review queue: the most severe reason decides its place.</summary>
public sealed record ReviewFlag(Severity Severity, IReadOnlyList<string> Reasons);

/// <summary>Decides which clauses and deal terms an analyst should check, and how urgently.</summary>
public sealed class ReviewFlagger
{
    private readonly ReviewFlaggingOptions _options;

    public ReviewFlagger(ReviewFlaggingOptions? options = null) => _options = options ?? ReviewFlaggingOptions.Default;

    public static ReviewFlagger Default { get; } = new();

    public ReviewFlaggingOptions Options => _options;

    /// <summary>
    /// Clause types that may be flagged for their type alone (chip_access included, for its access level). Every other
    /// clause is flagged only for low confidence or a redacted amount; a store can prefilter with these.
    /// </summary>
    public IReadOnlyList<string> CandidateTypes
        => [.. _options.TypeSeverity.Keys.Append(ClauseTypes.ChipAccess).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Null when the clause needs no review.</summary>
    public ReviewFlag? Flag(Clause clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var reasons = new List<(Severity Severity, string Reason)>();
        if (_options.TypeSeverity.TryGetValue(clause.Type, out var severity))
        {
            reasons.Add((severity, "risk weight: " + clause.Type));
        }

        if (clause.Type == ClauseTypes.ChipAccess && clause.Fields.Access == _options.UnreliableChipAccess)
        {
            reasons.Add((_options.ChipAccessSeverity, "chip access " + clause.Fields.Access));
        }

        if (clause.Fields.Redacted == true)
        {
            reasons.Add((_options.RedactedSeverity, "amount redacted"));
        }

        // An unsure reading is worth an analyst's time only where the type feeds a score; elsewhere it changes nothing.
        if (clause.Confidence < _options.LowConfidence && (reasons.Count > 0 || IsScored(clause.Type)))
        {
            reasons.Add((_options.LowConfidenceSeverity, FormattableString.Invariant($"low confidence {clause.Confidence:0.00}")));
        }

        // A heading, a definition that only refers elsewhere, or a lead-in cut at its colon states no term to check
        // (analyses stored before headings were kept out of clauses may still hold some). Asked last: its text checks
        // cost more than the rest of the flag, and a clause with no reason is not flagged either way.
        if (reasons.Count == 0 || ClauseShape.StatesNoTerm(clause.Text))
        {
            return null;
        }

        return ToFlag(reasons);
    }

    /// <summary>Types that feed a risk score or the money graph: low confidence in them is worth a review.</summary>
    public bool IsScored(string type)
        => _options.TypeSeverity.ContainsKey(type) || type == ClauseTypes.ChipAccess || _options.ScoredTypes.Contains(type);

    /// <summary>Null when the deal terms need no review.</summary>
    public ReviewFlag? Flag(DealTerms deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var reasons = new List<(Severity Severity, string Reason)>();
        if (deal.TotalValue is { Redacted: true })
        {
            reasons.Add((_options.RedactedDealSeverity, "deal value redacted"));
        }

        if (deal.TotalValue is { Binding: false })
        {
            reasons.Add((_options.NonBindingDealSeverity, "headline value is a ceiling or non-binding"));
        }

        return ToFlag(reasons);
    }

    /// <summary>
    /// One span, one item: when flagged clauses of one document cover (nearly) the same text under different types, only
    /// the best reading is queued (most confident, then most severe, then by type name). Returns the ids of the other
    /// readings, with the id of the reading that stands for them.
    /// </summary>
    public IReadOnlyDictionary<string, string> Shadowed(IEnumerable<Clause> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        return ShadowedFlagged(clauses.Select(c => (c, Flag(c))));
    }

    /// <summary>
    /// <see cref="Shadowed"/> for clauses whose <see cref="Flag(Clause)"/> is already known (the
    /// review queue computes each flag once: the text checks of <see cref="ClauseShape.StatesNoTerm"/> are most of its cost).
    /// </summary>
    public IReadOnlyDictionary<string, string> ShadowedFlagged(IEnumerable<(Clause Clause, ReviewFlag? Flag)> flagged)
    {
        ArgumentNullException.ThrowIfNull(flagged);
        var ranked = flagged
            .Where(p => p.Flag is not null)
            .OrderByDescending(p => p.Clause.Confidence)
            .ThenByDescending(p => Severity.Rank(p.Flag!.Severity))
            .ThenBy(p => p.Clause.Type, StringComparer.Ordinal)
            .ThenBy(p => p.Clause.Id, StringComparer.Ordinal)
            .Select(p => p.Clause)
            .ToList();
        // The better reading of a span is the first kept one (in rank order) that is the same span.
        var kept = new SpanIndex<(int Rank, Clause Clause)>();
        var shadowed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var clause in ranked)
        {
            Clause? better = null;
            var betterRank = int.MaxValue;
            foreach (var (rank, other) in kept.Overlapping(clause.Start, clause.End))
            {
                if (rank < betterRank && SameSpan(other, clause, _options.SameSpanOverlap))
                {
                    (better, betterRank) = (other, rank);
                }
            }

            if (better is not null)
            {
                shadowed[clause.Id] = better.Id;
            }
            else
            {
                kept.Add(clause.Start, clause.End, (kept.Count, clause));
            }
        }

        return shadowed;
    }

    /// <summary>Two spans are one when their common part is at least <paramref name="overlap"/> of the longer one.</summary>
    public static bool SameSpan(Clause a, Clause b, double overlap)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var common = Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start);
        var longer = Math.Max(a.End - a.Start, b.End - b.Start);
        return common > 0 && common >= overlap * longer;
    }

    /// <summary>
    /// Each clause's flag rank as the review queue orders it (the <see cref="Severity"/> rank of its flag: 3 high, 2 medium,
    /// 1 low, 0 not flagged), with the second readings of a span <see cref="Shadowed"/> ranked 0. Stored with the clauses
    /// so a large queue is ranked and cut from an index; <see cref="RulesFingerprint"/> says when to recompute them.
    /// </summary>
    public IReadOnlyDictionary<string, int> FlagRanks(IReadOnlyList<Clause> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        var shadowed = Shadowed(clauses);
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var clause in clauses)
        {
            ranks[clause.Id] = !shadowed.ContainsKey(clause.Id) && Flag(clause) is { } flag ? Severity.Rank(flag.Severity) : 0;
        }

        return ranks;
    }

    /// <summary>
    /// Names the rules <see cref="FlagRanks"/> follows: the options that decide a clause's rank, and
    /// <see cref="RulesVersion"/> for the code. Ranks stored under another fingerprint are stale (a severity changed).
    /// </summary>
    public string RulesFingerprint
    {
        get
        {
            var o = _options;
            var text = string.Join(
                "\n",
                "rules " + RulesVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "low " + o.LowConfidence.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " " + o.LowConfidenceSeverity,
                "types " + string.Join(",", o.TypeSeverity.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)),
                "scored " + string.Join(",", o.ScoredTypes.Order(StringComparer.Ordinal)),
                "chip " + o.UnreliableChipAccess + "=" + o.ChipAccessSeverity,
                "redacted " + o.RedactedSeverity,
                "span " + o.SameSpanOverlap.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
        }
    }

    /// <summary>Bump when <see cref="Flag(Clause)"/> or <see cref="Shadowed"/> change in code, so stored ranks are recomputed.</summary>
    public const int RulesVersion = 1;

    public ReviewFlag FlagCycle() => new(_options.CycleSeverity, ["new circular-financing cycle"]);

    private static ReviewFlag? ToFlag(List<(Severity Severity, string Reason)> reasons)
        => reasons.Count == 0
            ? null
            : new ReviewFlag(
                reasons.MaxBy(r => Severity.Rank(r.Severity)).Severity,
                reasons.OrderByDescending(r => Severity.Rank(r.Severity)).Select(r => r.Reason).ToList());
}
