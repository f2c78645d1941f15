using DealLens.Core.Pipeline;

namespace DealLens.Storage;

/// <summary>One run as recorded: when it ran, how it ended, and what happened to each input, in order.</summary>
public sealed record StoredRun(
    long Id,
    string Command,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    int Analyzed,
    int Unchanged,
    int Failed,
    IReadOnlyList<RunDocument> Documents);
