using System.Text.RegularExpressions;
using DealLens.Core.Text;

namespace DealLens.Core.Deals;

/// <summary>
/// Reads a contract's deal sides from what its body obliges each party to do, with every party named the way the
/// contract names it: its legal name, the short name or term its preamble defines ("Enovum", "Owner"), the term a
/// definitions clause gives it later (""Provider" means Crusoe Energy Systems LLC"), or the role word of a cover
/// field ("Customer"). Whoever "shall provide / deliver / furnish / make available / host / perform ... to (or for)"
/// another is the provider; whoever "shall pay" another, "hereby engages" another, or "shall rent / purchase ... from"
/// another is the customer. A role word defined by a definitions clause ("Licensor", "Backstop Customer") gives its
/// side directly. Only sides that no defined term, cover field or caption gave are filled, and only when the votes of
/// all obligation sentences agree.
/// </summary>
internal static class ObligationSideReader
{
    private const RegexOptions Options = NumberWords.Options;

    // A capitalised name or term of up to six words: "Developer", "Backstop Customer", "Lambda, Inc.", "Enovum".
    private const string Ref = @"(?:the[ \t\n]+)?(?<REF>[A-Z][\w.&'’-]*(?:[ \t\n]+[A-Z][\w.&'’-]*){0,5}(?:,[ \t\n]+(?:Inc\.|LLC|Ltd\.?|L\.P\.|Corp\.))?)";

    private const string Modal =
        @"[ \t\n]+(?:(?:shall|will|must|agrees[ \t\n]+to|hereby[ \t\n]+agrees[ \t\n]+to|undertakes[ \t\n]+to|hereby)[ \t\n]+)(?:(?:promptly|also|thereafter|then|hereby|directly)[ \t\n]+)?";

