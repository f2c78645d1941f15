using System.Text.Json;

namespace DealLens.Core.Evaluation;

/// <summary>Reads the CUAD <c>labels.jsonl</c> format: one JSON object per line, one line per contract.</summary>
public static class CuadLabels
{
    /// <summary>Where an annotator cut out an irrelevant middle part of a snippet.</summary>
    public const string OmittedMarker = "<omitted>";

    /// <summary>Reads every non-blank line; a line that is not a valid contract object throws <see cref="DealLensException"/> naming its 1-based line number.</summary>
    public static IReadOnlyList<CuadContract> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var contracts = new List<CuadContract>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                contracts.Add(ParseLine(line, lineNumber));
            }
        }

        return contracts;
    }

    /// <summary>Parses one line; <paramref name="lineNumber"/> only goes into error messages.</summary>
    public static CuadContract ParseLine(string line, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Error(lineNumber, "expected a JSON object");
            }

            var labelsElement = Property(root, "labels", JsonValueKind.Object, lineNumber);
            var labels = new Dictionary<string, CuadLabel>(StringComparer.Ordinal);
            foreach (var category in labelsElement.EnumerateObject())
            {
                labels[category.Name] = ParseLabel(category, lineNumber);
            }

            return new CuadContract(
                Property(root, "id", JsonValueKind.String, lineNumber).GetString()!,
                Property(root, "file", JsonValueKind.String, lineNumber).GetString()!,
                Property(root, "type", JsonValueKind.String, lineNumber).GetString()!,
                labels);
        }
        catch (JsonException ex)
        {
            throw new DealLensException($"labels line {lineNumber}: not valid JSON ({ex.Message})", ex);
        }
    }

    /// <summary>Splits a snippet at <see cref="OmittedMarker"/>; parts are trimmed and empty ones dropped.</summary>
    public static IReadOnlyList<string> SplitSnippet(string snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        return snippet.Split(OmittedMarker, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    private static CuadLabel ParseLabel(JsonProperty category, int lineNumber)
    {
        var value = category.Value;
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Error(lineNumber, $"label \"{category.Name}\" is not an object");
        }

        var present = value.TryGetProperty("present", out var presentElement) && presentElement.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? presentElement.GetBoolean()
            : throw Error(lineNumber, $"label \"{category.Name}\" has no boolean \"present\"");

        var snippets = new List<string>();
        if (value.TryGetProperty("snippets", out var snippetsElement))
        {
            if (snippetsElement.ValueKind != JsonValueKind.Array)
            {
                throw Error(lineNumber, $"label \"{category.Name}\": \"snippets\" is not an array");
            }

            foreach (var snippet in snippetsElement.EnumerateArray())
            {
                snippets.Add(snippet.ValueKind == JsonValueKind.String
                    ? snippet.GetString()!
                    : throw Error(lineNumber, $"label \"{category.Name}\": a snippet is not a string"));
            }
        }

        // "answer" is CUAD's free-text column; a missing or null one reads as empty.
        var answer = value.TryGetProperty("answer", out var answerElement) && answerElement.ValueKind == JsonValueKind.String
            ? answerElement.GetString()!
            : "";
        return new CuadLabel(present, snippets, answer);
    }

    private static JsonElement Property(JsonElement element, string name, JsonValueKind kind, int lineNumber)
        => element.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw Error(lineNumber, $"missing or not a {kind.ToString().ToLowerInvariant()}: \"{name}\"");

    private static DealLensException Error(int lineNumber, string message) => new($"labels line {lineNumber}: {message}");
}
