using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Core.Review;

namespace DealLens.Tests.Core.Review;

internal static class ReviewTestData
{
    public static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static Clause Clause(string id, string type, string text, int start = 0, double confidence = 0.9, ClauseFields? fields = null)
        => new(id, type, text, 1, start, start + text.Length, confidence, "embedded", fields ?? ClauseFields.None);

    public static ReviewItem Item(
        long id, string clauseId, string type, string quote, ReviewStatus status = ReviewStatus.Accepted, ReviewOverrides? overrides = null,
        string sha = "sha", int start = 0)
        => new(id, ReviewItemKind.Clause, sha, clauseId, clauseId, type, quote, start, start + quote.Length, status, null,
            overrides ?? ReviewOverrides.None, 1, Now, "alice");

    public static ReviewItem DealItem(ReviewStatus status, ReviewOverrides overrides, string sha = "sha")
        => new(9, ReviewItemKind.DealTerms, sha, ReviewItemIds.DealTermsKey, null, null, null, null, null, status, null, overrides, 1, Now, "alice");

    public static DocumentAnalysis Analysis(IReadOnlyList<Clause> clauses, DealTerms? deal = null, string sha = "sha")
        => new("doc.txt", sha, DocumentText.FromPages(["text"], DocumentFormat.Text), clauses, deal ?? DealTerms.Empty, [], "embedded");
}