    // "X shall provide ... to Y", "X will deploy, operate and make available to Customer", "X hereby leases to Y",
    // "X shall make that capacity available to Y". The object follows within the sentence.
    private static readonly Regex s_gives = new(
        Ref.Replace("REF", "a") + Modal +
        @"(?:(?!not\b)[a-z]+,?[ \t\n]+){0,4}?(?:provide|deliver|furnish|supply|sell|lease|sublease|license|licence|grant|host|perform|render|make|deploy|operate|build)(?:s|es)?\b" +
        @"(?<rest>[^.;:]{0,220})",
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_recipient = new(
        @"\b(?:to|for[ \t\n]+the[ \t\n]+benefit[ \t\n]+of|for|available[ \t\n]+to)[ \t\n]+" + Ref.Replace("REF", "b"),
        Options,
        NumberWords.MatchTimeout);

    // "X shall pay (to) Y", "X shall pay the Fees": the payer is the customer, a named payee the provider.
    private static readonly Regex s_pays = new(
        Ref.Replace("REF", "a") + Modal + @"pays?\b(?:[ \t\n]+to)?(?:[ \t\n]+" + Ref.Replace("REF", "b") + ")?",
        Options,
        NumberWords.MatchTimeout);

    // "X hereby engages Y", "X retains Y": the one who engages buys the work.
    private static readonly Regex s_engages = new(
        Ref.Replace("REF", "a") + @"[ \t\n]+(?:hereby[ \t\n]+)?(?:engages|retains|appoints)[ \t\n]+" + Ref.Replace("REF", "b"),
        Options,
        NumberWords.MatchTimeout);

    // "X shall rent it", "X hereby leases from Y", "X shall purchase ... from Y".
    private static readonly Regex s_takes = new(
        Ref.Replace("REF", "a") + Modal + @"(?:rent|purchase|buy|lease|license|licence|obtain|subscribe)s?\b(?<rest>[^.;:]{0,200})",
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_from = new(@"\bfrom[ \t\n]+" + Ref.Replace("REF", "b"), Options, NumberWords.MatchTimeout);

    // ""Provider" means Crusoe Energy Systems LLC", "“Licensee” shall mean NSN".
    private static readonly Regex s_definition = new(
        @"[""“](?<term>[A-Z][\w -]{0,40}?)[""”][ \t\n]+(?:means|shall[ \t\n]+mean|refers[ \t\n]+to)[ \t\n]+" + Ref.Replace("REF", "name"),
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_ownTerm = new(
        @"\((?:[^()""“”]{0,60}?)[""“](?<term>[A-Z][^""“”()]{0,40})[""”]", Options, NumberWords.MatchTimeout);

    private static readonly Regex s_legalName = new(CompanyNamePattern.Name, Options, NumberWords.MatchTimeout);

    private const int MaxMatches = 80;

    /// <summary>
    /// <paramref name="found"/> with the sides the body's obligations give to parties that have none, and a party
    /// added when a legal name the body obliges to provide (or pay) is not yet one ("Lambda, Inc. will ... make
    /// available to Customer"). Unchanged when the obligations disagree or name no party.
    /// </summary>
    public static PartiesFound Fill(string region, PartiesFound found) => Fill(region, found, out _);

    /// <summary>As <see cref="Fill(string, PartiesFound)"/>; <paramref name="disagree"/> is true when obligations were read but point different ways.</summary>
    public static PartiesFound Fill(string region, PartiesFound found, out bool disagree)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(found);
        var parties = found.Parties.ToList();
        var terms = Terms(region, parties);
        List<string>? legalNames = null;

        // A definitions clause that defines a role word for a party gives the role itself.
        var matches = 0;
        foreach (Match definition in s_definition.Matches(region))
        {
            if (++matches > MaxMatches)
            {
                break;
            }

            var term = definition.Groups["term"].Value.Trim();
            var index = Lookup(region, definition.Groups["name"].Value, parties, terms, addLegalName: true, ref legalNames);
            if (index < 0)
            {
                continue;
            }

            terms.TryAdd(term, parties[index].Name);
            if (RoleOfTerm(term) is { } role && PartyRoles.SideOf(role) is { } side && parties[index].Role is null
                && !parties.Any(p => p.Role == side))
            {
                parties[index] = parties[index] with { Role = side, Term = parties[index].Term ?? role, QuoteStart = definition.Index, QuoteEnd = definition.Index + definition.Length };
            }
        }

        var provider = new Dictionary<int, int>();
        var customer = new Dictionary<int, int>();
        var quotes = new Dictionary<int, (int Start, int End)>();
        void Vote(Dictionary<int, int> votes, int index, Match where, int end = -1)
        {
            if (index < 0 || Contingent(region, where.Index))
            {
                return;
            }

            // The quote runs from the obliged party to the other party's name, not over the rest of the clause.
            votes[index] = votes.GetValueOrDefault(index) + 1;
            quotes.TryAdd(index, (where.Index, end > where.Index ? end : where.Index + where.Length));
        }

        matches = 0;
        foreach (Match gives in s_gives.Matches(region))
        {
            if (++matches > MaxMatches)
            {
                break;
            }

            var rest = gives.Groups["rest"].Value;
            var from = s_from.Match(rest);
            var verb = region[(gives.Groups["a"].Index + gives.Groups["a"].Length)..gives.Groups["rest"].Index];
            if (from.Success && Regex.IsMatch(verb, @"\b(?:lease|sublease|license|licence)\b", Options, NumberWords.MatchTimeout))
            {
                continue; // "leases from" is the taking frame below
            }

            var a = Lookup(region, gives.Groups["a"].Value, parties, terms, addLegalName: true, ref legalNames);
            var b = -1;
            var quoteEnd = -1;
            for (var recipient = s_recipient.Match(rest); recipient.Success && b < 0; recipient = recipient.NextMatch())
            {
                b = Lookup(region, recipient.Groups["b"].Value, parties, terms, addLegalName: false);
                quoteEnd = gives.Groups["rest"].Index + recipient.Index + recipient.Length;
            }

            if (a >= 0 && b >= 0 && a != b)
            {
                Vote(provider, a, gives, quoteEnd);
                Vote(customer, b, gives, quoteEnd);
            }
        }

        matches = 0;
        foreach (Match pays in s_pays.Matches(region))
        {
            if (++matches > MaxMatches)
            {
                break;
            }

            var a = Lookup(region, pays.Groups["a"].Value, parties, terms, addLegalName: false);
            var b = pays.Groups["b"].Success ? Lookup(region, pays.Groups["b"].Value, parties, terms, addLegalName: false) : -1;
            if (a >= 0 && a != b)
            {
                Vote(customer, a, pays);
                Vote(provider, b, pays);
            }
        }

        foreach (var (regex, rest) in new[] { (s_engages, false), (s_takes, true) })
        {
            matches = 0;
            foreach (Match takes in regex.Matches(region))
            {
                if (++matches > MaxMatches)
                {
                    break;
                }

                var a = Lookup(region, takes.Groups["a"].Value, parties, terms, addLegalName: false);
                var b = -1;
                if (!rest)
                {
                    b = Lookup(region, takes.Groups["b"].Value, parties, terms, addLegalName: false);
                }

                var quoteEnd = rest ? takes.Groups["rest"].Index : -1;
                if (rest && s_from.Match(takes.Groups["rest"].Value) is { Success: true } from)
                {
                    b = Lookup(region, from.Groups["b"].Value, parties, terms, addLegalName: false);
                    quoteEnd = takes.Groups["rest"].Index + from.Index + from.Length;
                }

                if (a >= 0 && a != b)
                {
                    Vote(customer, a, takes, quoteEnd);
                    Vote(provider, b, takes, quoteEnd);
                }
            }
        }

        // Every obligation must point the same way: a party voted both provider and customer, or two providers, leave it open.
        var providers = provider.Keys.Where(i => !customer.ContainsKey(i)).ToList();
        var customers = customer.Keys.Where(i => !provider.ContainsKey(i)).ToList();
        var agree = providers.Count == 1 && customers.Count <= 1 || providers.Count <= 1 && customers.Count == 1;
        disagree = (provider.Count > 0 || customer.Count > 0) && !agree;
        if (agree)
        {
            Assign(parties, providers, PartyRoles.Provider, quotes);
            Assign(parties, customers, PartyRoles.Customer, quotes);
        }

        // A legal name added only to be looked up, that got no side, is not a party.
        var kept = parties.Where((p, i) => i < found.Parties.Count || p.Role is not null).ToList();
        return found with { Parties = kept };
    }

    /// <summary>
    /// True when the obligation at <paramref name="at"/> is a condition's consequence ("If any capacity remains unsold, the
    /// Backstop Party agrees to purchase it"): a contingent promise, such as a backstop's, is not the deal's exchange.
    /// </summary>
    private static bool Contingent(string region, int at)
    {
        var from = Math.Max(0, at - 300);
        var stretch = region.AsSpan(from, at - from);
        var boundary = Math.Max(stretch.LastIndexOf(". "), Math.Max(stretch.LastIndexOf(".\n"), stretch.LastIndexOf('\n')));
        var sentence = boundary >= 0 ? stretch[(boundary + 1)..] : stretch;
        return s_condition.IsMatch(sentence);
    }

    private static readonly Regex s_condition = new(@"\b(?:[Ii]f|[Ii]n[ ]the[ ]event|[Uu]nless|[Tt]o[ ]the[ ]extent|[Ss]hould)\b", Options, NumberWords.MatchTimeout);

    private static void Assign(List<PartyMention> parties, List<int> indexes, string side, Dictionary<int, (int Start, int End)> quotes)
    {
        if (indexes.Count != 1 || parties.Any(p => p.Role == side))
        {
            return;
        }

        var index = indexes[0];
        if (parties[index].Role is null)
        {
            var (start, end) = quotes[index];
            parties[index] = parties[index] with
            {
                Role = side,
                QuoteStart = parties[index].QuoteStart >= 0 ? parties[index].QuoteStart : start,
                QuoteEnd = parties[index].QuoteStart >= 0 ? parties[index].QuoteEnd : end,
            };
        }
    }

    /// <summary>The contract's words for its parties: defined short names and terms, and each side's role word.</summary>
    private static Dictionary<string, string> Terms(string region, List<PartyMention> parties)
    {
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (alias, name) in NarrativePartyReader.ShortNames(region))
        {
            if (parties.Any(p => PartyReader.SameCompany(p.Name, name)))
            {
                terms.TryAdd(alias, name);
            }
        }

        // The term right after each party's name and description, before the next party: ("Owner"), (the "Lessee").
        var ordered = parties.Where(p => p.End > 0 && p.End <= region.Length).OrderBy(p => p.Start).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var end = Math.Min(region.Length, Math.Min(ordered[i].End + 300, i + 1 < ordered.Count && ordered[i + 1].Start > ordered[i].End ? ordered[i + 1].Start : int.MaxValue));
            if (s_ownTerm.Match(region, ordered[i].End, end - ordered[i].End) is { Success: true } own)
            {
                terms.TryAdd(own.Groups["term"].Value.Trim(), ordered[i].Name);
            }
        }

        foreach (var party in parties)
        {
            foreach (var word in new[] { party.Term, party.Role })
            {
                if (word is { Length: > 0 } && word != "party")
                {
                    terms.TryAdd(char.ToUpperInvariant(word[0]) + word[1..], party.Name);
                }
            }
        }

        return terms;
    }

