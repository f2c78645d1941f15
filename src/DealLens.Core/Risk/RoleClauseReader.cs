using System.Text.RegularExpressions;
using DealLens.Core.Text;

namespace DealLens.Core.Risk;

/// <summary>
/// Loans and credit support that a contract exhibit or an 8-K item states through the parties' roles rather than a
/// verb: a credit agreement's cover ("X, as Borrower, the Lenders party hereto, and Y, as Administrative Agent"), a
/// preamble's defined roles ('CoreWeave, Inc., a Delaware corporation (the “Guarantor”)', "(the “Pledgor”)",
/// "(the “Borrowers”)") and an 8-K's "among CCAC IV, as borrower, U.S. Bank Trust Company, as administrative agent, and
/// the lenders party thereto". When the document gives a borrower and a lender side (an agent, a named lender, or "the
/// lenders party hereto") and speaks of loans or a credit agreement, the lender side lends to each borrower; a
/// guarantor or pledgor supports each borrower, owed to the collateral agent (else the administrative agent). A role
/// read in a sentence that only supposes something ("may", "could", "if", outside parentheses) is not read, and nothing
/// is made up when one side is missing.
/// </summary>
internal static class RoleClauseReader
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private static readonly TimeSpan s_timeout = RegexTimeouts.Limit;

    private const string Role =
        @"(?i:initial\s+borrower|co-borrower|borrowers?|administrative\s+agent|collateral\s+agent|facility\s+agent|security\s+agent|initial\s+lenders?|lenders?|parent\s+guarantor|guarantors?|pledgors?|depositary\s+bank|depository\s+bank)";

    // A name as covers and item text write it: capitalised or all-capital words, digits ("CO. IV"), inner commas before
    // a legal form or "National Association", "&", "of"; never across a line break.
    private const string Name =
        @"(?<name>[A-Z0-9][A-Za-z0-9&.'’-]*(?:(?:,?[ \t]+|[ \t]*&[ \t]*)(?:[A-Z0-9][A-Za-z0-9&.'’-]*|of|de))*)";

    // "X, as the Borrower", "X as the Administrative Agent", "X, in its capacity as collateral agent".
    private static readonly Regex s_asRole = new(
        Name + @"\s*,?\s+(?:in\s+its\s+capacity\s+)?as\s+(?:the\s+|an?\s+)?(?<role>" + Role + @")(?:\s+(?:and|&)\s+(?<role2>" + Role + @"))?\b",
        RegexOptions.CultureInvariant, s_timeout);

    // 'X, a Delaware corporation (the “Guarantor”)', 'X (collectively, the “Sellers”)'.
    private static readonly Regex s_definedRole = new(
        Name + @"\s*,?\s*(?:an?\s+[^()“”"";\n]{0,100}?\s*)?\((?:collectively\s*,\s*|together\s+with\s+[^()“”""]{0,60},\s*)?(?:the\s+)?[“""](?<role>" + Role + @")[”""]",
        RegexOptions.CultureInvariant, s_timeout);

    private static readonly Regex s_roleCase = new(@"^" + Role + @"$", Options, s_timeout);

    private static readonly Regex s_lenderClass = new(
        @"\bthe\s+(?:financial\s+institutions|lenders|banks)\s+(?:from\s+time\s+to\s+time\s+)?party\s+(?:hereto|thereto)|\bthe\s+lenders\s+have\s+agreed\s+to\s+make\s+loans\b",
        Options, s_timeout);

    private static readonly Regex s_creditNoun = new(
        @"\b(?:credit\s+agreement|loan\s+agreement|term\s+loans?|delayed\s+draw|credit\s+facilit(?:y|ies)|revolving\s+(?:credit\s+)?facility|make\s+loans|extensions\s+of\s+credit)\b",
        Options, s_timeout);

    private static readonly Regex s_parenthesis = new(@"\([^()]*\)", RegexOptions.CultureInvariant, s_timeout);

    // "may" as a modal, not the month of a date ("May 5, 2026").
    private static readonly Regex s_supposes = new(@"\b(?:may(?!\s+[0-9])|might|could|would|if|unless|whether)\b", Options, s_timeout);

    private static readonly Regex s_leadingWords = new(
        @"^(?:(?:THE|The|THIS|This|AMONG|Among|BETWEEN|Between|AND|And|BY|By|WITH|With|EXHIBIT|Exhibit|EXECUTION|VERSION|Version|[0-9.]+)\b[ \t,]*)+",
        RegexOptions.CultureInvariant, s_timeout);

    private enum Side { Borrower, Lender, Agent, CollateralAgent, Guarantor, Other }

    private sealed record Assignment(string Name, Side Side, int Start, int End);

    // The agreement itself speaks: its title opens the document ("Exhibit 10.1 CREDIT AGREEMENT dated as of ...",
    // "THIS PARENT GUARANTEE AND PLEDGE AGREEMENT ..."). An 8-K or a note that names another agreement's parties
    // describes that document; its own acts are read by InstrumentReader.
    private static readonly Regex s_agreementTitle = new(
        @"\A(?:\s*(?:Exhibit|EXHIBIT)\s+[0-9.]+[A-Za-z]?)?(?:\s*(?:EXECUTION\s+VERSION|Execution\s+Version|CONFIDENTIAL))?\s*(?:THIS\s+|This\s+)?(?:[A-Z][A-Za-z-]*\s+){0,5}(?:AGREEMENT|Agreement|GUARANTY|Guaranty|GUARANTEE|Guarantee)\b",
        RegexOptions.CultureInvariant, s_timeout);

    /// <summary>True when <paramref name="text"/> is an agreement (its title opens it), not a text about one.</summary>
    internal static bool IsAgreement(string text) => s_agreementTitle.IsMatch(text.Length > 400 ? text[..400] : text);

    /// <summary>How far into a contract exhibit its cover, preamble and recitals (where roles are defined) may reach.</summary>
    internal const int ContractHead = 8_000;

    /// <summary>
    /// The relations a contract exhibit's cover and preamble state through roles (a credit agreement, a guarantee or
    /// pledge agreement); <see cref="DocumentProse.NotRead"/> when they state none, so the contract's clauses and deal
    /// terms stay its only witnesses. Only the head is read: roles are defined before the body.
    /// </summary>
    internal static DocumentProse ReadContract(string text, CompanyResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(text);
        var relations = new List<ProseRelation>();
        Read(text.Length > ContractHead ? text[..ContractHead] : text, resolver, relations);
        return relations.Count == 0
            ? DocumentProse.NotRead
            : new DocumentProse(true, relations.Select(r => new ProseFact(r.Kind, r.From, r.To, r.Beneficiary, r.Amount, r.Currency, r.Binding, false, r.Quote, r.Warning)).ToList(), []);
    }

    /// <summary>Adds the loans and credit support the document's role clauses state (none already there).</summary>
    internal static void Read(string text, CompanyResolver resolver, List<ProseRelation> relations)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(relations);
        if (!s_creditNoun.IsMatch(text))
        {
            return;
        }

        var spans = TextSegmenter.Default.Segment(text);
        var assignments = Assignments(text, spans);
        var borrowers = assignments.Where(a => a.Side == Side.Borrower).DistinctBy(a => resolver.Resolve(a.Name)).ToList();
        if (borrowers.Count == 0)
        {
            return;
        }

        var agent = assignments.FirstOrDefault(a => a.Side == Side.Agent);
        var lender = agent ?? assignments.FirstOrDefault(a => a.Side == Side.Lender);
        var collateral = assignments.FirstOrDefault(a => a.Side == Side.CollateralAgent);
        var lenderClass = s_lenderClass.Match(text);
        foreach (var borrower in borrowers)
        {
            string? from = lender?.Name;
            if (from is null && lenderClass.Success)
            {
                from = "lenders of " + CompanyNames.StripSuffixes(borrower.Name) + InstrumentReader.UnnamedSuffix;
            }

            if (from is not null)
            {
                Add(RelationKind.Loan, from, borrower.Name, null, lender ?? borrower);
            }
        }

        var owedTo = collateral?.Name ?? lender?.Name;
        foreach (var guarantor in assignments.Where(a => a.Side == Side.Guarantor).DistinctBy(a => resolver.Resolve(a.Name)))
        {
            foreach (var borrower in borrowers)
            {
                Add(RelationKind.Backstop, guarantor.Name, borrower.Name, owedTo, guarantor);
            }
        }

        void Add(RelationKind kind, string from, string to, string? beneficiary, Assignment where)
        {
            var (f, t) = (resolver.Resolve(from), resolver.Resolve(to));
            if (f == t || relations.Any(r => r.Kind == kind && resolver.Resolve(r.From) == f && resolver.Resolve(r.To) == t))
            {
                return;
            }

            var span = spans.FirstOrDefault(s => s.Start <= where.Start && where.Start < s.End);
            var (start, end) = span.End > span.Start ? (span.Start, span.End) : (where.Start, where.End);
            relations.Add(new ProseRelation(kind, from, to, beneficiary, null, null, true, false, text[start..end], start, end, null));
        }
    }

    /// <summary>Every "name, as role" and "name (the “Role”)" of the text, in order, outside sentences that only suppose.</summary>
    private static List<Assignment> Assignments(string text, IReadOnlyList<TextSpan> spans)
    {
        var found = new List<Assignment>();
        foreach (var regex in new[] { s_asRole, s_definedRole })
        {
            foreach (Match match in regex.Matches(text))
            {
                var name = Clean(match.Groups["name"].Value);
                if (name is null || Supposes(text, spans, match.Index))
                {
                    continue;
                }

                var side = SideOf(match.Groups["role"].Value);
                if (match.Groups["role2"].Success && side == Side.Agent && SideOf(match.Groups["role2"].Value) == Side.CollateralAgent)
                {
                    found.Add(new Assignment(name, Side.CollateralAgent, match.Index, match.Index + match.Length));
                }

                found.Add(new Assignment(name, side, match.Index, match.Index + match.Length));
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private static bool Supposes(string text, IReadOnlyList<TextSpan> spans, int at)
    {
        var span = spans.FirstOrDefault(s => s.Start <= at && at < s.End);
        return span.End > span.Start && s_supposes.IsMatch(s_parenthesis.Replace(text[span.Start..span.End], " "));
    }

    /// <summary>The name without the words a cover or sentence puts before it; null when nothing like a name is left.</summary>
    private static string? Clean(string raw)
    {
        var name = s_leadingWords.Replace(raw.Trim().TrimEnd(','), "").Trim().TrimEnd(',').Trim();
        if (name.Length < 2 || s_roleCase.IsMatch(name) || !name.Any(char.IsLetter) || name.Split(' ').Length > 10)
        {
            return null;
        }

        return name;
    }

    private static Side SideOf(string role) => Regex.Replace(role.ToLowerInvariant(), @"\s+", " ", RegexOptions.None, s_timeout) switch
    {
        "initial borrower" or "co-borrower" or "borrower" or "borrowers" => Side.Borrower,
        "administrative agent" or "facility agent" => Side.Agent,
        "initial lender" or "initial lenders" or "lender" or "lenders" => Side.Lender,
        "collateral agent" or "security agent" => Side.CollateralAgent,
        "parent guarantor" or "guarantor" or "guarantors" or "pledgor" or "pledgors" => Side.Guarantor,
        _ => Side.Other,
    };
}
