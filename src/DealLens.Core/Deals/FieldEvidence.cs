namespace DealLens.Core.Deals;

/// <summary>Where a deal term was read: a verbatim quote at <c>Text[Start..End]</c> of the document.</summary>
public sealed record FieldEvidence(string Field, int Page, int Start, int End, string Text);
