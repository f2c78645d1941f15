using System.Text.Json.Serialization;

namespace DealLens.Core.Review;

/// <summary>
/// A reviewer's corrections. Every property is optional: null keeps the extracted value. A clause takes
/// <see cref="Type"/>, <see cref="Amount"/>, <see cref="Currency"/> and <see cref="TermMonths"/>; deal terms take
/// everything but <see cref="Type"/>.
/// </summary>
public sealed record ReviewOverrides
{
    public static ReviewOverrides None { get; } = new();

    public string? Type { get; init; }

    /// <summary>Whole currency units, like <see cref="Clauses.ClauseFields.Amount"/>.</summary>
    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public int? TermMonths { get; init; }

    public IReadOnlyList<string>? Parties { get; init; }

    public bool? Binding { get; init; }

    [JsonIgnore]
    public bool HasAny => Type is not null || Amount is not null || Currency is not null || TermMonths is not null
        || Parties is not null || Binding is not null;

    /// <summary>These corrections with <paramref name="newer"/> laid over them: a later edit of one field keeps the others.</summary>
    public ReviewOverrides MergedWith(ReviewOverrides newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        return new ReviewOverrides
        {
            Type = newer.Type ?? Type,
            Amount = newer.Amount ?? Amount,
            Currency = newer.Currency ?? Currency,
            TermMonths = newer.TermMonths ?? TermMonths,
            Parties = newer.Parties ?? Parties,
            Binding = newer.Binding ?? Binding,
        };
    }
}
