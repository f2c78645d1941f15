using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Risk;

namespace DealLens.Core.Review;

/// <summary>A stored clause with its document and, once a reviewer touched it, its review state.</summary>
public sealed record StoredClause(string DocumentSha256, string Document, Clause Clause, ReviewedState? Review);

/// <summary>A cycle in the queue, with what a company or document filter narrows it by (company keys, source paths).</summary>
public sealed record CycleQueueEntry(CycleReviewItem Item, IReadOnlyList<string> CompanyKeys, IReadOnlyList<string> Documents)
{
    /// <summary>
    /// Whether a company or document filter keeps the cycle: it runs through <paramref name="companyKey"/>, and rests on
    /// one of <paramref name="documents"/> (source paths). Null means no filter.
    /// </summary>
    public bool Matches(string? companyKey, IReadOnlySet<string>? documents)
        => (companyKey is null || CompanyKeys.Contains(companyKey, StringComparer.Ordinal))
            && (documents is null || Documents.Any(documents.Contains));
}

/// <summary>
/// Turns what the review store read (clauses, deal terms, risk snapshots, review rows) into queue items: reviewed
/// values applied (<see cref="ReviewOverlay"/>), flagged by a <see cref="ReviewFlagger"/>, repeated readings of one
/// span merged. Pure: the store only reads and writes rows.
/// </summary>
public static class ReviewQueueBuilder
{
    /// <summary>The reason a lost clause item is listed with.</summary>
    public const string NoLongerFoundReason = "no longer found by the latest analysis";

    /// <summary>
    /// Clause items: each clause with its reviewed values applied and flagged; an unflagged clause nobody reviewed is
    /// left out. One span, one item: an unreviewed second reading of a span another flagged reading stands for is left
    /// out, and the reading kept names the others. With <paramref name="oneItem"/> (one item asked for by id) every
    /// clause is kept as it is.
    /// </summary>
    public static IReadOnlyList<ClauseReviewItem> ClauseItems(IEnumerable<StoredClause> clauses, ReviewFlagger flagger, bool oneItem = false)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        ArgumentNullException.ThrowIfNull(flagger);
        var read = new List<(StoredClause Stored, Clause Reviewed, ReviewFlag? Flag)>();
        foreach (var stored in clauses)
        {
            var reviewed = ReviewOverlay.Apply(stored.Clause, stored.Review?.Overrides ?? ReviewOverrides.None);
            var flag = flagger.Flag(reviewed);
            if (flag is null && stored.Review is null && !oneItem)
            {
                continue;
            }

            read.Add((stored, reviewed, flag));
        }

        var shadowed = oneItem
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : read.GroupBy(r => r.Stored.DocumentSha256, StringComparer.Ordinal)
                .SelectMany(g => flagger.ShadowedFlagged(g.Select(r => (r.Reviewed, r.Flag))))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var alsoReadAs = read.Where(r => shadowed.ContainsKey(r.Stored.Clause.Id))
            .ToLookup(r => shadowed[r.Stored.Clause.Id], r => r.Reviewed.Type, StringComparer.Ordinal);
        var items = new List<ClauseReviewItem>();
        foreach (var (stored, reviewed, flag) in read)
        {
            var id = stored.Clause.Id;
            if (stored.Review is null && shadowed.ContainsKey(id))
            {
                continue;
            }

            IReadOnlyList<string> reasons = flag?.Reasons ?? [];
            if (alsoReadAs[id].Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } others)
            {
                reasons = [.. reasons, "also read as " + string.Join(", ", others)];
            }

