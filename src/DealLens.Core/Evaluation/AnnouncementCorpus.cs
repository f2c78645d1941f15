using System.Globalization;
using System.Text;
using System.Text.Json;
using DealLens.Core.Clauses.Learning;

namespace DealLens.Core.Evaluation;

/// <summary>One labelled money relation of an announcement: who pays whom, how much, and the quote it is read from.</summary>
public sealed record AnnouncementRelation(string Kind, string From, string To, decimal? Usd, bool Binding, string Quote);

/// <summary>The labels of one announcement in samples/announcements/labels.jsonl (see the README there).</summary>
public sealed record AnnouncementLabel(
    string Doc,
    string Kind,
    DateOnly Date,
    string Deal,
    IReadOnlyList<string> Parties,
    string? Provider,
    string? Customer,
    decimal? TotalValueUsd,
    bool? TotalValueBinding,
    string? TotalValueQuote,
    int? TermMonths,
    string? TermQuote,
    bool MinimumCommitment,
    string? MinimumCommitmentQuote,
    bool TakeOrPay,
    string? TakeOrPayQuote,
    IReadOnlyList<string> Chips,
    string? ChipsQuote,
    IReadOnlyList<AnnouncementRelation> Relations)
{
    /// <summary>Every quote the label holds; each must stand verbatim in the document.</summary>
    public IEnumerable<string> Quotes()
    {
        foreach (var quote in new[] { TotalValueQuote, TermQuote, MinimumCommitmentQuote, TakeOrPayQuote, ChipsQuote })
        {
            if (quote is not null)
            {
                yield return quote;
            }
        }

        foreach (var relation in Relations)
        {
            yield return relation.Quote;
        }
    }
}

/// <summary>Reads the announcement corpus labels and says which documents are locked.</summary>
public static class AnnouncementCorpus
{
    /// <summary>
    /// A locked document is kept out of every choice made on the corpus (rules, thresholds, wording): its figure is
    /// reported beside the dev figure. The rule is fixed: FNV-1a (32 bits) of the UTF-8 file name, one bucket in three.
    /// </summary>
    public static bool IsLocked(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return FeatureHashing.Fnv1a(Encoding.UTF8.GetBytes(fileName)) % 3 == 0;
    }

    /// <summary>
    /// The lock of samples/announcements-round3 and -round4, each fixed before any reader ran on its batch: the same
    /// hash, one bucket in two (half of a batch is held back, as the batches exist to check readers on text they were
    /// not written from).
    /// </summary>
    public static bool IsLockedHalf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return FeatureHashing.Fnv1a(Encoding.UTF8.GetBytes(fileName)) % 2 == 0;
    }

    /// <summary>
    /// The lock of samples/announcements-round5, fixed (with the batch, before any reader ran on it) as the same hash,
    /// one bucket in two: a rule of its own so that a later change to the earlier batches' lock cannot move it.
    /// </summary>
    public static bool IsLockedRound5(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return FeatureHashing.Fnv1a(Encoding.UTF8.GetBytes(fileName)) % 2 == 0;
    }

    /// <summary>
    /// The lock of samples/announcements-round6, fixed with the batch before any reader ran on it: the same hash, one
    /// bucket in two, as a rule of its own so that no later change to another batch's lock can move it.
    /// </summary>
    public static bool IsLockedRound6(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return FeatureHashing.Fnv1a(Encoding.UTF8.GetBytes(fileName)) % 2 == 0;
    }

    /// <summary>Reads every non-blank line; a malformed line throws <see cref="DealLensException"/> naming its line.</summary>
    public static IReadOnlyList<AnnouncementLabel> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var labels = new List<AnnouncementLabel>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                labels.Add(Parse(json.RootElement));
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                throw new DealLensException($"announcement labels line {lineNumber}: {ex.Message}", ex);
            }
        }

        return labels;
    }

    private static AnnouncementLabel Parse(JsonElement root)
    {
        var value = Object(root, "total_value");
        var term = Object(root, "term_months");
        var minimum = root.GetProperty("minimum_commitment");
        var takeOrPay = root.GetProperty("take_or_pay");
        var chips = root.GetProperty("chips");
        return new AnnouncementLabel(
            root.GetProperty("doc").GetString()!,
            root.GetProperty("kind").GetString()!,
            DateOnly.ParseExact(root.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            root.GetProperty("deal").GetString()!,
            Strings(root.GetProperty("parties")),
            String(root, "provider"),
            String(root, "customer"),
            value is { } v ? Decimal(v, "usd") : null,
            value?.GetProperty("binding").GetBoolean(),
            value is { } vq ? String(vq, "quote") : null,
            term?.GetProperty("value").GetInt32(),
            term is { } tq ? String(tq, "quote") : null,
            minimum.GetProperty("present").GetBoolean(),
            String(minimum, "quote"),
            takeOrPay.GetProperty("present").GetBoolean(),
            String(takeOrPay, "quote"),
            Strings(chips.GetProperty("value")),
            String(chips, "quote"),
            root.GetProperty("relations").EnumerateArray().Select(r => new AnnouncementRelation(
                r.GetProperty("kind").GetString()!,
                r.GetProperty("from").GetString()!,
                r.GetProperty("to").GetString()!,
                Decimal(r, "usd"),
                r.GetProperty("binding").GetBoolean(),
                r.GetProperty("quote").GetString()!)).ToList());
    }

    private static JsonElement? Object(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? String(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Decimal(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
