namespace DealLens.Core.Review;

/// <summary>
/// The stored state of one reviewed item (a ReviewItems row). <see cref="ItemKey"/> never changes;
/// <see cref="ClauseId"/> is the clause the item is bound to now (null when no longer found, and for deal terms and
/// cycles). <see cref="ClauseType"/>, <see cref="Quote"/> are the clause as first reviewed; <see cref="Start"/> and
/// <see cref="End"/> follow re-binding.
/// </summary>
public sealed record ReviewItem(
    long Id,
    ReviewItemKind Kind,
    string? DocumentSha256,
    string ItemKey,
    string? ClauseId,
    string? ClauseType,
    string? Quote,
    int? Start,
    int? End,
    ReviewStatus Status,
    string? Assignee,
    ReviewOverrides Overrides,
    long Version,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    /// <summary>What an audit row records before and after an action.</summary>
    public ReviewState State => new(Status, Assignee, Overrides, ClauseId, Version);
}

/// <summary>The part of a review item an action changes, written to the audit trail as before/after JSON.</summary>
public sealed record ReviewState(ReviewStatus Status, string? Assignee, ReviewOverrides Overrides, string? ClauseId, long Version)
{
    /// <summary>An item nobody has reviewed yet (no row): open, version 0.</summary>
    public static ReviewState Unreviewed(string? clauseId) => new(ReviewStatus.Open, null, ReviewOverrides.None, clauseId, 0);
}

/// <summary>One row of the append-only audit trail: who did what, when, with the item's state before and after (JSON).</summary>
public sealed record ReviewAuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string? BeforeJson, string? AfterJson, string? Comment);

/// <summary>
/// A review item a reviewer named, resolved against the database. <see cref="ReviewItemId"/> is null while nobody has
/// reviewed it; <see cref="ClauseId"/> is null for deal terms, cycles and clauses no longer found.
/// </summary>
public sealed record ReviewTarget(string Id, ReviewItemKind Kind, string? DocumentSha256, string ItemKey, string? ClauseId, long? ReviewItemId);
