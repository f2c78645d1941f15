using System.Text.RegularExpressions;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;

namespace DealLens.Core.Pipeline;

/// <summary>
/// Keeps a clause's amount only when it is a deal amount: a price per share or per unit (a warrant's $0.01 exercise
/// price, a $25 hourly rate) or a fee under <see cref="MinDealAmount"/> says nothing about the size of a deal, and
/// shown as the clause's amount it would mislead the review queue, the money graph and the totals. The largest deal
/// amount the clause states takes its place; when there is none, the clause carries no amount.
/// </summary>
public static class ClauseAmounts
{
    /// <summary>Amounts below this (in currency units) are fees and prices, not deals.</summary>
    public const decimal MinDealAmount = 10_000m;

    private static readonly TimeSpan s_timeout = DealLens.Core.Text.RegexTimeouts.Limit;

    private static readonly Regex s_perUnitAfter = new(
        @"^[^.;$€£]{0,25}?\b(?:per|a|each|for\s+each)\s+(?:share|unit|warrant|hour|piece|item|copy|seat|user|licen[cs]e|device|gpu|ordinary\s+share|common\s+share)s?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_timeout);

    private static readonly Regex s_unitPriceBefore = new(
        @"\b(?:exercise|strike|conversion|par)\s+(?:price|value)\b[^.;$€£]{0,30}$|\bprice\s+per\s+(?:share|unit)\b[^.;$€£]{0,30}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_timeout);

    /// <summary>The fields with the amount checked as above; fields without an amount are returned as they are.</summary>
    public static ClauseFields KeepDealAmount(string text, ClauseFields fields)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Amount is not { } amount)
        {
            return fields;
        }

        var deals = MoneyParser.FindAll(text)
            .Where(m => m.Amount is not null && IsDealAmount(text, m))
            .ToList();
        if (deals.Any(m => m.Amount == amount))
        {
            return fields;
        }

        var best = deals.MaxBy(m => m.Amount);
        return best is null
            ? fields with { Amount = null, Currency = fields.Redacted == true ? fields.Currency : null, Period = null }
            : fields with { Amount = best.Amount, Currency = best.Currency ?? fields.Currency, Period = null };
    }

    /// <summary>A mention is a deal amount when it is large enough and not priced per share, per unit or per hour.</summary>
    public static bool IsDealAmount(string text, MoneyMention mention)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mention);
        if (mention.Amount is not { } amount || amount < MinDealAmount)
        {
            return false;
        }

        var after = text[Math.Min(text.Length, mention.End)..Math.Min(text.Length, mention.End + 40)];
        var before = text[Math.Max(0, mention.Start - 60)..Math.Max(0, Math.Min(text.Length, mention.Start))];
        return !s_perUnitAfter.IsMatch(after) && !s_unitPriceBefore.IsMatch(before);
    }
}
