using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Core.Review;
using DealLens.Storage;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Storage;

/// <summary>Document versions: a new content of a path supersedes the old one; decisions follow where their clause still exists.</summary>
public class DocumentStoreVersionsTests : StoreTests
{
    private const string OldSha = "1111111111111111111111111111111111111111111111111111111111111111";
    private const string NewSha = "2222222222222222222222222222222222222222222222222222222222222222";
    private const string TakeOrPayText = "Customer shall pay the Monthly Reserved Capacity Fee whether or not it uses the capacity.";
    private const string LoanText = "Provider will lend Customer $300 million under a senior secured term loan.";

    public DocumentStoreVersionsTests()
        : this(StoreBackend.Sqlite)
    {
    }

    protected DocumentStoreVersionsTests(StoreBackend backend)
        : base(backend, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero))
    {
    }
    

    private static Clause C(string id, string type, string text, int start)
        => new(id, type, text, 1, start, start + text.Length, 0.9, "embedded", ClauseFields.None);

    private static DocumentAnalysis Analysis(string sha, string path, params Clause[] clauses)
        => new(path, sha, DocumentText.FromPages([TakeOrPayText + " " + LoanText], DocumentFormat.Text), clauses,
            DealTerms.Empty with { Parties = ["Aurora Silicon Corp.", "Cobalt Cloud LLC"] }, [], "embedded");

    private async Task SaveAsync(DocumentAnalysis analysis)
    {
        Db.Time.Advance(TimeSpan.FromMinutes(1));
        await Db.Documents.SaveAnalysisAsync(analysis, await Db.Documents.StartRunAsync("analyze", CancellationToken.None), CancellationToken.None);
    }

    private async Task DecideAsync(string clauseId, string verb)
        => await Db.Review.ApplyReviewActionAsync(
            await Db.Review.ResolveReviewTargetAsync(clauseId, CancellationToken.None), new ReviewAction(verb, "alice", null), null, CancellationToken.None);

    [StoreFact]
    public async Task Issue20_NewVersionOfAPath_SupersedesTheOldOne_WhichStaysAsHistory()
    {
        await SaveAsync(Analysis(OldSha, "deal.txt", C("aaaa000000000001", ClauseTypes.TakeOrPay, TakeOrPayText, 0)));
        await SaveAsync(Analysis(NewSha, "deal.txt", C("bbbb000000000001", ClauseTypes.TakeOrPay, TakeOrPayText, 0)));

        var current = await Db.Documents.ListDocumentsAsync(CancellationToken.None);
        var history = await Db.Documents.ListDocumentsAsync(includeSuperseded: true, CancellationToken.None);

        Assert.Equal([NewSha], current.Select(d => d.Sha256));
        Assert.Equal([NewSha, OldSha], history.Select(d => d.Sha256));
        Assert.Equal(NewSha, history[1].SupersededBy);
        Assert.Equal(1, await Db.Documents.CountDocumentsAsync(CancellationToken.None));
        Assert.Equal([NewSha], await Db.Documents.LoadAllAnalysesAsync(CancellationToken.None).Select(a => a.Sha256).ToListAsync());
        Assert.Equal(1, Assert.Single(await Db.Documents.CountClausesByTypeAsync(CancellationToken.None)).Count);
        var queue = await Db.Review.LoadReviewQueueAsync(ReviewQueueFilter.None, ReviewFlagger.Default, CancellationToken.None);
        Assert.Equal(["bbbb000000000001"], queue.OfType<ClauseReviewItem>().Select(i => i.ClauseId));
    }

    [StoreFact]
    public async Task Issue20_NewVersion_DecisionsCarryOverWhereTheClauseStillExists()
    {
        await SaveAsync(Analysis(OldSha, "deal.txt",
            C("aaaa000000000001", ClauseTypes.TakeOrPay, TakeOrPayText, 0), C("aaaa000000000002", ClauseTypes.Loan, LoanText, 90)));
        await DecideAsync("aaaa000000000001", ReviewVerbs.Accept);
        await DecideAsync("aaaa000000000002", ReviewVerbs.Reject);

        // The new version keeps the take-or-pay clause (a new id: ids hash the content) and drops the loan.
        await SaveAsync(Analysis(NewSha, "deal.txt", C("bbbb000000000001", ClauseTypes.TakeOrPay, TakeOrPayText, 0)));

        var items = await Db.Review.LoadReviewItemsAsync(NewSha, CancellationToken.None);
        var kept = Assert.Single(items, i => i.ClauseType == ClauseTypes.TakeOrPay);
        Assert.Equal((ReviewStatus.Accepted, "bbbb000000000001"), (kept.Status, kept.ClauseId));
        var lost = Assert.Single(items, i => i.ClauseType == ClauseTypes.Loan);
        Assert.Equal((ReviewStatus.NoLongerFound, null), (lost.Status, lost.ClauseId));
        var audit = await Db.Review.LoadReviewAuditAsync(kept.Id, CancellationToken.None);
        Assert.Equal([ReviewStore.CarryOverAction, ReviewVerbs.Rebind], audit.Select(a => a.Action));

        // The old version keeps its own decisions as they were.
        var old = await Db.Review.LoadReviewItemsAsync(OldSha, CancellationToken.None);
        Assert.Equal([ReviewStatus.Accepted, ReviewStatus.Rejected], old.Select(i => i.Status));
    }

    [StoreFact]
    public async Task SaveAnalysis_OtherPath_SupersedesNothing()
    {
        await SaveAsync(Analysis(OldSha, "a.txt"));
        await SaveAsync(Analysis(NewSha, "b.txt"));

        Assert.Equal(2, (await Db.Documents.ListDocumentsAsync(CancellationToken.None)).Count);
    }

    [StoreFact]
    public async Task Issue20_RemoveCurrentVersion_TheOlderOneIsCurrentAgain()
    {
        await SaveAsync(Analysis(OldSha, "deal.txt"));
        await SaveAsync(Analysis(NewSha, "deal.txt"));

        var removal = await Db.Documents.RemoveDocumentAsync(NewSha, CancellationToken.None);

        Assert.NotNull(removal);
        Assert.Equal(NewSha, removal.Removed.Sha256);
        Assert.Equal(OldSha, removal.Reinstated?.Sha256);
        var current = Assert.Single(await Db.Documents.ListDocumentsAsync(CancellationToken.None));
        Assert.Equal((OldSha, (string?)null), (current.Sha256, current.SupersededBy));
        Assert.Null(await Db.Documents.LoadAnalysisAsync(NewSha, CancellationToken.None));
    }

    [StoreFact]
    public async Task RemoveDocument_Unknown_ReturnsNull()
        => Assert.Null(await Db.Documents.RemoveDocumentAsync(OldSha, CancellationToken.None));
}

/// <summary>The same tests on PostgreSQL (issue #21).</summary>
public sealed class DocumentStoreVersionsPostgreSqlTests() : DocumentStoreVersionsTests(StoreBackend.PostgreSql), IPostgreSqlStoreTests;
