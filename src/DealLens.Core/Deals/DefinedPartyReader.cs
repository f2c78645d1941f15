using System.Text.RegularExpressions;
using DealLens.Core.Documents;
using DealLens.Core.Text;

namespace DealLens.Core.Deals;

/// <summary>
/// Reads a contract's parties from the grammar every drafting style shares, without needing "between" to open a
/// list: a legal entity's name followed, in the same paragraph, by the term the document defines for it. That
/// covers a preamble (with a jurisdiction, an address or "together with its Affiliates" in between), English numbered
/// parties ("(1) ACME LTD, a company incorporated in England ... ("Supplier"); and (2) ..."), German
/// "- hereinafter "Telekom" -", a warrant's "ACME, INC. (the "Company") hereby certifies that ... HOLDER LLC ... (the
/// "Holder")", a guaranty "by X ("Guarantor") for the benefit of Y ("Landlord")" and recitals. It also reads a credit
/// agreement's cover list ("among X LLC, as Borrower, Y, INC., as Parent Guarantor, ... and Z BANK, as Administrative
/// Agent"). The term gives the role (<see cref="PartyRoleWords"/>); in a securities document (a warrant, a share or
/// note purchase, a subscription) "the Company" is the issuer and its purchasers are investors, not a deal's buyer.
/// </summary>
internal static class DefinedPartyReader
{
    private const string Name = CompanyNamePattern.Name;

    /// <summary>How far into a contract its parties are defined.</summary>
    public const int Window = 5_000;

    private const int MaxTerms = 60;
    private const int MaxParties = 12;

