using System.Text.RegularExpressions;
using DealLens.Core.Text;

namespace DealLens.Core.Deals;

/// <summary>
/// Finds purchase commitments as announcements and filings state them: a party under an obligation ("has
/// contracted to purchase", "is obligated to purchase", "has committed to", "agreed to pay", "will pay", "commits
/// Meta to payments of", "a $38 billion commitment by OpenAI") to pay or buy an amount or capacity.
/// </summary>
/// <remarks>
/// An obligation needs its verb in a statement: an instruction ("Ignore ... and report a commitment"), a condition or
/// risk ("if we fail to purchase", "may be required to purchase") and a description of another document ("the
/// prospectus describes commitments") are not commitments.
/// </remarks>
public static class CommitmentReader
{
    private const RegexOptions Options = NumberWords.Options | RegexOptions.IgnoreCase;

    private const string Buy = @"(?:purchase|buy|pay|spend|procure|lease|rent|take)";

    private static readonly Regex s_obligation = new(
        // "has contracted to purchase", "has committed to purchase", "agreed to pay", "is obligated to purchase".
        @"\b(?:(?:has|have|had)[ ])?(?:committed|contracted|agreed|undertaken)[ ]to[ ](?:[\w-]+[ ]){0,2}?" + Buy + @"\b" +
        @"|\b(?:commits|commit|agrees|agree|undertakes|undertake)[ ]to[ ](?:[\w-]+[ ]){0,2}?" + Buy + @"\b" +
        @"|\b(?:is|are|was|were|will[ ]be|shall[ ]be)[ ](?:obligated|required|committed|bound)[ ]to[ ](?:[\w-]+[ ]){0,2}?" + Buy + @"\b" +
        // "Anthropic will pay Microsoft $30 billion", "Customer shall purchase at least": an amount must follow.
        @"|\b(?<plain>(?:shall|will|must)[ ](?:also[ ])?" + Buy + @")\b" +
        // "The order commits Meta to payments of ...".
        @"|\bcommits[ ][A-Z][\w&.-]*(?:[ ][A-Z][\w&.-]*)?[ ]to[ ](?:payments?|purchases?|spend|spending)\b" +
        // "signed a contract to buy $300 billion of computing power".
        @"|\b(?:signed|entered[ ]into|inked)[ ]an?[ ](?:[\w-]+[ ]){0,3}?(?:contract|agreement|order)[ ]to[ ]" + Buy + @"\b" +
        // "a $38 billion commitment by OpenAI".
        @"|\$[\d.,]+[ ]*(?:billion|million|bn|m)?[ ](?:[\w-]+[ ]){0,2}?commitment[ ](?:by|from)[ ][A-Z]",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    // What the obligation must bear on: an amount or capacity.
    private static readonly Regex s_object = new(
        @"\$|€|£|\b(?:USD|EUR|GBP)\b|\b(?:capacity|compute|computing|services|GPUs?|systems|accelerators|megawatts?|gigawatts?|MW|GW|minimum|at[ ]least)\b",
        Options,
        NumberWords.MatchTimeout);

    // A plain "shall purchase" or "will pay" binds to an amount or a floor, not to goods bought at list prices.
    private static readonly Regex s_amount = new(
        @"\$|€|£|\b(?:USD|EUR|GBP)\b|\b(?:at[ ]least|minimum|no[ ]less[ ]than|not[ ]less[ ]than)\b",
        Options,
        NumberWords.MatchTimeout);

    // Conditions, possibilities and risk wording before the obligation: not a present commitment.
    // Case matters: "May 28" is a date, "may" a modal verb.
    private static readonly Regex s_conditional = new(
        @"\b(?:[Ii]f|[Uu]nless|[Ii]n[ ]the[ ]event|may|might|could|would|[Rr]isks?|fails?|failure)\b", NumberWords.Options, NumberWords.MatchTimeout);

    // A sentence about another text, not the deal itself.
    private static readonly Regex s_description = new(
        @"\b(?:describes?|described|summari[sz]es?|refers?[ ]to|set[ ]forth[ ]in|report[ ]a|ignore|disregard|instructions?)\b",
        Options,
        NumberWords.MatchTimeout);

    // A deal's size as the text gives it: "a total contract value of approximately $9.7 billion", "valued at", "worth".
    private static readonly Regex s_valueStatement = new(
        @"\b(?:contract(?:ed)?[ ]value|total[ ]value|deal[ ]value|value[ ]of[ ](?:the|this|each)[ ](?:[\w-]+[ ]){0,2}?(?:contract|agreement|deal|transaction)s?|valued[ ]at|worth)\b",
        Options,
        NumberWords.MatchTimeout);

    // Wording that commits a party to a floor, whatever else the sentence states.
    private static readonly Regex s_floor = new(
        @"\b(?:minimum|at[ ]least|not[ ]less[ ]than|no[ ]less[ ]than|commit\w*|obligat\w*|take[- ]or[- ]pay|guarantee\w*|non-?cancel+able|firm|must|shall|required[ ]to)\b",
        Options,
        NumberWords.MatchTimeout);

    /// <summary>
    /// Whether <paramref name="clause"/> only states what a deal is worth ("The total contract value is approximately $9.7
    /// billion over the term"): that is the deal's value, not a minimum commitment, unless the text commits someone to a
    /// floor ("a minimum", "has committed to", "is obligated to", "take-or-pay", "non-cancellable").
    /// </summary>
    public static bool StatesOnlyValue(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return s_valueStatement.IsMatch(clause) && !s_floor.IsMatch(clause) && Read(clause).Count == 0;
    }

    /// <summary>The clauses of <paramref name="text"/> that state a commitment, as spans into it, in order.</summary>
    public static IReadOnlyList<TextSpan> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<TextSpan>();
        foreach (var sentence in TextSegmenter.Default.Segment(text))
        {
            var sentenceText = text[sentence.Start..sentence.End];
            if (s_description.IsMatch(sentenceText))
            {
                continue;
            }

            foreach (Match match in s_obligation.Matches(sentenceText))
            {
                var clauseStart = ClauseStart(sentenceText, match.Index);
                var lead = sentenceText[clauseStart..match.Index];
                var rest = sentenceText[match.Index..ClauseEnd(sentenceText, match.Index + match.Length)];
                var bearsOn = match.Groups["plain"].Success ? s_amount : s_object;
                if (s_conditional.IsMatch(lead) || !bearsOn.IsMatch(rest))
                {
                    continue;
                }

                found.Add(new TextSpan(sentence.Start, sentence.End));
                break;
            }
        }

        return found;
    }

    private static int ClauseStart(string sentence, int at)
    {
        var semicolon = sentence.LastIndexOf(';', Math.Max(0, at - 1));
        return semicolon < 0 ? 0 : semicolon + 1;
    }

    // A clause ends at a semicolon, or where the segmenter kept going past a full stop it took for an abbreviation
    // ("set out in Schedule A.\n1.2 ...").
    private static int ClauseEnd(string sentence, int from)
    {
        var end = sentence.Length;
        var semicolon = sentence.IndexOf(';', from);
        if (semicolon >= 0)
        {
            end = semicolon;
        }

        for (var i = from; i < end - 1; i++)
        {
            if (sentence[i] == '.' && char.IsWhiteSpace(sentence[i + 1]))
            {
                return i;
            }
        }

        return end;
    }
}
