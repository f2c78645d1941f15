using Dapper;
using DealLens.Core;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Core.Review;
using Microsoft.Data.Sqlite;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Storage;

public class ReviewStoreTests : StoreTests
{
    private const string Sha = "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a";
    private const string TakeOrPayText = "Customer shall pay the Monthly Reserved Capacity Fee whether or not it uses the capacity.";
    private const string LoanText = "Provider will lend Customer $300 million under a senior secured term loan.";
    private const string CommitmentText = "Customer commits to a minimum annual spend of $250 million per Contract Year.";

    public ReviewStoreTests()
        : this(StoreBackend.Sqlite)
    {
    }

    protected ReviewStoreTests(StoreBackend backend)
        : base(backend, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero))
    {
    }
    

    private static Clause C(string id, string type, string text, int start, double confidence = 0.9, ClauseFields? fields = null)
        => new(id, type, text, 1, start, start + text.Length, confidence, "embedded", fields ?? ClauseFields.None);

    private static DocumentAnalysis Analysis(IReadOnlyList<Clause> clauses, string sha = Sha, string path = "deal.txt", DealTerms? deal = null)
        => new(path, sha, DocumentText.FromPages([TakeOrPayText + " " + LoanText + " " + CommitmentText], DocumentFormat.Text), clauses,
            deal ?? DealTerms.Empty with { Parties = ["Aurora Silicon Corp.", "Cobalt Cloud LLC"] }, [], "embedded");

    private static readonly Clause s_takeOrPay = C("aaaa000000000001", ClauseTypes.TakeOrPay, TakeOrPayText, 0);
    private static readonly Clause s_loan = C("aaaa000000000002", ClauseTypes.Loan, LoanText, 90);
    private static readonly Clause s_commitment = C("bbbb000000000003", ClauseTypes.MinimumCommitment, CommitmentText, 165, fields: new ClauseFields { Amount = 250_000_000m, Currency = "USD" });
    private static readonly Clause s_law = C("cccc000000000004", ClauseTypes.GoverningLaw, "New York law governs.", 250, confidence: 0.99);

    private async Task SaveAsync(DocumentAnalysis analysis)
        => await Db.Documents.SaveAnalysisAsync(analysis, await Db.Documents.StartRunAsync("analyze", CancellationToken.None), CancellationToken.None);

    private async Task<ReviewItem> ActAsync(string reference, ReviewAction action, long? expectedVersion = null)
        => await Db.Review.ApplyReviewActionAsync(await Db.Review.ResolveReviewTargetAsync(reference, CancellationToken.None), action, expectedVersion, CancellationToken.None);

    private Task<IReadOnlyList<ReviewQueueItem>> QueueAsync(ReviewQueueFilter? filter = null)
        => Db.Review.LoadReviewQueueAsync(filter ?? ReviewQueueFilter.None, ReviewFlagger.Default, CancellationToken.None);

    [StoreFact]
    public async Task Queue_FlaggedClausesOnly_MostSevereFirst()
    {
        await SaveAsync(Analysis([s_takeOrPay, s_loan, s_commitment, s_law]));

        var queue = await QueueAsync();

        Assert.Equal(["aaaa000000000001", "bbbb000000000003", "aaaa000000000002"], queue.Select(i => i.Id));
        Assert.All(queue, i => Assert.Equal(ReviewStatus.Open, i.Status));
        Assert.Equal(0, queue[0].Version);
    }

    [StoreFact]
    public async Task Queue_WithLimit_IsTheFirstItemsOfTheWholeQueue()
    {
        // Many documents whose clauses cover every way to be flagged (type, chip access, redacted, low confidence) and
        // not flagged; some reviewed (accepted, rejected, a type edit that lowers severity), so the SQL-ranked cut of
        // unreviewed clauses must interleave with reviewed items exactly as the in-memory order does.
        var types = new[] { ClauseTypes.TakeOrPay, ClauseTypes.Loan, ClauseTypes.GoverningLaw, ClauseTypes.ChipAccess, ClauseTypes.Exclusivity };
        for (var d = 0; d < 6; d++)
        {
            var clauses = new List<Clause>();
            for (var i = 0; i < 10; i++)
            {
                var fields = (d + i) % 4 == 0 ? new ClauseFields { Redacted = true }
                    : i % 3 == 0 ? new ClauseFields { Access = "subject_to_availability" } : ClauseFields.None;
                clauses.Add(C(FormattableString.Invariant($"{d:x4}{i:x12}"), types[(d * 3 + i) % types.Length], "x", 10 * i,
                    confidence: (i * 7 + d) % 10 / 10.0, fields: fields));
            }

            await SaveAsync(Analysis(clauses, sha: new string((char)('a' + d), 64), path: FormattableString.Invariant($"doc-{5 - d}.txt")));
        }

        await ActAsync("0000000000000000", new ReviewAction(ReviewVerbs.Accept, "alice"));
        await ActAsync("0001000000000003", new ReviewAction(ReviewVerbs.Reject, "alice"));
        await ActAsync("0002000000000001", new ReviewAction(ReviewVerbs.Edit, "bob", Edit: new ReviewOverrides { Type = ClauseTypes.GoverningLaw }));

        foreach (var filter in new[]
        {
            ReviewQueueFilter.None, new ReviewQueueFilter { Type = ClauseTypes.TakeOrPay }, new ReviewQueueFilter { Status = ReviewStatus.Open },
            new ReviewQueueFilter { Status = ReviewStatus.Accepted }, new ReviewQueueFilter { Document = "doc-3" },
        })
        {
            var all = await QueueAsync(filter);
            Assert.True(all.Count > (filter.Status == ReviewStatus.Accepted ? 0 : 3), $"the filter {filter} should leave a queue to cut");
            foreach (var limit in new[] { 1, 3, 7, all.Count / 2, all.Count, all.Count + 5 })
            {
                var first = await QueueAsync(filter with { Limit = limit });
                Assert.Equal(all.Take(limit).Select(i => i.Id), first.Select(i => i.Id));
            }
        }
    }

    [StoreFact]
    public async Task Queue_WithLimit_FillsThePageWhenRepeatedReadingsFold()
    {
        // Each document holds many flagged readings of one type: the fold keeps two per document and type, so a page
        // cut at Limit unreviewed clauses would fold to a handful of items while the queue holds more.
        for (var d = 0; d < 5; d++)
        {
            var clauses = Enumerable.Range(0, 12)
                .Select(i => C(FormattableString.Invariant($"{d:x4}{i:x12}"), i % 4 == 0 ? ClauseTypes.Loan : ClauseTypes.TakeOrPay, "x", 10 * i))
                .ToList();
            await SaveAsync(Analysis(clauses, sha: new string((char)('a' + d), 64), path: FormattableString.Invariant($"doc-{d}.txt")));
        }

        await ActAsync("0001000000000001", new ReviewAction(ReviewVerbs.Accept, "alice"));

        foreach (var filter in new[] { ReviewQueueFilter.None, new ReviewQueueFilter { Status = ReviewStatus.Open }, new ReviewQueueFilter { Type = ClauseTypes.TakeOrPay } })
        {
            var all = await QueueAsync(filter);
            Assert.True(all.Count >= 10, $"the filter {filter} should fold to a queue of at least 10 items, not {all.Count}");
            foreach (var limit in new[] { 1, 2, 3, 5, 9, all.Count, all.Count + 3 })
            {
                var first = await QueueAsync(filter with { Limit = limit });
                Assert.Equal(all.Take(limit).Select(i => i.Id), first.Select(i => i.Id));
                Assert.Equal(all.Take(limit).Select(i => string.Join(" | ", i.Reasons)), first.Select(i => string.Join(" | ", i.Reasons)));
            }
        }
    }

    [StoreFact]
    public async Task ApplyAction_WritesItemAndAuditRow_AuditCannotBeChanged()
    {
        await SaveAsync(Analysis([s_takeOrPay]));

        var item = await ActAsync("aaaa0000", new ReviewAction(ReviewVerbs.Accept, "alice", "checked"));

        Assert.Equal(ReviewStatus.Accepted, item.Status);
        Assert.Equal(1, item.Version);
        Assert.Equal(TakeOrPayText, item.Quote);
        var audit = Assert.Single(await Db.Review.LoadReviewAuditAsync(item.Id, CancellationToken.None));
        Assert.Equal(("alice", "accept", "checked"), (audit.Actor, audit.Action, audit.Comment));
        Assert.Contains("\"status\":\"open\"", audit.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"accepted\"", audit.AfterJson, StringComparison.Ordinal);
        var update = Assert.ThrowsAny<System.Data.Common.DbException>(() => Db.Connection.Execute("UPDATE ReviewAudit SET Actor = 'mallory'"));
        var delete = Assert.ThrowsAny<System.Data.Common.DbException>(() => Db.Connection.Execute("DELETE FROM ReviewAudit"));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<System.Data.Common.DbException>(() => Db.Connection.Execute("DELETE FROM ReviewItems"));
        Assert.Equal(1, Db.Connection.ExecuteScalar<long>("SELECT count(*) FROM ReviewAudit"));
    }

    [StoreFact]
    public async Task ApplyAction_StaleExpectedVersion_RefusedAndNothingSaved()
    {
        await SaveAsync(Analysis([s_takeOrPay]));
        await ActAsync("aaaa0000", new ReviewAction(ReviewVerbs.Accept, "alice"));
        await ActAsync("aaaa0000", new ReviewAction(ReviewVerbs.Comment, "bob", "hm"));

        var ex = await Assert.ThrowsAsync<DealLensException>(() => ActAsync("aaaa0000", new ReviewAction(ReviewVerbs.Reject, "carol"), expectedVersion: 1));

        Assert.Contains("changed since you read it (version 1, now 2", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, Db.Connection.ExecuteScalar<long>("SELECT count(*) FROM ReviewAudit"));
        Assert.Equal(ReviewStatus.Accepted, (await QueueAsync()).Single().Status);
    }

    [StoreFact]
    public async Task Resolve_AmbiguousOrUnknownPrefix_ClearError()
    {
        await SaveAsync(Analysis([s_takeOrPay, s_loan]));

        var ambiguous = await Assert.ThrowsAsync<DealLensException>(() => Db.Review.ResolveReviewTargetAsync("aaaa", CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<DealLensException>(() => Db.Review.ResolveReviewTargetAsync("dddd", CancellationToken.None));
        var deal = await Db.Review.ResolveReviewTargetAsync("deal:5a5a", CancellationToken.None);

        Assert.Contains("ambiguous: it matches 2 items (aaaa000000000001, aaaa000000000002)", ambiguous.Message, StringComparison.Ordinal);
        Assert.Contains("no review item matches 'dddd'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("deal:5a5a5a5a5a5a", deal.Id);
    }

    [StoreFact]
    public async Task Queue_Filters_StatusTypeAsReviewedDocumentAssigneeLimit()
    {
        await SaveAsync(Analysis([s_takeOrPay, s_loan, s_commitment]));
        await SaveAsync(Analysis([C("eeee000000000005", ClauseTypes.TakeOrPay, TakeOrPayText, 0)], sha: new string('e', 64), path: "other.txt",
            deal: DealTerms.Empty with { Parties = ["Delta Power"] }));
        await ActAsync("bbbb", new ReviewAction(ReviewVerbs.Edit, "alice", Edit: new ReviewOverrides { Type = ClauseTypes.TakeOrPay }));
        await ActAsync("aaaa000000000002", new ReviewAction(ReviewVerbs.Assign, "alice", Assignee: "bob"));

        var edited = await QueueAsync(new ReviewQueueFilter { Status = ReviewStatus.Edited });
        var takeOrPay = await QueueAsync(new ReviewQueueFilter { Type = ClauseTypes.TakeOrPay });
        var other = await QueueAsync(new ReviewQueueFilter { Document = "other" });
        var company = await QueueAsync(new ReviewQueueFilter { Company = "delta power inc" });
        var bob = await QueueAsync(new ReviewQueueFilter { Assignee = "bob" });
        var open = await QueueAsync(new ReviewQueueFilter { Status = ReviewStatus.Open, Limit = 1 });

        Assert.Equal(["bbbb000000000003"], edited.Select(i => i.Id));
        Assert.Equal(["aaaa000000000001", "bbbb000000000003", "eeee000000000005"], takeOrPay.Select(i => i.Id).Order());
        Assert.Equal(["eeee000000000005"], other.Select(i => i.Id));
        Assert.Equal(["eeee000000000005"], company.Select(i => i.Id));
        Assert.Equal(["aaaa000000000002"], bob.Select(i => i.Id));
        Assert.Equal(["aaaa000000000001"], open.Select(i => i.Id));
    }

    [StoreFact]
    public async Task Queue_DealTermsRedactedOrNonBinding_Flagged()
    {
        await SaveAsync(Analysis([], deal: DealTerms.Empty with { TotalValue = new DealValue(null, null, true, true) }));

        var item = Assert.Single(await QueueAsync());

        Assert.Equal(("deal:5a5a5a5a5a5a", ReviewItemKind.DealTerms, DealLens.Core.Risk.Severity.High), (item.Id, item.Kind, item.Severity));
    }

    [StoreFact]
    public async Task LoadReviewedAnalyses_RejectedRemovedEditedApplied()
    {
        await SaveAsync(Analysis([s_takeOrPay, s_loan, s_commitment], deal: DealTerms.Empty with { TermMonths = 24 }));
        await ActAsync("aaaa000000000002", new ReviewAction(ReviewVerbs.Reject, "alice"));
        await ActAsync("bbbb", new ReviewAction(ReviewVerbs.Edit, "alice", Edit: new ReviewOverrides { Amount = 300_000_000m }));
        await ActAsync("deal:5a5a", new ReviewAction(ReviewVerbs.Edit, "alice", Edit: new ReviewOverrides { TermMonths = 60 }));

        var reviewed = Assert.Single(await Db.Review.LoadReviewedAnalysesAsync(CancellationToken.None).ToListAsync());
        var extracted = await Db.Documents.LoadAnalysisAsync(Sha, CancellationToken.None);

        Assert.Equal(["aaaa000000000001", "bbbb000000000003"], reviewed.Clauses.Select(c => c.Id));
        Assert.Equal(300_000_000m, reviewed.Clauses[1].Fields.Amount);
        Assert.Equal(60, reviewed.Deal.TermMonths);
        Assert.Equal(3, extracted!.Clauses.Count);
        Assert.Equal(24, extracted.Deal.TermMonths);
    }

    [StoreFact]
    public async Task Reanalysis_KeepsReboundsOrFlagsNoLongerFound_WithAuditRows()
    {
        await SaveAsync(Analysis([s_takeOrPay, s_loan, s_commitment]));
        await ActAsync("aaaa000000000001", new ReviewAction(ReviewVerbs.Accept, "alice"));
        await ActAsync("aaaa000000000002", new ReviewAction(ReviewVerbs.Reject, "alice"));
        await ActAsync("bbbb", new ReviewAction(ReviewVerbs.Edit, "alice", Edit: new ReviewOverrides { Amount = 300_000_000m }));

        // A new extractor: the take-or-pay clause is unchanged, the loan is read with a wider span (a new id), the
        // commitment is not found at all.
        var widenedLoan = C("dddd000000000009", ClauseTypes.Loan, "2. " + LoanText, 87);
        await SaveAsync(Analysis([s_takeOrPay, widenedLoan]));

        var items = (await Db.Review.LoadReviewItemsAsync(Sha, CancellationToken.None)).ToDictionary(i => i.ItemKey);
        Assert.Equal((ReviewStatus.Accepted, "aaaa000000000001", 1L), (items["aaaa000000000001"].Status, items["aaaa000000000001"].ClauseId, items["aaaa000000000001"].Version));
        Assert.Equal((ReviewStatus.Rejected, "dddd000000000009", 87), (items["aaaa000000000002"].Status, items["aaaa000000000002"].ClauseId, items["aaaa000000000002"].Start));
        Assert.Equal((ReviewStatus.NoLongerFound, null), (items["bbbb000000000003"].Status, items["bbbb000000000003"].ClauseId));
        var reviewed = Assert.Single(await Db.Review.LoadReviewedAnalysesAsync(CancellationToken.None).ToListAsync());
        Assert.Equal(["aaaa000000000001"], reviewed.Clauses.Select(c => c.Id));
        var queue = await QueueAsync(new ReviewQueueFilter { Status = ReviewStatus.NoLongerFound });
        Assert.Equal(["bbbb000000000003"], queue.Select(i => i.Id));
        Assert.Equal(CommitmentText, Assert.IsType<ClauseReviewItem>(queue[0]).Quote);

        // The commitment comes back: the reviewer's edit applies again.
        await SaveAsync(Analysis([s_takeOrPay, widenedLoan, s_commitment]));
        var back = (await Db.Review.LoadReviewItemsAsync(Sha, CancellationToken.None)).Single(i => i.ItemKey == "bbbb000000000003");
        Assert.Equal((ReviewStatus.Edited, "bbbb000000000003"), (back.Status, back.ClauseId));

        var actions = Db.Connection.Query<(string Actor, string Action)>(
            "SELECT Actor, Action FROM ReviewAudit WHERE ReviewItemId = @Id ORDER BY Id", new { back.Id }).ToList();
        Assert.Equal([("alice", "edit"), ("deallens", "no_longer_found"), ("deallens", "found_again")], actions);
        Assert.Equal(3, back.Version);
    }

    [StoreFact]
    public async Task Issue22_Reanalysis_OnlyAnotherSitesTakeOrPay_DecisionNoLongerFoundAndNewClauseCounts()
    {
        const string phoenix = "Customer shall pay the Reserved Capacity Fee for the Phoenix site whether or not it uses the capacity.";
        const string dallas = "Customer shall pay the Reserved Capacity Fee for the Dallas site whether or not it uses the capacity.";
        DocumentAnalysis TwoSites(IReadOnlyList<Clause> clauses) => new(
            "sites.txt", Sha, DocumentText.FromPages([phoenix + " " + dallas], DocumentFormat.Text), clauses, DealTerms.Empty, [], "embedded");
        await SaveAsync(TwoSites([C("eeee000000000001", ClauseTypes.TakeOrPay, phoenix, 0)]));
        await ActAsync("eeee000000000001", new ReviewAction(ReviewVerbs.Reject, "alice"));

        // Another extractor reports only the Dallas sentence: nobody reviewed it.
        await SaveAsync(TwoSites([C("eeee000000000002", ClauseTypes.TakeOrPay, dallas, phoenix.Length + 1)]));

        var item = Assert.Single(await Db.Review.LoadReviewItemsAsync(Sha, CancellationToken.None));
        Assert.Equal((ReviewStatus.NoLongerFound, (string?)null, phoenix), (item.Status, item.ClauseId, item.Quote));
        var reviewed = Assert.Single(await Db.Review.LoadReviewedAnalysesAsync(CancellationToken.None).ToListAsync());
        Assert.Equal(["eeee000000000002"], reviewed.Clauses.Select(c => c.Id));
        var lost = await QueueAsync(new ReviewQueueFilter { Status = ReviewStatus.NoLongerFound });
        Assert.Equal(["eeee000000000001"], lost.Select(i => i.Id));
    }
}

/// <summary>The same tests on PostgreSQL (issue #21).</summary>
public sealed class ReviewStorePostgreSqlTests() : ReviewStoreTests(StoreBackend.PostgreSql), IPostgreSqlStoreTests;
