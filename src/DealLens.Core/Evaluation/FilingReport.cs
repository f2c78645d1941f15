using System.Globalization;
using System.Text;
using System.Text.Json;
using DealLens.Core.Output;

namespace DealLens.Core.Evaluation;

/// <summary>
/// One part of a real-filings evaluation: its documents' summed counts, and (for a part that may be shown) the
/// per-document scores and read errors. <see cref="Failed"/> counts documents that could not be read or are missing.
/// </summary>
public sealed record FilingPart(
    string Name,
    int Documents,
    int Failed,
    IReadOnlyList<FieldCount> Fields,
    IReadOnlyList<FilingDocumentScore> PerDocument,
    IReadOnlyList<string> Errors);

/// <summary>The parts of a real-filings evaluation: development (shown in full) and, when asked for, locked (aggregate only).</summary>
public sealed record FilingReport(IReadOnlyList<FilingPart> Parts)
{
    public const string Development = "development";
    public const string Locked = "locked";
    public const string All = "all";

    /// <summary>
    /// Builds a part from every labelled document's score (a document that could not be read is scored as nothing
    /// found, so the totals do not shrink). A locked part keeps only its sums: no per-document rows, no error texts.
    /// </summary>
    public static FilingPart Part(string name, IReadOnlyList<FilingDocumentScore> scores, IReadOnlyList<string> errors, bool showDocuments)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(errors);
        return new FilingPart(
            name,
            scores.Count,
            errors.Count,
            FilingScorer.Sum(scores),
            showDocuments ? scores.OrderBy(s => s.Doc, StringComparer.Ordinal).ToList() : [],
            showDocuments ? errors : []);
    }
}

/// <summary>Prints a <see cref="FilingReport"/> as a table with per-document misses, or as JSON.</summary>
public static class FilingReportFormatter
{
    private static readonly Dictionary<string, string> s_labels = new(StringComparer.Ordinal)
    {
        [FilingFields.Parties] = "named parties found",
        [FilingFields.Provider] = "provider role right",
        [FilingFields.Customer] = "customer role right",
        [FilingFields.Roles] = "documents with roles right",
        [FilingFields.TotalValue] = "total value (1 %)",
        [FilingFields.TermMonths] = "term months",
        [FilingFields.CapacityMw] = "capacity MW (1 %)",
        [FilingFields.Financing] = "financing relations found",
        [FilingFields.Concentration] = "concentration facts right",
    };

    public static string ToText(FilingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        foreach (var part in report.Parts.Where(p => p.PerDocument.Count > 0 || p.Errors.Count > 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"Per document ({part.Name} part):\n");
            foreach (var score in part.PerDocument)
            {
                var counts = string.Join("  ", score.Fields.Where(f => f.Total > 0).Select(f => $"{f.Field} {f.Right}/{f.Total}"));
                text.Append(CultureInfo.InvariantCulture, $"  {score.Doc}\n    {(counts.Length == 0 ? "(nothing labelled)" : counts)}\n");
                foreach (var miss in score.Misses)
                {
                    text.Append(CultureInfo.InvariantCulture, $"    - {miss}\n");
                }
            }

            foreach (var error in part.Errors)
            {
                text.Append(CultureInfo.InvariantCulture, $"  error: {error}\n");
            }

            text.Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"{"FIELD",-28}");
        foreach (var part in report.Parts)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {part.Name.ToUpperInvariant() + $" ({part.Documents} docs)",-24}");
        }

        text.Append('\n');
        foreach (var field in FilingFields.All)
        {
            text.Append(CultureInfo.InvariantCulture, $"{s_labels[field],-28}");
            foreach (var part in report.Parts)
            {
                var count = part.Fields.First(f => f.Field == field);
                var cell = count.Total == 0 ? "-" : $"{count.Right} of {count.Total}  {count.Rate!.Value:0.00}";
                text.Append(CultureInfo.InvariantCulture, $"  {cell,-24}");
            }

            text.Append('\n');
        }

        foreach (var part in report.Parts.Where(p => p.Failed > 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"{part.Name}: {part.Failed} document(s) could not be read (scored as nothing found)\n");
        }

        return text.ToString();
    }

    public static string ToJson(FilingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, DealLensJson.Writer(indented: true)))
        {
            w.WriteStartObject();
            foreach (var part in report.Parts)
            {
                w.WriteStartObject(part.Name);
                w.WriteNumber("documents", part.Documents);
                w.WriteNumber("failed", part.Failed);
                w.WriteStartObject("fields");
                foreach (var count in part.Fields)
                {
                    w.WriteStartObject(count.Field);
                    w.WriteNumber("right", count.Right);
                    w.WriteNumber("total", count.Total);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                if (part.PerDocument.Count > 0 || part.Errors.Count > 0)
                {
                    w.WriteStartArray("per_document");
                    foreach (var score in part.PerDocument)
                    {
                        w.WriteStartObject();
                        w.WriteString("doc", score.Doc);
                        w.WriteStartObject("fields");
                        foreach (var count in score.Fields.Where(f => f.Total > 0))
                        {
                            w.WriteStartObject(count.Field);
                            w.WriteNumber("right", count.Right);
                            w.WriteNumber("total", count.Total);
                            w.WriteEndObject();
                        }

                        w.WriteEndObject();
                        w.WriteStartArray("misses");
                        foreach (var miss in score.Misses)
                        {
                            w.WriteStringValue(miss);
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("errors");
                    foreach (var error in part.Errors)
                    {
                        w.WriteStringValue(error);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
