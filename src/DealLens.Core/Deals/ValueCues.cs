using System.Text.RegularExpressions;
using DealLens.Core.Text;

namespace DealLens.Core.Deals;

/// <summary>What an amount is, judged from the words around it in its clause.</summary>
internal enum AmountRole
{
    /// <summary>No cue: not a deal value.</summary>
    None,

    /// <summary>The object of a transaction ("invest $2 billion in", "buy $300 billion of computing power", "a $38 billion commitment").</summary>
    Transaction,

    /// <summary>A value noun governs it ("total contract value of", "worth", "valued at", "the initial value of the Order is").</summary>
    Stated,

    /// <summary>A possible upside, not the agreed amount ("could take the total to", "would be up to", "if every option is used").</summary>
    Potential,

    /// <summary>A running total over several deals ("bringing its total commitment to $8 billion", "reaches $22.4 billion").</summary>
    Cumulative,

    /// <summary>The value of a holding, not a payment ("holds an investment valued at approximately $135 billion").</summary>
    Holding,

    /// <summary>Credit support for someone else's obligations ("backstop $1.8 billion of Fluidstack's lease obligations").</summary>
    CreditSupport,

}

/// <summary>
/// Reads the role of a money amount from the grammar of its clause in announcement prose: the verb or noun that
/// governs it (transaction verbs and value nouns), the preposition that ties it to a total ("to $N" after
/// "bring"/"lift"/"raise"), modal verbs and conditions, and the unit that follows it ("per share").
/// </summary>
internal static class ValueCues
{
    private const RegexOptions Options = NumberWords.Options | RegexOptions.IgnoreCase;

    private const int Window = 400;

    private const string Approx = @"(?:(?:approximately|about|roughly|nearly|some|around|over|more[ ]than|at[ ]least|up[ ]to|as[ ]much[ ]as|a[ ]further|an[ ]additional|an[ ]incremental|additional|incremental)\s+)*";

    // Clause edges inside a sentence: a semicolon, a dash, a comma followed by a space, or a coordinating word.
    private static readonly Regex s_boundary = new(
        @";|\s--\s|\s[—–]\s|,(?=\s)|\s(?:and|but|while|whereas)\s", Options, NumberWords.MatchTimeout);

