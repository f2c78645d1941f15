namespace DealLens.Core.Deals;

/// <summary>Deal terms plus what could not be parsed (an amount that is not a number is left empty, never guessed).</summary>
public sealed record DealTermsResult(DealTerms Terms, IReadOnlyList<string> Warnings);
