using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DealLens.Core.Evaluation;

/// <summary>
/// One clause of the paraphrase check set: written for the set in its own words, labelled with one core-12 CUAD
/// <see cref="Category"/>, or with none (a hard negative; <see cref="Near"/> names the category it shares words with).
/// </summary>
public sealed record ClauseParaphrase(string Id, string? Category, string? Near, string Style, string Text)
{
    public bool IsLocked => ClauseParaphraseSet.IsLocked(Id);
}

/// <summary>Which half of a paraphrase set to score.</summary>
public enum ParaphraseHalf
{
    Development,
    Locked,
}

/// <summary>
/// The clause paraphrase check set (issue 19): clauses written in varied styles for each core-12 category plus hard
/// negatives, half of them locked by a fixed hash rule. Each clause is read alone; for category X the positives are
/// the clauses labelled X and the negatives every other clause of the same half (LegalBench's yes/no construction,
/// with all other clauses as negatives).
/// </summary>
public static class ClauseParaphraseSet
{
    /// <summary>
    /// Locked when the first byte of SHA-256 of the id (UTF-8) is odd. Fixed when the set was written
    /// (2026-12-05), before any extractor was run on it; never to be changed.
    /// </summary>
    public static bool IsLocked(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return (SHA256.HashData(Encoding.UTF8.GetBytes(id))[0] & 1) == 1;
    }

    /// <summary>Reads the JSON Lines set; a bad line throws <see cref="DealLensException"/> naming its 1-based line number.</summary>
    public static IReadOnlyList<ClauseParaphrase> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var items = new List<ClauseParaphrase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var item = Parse(line, lineNumber);
            if (!ids.Add(item.Id))
            {
                throw new DealLensException($"paraphrase set line {lineNumber}: id '{item.Id}' appears twice");
            }

            items.Add(item);
        }

        return items;
    }

    /// <summary>
    /// The yes/no items of one half: for each core-12 category that has a positive in the half, every clause of the
    /// half, positive when it is labelled with the category.
    /// </summary>
    public static IReadOnlyList<ClauseTaskItem> Items(IReadOnlyList<ClauseParaphrase> set, ParaphraseHalf half)
    {
        ArgumentNullException.ThrowIfNull(set);
        var chosen = set.Where(p => p.IsLocked == (half == ParaphraseHalf.Locked)).ToList();
        var items = new List<ClauseTaskItem>();
        foreach (var category in CuadCategories.Core.Where(c => chosen.Any(p => p.Category == c)))
        {
            items.AddRange(chosen.Select(p => new ClauseTaskItem(category, p.Id, p.Text, p.Category == category)));
        }

        return items;
    }

    /// <summary>Mean over the categories' recall (true positive rate); NaN categories left out.</summary>
    public static double MeanRecall(ClauseTaskReport report) => Mean(report, c => c.TruePositiveRate);

    /// <summary>Mean over the categories' precision of yes answers; a category never answered yes is left out.</summary>
    public static double MeanPrecision(ClauseTaskReport report) => Mean(report, c => c.Precision);

    /// <summary>What the locked half may show: aggregates over the core 12, no category and no clause.</summary>
    public static string LockedSummary(ClauseTaskReport report, int clauses)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture,
            $"Paraphrase set, locked half ({clauses} clauses, {report.Positives} positives): core-12 balanced accuracy {F(report.CoreBalancedAccuracy)}, "
            + $"recall {F(MeanRecall(report))}, precision {F(MeanPrecision(report))} (means over categories); "
            + $"positives with no clause back: {report.PositivesWithNoClause} of {report.Positives}\n");
    }

    /// <summary>The development half: the per-category table, then the same aggregate line.</summary>
    public static string DevelopmentText(ClauseTaskReport report, int clauses)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Paraphrase set, development half ({clauses} clauses; negatives of a category = every other clause)\n");
        ClauseTasks.AppendCategoryTable(text, report, recallHeader: "RECALL", markCore: false);
        text.Append(CultureInfo.InvariantCulture,
            $"Core-12 balanced accuracy {F(report.CoreBalancedAccuracy)}, recall {F(MeanRecall(report))}, precision {F(MeanPrecision(report))} (means over categories); "
            + $"positives with no clause back: {report.PositivesWithNoClause} of {report.Positives}\n");
        return text.ToString();
    }

    private static ClauseParaphrase Parse(string line, int lineNumber)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Error(lineNumber, "expected a JSON object");
            }

            var id = String(root, "id", lineNumber, required: true)!;
            var text = String(root, "text", lineNumber, required: true)!;
            var category = String(root, "category", lineNumber, required: false);
            if (category is not null && !CuadCategories.IsCore(category))
            {
                throw Error(lineNumber, $"category '{category}' is not one of the core 12");
            }

            return new ClauseParaphrase(id, category, String(root, "near", lineNumber, required: false), String(root, "style", lineNumber, required: false) ?? "", text);
        }
        catch (JsonException ex)
        {
            throw new DealLensException($"paraphrase set line {lineNumber}: not valid JSON ({ex.Message})", ex);
        }
    }

    private static string? String(JsonElement root, string name, int lineNumber, bool required)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw Error(lineNumber, $"'{name}' is missing") : null;
        }

        if (value.ValueKind != JsonValueKind.String || (required && string.IsNullOrWhiteSpace(value.GetString())))
        {
            throw Error(lineNumber, $"'{name}' must be a non-empty string");
        }

        return value.GetString();
    }

    private static DealLensException Error(int lineNumber, string message) => new($"paraphrase set line {lineNumber}: {message}");

    private static double Mean(ClauseTaskReport report, Func<ClauseTaskScore, double> figure)
    {
        ArgumentNullException.ThrowIfNull(report);
        var values = report.Categories.Where(c => CuadCategories.IsCore(c.Category)).Select(figure).Where(v => !double.IsNaN(v)).ToList();
        return values.Count == 0 ? double.NaN : values.Average();
    }

    private static string F(double value) => double.IsNaN(value) ? "-" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
