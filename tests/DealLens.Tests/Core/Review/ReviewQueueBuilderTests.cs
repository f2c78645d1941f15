using System.Text.Json;
using DealLens.Core;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Output;
using DealLens.Core.Review;
using DealLens.Core.Risk;
using static DealLens.Tests.Core.Review.ReviewTestData;

namespace DealLens.Tests.Core.Review;

public sealed class ReviewQueueBuilderTests
{
    private const string TakeOrPay = "Customer shall pay for the reserved capacity whether or not it is used.";
    private const string Law = "This agreement is governed by the laws of the State of New York.";

    private static readonly ReviewedState s_accepted = new(ReviewStatus.Accepted, "bob", ReviewOverrides.None, 2, Now, "alice");

    [Fact]
    public void Issue21_ReviewStatus_WordsAreTheStoredOnesInQueueOrder()
        => Assert.Equal(["open", "accepted", "rejected", "edited", "no_longer_found"], Vocabulary.Names<ReviewStatus>());

    [Fact]
    public void Issue21_ReviewItemKind_WordsAreTheStoredOnes()
        => Assert.Equal(["clause", "deal_terms", "cycle"], Vocabulary.Names<ReviewItemKind>());

    [Theory]
    [InlineData("opne")]
    [InlineData("Open")]
    [InlineData("NoLongerFound")]
    [InlineData("1")]
    public void Issue21_ParseStatus_UnknownWord_ThrowsNamingTheAllowedWords(string word)
    {
        var error = Assert.Throws<DealLensException>(() => Vocabulary.Parse<ReviewStatus>(word));

        Assert.Contains($"unknown review status \"{word}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("open, accepted, rejected, edited, no_longer_found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue21_ReviewStateJson_WritesAndReadsTheWords()
    {
        var state = new ReviewState(ReviewStatus.NoLongerFound, null, ReviewOverrides.None, null, 3);

        var json = JsonSerializer.Serialize(state, DealLensJson.StatedOnly);

        Assert.Contains("\"status\":\"no_longer_found\"", json, StringComparison.Ordinal);
        Assert.Equal(state.Status, JsonSerializer.Deserialize<ReviewState>(json, DealLensJson.StatedOnly)!.Status);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ReviewState>("{\"status\":\"gone\",\"version\":1}", DealLensJson.StatedOnly));
    }

    [Fact]
    public void Issue21_QueueItems_EachKindNamesItsKindAndType()
    {
        var clause = new ClauseReviewItem { Id = "c1", DocumentSha256 = "sha", ClauseType = ClauseTypes.Loan, Severity = Severity.Low, Reasons = [] };
        var deal = new DealTermsReviewItem { Id = "deal:sha", DocumentSha256 = "sha", Fields = ClauseFields.None, Severity = Severity.Low, Reasons = [] };
        var cycle = new CycleReviewItem { Id = "cycle:1", Subject = "a>b", Path = "A -> B -> A", Severity = Severity.Low, Reasons = [] };

        Assert.Equal((ReviewItemKind.Clause, ClauseTypes.Loan), (clause.Kind, clause.Type));
        Assert.Equal((ReviewItemKind.DealTerms, "deal_terms"), (deal.Kind, deal.Type));
        Assert.Equal((ReviewItemKind.Cycle, "cycle"), (cycle.Kind, cycle.Type));
        Assert.Equal((ReviewStatus.Open, 0L), (cycle.Status, cycle.Version));
    }

    [Fact]
    public void Issue21_ClauseItems_UnflaggedAndUnreviewed_LeftOut()
    {
        var items = ReviewQueueBuilder.ClauseItems(
            [new StoredClause("sha", "doc.txt", Clause("c1", ClauseTypes.TakeOrPay, TakeOrPay), null),
             new StoredClause("sha", "doc.txt", Clause("c2", ClauseTypes.GoverningLaw, Law, start: 200), null)],
            ReviewFlagger.Default);

        var item = Assert.Single(items);
        Assert.Equal(("c1", "doc.txt", ReviewStatus.Open, 0L), (item.Id, item.Document, item.Status, item.Version));
        Assert.Contains("risk weight: take_or_pay", item.Reasons);
    }

    [Fact]
    public void Issue21_ClauseItems_ReviewedButUnflagged_KeptWithItsReviewState()
    {
        var item = Assert.Single(ReviewQueueBuilder.ClauseItems(
            [new StoredClause("sha", "doc.txt", Clause("c2", ClauseTypes.GoverningLaw, Law), s_accepted)], ReviewFlagger.Default));

        Assert.Equal((ReviewStatus.Accepted, "bob", 2L, "alice", Severity.Low), (item.Status, item.Assignee, item.Version, item.UpdatedBy, item.Severity));
    }

    [Fact]
    public void Issue21_ClauseItems_EditedType_ShowsReviewedAndExtractedType()
    {
        var edited = s_accepted with { Status = ReviewStatus.Edited, Overrides = new ReviewOverrides { Type = ClauseTypes.TakeOrPay } };

        var item = Assert.Single(ReviewQueueBuilder.ClauseItems(
            [new StoredClause("sha", "doc.txt", Clause("c2", ClauseTypes.GoverningLaw, TakeOrPay), edited)], ReviewFlagger.Default));

        Assert.Equal((ClauseTypes.TakeOrPay, ClauseTypes.GoverningLaw), (item.Type, item.ExtractedType));
        Assert.Contains("risk weight: take_or_pay", item.Reasons);
    }

    [Fact]
    public void Issue21_ClauseItems_TwoReadingsOfOneSpan_OneItemNamingTheOther()
    {
        var items = ReviewQueueBuilder.ClauseItems(
            [new StoredClause("sha", "doc.txt", Clause("c1", ClauseTypes.TakeOrPay, TakeOrPay, confidence: 0.9), null),
             new StoredClause("sha", "doc.txt", Clause("c2", ClauseTypes.MinimumCommitment, TakeOrPay, confidence: 0.6), null)],
            ReviewFlagger.Default);

        var item = Assert.Single(items);
        Assert.Equal("c1", item.Id);
        Assert.Contains("also read as minimum_commitment", item.Reasons);
    }

    [Fact]
    public void Issue21_LostClauseItem_ListedFromWhatTheItemKept()
    {
        var lost = Item(4, "c9", ClauseTypes.Loan, "the lender advances", ReviewStatus.NoLongerFound, new ReviewOverrides { Type = ClauseTypes.Backstop }, start: 40)
            with { ClauseId = null };

        var item = ReviewQueueBuilder.LostClauseItem(lost, null);

        Assert.Equal(("c9", null, ClauseTypes.Backstop, ClauseTypes.Loan), (item.Id, item.ClauseId, item.Type, item.ExtractedType));
        Assert.Equal((40, ReviewStatus.NoLongerFound, Severity.Medium), (item.Start, item.Status, item.Severity));
        Assert.Equal([ReviewQueueBuilder.NoLongerFoundReason], item.Reasons);
        Assert.Null(item.Document);
    }

    [Fact]
    public void Issue21_DealTermsItem_RedactedValue_FlaggedWithTheTotalValueQuote()
    {
        var deal = DealTerms.Empty with { TotalValue = new DealValue(null, "USD", true, true), TermMonths = 36 };
        FieldEvidence[] evidence = [new(DealTermFields.TermMonths, 1, 0, 9, "36 months"), new(DealTermFields.TotalValue, 2, 50, 70, "$[***] in total")];

        var item = ReviewQueueBuilder.DealTermsItem("5a5a5a5a5a5a5a5a", "deal.txt", deal, evidence, null, ReviewFlagger.Default);

        Assert.Equal(("deal:5a5a5a5a5a5a", Severity.High, "$[***] in total", 2), (item.Id, item.Severity, item.Quote, item.Page));
        Assert.Equal(new ClauseFields { Currency = "USD", Redacted = true, Months = 36 }, item.Fields);
    }

    [Fact]
    public void Issue21_CycleItems_SnapshotCyclesAndReviewedOnesNoLongerScored()
    {
        var snapshot = new RiskSnapshot(RiskSnapshots.Cycle, "a>b", Severity.High, 1m, 10m, "USD", "vendor_financing",
            [new SnapshotCompany("a", "Acme"), new SnapshotCompany("b", "Beacon")], ["deal.txt"]);
        var rejected = new ReviewItem(7, ReviewItemKind.Cycle, null, "c>d", null, null, null, null, null, ReviewStatus.Rejected, null,
            ReviewOverrides.None, 1, Now, "alice");

        var entries = ReviewQueueBuilder.CycleItems([snapshot], [rejected], ReviewFlagger.Default);

        Assert.Equal(2, entries.Count);
        Assert.Equal(("Acme -> Beacon -> Acme", ReviewStatus.Open), (entries[0].Item.Path, entries[0].Item.Status));
        Assert.Equal(["a", "b"], entries[0].CompanyKeys);
        Assert.Equal(["deal.txt"], entries[0].Documents);
        Assert.Equal(("c -> d", ReviewStatus.Rejected, Severity.Low), (entries[1].Item.Path, entries[1].Item.Status, entries[1].Item.Severity));
        Assert.Equal(["rejected: left out of the risk report"], entries[1].Item.Reasons);
        Assert.Equal(ReviewItemIds.ForCycle("c>d"), entries[1].Item.Id);
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("b", null, true)]
    [InlineData("z", null, false)]
    [InlineData(null, "deal.txt", true)]
    [InlineData(null, "other.txt", false)]
    [InlineData("a", "other.txt", false)]
    public void Issue21_CycleEntryMatches_CompanyAndDocumentFilters(string? company, string? document, bool kept)
    {
        var entry = new CycleQueueEntry(
            new CycleReviewItem { Id = "cycle:1", Subject = "a>b", Path = "A -> B -> A", Severity = Severity.High, Reasons = [] }, ["a", "b"], ["deal.txt"]);

        Assert.Equal(kept, entry.Matches(company, document is null ? null : new HashSet<string>([document], StringComparer.Ordinal)));
    }
}