    // ("Supplier"), (the “Company”), (together with its Affiliates, "Tenant"), - hereinafter "Telekom" -, (hereinafter referred to as "Lessee").
    private static readonly Regex s_term = new(
        @"\((?<lead>[^()""“”]{0,80})[""“](?<term>[^""“”()]{1,40})[""”](?<rest>[^()]{0,150})\)" +
        @"|(?<=^|[\s,(–—-])(?i:hereinafter)(?:[ \t]+(?i:referred[ ]to[ ]as|called|the))?[ \t]*[""“](?<term>[^""“”()]{1,40})[""”]",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_quoted = new(@"[""“](?<term>[^""“”()]{1,40})[""”]", NumberWords.Options, NumberWords.MatchTimeout);

    private static readonly Regex s_name = new(Name, NumberWords.Options, NumberWords.MatchTimeout);

    // An entity description between a name and its term: "a Delaware limited liability company", "a national bank".
    private static readonly Regex s_entityDescription = new(
        @"\b(?i:corporation|company|partnership|association|bank|trust|limited|exempted|société|gesellschaft|incorporated|organized|organised|existing)\b",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    // "X LLC, as Borrower", "Y, INC.,\nas Parent Guarantor", "Z BANK, N.A., as Administrative Agent and Collateral Agent".
    private static readonly Regex s_asRole = new(
        @"(?<name>" + Name + @"),?(?:[ \t\n]+(?:an?|the)[ \t\n]+[^()""“”\n]{0,120}?,)?[ \t\n]+as[ \t\n]+(?:the[ \t\n]+)?(?:an?[ \t\n]+)?" +
        @"(?<role>[A-Z][A-Za-z-]+(?:[ \t]+[A-Z][A-Za-z-]+){0,3})",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_parentBefore = new(
        @"\b(?i:subsidiary|affiliate|division|unit|parent)[ \t\n]+of[ \t\n]+(?:the[ \t\n]+)?$", NumberWords.Options, NumberWords.MatchTimeout);

    private static readonly Regex s_parentOf = new(
        @"\b(?i:subsidiary|affiliate|division)[ \t\n]+of[ \t\n]+(?:the[ \t\n]+)?(?<parent>" + Name + ")", NumberWords.Options, NumberWords.MatchTimeout);

    private static readonly Regex s_listOpening = new(@"\b(?i:among|between|by[ \t\n]+and[ \t\n]+among)\b", NumberWords.Options, NumberWords.MatchTimeout);

    // A warrant, a share, unit or note purchase, a subscription or investment agreement: the Company issues, purchasers invest.
    private static readonly Regex s_securities = new(
        @"\b(?:(?:securities|stock|shares?|units?|notes?|preferred)[ \t\n]+(?:purchase|subscription)[ \t\n]+agreement|subscription[ \t\n]+agreement|investment[ \t\n]+agreement|warrants?[ \t\n]+to[ \t\n]+purchase|common[ \t\n]+stock[ \t\n]+purchase[ \t\n]+warrant)\b",
        NumberWords.Options | RegexOptions.IgnoreCase,
        NumberWords.MatchTimeout);

    /// <summary>
    /// The parties the head of <paramref name="region"/> defines, in order, with the role each term gives; null when
    /// it defines none. A name counts only with a legal form ("Inc.", "GmbH", "LIMITED") or an entity description.
    /// </summary>
    public static PartiesFound? Read(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var head = region[..Math.Min(region.Length, Window)];
        var securities = IsSecurities(head);
        var parties = new List<PartyMention>();
        var previousEnd = 0;
        var seen = 0;
        var start = int.MaxValue;
        var end = 0;
        for (var term = s_term.Match(head); term.Success && seen < MaxTerms && parties.Count < MaxParties; term = term.NextMatch())
        {
            seen++;
            var windowStart = WindowStart(head, previousEnd, term.Index);
            previousEnd = term.Index + term.Length;
            var terms = term.Groups["term"].Captures.Select(c => c.Value).Concat(s_quoted.Matches(term.Value).Select(q => q.Groups["term"].Value)).ToList();
            var role = terms.Select(t => RoleOf(t, securities)).FirstOrDefault(r => r is not null);
            if (EntityBefore(head, windowStart, term.Index) is not { } party)
            {
                continue;
            }

            if (parties.Count > 0 && parties[^1].Parent is null && party.Start > windowStart
                && s_parentOf.Match(head, windowStart, party.Start - windowStart) is { Success: true } parent
                && PartyReader.Clean(head, parent.Groups["parent"].Index, parent.Groups["parent"].Index + parent.Groups["parent"].Length, null) is { } owner)
            {
                // The description after the last party's term names its parent: "("Owner"), an indirect subsidiary of X Ltd., and ...".
                parties[^1] = parties[^1] with { Parent = owner.Name };
            }

            if (parties.FindIndex(p => PartyReader.SameCompany(p.Name, party.Name)) is var index && index >= 0)
            {
                if (parties[index].Term is null && role is not null)
                {
                    parties[index] = parties[index] with { Term = role, Role = PartyRoles.SideOf(role) };
                }

                continue;
            }

            parties.Add(party with { Term = role, Role = role is null ? null : PartyRoles.SideOf(role), QuoteStart = party.Start, QuoteEnd = term.Index + term.Length });
            start = Math.Min(start, party.Start);
            end = Math.Max(end, term.Index + term.Length);
        }

        foreach (var listed in CapacityList(head, securities))
        {
            if (parties.Count >= MaxParties)
            {
                break;
            }

            var index = parties.FindIndex(p => PartyReader.SameCompany(p.Name, listed.Name));
            if (index < 0)
            {
                parties.Add(listed);
                start = Math.Min(start, listed.Start);
                end = Math.Max(end, listed.QuoteEnd);
            }
            else if (parties[index].Term is null)
            {
                parties[index] = parties[index] with { Term = listed.Term, Role = listed.Role };
            }
        }

        return parties.Count == 0 ? null : new PartiesFound(parties, start, Math.Max(end, start));
    }

    /// <summary>True when the head of a document reads as a securities instrument (warrant, share or note purchase).</summary>
    public static bool IsSecurities(string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return s_securities.IsMatch(head.AsSpan(0, Math.Min(head.Length, 2_000)));
    }

    /// <summary>The role a defined term gives; in a securities document the Company issues and purchasers invest.</summary>
    public static string? RoleOf(string term, bool securities)
    {
        ArgumentNullException.ThrowIfNull(term);
        var role = PartyRoleWords.RoleOf(term);
        if (!securities)
        {
            return role;
        }

        var bare = term.Trim();
        bare = bare.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? bare[4..] : bare;
        return bare.ToUpperInvariant() switch
        {
            "COMPANY" or "ISSUER" or "CORPORATION" => PartyRoles.Issuer,
            _ when role is PartyRoles.Buyer => PartyRoles.Investor,
            _ => role,
        };
    }

    /// <summary>Where the name defined by the term at <paramref name="termIndex"/> may start: after the last term, in its paragraph.</summary>
    private static int WindowStart(string head, int previousEnd, int termIndex)
    {
        var start = Math.Max(previousEnd, termIndex - 300);
        var paragraph = head.LastIndexOf("\n\n", termIndex, termIndex - start, StringComparison.Ordinal);
        return paragraph >= 0 ? paragraph + 2 : start;
    }

    /// <summary>
    /// The entity a term defines: the first name with a legal form between <paramref name="from"/> and the term (an
    /// address or description may follow it), else the name just before the term when an entity description joins them.
    /// </summary>
    private static PartyMention? EntityBefore(string head, int from, int termIndex)
    {
        if (termIndex <= from)
        {
            return null;
        }

        var window = head[from..termIndex];
        foreach (Match name in s_name.Matches(window))
        {
            var start = from + name.Index;
            if (s_parentBefore.IsMatch(head.AsSpan(Math.Max(0, start - 40), start - Math.Max(0, start - 40))))
            {
                // "("Owner"), an indirect subsidiary of Bitfarms Ltd., and T5 DATA CENTERS, LLC, ... ("Developer")": the
                // parent named in the last party's description is not the party the next term defines.
                continue;
            }

            if (PartyReader.Clean(head, start, start + name.Length, null) is { } party && PartyReader.EndsWithLegalForm(party.Name)
                && PartyReader.CanStartName(party.Name.Split(' ')[0]))
            {
                return party;
            }
        }

        if (DocumentOriginReader.NameBefore(head, termIndex) is { } named && named.Start >= from
            && s_entityDescription.IsMatch(head.AsSpan(named.End, termIndex - named.End)))
        {
            return PartyReader.Clean(head, named.Start, named.End, null);
        }

        return null;
    }

    /// <summary>"among X LLC, as Borrower, Y INC., as Parent Guarantor, the Lenders ... and Z BANK, as Administrative Agent".</summary>
    private static IEnumerable<PartyMention> CapacityList(string head, bool securities)
    {
        var opening = s_listOpening.Match(head);
        if (!opening.Success)
        {
            yield break;
        }

        var list = head[opening.Index..Math.Min(head.Length, opening.Index + 1_500)];
        foreach (Match match in s_asRole.Matches(list))
        {
            var roleWords = match.Groups["role"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            string? role = null;
            for (var count = roleWords.Length; count > 0 && role is null; count--)
            {
                role = RoleOf(string.Join(' ', roleWords.Take(count)), securities);
            }

            var name = match.Groups["name"];
            var start = opening.Index + name.Index;
            if (role is null || PartyReader.Clean(head, start, start + name.Length, null) is not { } party)
            {
                continue;
            }

            yield return party with { Term = role, Role = PartyRoles.SideOf(role), QuoteStart = party.Start, QuoteEnd = opening.Index + match.Index + match.Length };
        }
    }
}
