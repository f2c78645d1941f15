using System.Text;
using System.Text.Json;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Output;
using DealLens.Core.Pipeline;

namespace DealLens.Cli.Output;

/// <summary>
/// The machine-readable form of an analysis: one JSON object per document, one line each. The shape is
/// documented in the README; later versions add fields, never remove or rename them.
/// </summary>
public static class AnalysisJson
{
    private static readonly JsonWriterOptions s_compact = DealLensJson.Writer(indented: false);
    private static readonly JsonWriterOptions s_indented = DealLensJson.Writer(indented: true);

    public static string ToLine(string document, string? sha256, string status, string? error, DocumentAnalysis? analysis)
        => Write(s_compact, w => WriteDocument(w, document, sha256, status, error, analysis));

    /// <summary>Clauses and deal terms, indented, for golden files and reports.</summary>
    public static string ToIndented(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return Write(s_indented, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("pages", analysis.Document.Pages.Count);
            WriteStrings(w, "warnings", analysis.Warnings);
            WriteClauses(w, analysis.Clauses);
            WriteDeal(w, analysis.Deal);
            WriteOrigin(w, analysis.Origin);
            w.WriteEndObject();
        });
    }

    private static string Write(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteDocument(Utf8JsonWriter w, string document, string? sha256, string status, string? error, DocumentAnalysis? analysis)
    {
        w.WriteStartObject();
        w.WriteString("document", document);
        w.WriteString("sha256", sha256);
        w.WriteString("status", status);
        w.WriteString("error", error);
        // Set when a model was asked for and this document was read by the embedded extractor instead.
        w.WriteString("fallback", ExtractorFallback.ReasonIn(analysis));
        if (analysis is null)
        {
            w.WriteNull("pages");
            w.WriteStartArray("warnings");
            w.WriteEndArray();
            w.WriteStartArray("clauses");
            w.WriteEndArray();
            w.WriteNull("deal");
            w.WriteNull("origin");
        }
        else
        {
            w.WriteNumber("pages", analysis.Document.Pages.Count);
            WriteStrings(w, "warnings", analysis.Warnings);
            WriteClauses(w, analysis.Clauses);
            WriteDeal(w, analysis.Deal);
            WriteOrigin(w, analysis.Origin);
        }

        w.WriteEndObject();
    }

    private static void WriteClauses(Utf8JsonWriter w, IReadOnlyList<Clause> clauses)
    {
        w.WriteStartArray("clauses");
        foreach (var clause in clauses)
        {
            w.WriteStartObject();
            w.WriteString("id", clause.Id);
            w.WriteString("type", clause.Type);
            w.WriteString("text", clause.Text);
            w.WriteNumber("page", clause.Page);
            w.WriteNumber("start", clause.Start);
            w.WriteNumber("end", clause.End);
            w.WriteNumber("confidence", Math.Round(clause.Confidence, 3));
            w.WriteString("extractor", clause.Extractor);
            WriteFields(w, clause.Fields);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteFields(Utf8JsonWriter w, ClauseFields fields)
    {
        w.WriteStartObject("fields");
        if (fields.Amount is { } amount)
        {
            w.WriteNumber("amount", amount);
        }

        WriteIfSet(w, "currency", fields.Currency);
        if (fields.Redacted is { } redacted)
        {
            w.WriteBoolean("redacted", redacted);
        }

        WriteIfSet(w, "period", fields.Period);
        if (fields.Percent is { } percent)
        {
            w.WriteNumber("percent", percent);
        }

        if (fields.Months is { } months)
        {
            w.WriteNumber("months", months);
        }

        WriteIfSet(w, "access", fields.Access);
        if (fields.Chips is { Count: > 0 } chips)
        {
            WriteStrings(w, "chips", chips);
        }

        WriteIfSet(w, "jurisdiction", fields.Jurisdiction);
        w.WriteEndObject();
    }

    private static void WriteDeal(Utf8JsonWriter w, DealTerms deal)
    {
        w.WriteStartObject("deal");
        WriteStrings(w, "parties", deal.Parties);
        w.WriteString("provider", deal.Provider);
        w.WriteString("customer", deal.Customer);
        if (deal.TotalValue is { } value)
        {
            w.WriteStartObject("total_value");
            WriteNumberOrNull(w, "amount", value.Amount);
            w.WriteString("currency", value.Currency);
            w.WriteBoolean("binding", value.Binding);
            w.WriteBoolean("redacted", value.Redacted);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("total_value");
        }

        WriteNumberOrNull(w, "term_months", deal.TermMonths);
        w.WriteString("effective_date", deal.EffectiveDate?.ToString("yyyy-MM-dd"));
        w.WriteString("end_date", deal.EndDate?.ToString("yyyy-MM-dd"));
        WriteNumberOrNull(w, "capacity_mw", deal.CapacityMw);
        WriteNumberOrNull(w, "gpu_count", deal.GpuCount);
        WriteStrings(w, "chips", deal.Chips);
        WriteNumberOrNull(w, "prepayment_pct", deal.PrepaymentPct);
        WriteEvidence(w, deal.Evidence);
        w.WriteStartArray("roles");
        foreach (var role in deal.Roles)
        {
            w.WriteStartObject();
            w.WriteString("name", role.Name);
            w.WriteString("role", role.Role);
            w.WriteString("parent", role.Parent);
            w.WriteNumber("page", role.Page);
            w.WriteNumber("start", role.Start);
            w.WriteNumber("end", role.End);
            w.WriteString("text", role.Quote);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Who is speaking: the document's kind, its filer and the words it uses for the filer.</summary>
    private static void WriteOrigin(Utf8JsonWriter w, DocumentOrigin origin)
    {
        w.WriteStartObject("origin");
        w.WriteString("kind", origin.Kind);
        w.WriteString("filer", origin.Filer);
        WriteStrings(w, "self_references", origin.SelfReferences);
        WriteEvidence(w, origin.Evidence);
        w.WriteEndObject();
    }

    /// <summary>The quotes fields were read from: the same shape for deal terms and for the document's origin.</summary>
    private static void WriteEvidence(Utf8JsonWriter w, IEnumerable<FieldEvidence> evidence)
    {
        w.WriteStartArray("evidence");
        foreach (var e in evidence)
        {
            w.WriteStartObject();
            w.WriteString("field", e.Field);
            w.WriteNumber("page", e.Page);
            w.WriteNumber("start", e.Start);
            w.WriteNumber("end", e.End);
            w.WriteString("text", e.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteIfSet(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
