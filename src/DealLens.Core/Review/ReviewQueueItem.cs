using DealLens.Core.Clauses;
using DealLens.Core.Output;
using DealLens.Core.Risk;

namespace DealLens.Core.Review;

/// <summary>
/// One line of the review queue: a flagged (or already reviewed) clause, deal terms or cycle, with its review state.
/// <see cref="Id"/> is what a reviewer types; <see cref="Type"/> the type as reviewed (a clause type, or the kind's word
/// for deal terms and cycles). <see cref="Version"/> is 0 for an item nobody has touched yet. Each kind is its own
/// sealed record carrying only what that kind has; writers switch on the type.
/// </summary>
public abstract record ReviewQueueItem
{
    public required string Id { get; init; }

    public abstract ReviewItemKind Kind { get; }

    public abstract string Type { get; }

    public required Severity Severity { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    public ReviewStatus Status { get; init; }

    public string? Assignee { get; init; }

    public ReviewOverrides Overrides { get; init; } = ReviewOverrides.None;

    public long Version { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? UpdatedBy { get; init; }

    /// <summary>The stored review state, or that of an item nobody has reviewed yet (open, version 0) when null.</summary>
    public ReviewQueueItem WithReview(ReviewedState? review) => review is null ? this : this with
    {
        Status = review.Status,
        Assignee = review.Assignee,
        Overrides = review.Overrides,
        Version = review.Version,
        UpdatedAt = review.UpdatedAt,
        UpdatedBy = review.UpdatedBy,
    };
}

/// <summary>
/// An item located in one document. <see cref="Document"/> is its source path (null when the document is not stored any
/// more); <see cref="Quote"/> the text the item rests on.
/// </summary>
public abstract record DocumentReviewItem : ReviewQueueItem
{
    public required string DocumentSha256 { get; init; }

    public string? Document { get; init; }

    public int? Page { get; init; }

    public int? Start { get; init; }

    public int? End { get; init; }

    public string? Quote { get; init; }
}

/// <summary>
/// A clause. <see cref="ClauseId"/> is null when re-analysis no longer found it (then page, confidence and fields are
/// unknown); <see cref="ClauseType"/> is the type as reviewed, <see cref="ExtractedType"/> the type the extractor gave.
/// </summary>
public sealed record ClauseReviewItem : DocumentReviewItem
{
    public override ReviewItemKind Kind => ReviewItemKind.Clause;

    public override string Type => ClauseType;

    public string? ClauseId { get; init; }

    public required string ClauseType { get; init; }

    public string? ExtractedType { get; init; }

    public double? Confidence { get; init; }

    public ClauseFields? Fields { get; init; }
}

/// <summary>A document's deal terms as reviewed: total value and term in <see cref="Fields"/>, the total value's quote.</summary>
public sealed record DealTermsReviewItem : DocumentReviewItem
{
    public override ReviewItemKind Kind => ReviewItemKind.DealTerms;

    public override string Type => Vocabulary.Name(ReviewItemKind.DealTerms);

    public required ClauseFields Fields { get; init; }
}

/// <summary>A financing cycle: <see cref="Subject"/> as risk snapshots name it, <see cref="Path"/> as people read it ("A -> B -> A").</summary>
public sealed record CycleReviewItem : ReviewQueueItem
{
    public override ReviewItemKind Kind => ReviewItemKind.Cycle;

    public override string Type => Vocabulary.Name(ReviewItemKind.Cycle);

    public required string Subject { get; init; }

    public required string Path { get; init; }
}

/// <summary>The review state of a stored ReviewItems row, as the queue shows it.</summary>
public sealed record ReviewedState(
    ReviewStatus Status, string? Assignee, ReviewOverrides Overrides, long Version, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>
/// Narrows the queue. <see cref="Company"/> is any spelling or alias; <see cref="Type"/> a clause type or
/// <c>deal_terms</c> / <c>cycle</c>; <see cref="Document"/> part of a source path or a prefix of its SHA-256;
/// <see cref="Status"/> a <see cref="ReviewStatus"/>. Null means no filter.
/// </summary>
public sealed record ReviewQueueFilter
{
    public static ReviewQueueFilter None { get; } = new();

    public string? Company { get; init; }

    public string? Type { get; init; }

    public string? Document { get; init; }

    public ReviewStatus? Status { get; init; }

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
            .ThenBy(i => (i as DocumentReviewItem)?.Document ?? "", StringComparer.Ordinal)
            .ThenBy(i => (i as DocumentReviewItem)?.Start ?? -1)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Repeated readings of one type in one document are one decision for an analyst: of the unreviewed clause items of a
    /// document and type, the first <paramref name="perDocumentType"/> in queue order stay and the last of them says how
    /// many more there are and how to list them; reviewed items, deal terms and cycles always stay. Expects ordered items.
    /// <paramref name="readingsInGroup"/> gives a group's true size when <paramref name="ordered"/> holds only the first
    /// readings of the queue (a page cut in SQL), so "N more" counts the readings that were never read too.
    /// </summary>
    public static IReadOnlyList<ReviewQueueItem> Fold(
        IReadOnlyList<ReviewQueueItem> ordered, int perDocumentType,
        Func<(string DocumentSha256, string Type), int?>? readingsInGroup = null)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        if (perDocumentType <= 0)
        {
            return ordered;
        }

        var groups = ordered.OfType<ClauseReviewItem>().Where(i => i.Version == 0)
            .GroupBy(i => (i.DocumentSha256, i.Type))
            .Select(g => (Items: g.ToList(), Size: Math.Max(g.Count(), readingsInGroup?.Invoke(g.Key) ?? 0)))
            .Where(g => g.Size > perDocumentType && g.Items.Count >= perDocumentType)
            .ToList();
        if (groups.Count == 0)
        {
            return ordered;
        }

        var folded = groups.SelectMany(g => g.Items.Skip(perDocumentType)).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var last = groups.ToDictionary(g => g.Items[perDocumentType - 1].Id, g => g.Size - perDocumentType, StringComparer.Ordinal);
        return ordered
            .Where(i => !folded.Contains(i.Id))
            .Select(i => last.TryGetValue(i.Id, out var more)
                ? i with
                {
                    Reasons = [.. i.Reasons, FormattableString.Invariant(
                        $"{more} more {i.Type} reading{(more == 1 ? "" : "s")} in this document: review list --document {ShortSha((i as DocumentReviewItem)?.DocumentSha256)} --type {i.Type}")],
                }
                : i)
            .ToList();
    }

    private static string ShortSha(string? sha256) => sha256 is null ? "" : sha256[..Math.Min(12, sha256.Length)];

    public static bool NeedsDecision(ReviewStatus status) => status is ReviewStatus.Open or ReviewStatus.NoLongerFound;

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
