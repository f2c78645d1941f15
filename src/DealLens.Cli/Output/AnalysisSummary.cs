using System.Text;
using DealLens.Cli.Analysis;
using DealLens.Core.Pipeline;
using DealLens.Core.Risk;

namespace DealLens.Cli.Output;

/// <summary>The human-readable summary `analyze` prints: one row per document, then clause counts by type.</summary>
public static class AnalysisSummary
{
    public static string Format(IReadOnlyList<DocumentOutcome> outcomes, string databasePath, int skippedUnsupported)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var text = new StringBuilder();
        text.AppendLine($"{"STATUS",-9}  {"PAGES",5}  {"CLAUSES",7}  DOCUMENT");
        foreach (var outcome in outcomes)
        {
            var pages = outcome.Analysis?.Document.Pages.Count.ToString() ?? "-";
            var clauses = outcome.Analysis?.Clauses.Count.ToString() ?? "-";
            text.AppendLine($"{outcome.Status,-9}  {pages,5}  {clauses,7}  {outcome.Input.DisplayPath}");
            if (outcome.Error is not null)
            {
                text.AppendLine($"{"",-9}  {"",5}  {"",7}  error: {outcome.Error}");
            }

            if (ExtractorFallback.ReasonIn(outcome.Analysis) is { } fallback)
            {
                text.AppendLine($"{"",-9}  {"",5}  {"",7}  model not used: {fallback}");
            }
        }

        var byType = outcomes
            .SelectMany(o => o.Analysis?.Clauses ?? [])
            .GroupBy(c => c.Type, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (byType.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"{"CLAUSE TYPE",-28}  {"COUNT",5}  DOCUMENTS");
            foreach (var group in byType)
            {
                var documents = outcomes.Count(o => o.Analysis?.Clauses.Any(c => c.Type == group.Key) == true);
                text.AppendLine($"{group.Key,-28}  {group.Count(),5}  {documents,9}");
            }
        }

        text.AppendLine();
        text.Append($"{outcomes.Count(o => o.Status == DocumentStatus.Analyzed)} analyzed, ");
        text.Append($"{outcomes.Count(o => o.Status == DocumentStatus.Unchanged)} unchanged, ");
        text.Append($"{outcomes.Count(o => o.Status == DocumentStatus.Failed)} failed");
        if (outcomes.Count(o => ExtractorFallback.ReasonIn(o.Analysis) is not null) is var fellBack and > 0)
        {
            text.Append($" ({fellBack} read by the embedded extractor: the model was not used)");
        }

        if (skippedUnsupported > 0)
        {
            text.Append($" ({skippedUnsupported} other files skipped)");
        }

        text.AppendLine($". Database: {databasePath}");
        return text.ToString();
    }

    /// <summary>
    /// The closing lines after the table: what needs attention (cycles, high-severity findings across everything
    /// stored) and the commands to run next, with --db when the database is not the default one. The high-risk deals are
    /// counted by the caller (<paramref name="highDeals"/>): the scoring stage run after analyze lists only the deals it
    /// read again.
    /// </summary>
    public static string WhatMatters(RiskReport report, int highDeals, string databasePath, bool created, bool isDefaultDatabase)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        if (created)
        {
            text.AppendLine($"Created the database {databasePath}.");
        }

        var high = new List<string>();
        AddCount(high, report.Concentration.Count(c => c.Severity == Severity.High), "customer concentration", "customer concentrations");
        AddCount(high, report.RevenueConcentrations.Count(c => c.Severity == Severity.High), "disclosed revenue concentration", "disclosed revenue concentrations");
        AddCount(high, highDeals, "deal", "deals");
        var cycles = report.Cycles.Count;
        var highTotal = report.Concentration.Count(c => c.Severity == Severity.High)
            + report.RevenueConcentrations.Count(c => c.Severity == Severity.High)
            + highDeals;
        text.Append($"What matters: {cycles} circular-financing {(cycles == 1 ? "cycle" : "cycles")}");
        text.Append(cycles == 0 ? "" : $" ({report.Cycles.Count(c => c.Severity == Severity.High)} high)");
        text.AppendLine(highTotal == 0
            ? ", no high-severity finding (across all stored documents)."
            : $", {highTotal} high-severity {(highTotal == 1 ? "finding" : "findings")}: {string.Join(", ", high)} (across all stored documents).");
        var db = isDefaultDatabase ? "" : " --db " + Quote(databasePath);
        text.AppendLine($"Next: deallens risk{db}   (every finding with its evidence)");
        text.AppendLine($"      deallens report --out report.html{db}   (the report to read and share)");
        return text.ToString();
    }

    private static void AddCount(List<string> parts, int count, string one, string many)
    {
        if (count > 0)
        {
            parts.Add($"{count} {(count == 1 ? one : many)}");
        }
    }

    private static string Quote(string path) => path.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '&' or ';') ? "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'" : path;
}
