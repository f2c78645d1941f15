using DealLens.Core.Clauses;

namespace DealLens.Core.Review;

/// <summary>
/// One line of the review queue: a flagged (or already reviewed) clause, deal terms or cycle, with its review state.
/// <see cref="Id"/> is what a reviewer types. <see cref="Type"/> is the type as reviewed (a clause type, or the kind
/// for deal terms and cycles); <see cref="ExtractedType"/> the type the extractor gave. <see cref="Version"/> is 0 for an
/// item nobody has touched yet.
/// </summary>
public sealed record ReviewQueueItem(
    string Id,
    string Kind,
    string? DocumentSha256,
    string? Document,
    string? ClauseId,
    string Type,
    string? ExtractedType,
    int? Page,
    int? Start,
    int? End,
    string? Quote,
    double? Confidence,
    ClauseFields? Fields,
    string Severity,
    IReadOnlyList<string> Reasons,
    string Status,
    string? Assignee,
    ReviewOverrides Overrides,
    long Version,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy);

/// <summary>
/// Narrows the queue. <see cref="Company"/> is any spelling or alias; <see cref="Type"/> a clause type or
/// <c>deal_terms</c> / <c>cycle</c>; <see cref="Document"/> part of a source path or a prefix of its SHA-256;
/// <see cref="Status"/> one of <see cref="ReviewStatus"/>. Null means no filter.
/// </summary>
public sealed record ReviewQueueFilter
{
    public static ReviewQueueFilter None { get; } = new();

    public string? Company { get; init; }

    public string? Type { get; init; }

    public string? Document { get; init; }

    public string? Status { get; init; }

    public string? Assignee { get; init; }

    public int? Limit { get; init; }
}

/// <summary>How the queue is ordered and filtered once its items are read.</summary>
public static class ReviewQueueOrder
{
    /// <summary>Most severe first; within a severity, what still needs a decision (open, no longer found) first; then by document and position.</summary>
    public static IReadOnlyList<ReviewQueueItem> Order(IEnumerable<ReviewQueueItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items
            .OrderByDescending(i => Risk.Severity.Rank(i.Severity))
            .ThenBy(i => NeedsDecision(i.Status) ? 0 : 1)
            .ThenBy(i => i.Document ?? "", StringComparer.Ordinal)
            .ThenBy(i => i.Start ?? -1)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
    }

    public static bool NeedsDecision(string status) => status is ReviewStatus.Open or ReviewStatus.NoLongerFound;

    /// <summary>Filters on what is known once the item is read: status, assignee and the type as reviewed.</summary>
    public static bool Matches(ReviewQueueItem item, ReviewQueueFilter filter)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(filter);
        return (filter.Status is null || item.Status == filter.Status)
            && (filter.Assignee is null || string.Equals(item.Assignee, filter.Assignee, StringComparison.OrdinalIgnoreCase))
            && (filter.Type is null || item.Type == filter.Type);
    }
}
