using System.Text.Json.Serialization;
using DealLens.Core.Output;

namespace DealLens.Core.Review;

/// <summary>
/// What a review item is about: one clause, a document's deal terms, or a financing cycle. Written as "clause",
/// "deal_terms", "cycle" in text, JSON and ReviewItems.Kind (see <see cref="Vocabulary"/>).
/// </summary>
[JsonConverter(typeof(VocabularyJsonConverter<ReviewItemKind>))]
public enum ReviewItemKind
{
    Clause,
    DealTerms,
    Cycle,
}