    // "per share", "a share", "each", "/month", "per GPU-hour".
    private static readonly Regex s_unitAfter = new(
        @"\G\s*(?:(?:per|a|an|each|/)\s*(?:share|unit|ordinary[ ]share|common[ ]share|class[ ]a[ ](?:ordinary[ ]|common[ ])?share|gpu(?:[- ]hour)?|hour|day|month|year|annum|mw|kw|kwh|mwh|megawatt|kilowatt|server|node|chip|rack|token|seat|user)s?\b|each\b)",
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_unitBefore = new(
        @"\b(?:exercise|strike|conversion)\s+price\s+(?:of\s+|per\s+share\s+of\s+)?(?:approximately\s+)?$",
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_cumulativeBefore = new(
        @"\b(?:bring|brings|bringing|brought|lift|lifts|lifted|lifting|raise|raises|raised|raising|take|takes|taking|took|increase|increases|increased|increasing|boost|boosts|boosted|boosting|push|pushes|pushing)\b[^.;$]{0,120}?\bto\s+" + Approx + "$" +
        @"|\b(?:reach|reaches|reached|reaching)\s+" + Approx + "$" +
        @"|\b(?:cumulative|combined|all|across)\b[^.;$]{0,80}?\b(?:of|is|are|to|totals?|at)\s+" + Approx + "$",
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_potentialBefore = new(
        @"\b(?:could|would|might)\b|\b(?:options?|extensions?|renewals?)\b", Options, NumberWords.MatchTimeout);

    private static readonly Regex s_potentialAfter = new(
        @"\G[^.;]{0,60}?\bif\b", Options, NumberWords.MatchTimeout);

    private static readonly Regex s_holdingBefore = new(
        @"\b(?:holds?|held|owns?|owned|stake|holding|interest)\b[^.;$]{0,100}?\b(?:valued|worth)\s+(?:at\s+)?" + Approx + "$",
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_creditSupportBefore = new(
        @"\b(?:backstop|backstops|backstopped|backstopping|guarantee|guarantees|guaranteed|guaranteeing|guaranty)\s+(?:(?:of|for|certain)\s+)?" + Approx + "$" +
        @"|\bbackstop(?:\s+commitment)?\b[^.;$]{0,100}?\b(?:by|to|of)\s+" + Approx + "$",
        Options,
        NumberWords.MatchTimeout);

    // A value noun governs the amount: "the initial value of the Order is", "total development costs ... are".
    private static readonly Regex s_statedBefore = new(
        @"\b(?:value|price|consideration|costs?)\s+of\s+(?:the\s+|this\s+|each\s+)?(?:[\w'’-]+\s+){0,3}?(?:is|was|will\s+be|are|were)\s+" + Approx + "$" +
        @"|\btotal\b[^.;$]{0,120}?\b(?:is|are|was|were|of|equals?|amounts?\s+to|totals?)\s+" + Approx + "$",
        Options,
        NumberWords.MatchTimeout);

    // A transaction verb or noun governs the amount, a few words before it ("invest up to", "pay CoreWeave a further",
    // "signed a contract to buy", "put more than").
    private static readonly Regex s_transactionBefore = new(
        @"\b(?:invest|invests|invested|investing|investment|pay|pays|paying|paid|prepay|prepays|purchase|purchases|purchased|purchasing|buy|buys|buying|bought|spend|spends|spending|spent|commit|commits|committed|committing|acquire|acquires|acquired|acquiring|raise|raises|raised|raising|contribute|contributes|contributed|contributing|put|puts|putting|generate|generates|generating|represent|represents|add|adds|added|adding|expand|expands|expanded|expanding|value|values|valued|lease|leases|leased|leasing|rent|rents|rented|renting|sign|signs|signed|ink|inks|inked|award|awards|awarded|win|wins|won|secure|secures|secured|order|contract|agreement|deal|commitment)\b" +
        @"(?:\s+[\w'’.,-]+){0,6}?\s+$",
        Options,
        NumberWords.MatchTimeout);

    // The amount modifies or measures a transaction noun: "$6.3 billion order", "$9.7 Billion AI Cloud Contract",
    // "$250 billion of Azure services", "$3.7 billion of contracted revenue", "$4 billion in Anthropic".
    private static readonly Regex s_transactionAfter = new(
        @"\G\s*(?i:(?:(?:of|in)\s+(?:[\w'’.-]+\s+){0,4}?|(?:[\w'’-]+\s+){0,3}?)" +
        @"(?:revenue|consideration|commitments?|contracts?|agreements?|deals?|orders?|investments?|leases?|financing|funding|stake|equity|stock|shares|computing|compute|capacity|services|cloud|infrastructure|payments?)\b)" +
        @"|\G\s*(?:in|into)\s+(?:the\s+)?[A-Z]",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    /// <summary>The clause of the sentence <c>text[sentenceStart..sentenceEnd]</c> holding <paramref name="offset"/>, as a span of <paramref name="text"/>.</summary>
    public static (int Start, int End) ClauseAt(string text, int sentenceStart, int sentenceEnd, int offset, int length)
    {
        // Only the neighbourhood of the amount is scanned: a clause longer than the window is cut at its edge.
        var windowStart = Math.Max(sentenceStart, offset - Window);
        var windowEnd = Math.Min(sentenceEnd, offset + length + Window);
        var start = windowStart;
        var end = windowEnd;
        foreach (Match boundary in s_boundary.Matches(text[windowStart..windowEnd]))
        {
            var at = windowStart + boundary.Index;
            if (at + boundary.Length <= offset)
            {
                start = at + boundary.Length;
            }
            else if (at >= offset + length)
            {
                end = at;
                break;
            }
        }

        return (start, end);
    }

    /// <summary>A price per share, unit or period: "$23.28 per share", "exercise price of $0.01", "$3.10 per GPU-hour".</summary>
    public static bool IsUnitPrice(string text, int end, string clauseBefore)
        => s_unitAfter.IsMatch(text, end) || s_unitBefore.IsMatch(clauseBefore);

    /// <summary>
    /// The role of the amount at <c>text[start..end]</c>: <paramref name="clauseBefore"/> is its clause up to the amount,
    /// <paramref name="sentenceBefore"/> the whole sentence up to it.
    /// </summary>
    public static AmountRole RoleOf(string text, int start, int end, string clauseBefore, string sentenceBefore, int clauseEnd)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (s_creditSupportBefore.IsMatch(clauseBefore))
        {
            return AmountRole.CreditSupport;
        }

        if (s_holdingBefore.IsMatch(sentenceBefore))
        {
            return AmountRole.Holding;
        }

        if (s_cumulativeBefore.IsMatch(clauseBefore))
        {
            return AmountRole.Cumulative;
        }

        var clauseAfter = text[end..Math.Max(end, clauseEnd)];
        if (s_potentialBefore.IsMatch(clauseBefore) || s_potentialAfter.IsMatch(clauseAfter))
        {
            return AmountRole.Potential;
        }

        if (s_statedBefore.IsMatch(sentenceBefore))
        {
            return AmountRole.Stated;
        }

        return s_transactionBefore.IsMatch(clauseBefore) || s_transactionAfter.IsMatch(text, end)
            ? AmountRole.Transaction
            : AmountRole.None;
    }
}
