using System.Text.Json;
using DealLens.Core;
using DealLens.Core.Evaluation;
using DealLens.Core.Output;

namespace DealLens.Cli.Output;

/// <summary>
/// <c>eval --predictions FILE</c>: one JSON line per labelled document with its gold snippet parts and predicted
/// clauses by CUAD category, so errors can be read rather than guessed from the totals.
/// </summary>
public static class EvalPredictionsJson
{
    private static readonly JsonWriterOptions s_options = DealLensJson.Writer(indented: false);

    public static async Task WriteAsync(string path, IReadOnlyList<EvaluationDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var temporary = path + ".tmp";
        try
        {
            await WriteLinesAsync(temporary, documents, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw new DealLensException($"cannot write predictions to {path}: {ex.Message}", ex);
        }
    }

    private static async Task WriteLinesAsync(string path, IReadOnlyList<EvaluationDocument> documents, CancellationToken cancellationToken)
    {
        await using (var stream = File.Create(path))
        {
            foreach (var document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using (var writer = new Utf8JsonWriter(stream, s_options))
                {
                    Write(writer, document);
                }

                stream.WriteByte((byte)'\n');
            }
        }
    }

    private static void Write(Utf8JsonWriter w, EvaluationDocument document)
    {
        w.WriteStartObject();
        w.WriteString("id", document.Gold.Id);
        w.WriteString("file", document.Gold.File);
        w.WriteStartObject("gold");
        foreach (var category in CuadCategories.Mapped)
        {
            if (document.Gold.Labels.TryGetValue(category, out var label) && label.Present)
            {
                w.WriteStartArray(category);
                foreach (var part in label.Parts())
                {
                    w.WriteStringValue(part);
                }

                w.WriteEndArray();
            }
        }

        w.WriteEndObject();
        w.WriteStartArray("predicted");
        foreach (var clause in document.Predicted)
        {
            w.WriteStartObject();
            w.WriteString("type", clause.Type);
            if (CuadCategories.ForClauseType(clause.Type) is { } category)
            {
                w.WriteString("category", category);
            }

            w.WriteNumber("start", clause.Start);
            w.WriteNumber("end", clause.End);
            w.WriteNumber("confidence", clause.Confidence);
            w.WriteString("extractor", clause.Extractor);
            w.WriteString("text", clause.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
