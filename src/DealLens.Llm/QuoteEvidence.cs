using System.Text.RegularExpressions;
using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Rules;
using DealLens.Core.Text;

namespace DealLens.Llm;

/// <summary>
/// Whether a quote a model gave can carry a clause of the type it claims. The model is untrusted down to the quote:
/// a grounded quote may still be one word ("a") or a sentence about something else. A quote must have at least
/// <see cref="MinWords"/> words and carry the type's evidence:
/// <list type="bullet">
/// <item>types that put money into scores (payment obligations and money relations) need one of the words the
/// embedded extractor's rules for that type look for (their keywords); take-or-pay and prepayment also need payment
/// and obligation wording, a minimum commitment obligation wording;</item>
/// <item>other types need their rules' vocabulary or normative wording (shall, may, not, without consent, ...): the
/// model may find clauses the rules' narrow wording misses, but a heading or a description is no clause.</item>
/// </list>
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

    private static readonly Regex s_normative = new(
        @"\b(?:shall|will|may|must|agrees?|agreed|entitled|right|rights|obligat(?:ed|ion|ions)|not|neither|nor|no|without|consent|prohibit(?:s|ed)?|requir(?:e|es|ed)|undertakes?|permit(?:s|ted)?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeouts.Limit);

    private static readonly HashSet<string> s_paymentObligations = new(StringComparer.Ordinal)
    {
        ClauseTypes.TakeOrPay, ClauseTypes.Prepayment,
    };

    // A wrong type here moves money in the graph and the risk score: the rules' vocabulary is required.
    private static readonly HashSet<string> s_moneyTypes = new(StringComparer.Ordinal)
    {
        ClauseTypes.TakeOrPay, ClauseTypes.MinimumCommitment, ClauseTypes.Prepayment, ClauseTypes.Backstop, ClauseTypes.Loan,
        ClauseTypes.EquityInvestment, ClauseTypes.Warrant, ClauseTypes.SaleLeaseback,
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

        var hasVocabulary = !_keywords.TryGetValue(type, out var keywords) || keywords.Length == 0
            || keywords.Any(k => quote.Contains(k, StringComparison.OrdinalIgnoreCase));
        if (s_moneyTypes.Contains(type))
        {
            if (!hasVocabulary
                || (s_paymentObligations.Contains(type) && !(s_payment.IsMatch(quote) && s_obligation.IsMatch(quote)))
                || (type == ClauseTypes.MinimumCommitment && !s_obligation.IsMatch(quote)))
            {
                return DropReasons.NoTypeEvidence;
            }
        }
        else if (!hasVocabulary && !s_normative.IsMatch(quote))
        {
            return DropReasons.NoTypeEvidence;
        }

        return null;
    }
}
