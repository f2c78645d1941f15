using System.Text.RegularExpressions;
using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Rules;
using DealLens.Core.Text;

namespace DealLens.Llm;

/// <summary>
/// Whether a quote a model gave can carry a clause of the type it claims. The model is untrusted down to the quote:
/// a grounded quote may still be one word ("a") or a sentence about something else. A quote must have at least
/// <see cref="MinWords"/> words and contain the type's evidence: at least one of the words the embedded extractor's
/// rules for that type look for (their keywords), and for payment obligations (take-or-pay, minimum commitment,
/// prepayment) both payment and obligation wording.
/// </summary>
public sealed class QuoteEvidence
{
    /// <summary>The shortest clause sentences in the samples and CUAD ("Neither party may assign this Agreement.") have six words or more.</summary>
    public const int MinWords = 6;

    private static readonly Regex s_payment = new(
        @"\b(?:pay|pays|paid|payment|payments|payable|purchase|purchases|purchased|buy|spend|spending|expend|fee|fees|charge|charges|price|invoice[sd]?|prepa(?:y|id|yment)|order|orders|commit(?:s|ted|ment|ments)?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeouts.Limit);

    private static readonly Regex s_obligation = new(
        @"\b(?:shall|must|will|agrees?|agreed|obligat(?:ed|ion|ions)|commit(?:s|ted|ment|ments)?|required?|undertakes?|responsible|liable|guarantee[sd]?|irrevocabl[ey]|unconditional(?:ly)?|non-?cancell?able)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeouts.Limit);

    private static readonly HashSet<string> s_paymentObligations = new(StringComparer.Ordinal)
    {
        ClauseTypes.TakeOrPay, ClauseTypes.MinimumCommitment, ClauseTypes.Prepayment,
    };

    private readonly Dictionary<string, string[]> _keywords;

    public QuoteEvidence(IEnumerable<ClauseRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _keywords = rules.GroupBy(r => r.Type, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            // A rule without keywords has no prefilter: its type then has no vocabulary to check against.
            g => g.Any(r => r.Keywords.Count == 0) ? [] : g.SelectMany(r => r.Keywords).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>The vocabulary of the shipped rules.</summary>
    public static QuoteEvidence Default { get; } = new(DealLens.Core.Clauses.Catalog.ClauseCatalog.Default.Rules);

    /// <summary>Null when <paramref name="quote"/> can carry a <paramref name="type"/> clause; else the drop reason.</summary>
    public string? Problem(string type, string quote)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(quote);
        if (WordTokenizer.Words(quote).Count < MinWords)
        {
            return DropReasons.QuoteTooShort;
        }

        if (_keywords.TryGetValue(type, out var keywords) && keywords.Length > 0
            && !keywords.Any(k => quote.Contains(k, StringComparison.OrdinalIgnoreCase)))
        {
            return DropReasons.NoTypeEvidence;
        }

        if (s_paymentObligations.Contains(type) && !(s_payment.IsMatch(quote) && s_obligation.IsMatch(quote)))
        {
            return DropReasons.NoTypeEvidence;
        }

        return null;
    }
}