    /// <summary>
    /// The index of the party a capitalised reference names: a term, a party's name (or its first words), or, when
    /// <paramref name="addLegalName"/>, a legal name not yet a party (added at the end); -1 when none.
    /// </summary>
    private static int Lookup(string region, string reference, List<PartyMention> parties, Dictionary<string, string> terms, bool addLegalName)
    {
        List<string>? legalNames = null;
        return Lookup(region, reference, parties, terms, addLegalName, ref legalNames);
    }

    /// <summary>The region's names that end in a legal form, in order (read once per document, at most 200).</summary>
    private static List<string> LegalNames(string region)
    {
        var names = new List<string>();
        var seen = 0;
        foreach (Match match in s_legalName.Matches(region))
        {
            if (++seen > 200)
            {
                break;
            }

            if (PartyReader.Clean(region, match.Index, match.Index + match.Length, null) is { } cleaned && PartyReader.EndsWithLegalForm(cleaned.Name))
            {
                names.Add(cleaned.Name);
            }
        }

        return names;
    }

    private static int Lookup(string region, string reference, List<PartyMention> parties, Dictionary<string, string> terms, bool addLegalName, ref List<string>? legalNames)
    {
        var words = reference.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        for (var count = words.Length; count > 0; count--)
        {
            var candidate = string.Join(' ', words.Take(count)).TrimEnd(',', '.');
            if (candidate.Length == 0)
            {
                continue;
            }

            var name = terms.GetValueOrDefault(candidate) ?? candidate;
            var index = parties.FindIndex(p => PartyReader.SameCompany(p.Name, name));
            if (index >= 0)
            {
                return index;
            }

            // A legal name's first word used alone: "CoreWeave will make ..." for "CoreWeave, Inc.".
            if (count == 1 && candidate.Length > 2 && !terms.ContainsKey(candidate) && RoleOfTerm(candidate) is null)
            {
                index = parties.FindIndex(p => p.Name.StartsWith(candidate + " ", StringComparison.Ordinal) || p.Name.StartsWith(candidate + ",", StringComparison.Ordinal));
                if (index >= 0)
                {
                    return index;
                }
            }
        }

        if (!addLegalName || words.Length == 0 || RoleOfTerm(words[0]) is not null || !PartyReader.CanStartName(words[0].TrimEnd(',')))
        {
            return -1;
        }

        // Not a party yet: the legal name it is, or the legal name elsewhere in the region it opens ("between CoreWeave, Inc. and Customer").
        var first = words[0].TrimEnd(',', '.');
        var legal = PartyReader.EndsWithLegalForm(reference.TrimEnd(',', ' ')) ? reference.TrimEnd(',', ' ') : null;
        if (legal is null)
        {
            legalNames ??= LegalNames(region);
            legal = legalNames.FirstOrDefault(n => n.StartsWith(first + ",", StringComparison.Ordinal) || n.StartsWith(first + " ", StringComparison.Ordinal));
        }

        if (legal is null || PartyReader.IsGeneric(first))
        {
            return -1;
        }

        var at = region.IndexOf(legal, StringComparison.Ordinal);
        parties.Add(new PartyMention(legal, Math.Max(0, at), Math.Max(0, at) + legal.Length, null));
        return parties.Count - 1;
    }

    /// <summary>The role a defined term gives, reading a qualified term by its last word ("Backstop Customer").</summary>
    private static string? RoleOfTerm(string term)
    {
        if (PartyRoleWords.RoleOf(term) is { } role)
        {
            return role;
        }

        var last = term.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } words ? words[^1] : null;
        return last is null ? null : PartyRoleWords.RoleOf(last);
    }
}