            items.Add((ClauseReviewItem)new ClauseReviewItem
            {
                Id = ReviewItemIds.ForClause(id),
                DocumentSha256 = stored.DocumentSha256,
                Document = stored.Document,
                ClauseId = id,
                ClauseType = reviewed.Type,
                ExtractedType = stored.Clause.Type,
                Page = reviewed.Page,
                Start = reviewed.Start,
                End = reviewed.End,
                Quote = reviewed.Text,
                Confidence = reviewed.Confidence,
                Fields = reviewed.Fields,
                Severity = flag?.Severity ?? Severity.Low,
                Reasons = reasons,
            }.WithReview(stored.Review));
        }

        return items;
    }

    /// <summary>A reviewed clause no re-analysis could find again, listed from what its item kept of it.</summary>
    public static ClauseReviewItem LostClauseItem(ReviewItem item, string? document)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ClauseReviewItem
        {
            Id = ReviewItemIds.ForClause(item.ItemKey),
            DocumentSha256 = item.DocumentSha256 ?? "",
            Document = document,
            ClauseType = item.Overrides.Type ?? item.ClauseType ?? "",
            ExtractedType = item.ClauseType,
            Start = item.Start,
            End = item.End,
            Quote = item.Quote,
            Severity = Severity.Medium,
            Reasons = [NoLongerFoundReason],
            Status = item.Status,
            Assignee = item.Assignee,
            Overrides = item.Overrides,
            Version = item.Version,
            UpdatedAt = item.UpdatedAt,
            UpdatedBy = item.UpdatedBy,
        };
    }

    /// <summary>A document's deal terms with reviewed values applied, flagged, quoting the total value's evidence.</summary>
    public static DealTermsReviewItem DealTermsItem(
        string sha256, string document, DealTerms extracted, IEnumerable<FieldEvidence> evidence, ReviewedState? review, ReviewFlagger flagger)
    {
        ArgumentNullException.ThrowIfNull(extracted);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(flagger);
        var reviewed = ReviewOverlay.Apply(extracted, review?.Overrides ?? ReviewOverrides.None);
        var flag = flagger.Flag(reviewed);
        var quote = evidence.FirstOrDefault(e => e.Field == DealTermFields.TotalValue);
        return (DealTermsReviewItem)new DealTermsReviewItem
        {
            Id = ReviewItemIds.ForDeal(sha256),
            DocumentSha256 = sha256,
            Document = document,
            Page = quote?.Page,
            Start = quote?.Start,
            End = quote?.End,
            Quote = quote?.Text,
            Fields = new ClauseFields
            {
                Amount = reviewed.TotalValue?.Amount,
                Currency = reviewed.TotalValue?.Currency,
                Redacted = reviewed.TotalValue?.Redacted,
                Months = reviewed.TermMonths,
            },
            Severity = flag?.Severity ?? Severity.Low,
            Reasons = flag?.Reasons ?? [],
        }.WithReview(review);
    }

    /// <summary>
    /// The cycles of the latest risk snapshots, plus every cycle a reviewer has decided on that is no longer among them
    /// (low severity, saying why). <paramref name="reviewed"/> are the cycle review items.
    /// </summary>
    public static IReadOnlyList<CycleQueueEntry> CycleItems(
        IEnumerable<RiskSnapshot> snapshots, IEnumerable<ReviewItem> reviewed, ReviewFlagger flagger)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(reviewed);
        ArgumentNullException.ThrowIfNull(flagger);
        var items = reviewed.ToDictionary(i => i.ItemKey, StringComparer.Ordinal);
        var result = new Dictionary<string, CycleQueueEntry>(StringComparer.Ordinal);
        foreach (var snapshot in snapshots)
        {
            var subject = snapshot.Subject;
            var names = snapshot.Companies.Select(c => c.Name).ToList();
            result[subject] = new CycleQueueEntry(
                Cycle(subject, string.Join(" -> ", names.Append(names.Count > 0 ? names[0] : subject)), flagger.FlagCycle(), items.GetValueOrDefault(subject)),
                snapshot.Companies.Select(c => c.Key).ToList(), snapshot.Documents);
        }

        foreach (var (subject, item) in items.Where(p => !result.ContainsKey(p.Key)))
        {
            var flag = new ReviewFlag(Severity.Low, [item.Status == ReviewStatus.Rejected ? "rejected: left out of the risk report" : "not in the latest risk report"]);
            result[subject] = new CycleQueueEntry(Cycle(subject, subject.Replace(">", " -> ", StringComparison.Ordinal), flag, item), subject.Split('>'), []);
        }

        return result.Values.ToList();
    }

    private static CycleReviewItem Cycle(string subject, string path, ReviewFlag flag, ReviewItem? item) => new()
    {
        Id = ReviewItemIds.ForCycle(subject),
        Subject = subject,
        Path = path,
        Severity = flag.Severity,
        Reasons = flag.Reasons,
        Status = item?.Status ?? ReviewStatus.Open,
        Assignee = item?.Assignee,
        Overrides = item?.Overrides ?? ReviewOverrides.None,
        Version = item?.Version ?? 0,
        UpdatedAt = item?.UpdatedAt,
        UpdatedBy = item?.UpdatedBy,
    };
}
