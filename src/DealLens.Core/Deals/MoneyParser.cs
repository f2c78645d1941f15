using System.Globalization;
using System.Text.RegularExpressions;
using DealLens.Core.Text;

namespace DealLens.Core.Deals;

/// <summary>
/// One money mention found in a text: <c>Text == input[Start..End]</c>. <see cref="Amount"/> is in whole currency
/// units; it is null when the mention is redacted or could not be read (then <see cref="Warning"/> says why).
/// <see cref="Currency"/> is null when the text names none (a bare "[***]").
/// </summary>
public sealed record MoneyMention(int Start, int End, string Text, decimal? Amount, string? Currency, bool Redacted, string? Warning);

/// <summary>
/// Reads money mentions: "$11.9 billion", "US$ 1,250,000,000", "EUR 40m", "€2.5bn", "£10 million", "5 billion dollars",
/// and redacted ones ("$[***]", "[Redacted]", "[***] million"). Numbers that overflow or are implausibly large are
/// never guessed: the mention is returned without an amount and with a warning.
/// </summary>
public static class MoneyParser
{
    /// <summary>Amounts above this (one quadrillion) are not real deal values; they are read as unparseable.</summary>
    public const decimal MaxPlausibleAmount = 1_000_000_000_000_000m;

    private const string Space = @"[ \t\u00A0]";

    private const string Number = @"(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)";

    // [***], [*], [* * *], [Redacted], [REDACTED], [ ], [...]; a star run or a word, never nested repeats.
    private const string Redaction = @"(?<red>\[[ ]{0,3}(?:\*[* ]{0,12}|[Rr]edacted[ ]{0,3}|REDACTED[ ]{0,3}|\.[. ]{0,8}|)\])";

    private const string Scale =
        @"(?:" + Space + @"?(?<scale>(?i:trillion|billion|million|thousand|tn|trn|bn|bln|mm|mn|mln|m|b|k))(?![A-Za-z0-9]))";

    private const string Prefix =
        @"(?<pre>US" + Space + @"?\$|U\.S\.[ ]?\$|HK\$|C\$|A\$|S\$|\$|€|£|¥|(?:USD|EUR|GBP|JPY|CHF|CAD|AUD|CNY|RMB|SGD)(?![A-Za-z]))";

    private const string Suffix =
        @"(?<suf>(?:U\.S\.[ ]|US[ ])?(?i:dollars)|(?i:euros?)|(?i:pounds[ ]sterling|pounds|sterling)|yen|(?:USD|EUR|GBP|JPY|CHF|CAD|AUD|CNY|RMB|SGD))(?![A-Za-z])";

    private static readonly Regex s_money = new(
        @"(?<![A-Za-z0-9])(?:" +
        Prefix + Space + "?" + "(?:" + Number + "|" + Redaction + ")" + Scale + "?(?:" + Space + Suffix + ")?" +
        "|(?:" + Number + "|" + Redaction + ")" + Scale + "?" + Space + Suffix +
        "|" + Redaction + Scale + "?" +
        ")",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    // A bare "[***]" followed by one of these is a redacted percentage, duration or quantity, not money.
    private static readonly Regex s_notMoneyAfter = new(
        @"\G[ \t]*(?:%|(?i:percent|per[ ]cent|days?|weeks?|months?|years?|hours?|MW|GW|megawatts?|gigawatts?|GPUs?|units?|basis[ ]points|bps|x\b|times))",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    /// <summary>The first money mention in <paramref name="text"/>, or null when there is none.</summary>
    public static MoneyMention? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Enumerate(text).FirstOrDefault();
    }

    /// <summary>Every money mention in <paramref name="text"/>, in order, with spans into it.</summary>
    public static IReadOnlyList<MoneyMention> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Enumerate(text).ToList();
    }

    private static IEnumerable<MoneyMention> Enumerate(string text)
    {
        foreach (Match match in s_money.Matches(text))
        {
            var mention = ToMention(text, match);
            if (mention is not null)
            {
                yield return mention;
            }
        }
    }

    private static MoneyMention? ToMention(string text, Match match)
    {
        var prefix = match.Groups["pre"];
        var suffix = match.Groups["suf"];
        var scale = match.Groups["scale"];
        var redaction = match.Groups["red"];
        var end = match.Index + match.Length;
        var currency = prefix.Success ? CurrencyOf(prefix.Value) : suffix.Success ? CurrencyOf(suffix.Value) : null;

        if (redaction.Success)
        {
            var bare = currency is null && !scale.Success;
            if (bare && (IsBlankBrackets(redaction.Value) || s_notMoneyAfter.IsMatch(text, end)))
            {
                return null;
            }

            return new MoneyMention(match.Index, end, match.Value, null, currency, true, null);
        }

        var (amount, warning) = ComputeAmount(match.Groups["num"].Value, scale.Success ? scale.Value : null, match.Value);
        return new MoneyMention(match.Index, end, match.Value, amount, currency, false, warning);
    }

    private static bool IsBlankBrackets(string redaction)
        => redaction.AsSpan(1, redaction.Length - 2).Trim().IsEmpty;

    private static (decimal? Amount, string? Warning) ComputeAmount(string number, string? scale, string mention)
    {
        var digits = number.Replace(",", "", StringComparison.Ordinal);
        // decimal holds 28-29 significant digits; a longer run is not a number we can read faithfully.
        if (digits.Length > 28
            || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return (null, $"Money amount '{mention}' is not a readable number; left empty.");
        }

        var multiplier = Multiplier(scale);
        // Compared before multiplying so the product can never overflow.
        if (value > MaxPlausibleAmount / multiplier)
        {
            return (null, $"Money amount '{mention}' is implausibly large; left empty.");
        }

        return (Normalize(value * multiplier), null);
    }

    private static decimal Multiplier(string? scale) => scale?.ToLowerInvariant() switch
    {
        null => 1m,
        "trillion" or "tn" or "trn" => 1_000_000_000_000m,
        "billion" or "bn" or "bln" or "b" => 1_000_000_000m,
        "million" or "mm" or "mn" or "mln" or "m" => 1_000_000m,
        "thousand" or "k" => 1_000m,
        _ => 1m,
    };

    // Removes trailing zeros left by the multiplication (11.9 * 1e9 = 11900000000.0) so output is stable.
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    private static string? CurrencyOf(string token)
    {
        var t = token.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal)
            .Replace("\t", "", StringComparison.Ordinal).ToUpperInvariant();
        return t switch
        {
            "$" or "US$" or "U.S.$" or "USD" or "DOLLARS" or "U.S.DOLLARS" or "USDOLLARS" => "USD",
            "€" or "EUR" or "EURO" or "EUROS" => "EUR",
            "£" or "GBP" or "POUNDS" or "POUNDSSTERLING" or "STERLING" => "GBP",
            "¥" or "JPY" or "YEN" => "JPY",
            "C$" or "CAD" => "CAD",
            "A$" or "AUD" => "AUD",
            "S$" or "SGD" => "SGD",
            "HK$" => "HKD",
            "CHF" => "CHF",
            "CNY" or "RMB" => "CNY",
            _ => null,
        };
    }
}
