using System.Text.Json.Serialization;
using DealLens.Core.Output;

namespace DealLens.Core.Review;

/// <summary>
/// Where a review item stands. Written as "open", "accepted", "rejected", "edited", "no_longer_found" in text, JSON and
/// ReviewItems.Status (see <see cref="Vocabulary"/>); any other word is refused when read. Declaration order is the
/// order the queue's summary counts them in.
/// </summary>
[JsonConverter(typeof(VocabularyJsonConverter<ReviewStatus>))]
public enum ReviewStatus
{
    Open,
    Accepted,
    Rejected,
    Edited,

    /// <summary>A re-analysis no longer produced the reviewed clause, and no clause still matches its quote.</summary>
    NoLongerFound,
}
