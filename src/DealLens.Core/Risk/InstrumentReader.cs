using System.Text.RegularExpressions;
using DealLens.Core.Deals;
using DealLens.Core.Text;

namespace DealLens.Core.Risk;

/// <summary>
/// Financing instruments a filer tells of in its own notes, 8-K/6-K items and exhibits, where the other side is often
/// a class of holders rather than a named company: notes it issued (holders lend to it), credit agreements it entered
/// into (lenders, or the agent named for them), warrants over its own stock (it issues them to holders), shares or
/// preferred equity it sold (purchasers invest), guarantees of its debt (guarantor supports it, holders benefit),
/// prepayments it made for leases, and spending "funded by" a named company. Read by structure: the instrument noun,
/// a completed or obligated act on it, whose instrument it is (the filer as subject or owner), and who the other side
/// is (a company in a role apposition "X, as administrative agent", a company after "with/to/from/by", a defined role
/// "(the “Guarantor”)"; else the class, named "&lt;class&gt; of &lt;filer&gt; (unnamed)" so it never merges with a
/// real company nor with another filer's holders).
/// </summary>
public static class InstrumentReader
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private static readonly TimeSpan s_timeout = RegexTimeouts.Limit;

    /// <summary>The suffix of a counterparty that the text gives only as a class ("the holders of the Notes").</summary>
    public const string UnnamedSuffix = " (unnamed)";

    private static readonly Regex s_notes = new(
        @"\b(?:(?:senior|secured|unsecured|convertible|exchangeable|subordinated|loan|promissory)\s+){0,3}(?:notes|note|debentures|bonds)\b(?!\s+\d)(?!\s+to\s+(?:the\s+)?(?:condensed\s+)?(?:consolidated\s+)?financial)",
        Options, s_timeout);

    private static readonly Regex s_notesAct = new(
        @"\b(?:issued|issues|issuance|offering|offered|sold|priced|completed|closed|converted|converting|conversion|exchanged|repurchased|entered\s+into|granted)\b",
        Options, s_timeout);

    private static readonly Regex s_credit = new(
        @"\b(?:credit\s+(?:agreement|facility|facilities)|term\s+loans?|loan\s+(?:agreement|facility)|delayed[- ]draw(?:\s+term\s+loan)?|revolving\s+(?:credit\s+)?facility|financing\s+(?:agreement|arrangement|facility)s?|(?:debt|loan|lending)\s+facilit(?:y|ies)|make\s+loans)\b",
        Options, s_timeout);

    private static readonly Regex s_creditAct = new(
        @"\b(?:entered\s+into|enters\s+into|executed|amended|borrowed|drew|obtained|secured|closed|agreed|upsized|established)\b",
        Options, s_timeout);

    private static readonly Regex s_warrant = new(@"\bwarrants?\b", Options, s_timeout);

    // Whose warrants: the filer's own ("our tranche 2 warrants", "warrants ... exercisable into Company common stock").
    private static readonly Regex s_ownSecurities = new(
        @"\b(?:our|its|the\s+Company['’]s|Company)\s+(?:[\w-]+\s+){0,4}?(?:warrants?|common\s+stock|ordinary\s+shares|shares)\b|\b(?:issued|issues|granted|grants)\b[^.;]{0,80}?\bwarrants?\b",
        Options, s_timeout);

    private static readonly Regex s_equity = new(
        @"\b(?:private\s+placement|registered\s+direct\s+offering|at[- ]the[- ]market|(?:perpetual\s+)?preferred\s+(?:shares|stock|units|equity)|(?:Class\s+[A-Z]\s+)?(?:ordinary|common)\s+(?:shares|stock)|Class\s+[A-Z]\s+shares)\b",
        Options, s_timeout);

    private static readonly Regex s_equityAct = new(
        @"\b(?:issued|issue|issues|sold|sell|sells|placement|subscribed|subscription|purchased|raised|agreed\s+to\s+(?:sell|issue)|(?:underwritten|public)\s+offering)\b",
        Options, s_timeout);

    private static readonly Regex s_guaranteedBy = new(
        @"\b(?:are|is|were|was|will\s+be|shall\s+be)\s+(?:fully\s+and\s+unconditionally\s+|jointly\s+and\s+severally\s+)?guaranteed\b[^.;]{0,80}?\bby\s+(?<g>(?:certain\s+(?:of\s+)?)?(?:the\s+Company['’]s\s+|its\s+|our\s+)?(?:[\w-]+\s+){0,3}?subsidiaries(?:\s+of\s+(?:the\s+Company|the\s+Issuer))?)?",
        Options, s_timeout);

    private static readonly Regex s_leasePrepayment = new(
        @"\bprepayments?\s+(?:for|of|under|on)\s+(?:\w+\s+){0,2}?leases?\b",
        Options, s_timeout);

    private static readonly Regex s_fundedBy = new(@"\b(?:funded|financed|paid\s+for)\s+by\s+$", Options, s_timeout);

    private static readonly Regex s_hypothetical = new(
        @"\b(?:may(?!\s+[0-9])|might|could|would|if|unless|whether|no\s+assurance|cannot\s+assure)\b|\?\s*$",
        Options, s_timeout);

    // A role apposition after a name: "MUFG Bank, Ltd. as the Administrative Agent", "DEUTSCHE BANK AG, as Initial Lender".
    private static readonly Regex s_roleAfter = new(
        @"\G[^⟦]{0,120}?(?:\bas\s+(?:the\s+)?|\bin\s+its\s+capacity\s+as\s+|\((?:[^()]{0,60}?)?(?:the\s+)?[“""])(?<role>administrative\s+agent|collateral\s+agent|initial\s+lender|lenders?|initial\s+borrower|co-borrower|borrowers?|guarantors?|pledgors?|issuer|purchasers?|investors?|holders?|trustee|depositary(?:\s+bank)?|warrant\s+agent|transfer\s+agent|sellers?)\b",
        Options, s_timeout);

    // "J.P. Morgan" arranges or leads a facility: the named lead stands for the lenders, with or without a legal form.
    private static readonly Regex s_ledBy = new(@"\b(?:led|arranged|provided|underwritten|syndicated)\s+by\s+(?:the\s+)?$", Options, s_timeout);

    // "Macquarie Group will lend against ...", "Harrowgate Bank has agreed to lend": the subject lends.
    private static readonly Regex s_lends = new(
        @"^\s*(?:,[^,;]{0,60},\s*)?(?:will|shall|has\s+agreed\s+to|have\s+agreed\s+to|agreed\s+to|has|have)?\s*(?:lend|lends|lent|loaned|advanced)\b",
        Options, s_timeout);

    // "issued to Google LLC warrants to purchase", "granted the Sellers the option to acquire": a named holder.
    private static readonly Regex s_grantedTo = new(@"\b(?:issued|issues|issue|granted|grants|grant)\s+(?:to\s+)?(?:the\s+)?$", Options, s_timeout);

    private static readonly Regex s_optionAfter = new(
        @"^\s*(?:\([^()]{0,80}\)\s*)?(?:the\s+|an?\s+)?(?:warrants?|(?:call\s+)?options?|right)\s+to\s+(?:purchase|acquire|subscribe)\b",
        Options, s_timeout);

    private static readonly Regex s_before = new(@"\b(?:with|to|from|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$", Options, s_timeout);

    private enum Role { None, Lender, Borrower, Guarantor, Beneficiary, Investor, Holder, Seller, Other }

    private static Role ClassOf(string role) => role.ToLowerInvariant().Replace("  ", " ", StringComparison.Ordinal) switch
    {
        "administrative agent" or "initial lender" or "lender" or "lenders" => Role.Lender,
        "initial borrower" or "co-borrower" or "borrower" or "borrowers" or "issuer" => Role.Borrower,
        "guarantor" or "guarantors" or "pledgor" or "pledgors" => Role.Guarantor,
        "collateral agent" => Role.Beneficiary,
        "purchaser" or "purchasers" or "investor" or "investors" => Role.Investor,
        "holder" or "holders" => Role.Holder,
        "seller" or "sellers" => Role.Seller,
        _ => Role.Other,
    };

    /// <summary>Adds the instrument relations of <paramref name="text"/> to <paramref name="relations"/> (none that is already there).</summary>
    internal static void Read(string text, ProseCompanies companies, string? filer, CompanyResolver resolver, RelationReaderOptions options, List<ProseRelation> relations)
    {
        var roles = DefinedRoles(text, companies, resolver);
        if (RoleClauseReader.IsAgreement(text))
        {
            RoleClauseReader.Read(text.Length > RoleClauseReader.ContractHead ? text[..RoleClauseReader.ContractHead] : text, resolver, relations);
        }

        if (filer is null)
        {
            return;
        }

        var filerKey = resolver.Resolve(filer);
        var filerShort = CompanyNames.StripSuffixes(filer);
        foreach (var span in TextSegmenter.Default.Segment(text))
        {
            var sentence = span.Of(text);
            if (sentence.Length < 20 || s_hypothetical.IsMatch(sentence))
            {
                continue;
            }

            var mentions = companies.Within(span.Start, span.End);
            var filerHere = mentions.Any(m => resolver.Resolve(m.Name) == filerKey);
            var others = mentions.Where(m => resolver.Resolve(m.Name) != filerKey).ToList();
            var amount = Amount(sentence, options);
            void Add(RelationKind kind, string from, string to, string? beneficiary, decimal? value, bool binding = true)
            {
                var (f, t) = (resolver.Resolve(from), resolver.Resolve(to));
                if (f == t || relations.Any(r => r.Kind == kind && resolver.Resolve(r.From) == f && resolver.Resolve(r.To) == t))
                {
                    return;
                }

                // A class stands in only for a side the sentence does not name: "Aurora will invest $3 billion in the
                // Company for newly issued preferred shares" already gave the investor.
                var unnamedFrom = from.EndsWith(UnnamedSuffix, StringComparison.Ordinal);
                if ((unnamedFrom || to.EndsWith(UnnamedSuffix, StringComparison.Ordinal))
                    && relations.Any(r => r.Kind == kind && r.Start == span.Start && (unnamedFrom ? resolver.Resolve(r.To) == t : resolver.Resolve(r.From) == f)))
                {
                    return;
                }

                relations.Add(new ProseRelation(kind, from, to, beneficiary, value, value is null ? null : "USD", binding, false, sentence, span.Start, span.End, null));
            }

            string Unnamed(string cls) => cls + " of " + filerShort + UnnamedSuffix;

            // The counterparty of a loan: a company in a lender role, else one after "with/from/by" (not the filer).
            string? Named(params Role[] wanted)
            {
                foreach (var m in others)
                {
                    var role = roles.TryGetValue(m.Start, out var r) ? r : Role.None;
                    if (wanted.Contains(role))
                    {
                        return m.Name;
                    }
                }

                foreach (var m in others)
                {
                    var role = roles.TryGetValue(m.Start, out var r) ? r : Role.None;
                    // Outside a role apposition only a company the text marks as one (a legal form, a known name), not a heading's capitals.
                    if (role is Role.None && s_ledBy.IsMatch(text.AsSpan(Math.Max(span.Start, m.Start - 40), m.Start - Math.Max(span.Start, m.Start - 40)).ToString()))
                    {
                        return m.Name;
                    }

                    if (role is Role.None && (resolver.Knows(m.Name) || CompanyNames.StripSuffixes(m.Name) != m.Name) && s_before.IsMatch(text.AsSpan(Math.Max(span.Start, m.Start - 40), m.Start - Math.Max(span.Start, m.Start - 40)).ToString()))
                    {
                        return m.Name;
                    }
                }

                return null;
            }

            var notes = s_notes.Match(sentence);
            var credit = s_credit.Match(sentence);
            if (filerHere && notes.Success && s_notesAct.IsMatch(sentence))
            {
                // Notes issued as consideration to sellers are a loan from the sellers.
                var lender = Named(Role.Lender, Role.Holder, Role.Investor, Role.Seller) ?? Unnamed("noteholders");
                Add(RelationKind.Loan, lender, filer, null, amount);
            }
            else if (filerHere && credit.Success && s_creditAct.IsMatch(sentence))
            {
                var lender = Named(Role.Lender) ?? Unnamed("lenders");
                Add(RelationKind.Loan, lender, filer, null, amount);
            }

            if (s_guaranteedBy.Match(sentence) is { Success: true } guaranteed && (filerHere || notes.Success || credit.Success))
            {
                var guarantor = guaranteed.Groups["g"].Success ? "subsidiaries of " + filerShort
                    : others.FirstOrDefault(m => m.Start - span.Start > guaranteed.Index)?.Name;
                if (guarantor is not null)
                {
                    Add(RelationKind.Backstop, guarantor, filer, notes.Success ? Unnamed("noteholders") : Unnamed("lenders"), null);
                }
            }

            if (filerHere)
            {
                foreach (var m in others)
                {
                    if (s_lends.IsMatch(text.AsSpan(m.End, Math.Min(span.End, m.End + 80) - m.End).ToString()))
                    {
                        Add(RelationKind.Loan, m.Name, filer, null, amount);
                    }
                }
            }

            var holders = others.Where(m =>
                s_grantedTo.IsMatch(text.AsSpan(Math.Max(span.Start, m.Start - 30), m.Start - Math.Max(span.Start, m.Start - 30)).ToString())
                && s_optionAfter.IsMatch(text.AsSpan(m.End, Math.Min(span.End, m.End + 120) - m.End).ToString())).ToList();
            if (holders.Count > 0 && (filerHere || s_ownSecurities.IsMatch(sentence)))
            {
                foreach (var holder in holders)
                {
                    Add(RelationKind.Warrant, filer, holder.Name, null, null);
                }
            }
            else if (s_warrant.IsMatch(sentence) && others.Count == 0 && (filerHere || s_ownSecurities.IsMatch(sentence)) && s_ownSecurities.IsMatch(sentence))
            {
                Add(RelationKind.Warrant, filer, Unnamed("warrant holders"), null, null);
            }
            else if (s_equity.IsMatch(sentence) && !s_warrant.IsMatch(sentence) && filerHere && s_equityAct.IsMatch(sentence) && !notes.Success)
            {
                var investor = Named(Role.Investor, Role.Holder) ?? Unnamed("share purchasers");
                Add(RelationKind.Equity, investor, filer, null, amount);
            }

            if (filerHere && others.Count == 0 && s_leasePrepayment.IsMatch(sentence))
            {
                Add(RelationKind.Prepayment, filer, Unnamed("lessors"), null, amount);
            }

            foreach (var m in others)
            {
                var head = text.AsSpan(Math.Max(span.Start, m.Start - 30), m.Start - Math.Max(span.Start, m.Start - 30)).ToString();
                if (s_fundedBy.IsMatch(head))
                {
                    Add(RelationKind.Prepayment, m.Name, filer, null, amount);
                }
            }
        }
    }

    /// <summary>The role a company is given right after its name, by position of the mention.</summary>
    private static Dictionary<int, Role> DefinedRoles(string text, ProseCompanies companies, CompanyResolver resolver)
    {
        var roles = new Dictionary<int, Role>();
        var mentions = companies.Mentions;
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            // The apposition ends at the next company (a legal form or a known name); a state of incorporation
            // read as a capitalised name ("a Delaware corporation") does not end it. Only mentions inside the
            // 160-character window can end it (mentions are in text order), which keeps a long filing linear.
            var window = m.End + 160;
            var stop = text.Length;
            for (var j = i + 1; j < mentions.Count && mentions[j].Start < window; j++)
            {
                var n = mentions[j];
                if (n.Start >= m.End && (resolver.Knows(n.Name) || CompanyNames.StripSuffixes(n.Name) != n.Name))
                {
                    stop = n.Start;
                    break;
                }
            }

            var end = Math.Min(Math.Min(stop, window), text.Length);
            var start = m.Start + Math.Min(m.Name.Length, m.End - m.Start);
            if (end <= start)
            {
                continue;
            }

            var match = s_roleAfter.Match(text[start..end]);
            if (match.Success)
            {
                roles[m.Start] = ClassOf(Regex.Replace(match.Groups["role"].Value, @"\s+", " ", RegexOptions.None, s_timeout));
            }
        }

        return roles;
    }

    private static decimal? Amount(string sentence, RelationReaderOptions options)
    {
        foreach (var m in MoneyParser.FindAll(sentence))
        {
            if (m.Amount is { } a && a >= options.MinAmount && a <= options.MaxAmount)
            {
                return a;
            }
        }

        return null;
    }
}
