namespace DealLens.Core.Review;

/// <summary>What a review item is about, as stored in ReviewItems.Kind.</summary>
public static class ReviewKinds
{
    public const string Clause = "clause";
    public const string DealTerms = "deal_terms";
    public const string Cycle = "cycle";

    /// <summary>ReviewItems.ItemKey of a document's deal terms (one item per document).</summary>
    public const string DealTermsKey = "deal_terms";
}
