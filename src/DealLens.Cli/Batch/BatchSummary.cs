using System.Globalization;
using System.Text;
using System.Text.Json;
using DealLens.Core.Output;

namespace DealLens.Cli.Batch;

public sealed record BatchDocumentLine(string Document, string? Error, int Attempts, bool WillRetry);

/// <summary>The end of a batch run, as printed (text or --json), stored in BatchRuns and piped to --notify-cmd.</summary>
public sealed record BatchSummary
{
    public long RunId { get; init; }

    /// <summary>ok, partial (some documents failed), or nothing_new.</summary>
    public string Status { get; init; } = "ok";

    public string? Inbox { get; init; }

    public string? Feed { get; init; }

    public required string Database { get; init; }

    public int NewFilings { get; init; }

    public int SeenFilings { get; init; }

    public int FailedFilings { get; init; }

    /// <summary>Analysed and stored by this run.</summary>
    public int New { get; init; }

    /// <summary>Content already stored: nothing to do.</summary>
    public int Unchanged { get; init; }

    /// <summary>Tried by this run and failed; quarantined, retried later while retries last.</summary>
    public int Failed { get; init; }

    /// <summary>In quarantine with no retries left; not tried.</summary>
    public int Quarantined { get; init; }

    /// <summary>Left for the next run by --max-docs.</summary>
    public int Remaining { get; init; }

    public IReadOnlyList<BatchDocumentLine> Failures { get; init; } = [];

    /// <summary>The clause extractor asked for: rules or llm.</summary>
    public string Extractor { get; init; } = "rules";

    /// <summary>Documents a model was asked for but that were read by the embedded extractor (Error holds why).</summary>
    public IReadOnlyList<BatchDocumentLine> Fallbacks { get; init; } = [];

    public IReadOnlyList<BatchDocumentLine> QuarantinedDocuments { get; init; } = [];

    public IReadOnlyList<RiskFlag> NewFlags { get; init; } = [];

    public IReadOnlyList<string> Problems { get; init; } = [];

    public int Requests { get; init; }

    public double Seconds { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, DealLensJson.Compact);

    public string ToText()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        if (Status == "nothing_new")
        {
            text.AppendLine(c, $"Nothing new: {Unchanged} document(s) unchanged{(SeenFilings > 0 ? $", {SeenFilings} filing(s) already seen" : "")}; nothing analysed.");
        }

        if (Feed is not null)
        {
            text.AppendLine(c, $"Filings:      {NewFilings} new, {SeenFilings} already seen, {FailedFilings} failed ({Requests} requests)");
        }

        text.AppendLine(c, $"Documents:    {New} new, {Unchanged} unchanged, {Failed} failed, {Quarantined} quarantined{(Remaining > 0 ? $", {Remaining} left for the next run (--max-docs)" : "")}");
        foreach (var failure in Failures)
        {
            text.AppendLine(c, $"  failed:      {failure.Error} (attempt {failure.Attempts}; {(failure.WillRetry ? "retried on the next run" : "no retries left")})");
        }

        foreach (var fallback in Fallbacks)
        {
            text.AppendLine(c, $"  model not used: {fallback.Document}: {fallback.Error}");
        }

        foreach (var quarantined in QuarantinedDocuments)
        {
            text.AppendLine(c, $"  quarantined: {quarantined.Error} ({quarantined.Attempts} attempts)");
        }

        text.AppendLine(c, $"New flags:    {(NewFlags.Count == 0 ? "none" : NewFlags.Count.ToString(c))}");
        foreach (var flag in NewFlags)
        {
            text.AppendLine(c, $"  HIGH {flag.Message} [{string.Join(", ", flag.Documents)}]");
        }

        text.AppendLine(c, $"Run {RunId} in {Database} ({Seconds.ToString("0.0", c)} s)");
        return text.ToString();
    }
}
