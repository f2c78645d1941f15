namespace DealLens.Core.Clauses;

/// <summary>
/// One clause found in a document: a verbatim quote of <see cref="Type"/>, grounded at
/// <c>Text[Start..End]</c> of the document's text.
/// </summary>
public sealed record Clause(
    string Id,
    string Type,
    string Text,
    int Page,
    int Start,
    int End,
    double Confidence,
    string Extractor,
    ClauseFields Fields);
