namespace DealLens.Storage;

/// <summary>How many stored clauses have one type, across all documents.</summary>
public sealed record ClauseTypeCount(string Type, int Count);
