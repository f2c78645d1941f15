using DealLens.Core.Review;
using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Review;

public sealed class ReviewQueueFoldTests
{
    private static ClauseReviewItem Item(string id, string sha, string type, int start, long version = 0) => new()
    {
        Id = id,
        DocumentSha256 = sha,
        Document = sha + ".pdf",
        ClauseId = id,
        ClauseType = type,
        ExtractedType = type,
        Page = 1,
        Start = start,
        End = start + 10,
        Quote = "quote " + id,
        Confidence = 0.9,
        Severity = Severity.High,
        Reasons = ["risk weight: " + type],
        Status = version == 0 ? ReviewStatus.Open : ReviewStatus.Accepted,
        Version = version,
    };

    [Fact]
    public void Issue20_Fold_FiveReadingsOfOneTypeInOneDocument_KeepsThreeAndCountsTheRest()
    {
        var items = Enumerable.Range(0, 5).Select(i => Item("a" + i, "aaaa", "loan", i * 100)).Append(Item("b0", "bbbb", "loan", 0)).ToList();

        var folded = ReviewQueueOrder.Fold(items, 3);

        Assert.Equal(["a0", "a1", "a2", "b0"], folded.Select(i => i.Id));
        Assert.Contains("2 more loan readings in this document: review list --document aaaa --type loan", folded[2].Reasons);
    }

    [Fact]
    public void Fold_ReviewedItems_AlwaysStay()
    {
        var items = Enumerable.Range(0, 4).Select(i => Item("a" + i, "aaaa", "loan", i * 100, version: i == 3 ? 2 : 0)).ToList();

        var folded = ReviewQueueOrder.Fold(items, 2);

        Assert.Equal(["a0", "a1", "a3"], folded.Select(i => i.Id));
    }

    [Fact]
    public void Fold_Zero_KeepsEverything()
    {
        var items = Enumerable.Range(0, 4).Select(i => Item("a" + i, "aaaa", "loan", i * 100)).ToList();

        Assert.Equal(4, ReviewQueueOrder.Fold(items, 0).Count);
    }

    [Fact]
    public void Folds_DocumentAndTypeFilter_ShowsTheWholeList()
    {
        Assert.True(ReviewQueueFilter.None.Folds);
        Assert.False(new ReviewQueueFilter { Document = "aaaa", Type = "loan" }.Folds);
        Assert.False(new ReviewQueueFilter { Unfolded = true }.Folds);
    }
}
