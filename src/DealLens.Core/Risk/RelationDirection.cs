using System.Text.RegularExpressions;

namespace DealLens.Core.Risk;

/// <summary>
/// Reads who pays whom from a sentence's wording: the company named just before the verb is the subject ("Vertex will
/// invest $2 billion in the Company"), the one after "in", "to", "from" or "in favour of" is the counterparty
/// ("the Company issued to Vertex a warrant"). Returns null with a reason when the wording does not say.
/// </summary>
internal static class RelationDirection
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static readonly TimeSpan s_timeout = DealLens.Core.Text.RegexTimeouts.Limit;

    private static readonly Regex s_purchase = new(
        @"\b(?:commit(?:s|ted)?|agree[sd]?|undertakes?|obligated)\s+to\s+(?:purchase|buy|spend|pay\s+for|acquire)\b|\b(?:shall|will|must)\s+(?:purchase|buy|spend)\b|\bcommitment\s+to\s+(?:purchase|buy|spend)\b|\bminimum\s+(?:annual\s+)?spend\b",
        Options, s_timeout);

    private static readonly Regex s_equity = new(
        @"\binvest(?:s|ed|ing|ment)?\b|\b(?:acquire[sd]?|purchase[sd]?|subscribe[sd]?\s+for)\b(?=[^.;]{0,80}\b(?:stake|shares|units|equity|interest)\b)",
        Options, s_timeout);

    private static readonly Regex s_warrantIssue = new(@"\b(?:issue[sd]?|grant(?:s|ed)?)\b", Options, s_timeout);
    private static readonly Regex s_warrantReceive = new(@"\b(?:receive[sd]?|obtain(?:s|ed)?)\b", Options, s_timeout);

    private static readonly Regex s_backstop = new(
        @"\b(?:agree[sd]?|commit(?:s|ted)?|undertakes?)\s+to\s+(?:purchase|buy|backstop|acquire|take)\b|\bbackstops?\b|\bguarantee[sd]?\b",
        Options, s_timeout);

    private static readonly Regex s_loan = new(
        @"\b(?:provide[sd]?|extend(?:s|ed)?|lend(?:s)?|lent|loan(?:s|ed)?|arrange[sd]?|supported\s+by|guarantee[sd]?|make\s+available|made\s+available)\b",
        Options, s_timeout);

    private static readonly Regex s_prepayment = new(@"\b(?:prepa(?:y|ys|id|yment)|advance\s+payment|pay[^.;]{0,40}\bin\s+advance)\b", Options, s_timeout);

    // The seller is named before "sell"/"sale": it receives the cash, so the relation runs buyer -> seller.
    private static readonly Regex s_leasebackSeller = new(@"\b(?:sell|sells|sold|will\s+sell|enter(?:s|ed)?\s+into\s+a\s+sale)\b", Options, s_timeout);

    // The buyer is named before "buy"/"acquire"/"purchase": it pays, so the relation runs buyer -> seller.
    private static readonly Regex s_leasebackBuyer = new(@"\b(?:buy|buys|bought|acquire[sd]?|purchase[sd]?)\b", Options, s_timeout);

    private static readonly Regex s_inFavourOf = new(@"\bin\s+favou?r\s+of\s*(?:the\s+)?$", Options, s_timeout);
    private static readonly Regex s_preposition = new(@"\b(?:in|to|into|from|of|with)\s*(?:the\s+)?$", Options, s_timeout);

    /// <summary>(From, To) for a relation of <paramref name="kind"/>, or the reason it could not be read.</summary>
    public static (string From, string To)? Read(RelationKind kind, string sentence, DocumentParties parties, out string reason)
    {
        var mentions = parties.Find(sentence);
        var masked = Mask(sentence, mentions);
        reason = "";
        switch (kind)
        {
            case RelationKind.Purchase:
                return SubjectFirst(s_purchase, sentence, masked, mentions, parties, fallbackTo: parties.ProviderKey, out reason);
            case RelationKind.Equity:
                return SubjectFirst(s_equity, sentence, masked, mentions, parties, fallbackTo: null, out reason);
            case RelationKind.Warrant:
                {
                    var issued = SubjectFirst(s_warrantIssue, sentence, masked, mentions, parties, fallbackTo: null, out reason);
                    if (issued is not null)
                    {
                        return issued;
                    }

                    // "X received a warrant from Y": the subject holds it, so the relation runs Y -> X.
                    var received = SubjectFirst(s_warrantReceive, sentence, masked, mentions, parties, fallbackTo: null, out var receivedReason);
                    if (received is { } r)
                    {
                        return (r.To, r.From);
                    }

                    reason = reason.Length > 0 ? reason : receivedReason;
                    return null;
                }

            case RelationKind.Backstop:
                return SubjectFirst(s_backstop, sentence, masked, mentions, parties, fallbackTo: parties.ProviderKey, out reason);
            case RelationKind.Loan:
                return SubjectFirst(s_loan, sentence, masked, mentions, parties, fallbackTo: null, out reason);
            case RelationKind.Prepayment:
                return SubjectFirst(s_prepayment, sentence, masked, mentions, parties, fallbackTo: parties.ProviderKey, out reason);
            case RelationKind.SaleLeaseback:
                {
                    var sold = SubjectFirst(s_leasebackSeller, sentence, masked, mentions, parties, fallbackTo: null, out reason);
                    if (sold is { } s)
                    {
                        return (s.To, s.From);
                    }

                    return SubjectFirst(s_leasebackBuyer, sentence, masked, mentions, parties, fallbackTo: null, out reason);
                }

            default:
                reason = $"no direction rule for {kind}";
                return null;
        }
    }

    private static (string From, string To)? SubjectFirst(
        Regex verb, string sentence, string masked, IReadOnlyList<CompanyMention> mentions, DocumentParties parties, string? fallbackTo, out string reason)
    {
        if (mentions.Count == 0)
        {
            reason = "the sentence names none of the document's parties";
            return null;
        }

        foreach (Match match in verb.Matches(masked))
        {
            var subject = mentions.LastOrDefault(m => m.End <= match.Index);
            if (subject is null)
            {
                continue;
            }

            var to = Counterparty(sentence, mentions, match.Index + match.Length, subject.Key)
                ?? mentions.FirstOrDefault(m => m.Key != subject.Key)?.Key
                ?? parties.OtherParty(subject.Key)
                ?? fallbackTo;
            if (to is null || to == subject.Key)
            {
                reason = "the counterparty is not named";
                return null;
            }

            reason = "";
            return (subject.Key, to);
        }

        reason = "no company is named before the verb that gives the direction";
        return null;
    }

    /// <summary>After the verb: the company after "in favour of", else after a preposition, else the first named.</summary>
    private static string? Counterparty(string sentence, IReadOnlyList<CompanyMention> mentions, int from, string subject)
    {
        var after = mentions.Where(m => m.Start >= from && m.Key != subject).ToList();
        var favour = after.FirstOrDefault(m => s_inFavourOf.IsMatch(sentence[from..m.Start]));
        if (favour is not null)
        {
            return favour.Key;
        }

        var prepositional = after.FirstOrDefault(m => s_preposition.IsMatch(sentence[from..m.Start]));
        return prepositional?.Key ?? after.FirstOrDefault()?.Key;
    }

    /// <summary>The sentence with company names blanked out, so "Backstop Party" is not read as the verb "backstop".</summary>
    private static string Mask(string sentence, IReadOnlyList<CompanyMention> mentions)
    {
        var chars = sentence.ToCharArray();
        foreach (var mention in mentions)
        {
            chars.AsSpan(mention.Start, mention.End - mention.Start).Fill(' ');
        }

        return new string(chars);
    }
}
