namespace DealLens.Storage;

// Rows as Dapper reads and writes them: property names equal column names, and types are what SQLite holds
// (INTEGER -> long, REAL -> double, TEXT -> string). SqliteAnalysisStore converts them to and from the Core records,
// so dates, decimals and enums are formatted in one place rather than by driver defaults.

internal sealed class RunRow
{
    public long Id { get; init; }

    public string Command { get; init; } = "";

    public string StartedAt { get; init; } = "";

    public string? FinishedAt { get; init; }

    public string Status { get; init; } = "";

    public long Analyzed { get; init; }

    public long Unchanged { get; init; }

    public long Failed { get; init; }
}

internal sealed class RunDocumentRow
{
    public long RunId { get; init; }

    public string SourcePath { get; init; } = "";

    public string? Sha256 { get; init; }

    public string Status { get; init; } = "";

    public string? Error { get; init; }
}

internal sealed class DocumentRow
{
    public long Id { get; init; }

    public string Sha256 { get; init; } = "";

    public string SourcePath { get; init; } = "";

    public string Format { get; init; } = "";

    public long PageCount { get; init; }

    public string Text { get; init; } = "";

    public string Extractor { get; init; } = "";

    public string AnalyzedAt { get; init; } = "";

    public long RunId { get; init; }

    public string WarningsJson { get; init; } = "[]";

    public string TextWarningsJson { get; init; } = "[]";

    public string? SupersededBy { get; init; }

    public string? SupersededAt { get; init; }
}

internal sealed class PageRow
{
    public long DocumentId { get; init; }

    public long Number { get; init; }

    public long Start { get; init; }

    public long Length { get; init; }
}

internal class ClauseRow
{
    public string Id { get; init; } = "";

    public long DocumentId { get; init; }

    public string Type { get; init; } = "";

    public string Text { get; init; } = "";

    public long Page { get; init; }

    public long Start { get; init; }

    public long End { get; init; }

    public double Confidence { get; init; }

    public string Extractor { get; init; } = "";

    public string FieldsJson { get; init; } = "{}";

    /// <summary>Severity.Rank of the clause's review flag as extracted (schema 0007); written, never read back.</summary>
    public long FlagRank { get; init; }
}

internal sealed class DealTermsRow
{
    public long DocumentId { get; init; }

    public string? Provider { get; init; }

    public string? Customer { get; init; }

    public double? Amount { get; init; }

    public string? Currency { get; init; }

    public long? Binding { get; init; }

    public long? Redacted { get; init; }

    public long? TermMonths { get; init; }

    public string? EffectiveDate { get; init; }

    public string? EndDate { get; init; }

    public double? CapacityMw { get; init; }

    public long? GpuCount { get; init; }

    public string ChipsJson { get; init; } = "[]";

    public double? PrepaymentPct { get; init; }

    public string EvidenceJson { get; init; } = "[]";
}

internal sealed class PartyRow
{
    public long DocumentId { get; init; }

    public long Position { get; init; }

    public string Name { get; init; } = "";

    public string? Role { get; init; }
}

internal sealed class ClauseTypeCountRow
{
    public string Type { get; init; } = "";

    public long Count { get; init; }
}

internal sealed class RejectedClauseRow : ClauseRow
{
    public string Sha256 { get; init; } = "";
}

internal sealed class DocumentOriginRow
{
    public long DocumentId { get; init; }

    public string Kind { get; init; } = "";

    public string? Filer { get; init; }

    public string SelfReferencesJson { get; init; } = "[]";

    public string EvidenceJson { get; init; } = "[]";
}

internal sealed class PartyRoleRow
{
    public long DocumentId { get; init; }

    public long Position { get; init; }

    public string Name { get; init; } = "";

    public string Role { get; init; } = "";

    public string? Parent { get; init; }

    public long Page { get; init; }

    public long Start { get; init; }

    public long End { get; init; }

    public string Quote { get; init; } = "";
}
