namespace DealLens.Core.Review;

/// <summary>Where a review item stands, as stored in ReviewItems.Status.</summary>
public static class ReviewStatus
{
    public const string Open = "open";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Edited = "edited";

    /// <summary>A re-analysis no longer produced the reviewed clause, and no clause still matches its quote.</summary>
    public const string NoLongerFound = "no_longer_found";

    public static IReadOnlyList<string> All { get; } = [Open, Accepted, Rejected, Edited, NoLongerFound];

    public static bool IsKnown(string status) => All.Contains(status, StringComparer.Ordinal);
}
