using System.Globalization;
using DealLens.Core.Risk;

namespace DealLens.Core.Output;

/// <summary>
/// The one way every writer (text, Markdown, HTML, CSV, risk messages, graph labels) shows money, percentages, ratios
/// and severities to people. Invariant culture throughout, so the same value gives the same text on every machine.
/// </summary>
public static class Formats
{
    /// <summary>"$11.9B", "$250M", "$950,000", "EUR 5M": US dollars with a "$", other currencies by their code.</summary>
    public static string Money(decimal amount, string? currency)
    {
        var symbol = currency is null or "USD" ? "$" : currency + " ";
        return amount >= 1_000_000_000m ? symbol + (amount / 1_000_000_000m).ToString("0.##", CultureInfo.InvariantCulture) + "B"
            : amount >= 1_000_000m ? symbol + (amount / 1_000_000m).ToString("0.##", CultureInfo.InvariantCulture) + "M"
            : symbol + amount.ToString("#,0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>As <see cref="Money(decimal, string?)"/>; <paramref name="unknown"/> when the amount is not known (unknown is never zero).</summary>
    public static string Money(decimal? amount, string? currency, string unknown = "unknown")
        => amount is { } a ? Money(a, currency) : unknown;

    /// <summary>A computed share of a whole (0.4231 -> "42.3 %"), one decimal; "n/a" when unknown.</summary>
    public static string Share(decimal? share)
        => share is { } s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "n/a";

    /// <summary>A percentage as a document states it (12.25 -> "12.25 %"), up to two decimals.</summary>
    public static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + " %";

    /// <summary>A ratio such as circularity (financing ÷ purchases), two decimals: "0.75".</summary>
    public static string Ratio(decimal ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A Herfindahl-Hirschman index, whole points: "5000".</summary>
    public static string Hhi(decimal hhi) => hhi.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>A severity as a finding's tag: "HIGH", "MEDIUM", "LOW".</summary>
    public static string Severity(Severity severity) => Vocabulary.Name(severity).ToUpperInvariant();

    /// <summary>A severity as a word in running text and JSON: "high", "medium", "low".</summary>
    public static string SeverityName(Severity severity) => Vocabulary.Name(severity);

    /// <summary>What a relation's amount is: "$11.9B", "redacted" or "amount unknown" (unknown is never zero).</summary>
    public static string RelationAmount(MoneyRelation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        return relation.Amount is { } a ? Money(a, relation.Currency) : relation.Redacted ? "redacted" : "amount unknown";
    }

    /// <summary>"purchase $11.9B", "warrant amount unknown (non-binding)": a relation's kind, amount and whether it binds.</summary>
    public static string Relation(MoneyRelation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        return relation.Kind + " " + RelationAmount(relation) + (relation.Binding ? "" : " (non-binding)");
    }
}
