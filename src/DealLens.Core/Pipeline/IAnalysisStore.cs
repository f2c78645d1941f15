namespace DealLens.Core.Pipeline;

/// <summary>Where analyses are kept. Each document is saved in one transaction: all of it or none of it.</summary>
public interface IAnalysisStore
{
    Task<StoredDocument?> FindDocumentAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Saves (or replaces) the analysis of one document, atomically.</summary>
    Task SaveAnalysisAsync(DocumentAnalysis analysis, long runId, CancellationToken cancellationToken);

    Task<DocumentAnalysis?> LoadAnalysisAsync(string sha256, CancellationToken cancellationToken);

    Task<long> StartRunAsync(string command, CancellationToken cancellationToken);

    Task RecordRunDocumentAsync(long runId, RunDocument document, CancellationToken cancellationToken);

    Task FinishRunAsync(long runId, RunSummary summary, CancellationToken cancellationToken);
}

/// <summary>
/// One stored document version. <see cref="SupersededBy"/> is the SHA-256 of the newer version of the same source that
/// replaced it (null while it is current); a superseded version is history and counts in no total, graph or queue.
/// </summary>
public sealed record StoredDocument(
    long Id, string Sha256, string SourcePath, int PageCount, DateTimeOffset AnalyzedAt, string? SupersededBy = null, DateTimeOffset? SupersededAt = null)
{
    public bool IsCurrent => SupersededBy is null;
}

/// <summary>What happened to one input in a run. <see cref="Status"/> is one of <see cref="DocumentStatus"/>.</summary>
public sealed record RunDocument(string SourcePath, string? Sha256, string Status, string? Error);

public sealed record RunSummary(int Analyzed, int Unchanged, int Failed, string Status);

public static class DocumentStatus
{
    public const string Analyzed = "analyzed";
    public const string Unchanged = "unchanged";
    public const string Failed = "failed";
}
