using DealLens.Core.Clauses;
using DealLens.Core.Risk;

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
    Severity Severity,
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

    /// <summary>Show every unreviewed reading, not only the first few per document and type (see <see cref="ReviewQueueOrder.Fold"/>).</summary>
    public bool Unfolded { get; init; }

    /// <summary>A filter by document and type asks for that list in full: nothing is folded then.</summary>
    public bool Folds => !Unfolded && (Document is null || Type is null);
}

/// <summary>How the queue is ordered and filtered once its items are read.</summary>
public static class ReviewQueueOrder
{
    /// <summary>Most severe first; within a severity, what still needs a decision (open, no longer found) first; then by document and position.</summary>
    public static IReadOnlyList<ReviewQueueItem> Order(IEnumerable<ReviewQueueItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items
            .OrderByDescending(i => i.Severity)
            .ThenBy(i => NeedsDecision(i.Status) ? 0 : 1)
            .ThenBy(i => i.Document ?? "", StringComparer.Ordinal)
            .ThenBy(i => i.Start ?? -1)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Repeated readings of one type in one document are one decision for an analyst: of the unreviewed clause items of a
    /// document and type, the first <paramref name="perDocumentType"/> in queue order stay and the last of them says how
    /// many more there are and how to list them; reviewed items, deal terms and cycles always stay. Expects ordered items.
    /// </summary>
    public static IReadOnlyList<ReviewQueueItem> Fold(IReadOnlyList<ReviewQueueItem> ordered, int perDocumentType)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        if (perDocumentType <= 0)
        {
            return ordered;
        }

        static bool Foldable(ReviewQueueItem i) => i.Kind == ReviewKinds.Clause && i.Version == 0 && i.DocumentSha256 is not null;
        var groups = ordered.Where(Foldable)
            .GroupBy(i => (i.DocumentSha256!, i.Type))
            .Where(g => g.Count() > perDocumentType)
            .ToDictionary(g => g.Key, g => g.ToList());
        if (groups.Count == 0)
        {
            return ordered;
        }

        var folded = groups.Values.SelectMany(g => g.Skip(perDocumentType)).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var last = groups.ToDictionary(g => g.Value[perDocumentType - 1].Id, g => g.Value.Count - perDocumentType, StringComparer.Ordinal);
        return ordered
            .Where(i => !folded.Contains(i.Id))
            .Select(i => last.TryGetValue(i.Id, out var more)
                ? i with
                {
                    Reasons = [.. i.Reasons, FormattableString.Invariant(
                        $"{more} more {i.Type} reading{(more == 1 ? "" : "s")} in this document: review list --document {ShortSha(i.DocumentSha256)} --type {i.Type}")],
                }
                : i)
            .ToList();
    }

    private static string ShortSha(string? sha256) => sha256 is null ? "" : sha256[..Math.Min(12, sha256.Length)];

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
