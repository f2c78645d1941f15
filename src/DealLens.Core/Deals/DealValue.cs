namespace DealLens.Core.Deals;

/// <summary>
/// A deal's value. <see cref="Binding"/> is false for ceilings ("up to", letters of intent, milestone-vested).
/// A redacted value has <see cref="Redacted"/> true and no amount: redacted is never zero.
/// </summary>
public sealed record DealValue(decimal? Amount, string? Currency, bool Binding, bool Redacted);
