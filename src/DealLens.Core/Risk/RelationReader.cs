using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DealLens.Core.Deals;
using DealLens.Core.Text;

namespace DealLens.Core.Risk;

/// <summary>
/// One money relation read from a sentence of prose. <see cref="From"/> and <see cref="To"/> are company names as the
/// text gives them (resolve them with a <see cref="CompanyResolver"/>); for a backstop <see cref="Beneficiary"/> is
/// the party the support is owed to, when named. <see cref="Amount"/> is null when the sentence states none or the
/// stated one is not a plausible relation amount (then <see cref="Warning"/> says why and the quote keeps it).
/// </summary>
public sealed record ProseRelation(
    RelationKind Kind,
    string From,
    string To,
    string? Beneficiary,
    decimal? Amount,
    string? Currency,
    bool Binding,
    bool VestsOnPurchaseMilestones,
    string Quote,
    int Start,
    int End,
    string? Warning);

/// <summary>Limits of <see cref="RelationReader"/>.</summary>
public sealed record RelationReaderOptions
{
    public static RelationReaderOptions Default { get; } = new();

    /// <summary>No real deal is larger: an amount above this is a typo, a unit error or an injection, not a relation amount.</summary>
    public decimal MaxAmount { get; init; } = 10_000_000_000_000m;

    /// <summary>Below this a figure is a fee or a price, not the size of a money relation between two companies.</summary>
    public decimal MinAmount { get; init; } = 100_000m;

    /// <summary>What each company is, for role nouns ("the chipmaker"); null: the bundled table.</summary>
    public CompanyKinds? Kinds { get; init; }

    /// <summary>
    /// The acceptor the candidates of a sentence must pass; when set, the clause-structure reader runs beside the
    /// frames. Null: the shipped acceptor when <c>DEALLENS_RELATION_ACCEPTOR=1</c>, else the frames alone, unfiltered.
    /// </summary>
    public RelationAcceptor? Acceptor { get; init; }
}

/// <summary>
/// Reads money relations from prose, sentence by sentence, by grammar: who is the subject of which verb, and which
/// company the object or a preposition names ("X will invest up to $N billion in Y", "Y will pay X", "X signs a $N
/// billion agreement with Y to provide AI compute", "X was awarded a contract by Y", "X's $N billion investment in Y",
/// "the Company" and "we" as the filer). A relation needs an obligation or a completed act ("will", "agreed",
/// "signed", "has invested", a past or present finite verb): an instruction, a hypothetical ("may", "could", "if"),
/// a negation or a sentence describing another document is not one. Intent and conditions ("up to", "intends to",
/// "letter of intent", "subject to", "as each gigawatt is deployed") keep the relation but make it non-binding.
/// </summary>
public static partial class RelationReader
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private static readonly TimeSpan s_timeout = DealLens.Core.Text.RegexTimeouts.Limit;

    private const char Open = '⟦';
    private const char Close = '⟧';
    private const char MoneyOpen = '⟨';
    private const char MoneyClose = '⟩';

    // Roles: a company token, or a coordinated list of them ("Microsoft and Nvidia").
    private const string CompanyList = @"⟦\d+⟧(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)⟦\d+⟧)*";

    // In object position, a conjunct after a comma that has its own finite verb starts a new clause ("X will own 80% of
    // Y, and Z will lease ..."): it is not part of the list. "X and Y will invest" (a compound subject) is unaffected.
    // A conjunct followed by its own share or amount and no verb is the subject of a gapped clause ("Blue Owl will own 80%
    // of the joint venture and Meta the remaining 20%"), not a second object.
    private const string ObjectList = @"⟦\d+⟧(?:(?:\s*,\s*(?:and\s+)?(?=⟦\d+⟧(?!['’]|\s+(?:will|would|shall|has|have|had|is|are|was|were|can|may|must|agreed|signed|said|says|plans|intends|expects)\b))|\s+and\s+)⟦\d+⟧(?!\s+(?:the\s+)?(?:remaining\s+|other\s+|about\s+|approximately\s+|roughly\s+|some\s+|up\s+to\s+)?(?:[0-9]+(?:\.[0-9]+)?\s*(?:%|percent)|⟨)))*";
    private const string Poss = @"(?:['’]s?)?";

    private static readonly Dictionary<string, string> s_macros = new(StringComparer.Ordinal)
    {
        ["{A}"] = "(?<A>" + CompanyList + ")",
        ["{B}"] = "(?<B>" + ObjectList + ")",
        ["{P}"] = Poss,
        // A possessive that must be there: the nominalisation's owner ("Nvidia's $5 billion investment in Intel").
        ["{PP}"] = @"['’]s?",
        // An appositive role before a name after a preposition: "from cloud provider Lambda".
        ["{role}"] = @"(?:(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:provider|company|operator|start-?up|developer|firm|maker|designer|lab|platform)\s+)?",
        // A gap inside one clause: no other company, no clause break.
        // A gap inside one clause: no clause break, and no other company except a possessive one ("Google will
        // backstop Fluidstack's lease and will receive warrants": Google stays the subject of "receive").
        // A company that only names a product ("⟦Pellucid⟧ accelerators") is not a party either.
        ["{g}"] = @"(?:[^⟦;:]|⟦\d+⟧(?=['’])|(?<=\b(?:its|their|our)\s)⟦\d+⟧|⟦\d+⟧(?=[-\s]+(?:[\w-]+\s+){0,2}?(?:chips|chiplets|GPUs?|CPUs?|TPUs?|accelerators|processors|servers|hardware)\b)){0,90}?",
        ["{s}"] = @"[^⟦;:]{0,30}?",
        ["{cap}"] = @"(?:AI\s+)?(?:compute|computing|capacity|cloud|services|GPUs?|chips|systems|infrastructure|processors|accelerators|TPUs?|servers|clusters?|power|data\s+cent(?:er|re)s?|products|gigawatts?|GW|MW|megawatts?|supercomputers?)",
        ["{deal}"] = @"(?:agreement|contract|deal|partnership|order|arrangement|commitment)s?",
    };

    private sealed record Template(RelationKind Kind, Regex Pattern, bool Swap = false);

    private static Template T(RelationKind kind, string pattern, bool swap = false)
    {
        foreach (var (macro, value) in s_macros)
        {
            pattern = pattern.Replace(macro, value, StringComparison.Ordinal);
        }

        return new Template(kind, new Regex(pattern, Options, s_timeout), swap);
    }

    // Order matters: the first template that gives a (kind, from, to) in a sentence wins. {A} pays or gives, {B} receives.
    private static readonly Template[] s_templates =
    [
        // Warrants: issuer -> holder.
        T(RelationKind.Warrant, @"{A}{g}\b(?<v>issued|issues|issue|granted|grants|grant)\b\s+(?:to\s+)?{B}\s+{g}\bwarrants?\b"),
        T(RelationKind.Warrant, @"{A}{g}\b(?<v>issued|issues|issue|granted|grants|grant)\b{g}\bwarrants?\b{g}\bto\s+{B}"),
        T(RelationKind.Warrant, @"{B}{g}\b(?<v>received|receives|receive|obtained|obtains|was\s+issued|were\s+issued|was\s+granted|were\s+granted|gets|got|acquired|acquires)\b{g}\bwarrants?\b{g}\b(?:of|in)\s+{A}"),
        T(RelationKind.Warrant, @"{A}{P}\s+{g}\bwarrants?\b{g}\b(?<v>issued\s+to|granted\s+to|held\s+by)\s+{B}"),
        // The issuer named by its shares: "Google is receiving warrants for about 24 million Cipher shares".
        T(RelationKind.Warrant, @"{B}{g}\b(?<v>received|receives|receive|receiving|obtained|obtains|gets|got|was\s+issued|were\s+issued|was\s+granted|were\s+granted)\b{g}\bwarrants?\b[^⟦;:]{0,60}?{A}{P}\s+(?:[\w-]+\s+){0,3}?(?:shares|stock)\b"),
        // Nominal: "Cipher's warrants to Google cover 24 million shares".
        T(RelationKind.Warrant, @"{A}{PP}\s+(?:[\w-]+\s+){0,3}?(?<v>warrants?)\s+(?:to|for|in\s+favou?r\s+of)\s+{B}"),

        // Backstops and guarantees: guarantor -> supported party.
        T(RelationKind.Backstop, @"{A}{g}\b(?<v>backstop(?:s|ped)?|guarantee[sd]?)\b{g}{B}{P}\s+{g}\b(?:obligations?|lease|leases|payments?|commitments?|rent|debt|contract)\b"),
        T(RelationKind.Backstop, @"{A}{g}\b(?<v>provides?|provided|providing|extend(?:s|ed)?|offer(?:s|ed)?|gives?|gave)\b{g}\b(?:backstop|guarantee|credit\s+support|financial\s+support)\b{g}\b(?:for|of|to|on)\s+{B}"),
        T(RelationKind.Backstop, @"{B}{P}\s+{g}\b(?:obligations?|lease|leases|payments?|commitments?)\b{g}\b(?:are|is|will\s+be|were|was|to\s+be|being)\s+(?<v>backstopped|guaranteed|backed|supported)\s+by\s+{A}"),
        T(RelationKind.Backstop, @"{A}{PP}\s+{g}\b(?<v>backstop|guarantee)\s+(?:of|for)\s+{B}"),
        T(RelationKind.Backstop, @"{A}{PP}\s+{g}\b(?<v>backstop|guarantee)\s+(?:of|for|on)\s+[^⟦;:]{0,40}?{B}{PP}\s+{g}\b(?:obligations?|lease|leases|payments?|debt|rent|commitments?)\b"),
        T(RelationKind.Backstop, @"{B}{g}\b(?<v>backstopped|guaranteed)\s+by\s+{A}"),

        // Sale-leaseback: buyer-lessor -> seller-lessee.
        T(RelationKind.SaleLeaseback, @"{B}{g}\b(?<v>sold|sells|sell)\b{g}\bto\s+{A}{g}\b(?:lease[sd]?\s+(?:it|them|the\s+\w+\s+)?\s*back|leaseback)"),
        T(RelationKind.SaleLeaseback, @"{A}{g}\b(?<v>acquire[sd]?|buy|buys|bought|purchase[sd]?)\b{g}\bfrom\s+{B}{g}\bsale[- ](?:and[- ])?leaseback"),
        T(RelationKind.SaleLeaseback, @"{B}{g}\b(?<v>entered\s+into|enters\s+into|completed|closed|signed|signs|announced)\b{g}\bsale[- ](?:and[- ])?leaseback\b{g}\bwith\s+{role}{A}"),

        // Equity: investor -> investee.
        T(RelationKind.Equity, @"{A}{g}\b(?<v>invest(?:s|ed|ing)?)\b{g}\b(?:in|into)\s+{role}{B}"),
        // Gapping: "Microsoft will invest up to $5 billion and Nvidia up to $10 billion in Anthropic" (both subjects invest).
        T(RelationKind.Equity, @"(?<A>⟦\d+⟧[^⟦;:]{0,60}?\b(?<v>invest(?:s|ed)?)\b[^⟦;:]{0,40}?\band\s+⟦\d+⟧)\s+[^⟦;:]{0,40}?\b(?:in|into)\s+{role}{B}"),
        T(RelationKind.Equity, @"{A}{P}\s+{g}\b(?<v>(?:total\s+)?(?:funding|investment|capital)\s+commitments?)\s+(?:of\s+[^⟦;:]{0,30}?\s+)?(?:to|in)\s+{B}"),
        T(RelationKind.Equity, @"{A}{PP}\s+{g}\b(?<v>(?:equity\s+)?investments?|stake)\s+(?:in|into)\s+{role}{B}"),
        T(RelationKind.Equity, @"{A}{g}\b(?<v>is|are|was|were|became|becomes|will\s+be|remains)\s+(?:also\s+)?(?:an?\s+)?(?:existing\s+|early\s+|major\s+|strategic\s+|significant\s+|minority\s+|anchor\s+)?(?:investor|shareholder|backer|stakeholder|owner)\s+in\s+{B}"),
        T(RelationKind.Equity, @"{B}{g}\b(?<v>raised|raises|secured|secures|sold|sells|issued|issues)\b{g}\b(?:from|to)\s+(?:an?\s+)?(?:group\s+of\s+)?(?:new\s+and\s+existing\s+|existing\s+|new\s+)?(?:investors|shareholders|backers)\s+(?:that\s+)?(?:including|includes?|such\s+as|led\s+by)\s+{A}"),
        T(RelationKind.Equity, @"\b(?<v>investment)\s+{g}\b(?:by|from)\s+{A}\s+(?:in|into)\s+{role}{B}"),
        // Capital put into a company: "X will contribute up to $2 billion of the equity", "X put $1 billion into Y".
        T(RelationKind.Equity, @"{A}{g}\b(?<v>put|puts|putting|contribute[sd]?|contributing)\b{g}\b(?:in|into|of|to)\s+{B}(?!\s*(?:['’]s|campus|site|project|data))"),
        // A holding: "Microsoft holds an investment in OpenAI Group PBC", "Aker owns 20% of Nscale".
        T(RelationKind.Equity, @"{A}{g}\b(?<v>owns?|owned|holds?|held|retains?|retained|keeps?|kept)\s+(?:approximately\s+|about\s+|roughly\s+|nearly\s+|some\s+)?[0-9]+(?:\.[0-9]+)?\s*(?:%|percent)\s+(?:of|in)\s+{role}{B}"),
        T(RelationKind.Equity, @"{A}{g}\b(?<v>owns?|owned|holds?|held|retains?|retained|keeps?|kept)\s+(?:an?\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:investment|stake|interest|holding)\s+(?:in|of)\s+{role}{B}"),
        // A sale of shares told as a noun: "we completed the sale of $700 million of new shares to investors led by A".
        T(RelationKind.Equity, @"{B}{g}\b(?<v>completed|closed|announced|priced|finalized)\s+(?:the|a|an|its)\s+{g}\b(?:sale|issuance|placement|offering)\s+of\s+{g}\b(?:shares|stock|equity|units)\b{g}\bto\s+(?:an?\s+)?(?:group\s+of\s+)?(?:[\w-]+\s+){0,2}?(?:investors|shareholders|purchasers|backers)\s+(?:that\s+)?(?:including|includes?|such\s+as|led\s+by)\s+{A}"),
        T(RelationKind.Equity, @"{B}{g}\b(?<v>raised|raises|secured|secures|received|receives|closed|closes|obtained|obtains)\b{g}\b(?:investment|funding|equity|capital|round|Series\s+[A-Z])\b{g}\b(?:from|by|led\s+by|with\s+participation\s+from)\s+{A}"),
        T(RelationKind.Equity, @"{A}{g}\b(?<v>led|leads|co-led|co-leads|participated\s+in|joined|took\s+part\s+in|takes\s+part\s+in)\s+{B}{P}\s+{g}\b(?:round|funding|raise|financing|investment|placement|Series\s+[A-Z])\b"),
        // A light verb with the deverbal noun: "Microsoft today announced a $1.5 billion investment in G42".
        T(RelationKind.Equity, @"{A}{g}\b(?<v>announced|announces|made|makes|making|completed|completes|closed|closes|finalized|finalizes)\s+(?:an?|its|the)\s+{g}\b(?:equity\s+|strategic\s+|minority\s+)?investment\s+(?:in|into)\s+{role}{B}"),
        // Passive: "Up to $100 billion to be invested in OpenAI by Nvidia", "The money is to be invested in OpenAI by Nvidia".
        T(RelationKind.Equity, @"\b(?:be|been|being|is|are|was|were)\s+(?<v>invested)\s+(?:in|into)\s+{B}\s+by\s+{A}"),
        // The gapped second investor after the object: "NVIDIA is to invest up to $10 billion in Anthropic and Microsoft up to $5 billion".
        T(RelationKind.Equity, @"\b(?<v>invest(?:s|ed|ing)?)\b[^⟦;:]{0,40}?\b(?:in|into)\s+{B}\s+and\s+(?<A>⟦\d+⟧)\s+(?:up\s+to\s+|about\s+|approximately\s+|roughly\s+|some\s+)?⟨\d+⟩"),
        // Passive nominalisation: "A $1 billion stake in Nokia was taken by Nvidia".
        T(RelationKind.Equity, @"\b(?:stake|investment|interest|holding)\s+in\s+{B}{g}\b(?:was|were|has\s+been|have\s+been|will\s+be|is|are)\s+(?<v>taken|made|bought|acquired|purchased)\s+by\s+{A}"),
        // The gapped owner of the rest: "Blue Owl funds will own 80% of the joint venture and Meta the remaining 20%".
        T(RelationKind.Equity, @"\b(?<v>owns?|owned|will\s+own|holds?|held|will\s+hold)\s+[^⟦;:]{0,30}?(?:%|percent)\s+(?:of|in)\s+{B}\s+and\s+(?<A>⟦\d+⟧)\s+(?:the\s+)?(?:remaining\s+|other\s+)?[0-9]+(?:\.[0-9]+)?\s*(?:%|percent)"),
        // Assets handed to a company for an interest in it: "the Company transferred land ... to the joint venture".
        T(RelationKind.Equity, @"{A}{g}\b(?<v>transferred|transfers|transfer|contributed|contributes)\b{g}\b(?:land|assets|property|properties|sites?|campus)\b{g}\bto\s+{B}"),
        // A share of a company without a figure: "Nvidia owns part of CoreWeave".
        T(RelationKind.Equity, @"{A}{g}\b(?<v>owns?|owned|holds?|held)\s+(?:a\s+)?(?:part|piece|slice|share)\s+of\s+{B}"),
        T(RelationKind.Equity, @"{A}{g}\b(?<v>acquired|acquires|acquire|purchased|purchases|purchase|bought|buys|buy|took|takes|take|subscribed\s+for|subscribes\s+for|holds|hold)\b{g}\b(?:stake|shares|equity|ownership\s+interest|interest|common\s+stock|preferred\s+stock|ordinary\s+shares)\s+(?:in|of)\s+{B}"),
        T(RelationKind.Equity, @"{B}{g}\b(?<v>sold|sells|sell|issued|issues|issue)\b{g}\b(?:shares|stock|equity|units|stake)\b{g}\bto\s+{role}{A}"),

        // Loans: lender -> borrower.
        T(RelationKind.Loan, @"{A}{g}\b(?<v>provide[sd]?|providing|extend(?:s|ed)?|lend(?:s)?|lent|arrange[sd]?|committed|commits|underwr(?:ote|ites)|made\s+available)\b{g}\b(?:loan|credit\s+facility|term\s+loan|debt\s+financing|financing|credit\s+line|revolving\s+credit|facility|notes?)\b{g}\bto\s+{B}"),
        T(RelationKind.Loan, @"{B}{g}\b(?<v>entered\s+into|enters\s+into|closed|closes|secured|secures|obtained|obtains|signed|signs|raised|raises|arranged|completed|completes)\b{g}\b(?:loan|credit\s+facility|term\s+loan|debt\s+financing|credit\s+agreement|financing\s+facility|delayed[- ]draw|debt\s+facility|project\s+financing|financing)\b{g}\b(?:with|from|led\s+by|provided\s+by|arranged\s+by|underwritten\s+by)\s+{A}"),
        T(RelationKind.Loan, @"{B}{g}\b(?<v>borrowed|borrows|borrow)\b{g}\bfrom\s+{A}"),
        T(RelationKind.Loan, @"{A}{PP}\s+{g}\b(?<v>loan|credit\s+facility)\s+to\s+{B}"),

        // Prepayments: payer -> payee.
        T(RelationKind.Prepayment, @"{A}{g}\b(?<v>prepaid|prepays|prepay)\s+{B}"),
        T(RelationKind.Prepayment, @"{A}{g}\b(?<v>prepaid|prepays|prepay|advanced|advances)\b{g}\bto\s+{B}"),
        T(RelationKind.Prepayment, @"{A}{g}\b(?<v>made|makes|make|paid|pays|pay)\b{g}\b(?:prepayment|advance\s+payment|upfront\s+payment|deposit)\b{g}\bto\s+{B}"),

        // Leases: tenant -> landlord.
        T(RelationKind.Lease, @"{A}{g}\b(?<v>lease[sd]?|leasing|rent(?:s|ed)?|renting)\b{g}\bfrom\s+{role}{B}"),
        T(RelationKind.Lease, @"{A}{PP}\s+{g}\b(?<v>lease)\s+(?:obligations?|payments?|commitments?)\s+(?:to|owed\s+to)\s+{B}"),
        T(RelationKind.Lease, @"{B}{g}(?<!['’]s\s+)\b(?<v>lease[sd]?|leasing)\b{g}\bto\s+{role}{A}"),
        T(RelationKind.Lease, @"{B}{g}\b(?<v>signed|signs|sign|entered\s+into|enters\s+into|enter\s+into|executed|executes|announced|finalized|expanded|expands)\b{g}\b(?:lease|leases|lease\s+agreements?|colocation\s+agreements?|hosting\s+agreements?)\b{g}\bwith\s+{role}{A}"),
        T(RelationKind.Lease, @"{A}{PP}\s+{g}\b(?<v>lease)\s+(?:with|from)\s+{B}"),
        T(RelationKind.Lease, @"{A}{PP}\s+(?:[\w-]+\s+){0,3}?(?<v>lease|leases|tenancy)\s+(?:of|for)\b{g}\b(?:at|in|from|with)\s+(?:an?\s+|the\s+)?{B}"),
        // Passive: "a lease for 300 MW at a Cipher campus has been signed by AWS"; "are leased by CoreWeave under leases with Applied Digital".
        T(RelationKind.Lease, @"\b(?:lease|leases|lease\s+agreements?|colocation\s+agreements?)\b{g}\b(?:at|with|from)\s+(?:an?\s+|the\s+)?{B}{g}\b(?:has\s+been|have\s+been|had\s+been|was|were|is|are|will\s+be)\s+(?<v>signed|executed|entered\s+into|agreed)\s+by\s+{A}"),
        T(RelationKind.Lease, @"\b(?:lease|leases)\s+(?<v>signed|executed|agreed)\s+by\s+{A}{g}\b(?:at|with|from)\s+(?:an?\s+|the\s+)?{B}"),
        T(RelationKind.Lease, @"\b(?:is|are|was|were|been|be)\s+(?:fully\s+|now\s+)?(?<v>leased|rented)\s+by\s+{A}{g}\b(?:from|with)\s+{B}"),
        T(RelationKind.Lease, @"{A}{g}\b(?<v>is|will\s+be|becomes?|became)\s+(?:a|an|the)\s+(?:anchor\s+|sole\s+|first\s+|initial\s+)?tenant\b{g}\b(?:of|at|for)\s+{B}"),

        // Purchases and compute commitments: buyer -> seller.
        T(RelationKind.Purchase, @"{B}{g}\b(?<v>provide[sd]?|provides|providing|supply|supplies|supplied|deliver(?:s|ed)?|deploy(?:s|ed)?|host(?:s|ed)?|sell(?:s)?|sold|offer(?:s|ed)?|build(?:s)?)\s+{A}\s+with\b"),
        T(RelationKind.Purchase, @"{B}{g}\b(?<v>provide[sd]?|provides|providing|give[sn]?|grant(?:s|ed)?)\s+{A}\s+(?:with\s+)?access\s+to\b"),
        T(RelationKind.Purchase, @"{B}{g}\b(?<v>provide[sd]?|provides|providing|supply|supplies|supplied|deliver(?:s|ed)?|deploy(?:s|ed)?|sell(?:s)?|sold|host(?:s|ed)?|offer(?:s|ed)?)\b{g}\b{cap}\b{g}\b(?:to|for)\s+{A}"),
        T(RelationKind.Purchase, @"{B}{g}\b(?<v>signs?|signed|enters?\s+into|entered\s+into|announce[sd]?|inks?|inked|expands?|expanded|reached|reaches|finalized|executed|won|wins)\b{g}\b{deal}\b{g}\bwith\s+{A}{g}\bto\s+(?:provide|supply|deliver|deploy|host|build|offer)\b"),
        T(RelationKind.Purchase, @"{A}{g}\b(?<v>signs?|signed|enters?\s+into|entered\s+into|announce[sd]?|inks?|inked|expands?|expanded|reached|reaches|finalized|executed)\b{g}\b{deal}\b{g}\bwith\s+{B}{g}\b(?:to\s+(?:purchase|buy|use|access|rent|acquire|procure|consume|secure)|for\s+(?:the\s+)?(?:purchase|supply|provision|use|delivery)\s+of|for\s+[^⟦;:]{0,40}?(?:AI\s+)?(?:compute|computing\s+capacity|cloud|GPUs?|chips|processors|accelerators|TPUs?|servers))\b"),
        T(RelationKind.Purchase, @"{A}{g}\b(?<v>purchase[sd]?|purchasing|buy|buys|bought|buying|spend|spends|spent|procure[sd]?|acquire[sd]?|order(?:s|ed)?|rent(?:s|ed)?|consume[sd]?|contract(?:s|ed)?\s+for|contract(?:s|ed)?)\b{g}\bfrom\s+{role}{B}"),
        T(RelationKind.Purchase, @"{A}{g}\b(?<v>purchase[sd]?|purchasing|buy|buys|bought|spend|spends|spent|use|uses)\b{g}⟨\d+⟩{g}\b(?:of|on)\s+{B}"),
        // Goods obtained from their seller: "CoreWeave gets most of its GPUs from Nvidia".
        T(RelationKind.Purchase, @"{A}{g}\b(?<v>gets?|got|obtains?|obtained|sources?|sourced)\b{g}\b{cap}\b{g}\bfrom\s+{role}{B}"),
        // The seller in a passive participle after the goods: "will run on 18,000 superchips supplied by Nvidia".
        T(RelationKind.Purchase, @"{A}{g}\b(?:chips|chiplets|GPUs?|CPUs?|superchips|TPUs?|processors|accelerators|systems|servers|computers|hardware|capacity)\s+(?<v>supplied|provided|sold|delivered)\s+by\s+{B}"),
        // Goods the seller makes and the buyer takes into its own products: "Intel will build NVIDIA-custom x86 CPUs that
        // NVIDIA will integrate into its platforms".
        T(RelationKind.Purchase, @"{B}{g}\b(?:build|builds|make|makes|manufacture[sd]?|produce[sd]?|design|designs|develop|develops|supply|supplies)\s+{g}\b(?:chips|chiplets|CPUs?|GPUs?|processors|accelerators|systems|servers|products|components)\s+(?:that|which)\s+{A}\s+(?<v>will\s+integrate|integrates|integrated|will\s+use|uses|will\s+buy|buys|will\s+deploy|deploys|will\s+incorporate|incorporates)\b"),
        T(RelationKind.Purchase, @"{A}{g}\b(?<v>commit(?:s|ted)?|committing|agreed|agrees|agree)\s+to\s+(?:purchase|buy|spend|use|consume|rent|procure)\b{g}\b(?:from|with|of|on)\s+{B}"),
        T(RelationKind.Purchase, @"{A}{g}\b(?<v>commit(?:s|ted)?|committing|agreed|agrees|agree|obligated)\s+to\s+(?:purchase|buy|take|procure)\s+{B}{PP}\s+(?:[\w-]+\s+){0,4}?(?:capacity|compute|services|output|products|GPUs?|chips|power|supply|systems)\b"),
        T(RelationKind.Purchase, @"{A}{g}\b(?<v>placed|places|place|awarded|awards)\s+(?:an?\s+|the\s+)?(?:[^\s⟦;:]+\s+){0,4}?(?:order|orders|purchase\s+orders?|contract)\b{g}\b(?:with|to)\s+{role}{B}"),
        T(RelationKind.Purchase, @"{A}{g}\b(?<v>will\s+pay|pays|paid|pay)\s+{B}"),
        T(RelationKind.Purchase, @"{B}{g}\b(?:was|were|has\s+been|have\s+been|will\s+be|is|are)\s+(?<v>awarded|selected|chosen|contracted|engaged|hired)\b{g}\bby\s+{A}"),
        T(RelationKind.Purchase, @"{A}{g}\b(?<v>awarded|awards|award|selected|selects|select|chose|chooses|choose|contracted|engaged|tapped|taps)\s+{B}\s+(?:(?:a|an|the)\s+{g}\b{deal}|to\s+(?:provide|supply|deliver|build|host|deploy|power)|for\s+(?:an?\s+|the\s+)?{g}\b(?:{deal}|deployment|capacity|compute|supply|GPUs?|chips|services|infrastructure|clusters?|build-?out))\b"),
        T(RelationKind.Purchase, @"{A}{PP}\s+{g}\b(?<v>commitment|purchase|order|spend|spending|purchases|orders)\s+(?:to|from|with|on)\s+{B}"),
        T(RelationKind.Purchase, @"(?<v>commitment|purchase\s+commitment|order)\s+(?:by|from)\s+{A}\s+(?:to|with|for)\s+{B}"),
        T(RelationKind.Purchase, @"{A}{g}\b(?<v>becomes|became|is|will\s+be|remains)\s+{B}{PP}\s+(?:[\w-]+\s+){0,2}?(?:customer|client|offtaker)\b"),
        T(RelationKind.Purchase, @"{B}{P}\s+(?:[\w-]+\s+){0,2}?{cap}\s+(?:that|which)\s+{A}\s+(?<v>buys|bought|purchases|purchased|uses|deploys|will\s+buy|will\s+deploy|rents|leases)\b"),
        // A seller's products named after it: "CoreWeave will deploy NVIDIA computing platforms", "trains on Google Cloud TPUs".
        T(RelationKind.Purchase, @"{A}{g}\b(?<v>deploy(?:s|ed|ing)?|use[sd]?|using|run(?:s)?\s+(?:[\w-]+\s+){0,2}?on|ran\s+(?:[\w-]+\s+){0,2}?on|train(?:s|ed)?|buy(?:s|ing)?|bought|purchase[sd]?|fill(?:s|ed)?|built\s+(?:on|with)|based\s+on|rel(?:y|ies|ied)\s+on|expand(?:s|ed)?\s+(?:its\s+)?use\s+of|adopt(?:s|ed)?|mov(?:e|es|ed|ing)|migrat(?:e|es|ed|ing))\b{g}{B}{P}\s+(?:[\w-]+\s+){0,3}?(?:and\s+(?:[\w-]+\s+){1,3}?)?(?:chips|GPUs?|TPUs?|systems|platforms?|hardware|processors|accelerators|servers|computers|Trainium\w*|[Cc]loud|infrastructure|computing|supercomputers?|racks|technology|models|software|APIs?)\b"),
        T(RelationKind.Purchase, @"{B}{g}\b(?<v>power(?:s|ed|ing)?|to\s+power)\s+{A}{PP}\s+(?:[\w-]+\s+){0,3}?(?:infrastructure|data\s+cent(?:er|re)s?|models|compute|computing|AI|clusters?|supercomputers?)\b"),
        T(RelationKind.Purchase, @"{B}{g}\b(?<v>becomes|became|will\s+(?:be|stay|remain|become)|is|remains|stays|was\s+named|is\s+named)\s+{A}{P}\s+(?:[\w-]+\s+){0,3}?(?:cloud\s+provider|provider|supplier|partner)\b"),
        T(RelationKind.Purchase, @"{A}{g}\b(?<v>named|names|selected|selects|chose|chooses)\s+{B}\s+(?:as\s+)?(?:its|their)\s+(?:[\w-]+\s+){0,3}?(?:provider|supplier|partner)\b"),
        T(RelationKind.Purchase, @"{A}{g}\b(?<v>is|will\s+be|becomes?|became)\s+(?:a|an|the)\s+(?:anchor\s+|first\s+|largest\s+|launch\s+|key\s+)?(?:customer|client|offtaker)\b{g}\b(?:of|for)\s+{B}"),
    ];

    // Cheap pre-filter: a sentence with none of these words holds no relation any template reads.
    private static readonly Regex s_cue = new(
        @"invest|warrant|backstop|guarant|leas|loan|lend|lent|credit|financ|borrow|prepa|advance|purchas|buy|bought|spend|spent|procur|acquir|order|rent|supply|supplie|provid|deliver|deploy|host|sell|sold|offer|sign|enter|agreement|contract|deal|commit|pay|paid|award|select|chose|stake|shares|stock|round|fund|tenant|customer|access|use|using|train|built|based|run|rel[yi]|named|partner|provider|adopt|power|fill|tap|place|contribut|own|hold|held|kept|keep|retain|put|equity|took\s+part|takes\s+part|join|among|mov(?:e|es|ed|ing)\b|migrat|build|integrat",
        Options, s_timeout);

    private static readonly Regex s_orphanBackstop = new(
        @"(?<A>⟦\d+⟧)[^⟦;:]{0,90}?\b(?:is\s+providing|provides|provided|will\s+provide|to\s+provide|providing|has\s+agreed\s+to\s+provide|agreed\s+to\s+provide)\b[^⟦;:]{0,40}?\b(?:financial\s+)?(?:backstop|guarantee)\b(?![^⟦;:]{0,60}?\b(?:for|of|to|on)\s+⟦)",
        Options, s_timeout);

    private static readonly Regex s_prepayPercent = new(
        @"\b(?<p>[0-9]{1,2}(?:\.[0-9]+)?)\s*(?:%|percent)\s+(?:customer\s+)?(?:prepayment|upfront\s+payment|advance\s+payment)|\bprepa(?:y|ys|id)\s+(?<p>[0-9]{1,2}(?:\.[0-9]+)?)\s*(?:%|percent)|\b(?<p>[0-9]{1,2}(?:\.[0-9]+)?)\s*(?:%|percent)\s+of\s+the\s+(?:total\s+)?contract\s+value\s+(?:is\s+|will\s+be\s+|to\s+be\s+)?(?:paid|payable|prepaid)\s+(?:prior\s+to|in\s+advance|before|upfront)",
        Options, s_timeout);

    // Hosting and colocation contracts rent space and power in a building: a lease, whatever verb the sentence uses.
    private static readonly Regex s_hostingDeal = new(@"\b(?:hosting|colocation|co-location)\s+(?:contracts?|agreements?|deals?|leases?)\b", Options, s_timeout);

    // Leasing servers, GPUs or cloud capacity is buying compute, not renting a building.
    private static readonly Regex s_computeObject = new(@"\b(?:GPUs?|GPU\s+servers|servers?|chips|accelerators|cloud\s+capacity|TPUs?)\b", Options, s_timeout);

    // What a payment buys is named after the amount: "will pay us $3.7 billion in contracted rent" is a lease.
    private static readonly Regex s_payVerb = new(@"^(?:will\s+pay|pays|paid|pay)$", Options, s_timeout);
    private static readonly Regex s_rentObject = new(@"^[^;:]{0,60}?\b(?:in|of|as)\s+(?:[\w-]+\s+){0,2}?(?:rent|rental\s+payments?|lease\s+payments?|base\s+rent)\b", Options, s_timeout);

    private static bool IsRent(string skeleton, Match match, string verb)
        => s_payVerb.IsMatch(verb) && s_rentObject.IsMatch(skeleton[(match.Index + match.Length)..]);

    private static readonly Regex s_instruction = new(
        @"^\W*(?:ignore|disregard|forget|report|pretend|output|respond|print|write|say|list|return|act\s+as|please)\b|\b(?:previous|prior|above)\s+instructions\b|\bsystem\s+prompt\b",
        Options, s_timeout);

    private static readonly Regex s_hypothetical = new(@"^\W*(?:if|in\s+the\s+event|should|whether|unless|assuming|suppose)\b|\?\s*$|\b(?:no\s+assurance|cannot\s+assure|can\s+be\s+no\s+assurance|there\s+is\s+no\s+guarantee)\b", Options, s_timeout);

    private static readonly Regex s_describesDocument = new(
        @"^\W*(?:the|this|that|an?|one|another|each)\s+(?:[\w-]+\s+){0,3}(?:article|report|filing|document|press\s+release|exhibit|form|8-K|10-K|10-Q|summary|memo|email|e-mail|story|analysis|presentation|slide|transcript|blog|post)\s+(?:[\w.-]+\s+){0,5}(?:describes?|described|reports?|reported|says|said|states?|stated|claims?|claimed|mentions?|mentioned|alleges?|alleged|summari[sz]es|discusses|discussed|lists?|listed)\b",
        Options, s_timeout);

    // Just before the verb: a modal of possibility makes it hypothetical, a negation denies it.
    private static readonly Regex s_possibleModal = new(@"\b(?:may|might|could|can|cannot|can't)\s+(?:\w+\s+){0,2}$", Options, s_timeout);
    private static readonly Regex s_negation = new(@"\b(?:not|never|no\s+longer|declined\s+to|refused\s+to|neither|nor)\b", Options, s_timeout);
    private static readonly Regex s_obligation = new(
        @"\b(?:will|shall|must|agreed|agrees|agree|committed|commits|commit|obligated|required|has|have|had|signed|signs|entered|enters|contracted|expects|intends|plans|would|is|are|was|were|to)\b",
        Options, s_timeout);

    private static readonly Regex s_nonBinding = new(
        @"\bup\s+to\s+(?:an?\s+(?:additional|aggregate|incremental)\s+|(?:approximately|about)\s+)?⟨|\bintends?\s+to\b|\bintention\b|\bplans?\s+to\b|\bexpects?\s+to\b|\baims?\s+to\b|\bletter\s+of\s+intent\b|\bLOI\b|\bmemorandum\s+of\s+understanding\b|\bMOU\b|\bnon-?binding\b|\bsubject\s+to\s+(?!the\s+terms)|\bas\s+each\s+[^;:]{0,40}?\b(?:is|are)\s+deployed\b|\bprogressively\b|\bpotential(?:ly)?\b|\boption\s+to\b|\bterm\s+sheet\b|\bframework\b|\bin\s+(?:discussions|talks|negotiations)\b|\bwould\b|\bconditional\b|\bcontingent\b|\breportedly\b|\baccording\s+to\b",
        Options, s_timeout);

    private static readonly Regex s_vests = new(
        @"\bvest(?:s|ing|ed)?\b[^;]{0,120}\b(?:milestones?|purchases?|deploy\w*|gigawatts?|GW)\b|\bas\s+each\s+[^;:]{0,40}?\b(?:is|are)\s+deployed\b|\btranches?\b[^;]{0,80}\bdeploy",
        Options, s_timeout);

    private static readonly Regex s_perShareAfter = new(@"^\s*(?:per|a|each)\s+(?:share|unit|warrant|ordinary\s+share)\b", Options, s_timeout);
    private static readonly Regex s_perShareBefore = new(@"\b(?:exercise|strike|conversion|offering|purchase|share)\s+price\s+(?:of\s+)?(?:approximately\s+)?$|\bprice\s+per\s+share\s+(?:of\s+)?$|\bat\s+$", Options, s_timeout);

    private static readonly Regex s_shareWords = new(@"\b(?:shares|stock|stake|equity|ownership|warrants?|notes|securities|100\s*%|all\s+of\s+the)\b", Options, s_timeout);
    private static readonly Regex s_acquisition = new(@"\b(?:acquire|acquired|acquires|acquisition\s+of)\s+(?:100\s*%|all(?:\s+of)?\s+the\b|the\s+(?:company|business)\b)|\bmerger\b", Options, s_timeout);

    private static readonly Regex s_beneficiary = new(@"\b(?:to|with|in\s+favou?r\s+of|owed\s+to|from|under\s+(?:its|the|their)\s+(?:lease|agreement|contract)s?\s+with)\s+(?:the\s+)?$", Options, s_timeout);

    /// <summary>
    /// The relations stated in <paramref name="text"/>. <paramref name="filer"/> is who "the Company", "we" and "our"
    /// stand for (null: the press-release announcer when there is one, else those words are not read);
    /// <paramref name="knownNames"/> are names the caller already knows to be companies (the document's parties).
    /// </summary>
    public static RelationReading Read(string text, string? filer, CompanyResolver resolver, IEnumerable<string>? knownNames = null, RelationReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(resolver);
        options ??= RelationReaderOptions.Default;
        // The structure reader reads announcements, notes and letters, and only with an acceptor to judge what it proposes;
        // a long document (a contract read as prose) keeps the frames alone, so long reports and `analyze` on contract
        // sets cost what they did.
        var structure = StructureReader && text.Length <= StructureReaderMaxLength
            && (options.Acceptor is not null || AcceptorOn || CandidateSink is not null) && !s_contractMarks.IsMatch(text);
        filer ??= ProseCompanies.Announcer(text, resolver) ?? Signatory(text) ?? FormCover.Registrant(text) ?? (structure ? TitleSpeaker(text, resolver) : null);
        knownNames = knownNames?.Select(n => PartyNameCheck.Usable(n, text, resolver.Knows)).OfType<string>().ToList();
        var companies = new ProseCompanies(text, filer, resolver, knownNames);
        var relations = new List<ProseRelation>();
        var warnings = new List<string>();
        var orphans = new List<(string Guarantor, string Sentence, int Start)>();
        var prepayments = new List<(decimal Percent, string Sentence, int Start)>();
        var sentences = Sentences(text);
        ResolveReferences(text, sentences, companies, filer, options, structure);
        (string Issuer, int Index, int Paragraph)? round = null;
        string? lastSubject = null;
        for (var index = 0; index < sentences.Count; index++)
        {
            var span = sentences[index];
            var sentence = text[span.Start..span.End];
            var previousSubject = lastSubject;
            var cue = s_cue.IsMatch(sentence);
            if (!cue && !structure)
            {
                continue;
            }

            var mentions = companies.Within(span.Start, span.End);
            // The previous sentence's subject, for the structure reader's "it" (not needed, so not found, without it).
            lastSubject = structure ? Subject(text, span.Start, mentions)?.Name ?? lastSubject : null;
            if (!cue || mentions.Count == 0)
            {
                continue;
            }

            var distinct = mentions.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count();
            if (distinct >= 2 || (structure && distinct == 1 && s_referring.IsMatch(sentence)))
            {
                ReadSentence(span.Start, sentence, mentions, resolver, options, relations, warnings, companies.Mentions, previousSubject, structure, filer, index, sentences.Count);
            }

            if (round is { } open && index - open.Index <= 2 && span.Paragraph == open.Paragraph)
            {
                ReadRoundParticipants(span.Start, sentence, mentions, open.Issuer, resolver, relations);
            }

            if (RoundIssuer(text, span, mentions) is { } issuer)
            {
                round = (issuer, index, span.Paragraph);
            }

            if (s_prepayPercent.Match(sentence) is { Success: true } prepay)
            {
                prepayments.Add((decimal.Parse(prepay.Groups["p"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), sentence, span.Start));
            }

            if (s_orphanBackstop.Match(Skeleton(sentence, span.Start, mentions, [])) is { Success: true } orphan)
            {
                var guarantor = mentions[Tokens(orphan.Groups["A"].Value).First()].Name;
                orphans.Add((guarantor, sentence, span.Start));
            }
        }

        ReadRoleFields(text, companies, resolver, relations);
        InstrumentReader.Read(text, companies, filer, resolver, options, relations);

        // "Google is providing a financial backstop, which covers the lease payments": the supported party is the
        // tenant (or buyer) of the document's one commitment that the guarantor is not part of.
        foreach (var (guarantor, sentence, start) in orphans)
        {
            var key = resolver.Resolve(guarantor);
            if (relations.Any(r => r.Kind == RelationKind.Backstop && resolver.Resolve(r.From) == key))
            {
                continue;
            }

            var supported = relations
                .Where(r => RelationKinds.IsCommitment(r.Kind) && resolver.Resolve(r.From) != key && resolver.Resolve(r.To) != key)
                .DistinctBy(r => (resolver.Resolve(r.From), resolver.Resolve(r.To)))
                .ToList();
            if (supported.Count == 1)
            {
                relations.Add(new ProseRelation(
                    RelationKind.Backstop, guarantor, supported[0].From, supported[0].To, null, null, !s_nonBinding.IsMatch(sentence), false,
                    sentence, start, start + sentence.Length, null));
            }
        }

        // "including a 20% prepayment", "Microsoft will prepay 20% of the contract value": a share of the document's one purchase, paid ahead.
        foreach (var (percent, sentence, start) in prepayments)
        {
            var inSentence = relations.Where(r => r.Kind == RelationKind.Purchase && r.Start == start).DistinctBy(r => (resolver.Resolve(r.From), resolver.Resolve(r.To))).ToList();
            var all = relations.Where(r => r.Kind == RelationKind.Purchase).DistinctBy(r => (resolver.Resolve(r.From), resolver.Resolve(r.To))).ToList();
            // Several deals: the prepayment belongs to the one told just before it ("... agreement with X ... 20% of the contract value to be paid prior to ...").
            var nearest = relations.Where(r => r.Kind == RelationKind.Purchase && r.Start < start && start - r.End <= 400).MaxBy(r => r.Start);
            var purchases = inSentence.Count == 1 ? inSentence
                : all.Count > 1 && nearest is not null ? [nearest]
                : all;
            if (purchases.Count == 1 && !relations.Any(r => r.Kind == RelationKind.Prepayment))
            {
                var p = purchases[0];
                var amount = relations.Where(r => r.Kind == RelationKind.Purchase && r.Amount is not null && r.From == p.From && r.To == p.To).Select(r => r.Amount).Max();
                relations.Add(new ProseRelation(
                    RelationKind.Prepayment, p.From, p.To, null, amount is null ? null : Math.Round(amount.Value * percent / 100m, 0),
                    amount is null ? null : p.Currency, p.Binding, false, sentence, start, start + sentence.Length, null));
            }
        }

        // A backstop told by the filer without naming whom it is owed to is owed to the filer (its landlord or lender).
        if (filer is not null)
        {
            var filerKey = resolver.Resolve(filer);
            for (var i = 0; i < relations.Count; i++)
            {
                var r = relations[i];
                if (r.Kind == RelationKind.Backstop && r.Beneficiary is null && resolver.Resolve(r.From) != filerKey && resolver.Resolve(r.To) != filerKey)
                {
                    relations[i] = r with { Beneficiary = filer };
                }
            }
        }

        return new RelationReading(relations, companies.StatedLinks, warnings, filer);
    }

    private static void ReadSentence(
        int offset, string sentence, IReadOnlyList<ProseMention> mentions, CompanyResolver resolver, RelationReaderOptions options,
        List<ProseRelation> relations, List<string> warnings, IReadOnlyList<ProseMention> documentMentions, string? previousSubject, bool structure,
        string? filer, int index, int sentenceCount)
    {
        if (s_instruction.IsMatch(sentence) || s_hypothetical.IsMatch(sentence) || s_describesDocument.IsMatch(sentence))
        {
            return;
        }

        // A product the sentence's own company is named by ("Anthropic ... will run Claude on NVIDIA's systems") is not a
        // second party: it is left as plain words.
        mentions = mentions.Where((m, i) => !(s_productAliases.Contains(sentence[(m.Start - offset)..(m.End - offset)])
            && mentions.Take(i).Any(e => resolver.Resolve(e.Name) == resolver.Resolve(m.Name)))).ToList();
        var money = MoneyParser.FindAll(sentence);
        var full = Skeleton(sentence, offset, mentions, money);
        var first = relations.Count;
        var seen = new HashSet<(RelationKind, string, string)>();
        // The main clause is read once more without its non-restrictive relative clauses ("CoreWeave, which will supply
        // Poolside with GPUs, gets most of its GPUs from Nvidia"): a company inside one is not a party of the main verb.
        var reduced = s_relativeClause.Replace(full, " ");
        var relativeClauses = s_relativeClause.Matches(full).Select(m => (Start: m.Index, End: m.Index + m.Length)).ToList();
        var variants = new List<string> { full };
        if (reduced != full)
        {
            variants.Add(reduced);
        }

        // "X intends to expand its business, whose GPU clusters are built on NVIDIA accelerators": the clause is read as
        // a main clause about the sentence's subject ("X's GPU clusters are built on ...").
        if (s_subjectToken.Match(full) is { Success: true } subjectToken)
        {
            foreach (Match whose in s_whoseClause.Matches(full))
            {
                variants.Add(subjectToken.Value + "'s " + whose.Groups["rest"].Value);
            }
        }

        foreach (var skeleton in variants)
        {
            foreach (var template in s_templates)
            {
                foreach (Match match in template.Pattern.Matches(skeleton))
                {
                    var verb = match.Groups["v"];
                    var before = skeleton[..verb.Index];
                    var lastRole = Math.Max(before.LastIndexOf(Close), 0);
                    var preVerb = before[lastRole..];
                    if (s_possibleModal.IsMatch(preVerb) || s_negation.IsMatch(preVerb) || !IsCommitted(preVerb, verb.Value))
                    {
                        continue;
                    }

                    if (template.Kind is RelationKind.Equity or RelationKind.Purchase && s_acquisition.IsMatch(match.Value))
                    {
                        continue;
                    }

                    if ((template.Kind == RelationKind.Purchase && s_shareWords.IsMatch(match.Value))
                        || (template.Kind == RelationKind.Equity && match.Value.Contains("warrant", StringComparison.OrdinalIgnoreCase)))
                    {
                        continue;
                    }

                    // A payer inside a relative clause is not the subject of a verb outside it.
                if (ReferenceEquals(skeleton, full) && relativeClauses.Any(c => match.Groups["A"].Index >= c.Start && match.Groups["A"].Index < c.End
                        && (verb.Index < c.Start || verb.Index >= c.End)))
                {
                    continue;
                }

                var froms = Tokens(match.Groups["A"].Value).Select(i => mentions[i].Name).DistinctBy(resolver.Resolve).ToList();
                    var tos = Tokens(match.Groups["B"].Value).Select(i => mentions[i].Name).DistinctBy(resolver.Resolve).ToList();
                    var amounts = AmountsFor(skeleton, match, money, sentence, template.Kind, options, out var warning);
                    var binding = !s_nonBinding.IsMatch(skeleton);
                    var vests = template.Kind is RelationKind.Warrant or RelationKind.Equity && s_vests.IsMatch(sentence);
                    for (var f = 0; f < froms.Count; f++)
                    {
                        for (var t = 0; t < tos.Count; t++)
                        {
                            var (from, to) = (froms[f], tos[t]);
                            var kind = template.Kind == RelationKind.Lease && s_computeObject.IsMatch(skeleton[(verb.Index + verb.Length)..(match.Index + match.Length)])
                                ? RelationKind.Purchase
                                : template.Kind == RelationKind.Purchase && IsRent(skeleton, match, verb.Value) ? RelationKind.Lease
                                : template.Kind == RelationKind.Purchase && s_hostingDeal.IsMatch(match.Value) ? RelationKind.Lease
                                : template.Kind;
                            // Who pays whom, when the sentence says it ("under which X will pay Y"), settles a direction that
                            // "signed a lease with" leaves open.
                            if (template.Kind == RelationKind.Purchase && s_payVerb.IsMatch(verb.Value)
                                && seen.Remove((kind, resolver.Resolve(to), resolver.Resolve(from))))
                            {
                                for (var i = relations.Count - 1; i >= first; i--)
                                {
                                    if (relations[i].Kind == kind && resolver.Resolve(relations[i].From) == resolver.Resolve(to)
                                        && resolver.Resolve(relations[i].To) == resolver.Resolve(from))
                                    {
                                        relations.RemoveAt(i);
                                    }
                                }
                            }

                            if (resolver.Resolve(from) == resolver.Resolve(to) || seen.Contains((kind, resolver.Resolve(to), resolver.Resolve(from)))
                                || !seen.Add((kind, resolver.Resolve(from), resolver.Resolve(to))))
                            {
                                continue;
                            }

                            // Coordinated parties with as many amounts take them in order ("$5 billion and $10 billion, respectively").
                            var count = Math.Max(froms.Count, tos.Count);
                            var amount = amounts.Count == count && count > 1 ? amounts[froms.Count > 1 ? f : t]
                                : count == 1 && amounts.Count > 0 ? amounts.MaxBy(a => a.Amount)
                                : null;
                            var beneficiary = template.Kind == RelationKind.Backstop ? Beneficiary(skeleton, match, mentions, resolver, from, to) : null;
                            relations.Add(new ProseRelation(
                                kind, from, to, beneficiary, amount?.Amount, amount?.Currency, binding, vests,
                                sentence, offset, offset + sentence.Length, warning));
                            if (warning is not null)
                            {
                                warnings.Add(warning + ": " + sentence);
                            }
                        }
                    }
                }
            }
        }

        var frameKeys = structure ? relations.Skip(first).Select(r => (r.Kind, resolver.Resolve(r.From), resolver.Resolve(r.To))).ToHashSet() : [];
        var structureReadings = new List<(RelationKind Kind, string From, string To, bool Passive)>();
        if (structure)
        {
            ReadStructure(offset, sentence, full, mentions, money, documentMentions, previousSubject, resolver, options, seen, relations, warnings, structureReadings);
        }

        // A sale-leaseback is one relation: the sale in it is not also a purchase, nor the leaseback a lease.
        var leasebacks = relations.Skip(first).Where(r => r.Kind == RelationKind.SaleLeaseback).Select(r => (r.From, r.To)).ToList();
        if (leasebacks.Count > 0)
        {
            for (var i = relations.Count - 1; i >= first; i--)
            {
                var r = relations[i];
                if (RelationKinds.IsCommitment(r.Kind) && leasebacks.Any(l => (l.From, l.To) == (r.From, r.To) || (l.From, l.To) == (r.To, r.From)))
                {
                    relations.RemoveAt(i);
                }
            }
        }

        if (structure)
        {
            JudgeCandidates(first, frameKeys, structureReadings, offset, sentence, full, mentions, money, filer, index, sentenceCount, resolver, options, relations);
        }
    }

    // A sentence with one company may still have two parties when a pronoun or a role noun names the other.
    private static readonly Regex s_referring = new(@"\b(?:it|its|the\s+(?:[a-z-]+\s+)?(?:chipmaker|chip\s+maker|provider|start-?up|lab|neocloud|hyperscaler|giant|developer|operator|miner|designer|maker|firm|lender|utility))\b", Options, s_timeout);

    private const int StructureReaderMaxLength = 20_000;

    // A contract's own structure (recitals, a signature clause, "the parties hereto"): its money terms come from its
    // clauses, and a short contract read as prose (one its origin reader did not call a contract) is no announcement.
    private static readonly Regex s_contractMarks = new(
        @"(?i:\bin\s+witness\s+whereof\b|\bnow,?\s+therefore\b|\bparties\s+hereto\b|\bhereinafter\b)|\bWHEREAS\b|\bRECITALS\b",
        RegexOptions.CultureInvariant, DealLens.Core.Text.RegexTimeouts.Limit);

    /// <summary>Whether the clause-structure reader may run beside the templates (a switch for measuring the two apart).</summary>
    internal static bool StructureReader { get; set; } = Environment.GetEnvironmentVariable("DEALLENS_NO_STRUCTURE_READER") != "1";

    private static readonly HashSet<string> s_productAliases = CompanyAliases.Bundled.Where(a => a.Kind == "product").Select(a => a.Alias).ToHashSet(StringComparer.Ordinal);

    private static readonly Regex s_whoseClause = new(@",\s*whose\s+(?<rest>[^,;:]{1,160})", Options, s_timeout);

    // The first company not governed by a preposition: the subject a "whose" clause is read about.
    private static readonly Regex s_subjectToken = new(@"(?<!\b(?:in|into|from|with|to|by|of|for|on|at|onto|and|or)\s+)⟦\d+⟧", Options, s_timeout);

    private static readonly Regex s_relativeClause = new(@",\s*(?:which|who|whose)\b[^,;:]{1,160},", Options, s_timeout);

    /// <summary>A sentence of the text and the paragraph (block between blank lines) it stands in.</summary>
    private readonly record struct Sentence(int Start, int End, int Paragraph);

    private static readonly Regex s_blankLine = new(@"\n[ \t]*\n", RegexOptions.CultureInvariant, s_timeout);

    /// <summary>
    /// The segmenter's sentences, cut again at blank lines: a headline or a heading without a full stop is its own
    /// sentence, not the subject of the dateline sentence under it.
    /// </summary>
    private static List<Sentence> Sentences(string text)
    {
        var breaks = s_blankLine.Matches(text).Select(m => m.Index).ToList();
        int ParagraphOf(int at)
        {
            var n = 0;
            while (n < breaks.Count && breaks[n] < at)
            {
                n++;
            }

            return n;
        }

        var result = new List<Sentence>();
        foreach (var span in TextSegmenter.Default.Segment(text))
        {
            var start = span.Start;
            foreach (var cut in breaks.Where(b => b > span.Start && b < span.End))
            {
                if (!string.IsNullOrWhiteSpace(text[start..cut]))
                {
                    result.Add(new Sentence(start, cut, ParagraphOf(start)));
                }

                start = cut;
            }

            var from = start;
            while (from < span.End && char.IsWhiteSpace(text[from]))
            {
                from++;
            }

            if (from < span.End)
            {
                result.Add(new Sentence(from, span.End, ParagraphOf(from)));
            }
        }

        return result;
    }

    // A sentence that opens with a pronoun or a definite description of a company: "It has agreed to lease ...",
    // "The company is also buying compute ...", "The Japanese group has separately agreed to ...".
    private static readonly Regex s_initialReference = new(
        @"\G(?:It|The\s+(?:[A-Za-z-]+\s+){0,2}?(?:company|group|firm|start-?up|chipmaker|cloud\s+provider|provider|operator|developer|maker|lab))\b(?!['’])",
        RegexOptions.CultureInvariant, s_timeout);

    private static readonly Regex s_theCompany = new(@"\bthe\s+company\b(?!['’])", RegexOptions.CultureInvariant, s_timeout);

    private static readonly Regex s_preposition = new(
        @"\b(?:in|into|from|with|to|by|of|for|on|at|onto|than|as|if|and|or|including)\s+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, s_timeout);

    /// <summary>The sentence's subject: its first company that no preposition or conjunction governs.</summary>
    private static ProseMention? Subject(string text, int sentenceStart, IReadOnlyList<ProseMention> mentions)
        => mentions.FirstOrDefault(m => !s_preposition.IsMatch(text[Math.Max(sentenceStart, m.Start - 20)..m.Start]));

    /// <summary>
    /// Coreference by position: a sentence that opens with "It" (or, when no filer speaks for the text, with "The
    /// company" or "The &lt;adjective&gt; group/firm/...") is about the subject of the sentence before; with no filer,
    /// "the company" later in a sentence is that subject too, unless it is this sentence's own subject.
    /// </summary>
    private static void ResolveReferences(string text, List<Sentence> sentences, ProseCompanies companies, string? filer, RelationReaderOptions options, bool structure)
    {
        string? previous = null;
        foreach (var sentence in sentences)
        {
            var mentions = companies.Within(sentence.Start, sentence.End);
            var added = new List<ProseMention>();
            if (previous is not null)
            {
                var initial = s_initialReference.Match(text, sentence.Start);
                // A role noun names the last company of its kind ("The chipmaker" after "CoreWeave buys Nvidia GPUs" is Nvidia).
                var byKind = structure && initial.Success && initial.Value != "It" && RoleIn(text, initial.Index + 4, initial.Index + initial.Length) is { } role
                    ? RoleReferent(role, initial.Index, companies.Mentions, options)
                    : null;
                if (initial.Success && initial.Index + initial.Length <= sentence.End
                    && (filer is null || initial.Value == "It" || byKind is not null) && !mentions.Any(m => m.Start < initial.Index + initial.Length && initial.Index < m.End))
                {
                    added.Add(new ProseMention(initial.Index, initial.Index + initial.Length, byKind ?? previous));
                }

                if (filer is null)
                {
                    var own = Subject(text, sentence.Start, mentions)?.Name;
                    foreach (Match the in s_theCompany.Matches(text[sentence.Start..sentence.End]))
                    {
                        var at = sentence.Start + the.Index;
                        if (own != previous && at > sentence.Start && !mentions.Any(m => m.Start < at + the.Length && at < m.End))
                        {
                            added.Add(new ProseMention(at, at + the.Length, previous));
                        }
                    }
                }
            }

            if (added.Count > 0)
            {
                companies.Add(added);
                mentions = companies.Within(sentence.Start, sentence.End);
            }

            var subject = Subject(text, sentence.Start, mentions);
            if (subject is not null)
            {
                previous = subject.Name;
            }
        }
    }

    // The company that raised a round, told in one sentence ("xAI ... has closed an upsized $20 billion Series E
    // financing"); the sentences after it may name who took part without naming it again.
    private static readonly Regex s_roundRaised = new(
        @"\b(?:raised|raises|raising|closed|closes|secured|secures|completed|completes|announced|announces|sold|sells|priced|prices)\b[^;:]{0,200}?\b(?:round|financing|funding|Series\s+[A-Z]|placement|raise)\b",
        Options, s_timeout);

    private static string? RoundIssuer(string text, Sentence sentence, IReadOnlyList<ProseMention> mentions)
    {
        var subject = Subject(text, sentence.Start, mentions);
        if (subject is null)
        {
            return null;
        }

        var after = text[subject.End..sentence.End];
        var raised = s_roundRaised.Match(after);
        return raised.Success && !s_investeeNamed.IsMatch(after[..raised.Index]) ? subject.Name : null;
    }

    private static readonly Regex s_investeeNamed = new(@"\b(?:in|into)\s+$", Options, s_timeout);

    // Who took part, in a sentence after the round: "Investors include A, B and C", "NVIDIA and Cisco Investments joined
    // the round", "A led the round with ...", "existing investors ... and NVIDIA also took part", "Nvidia was among the
    // investors who bought them", "The round was co-led by A and B".
    private static readonly Regex[] s_participants =
    [
        new(@"^\W*(?:[\w-]+\s+){0,2}?(?:investors|participants|backers)\s+(?:include|included|including|are|were)\s+(?<A>" + CompanyList + ")", Options, s_timeout),
        new(@"(?<A>" + CompanyList + @")[^⟦;:]{0,40}?\b(?<v>joined|joins|took\s+part|takes\s+part|participated|participates|invested|co-led|led|leads|co-leads)\b(?!\s+(?:by|in\s+⟦|into\s+⟦))", Options, s_timeout),
        new(@"(?<A>" + CompanyList + @")[^⟦;:]{0,40}?\b(?:was|were|is|are)\s+among\s+the\s+(?:[\w-]+\s+)?(?:investors|buyers|purchasers|backers|participants)\b", Options, s_timeout),
        new(@"\b(?:round|financing|raise|placement|offering)\b[^⟦;:]{0,40}?\b(?:was|were|is)\s+(?:co-)?led\s+by\s+(?<A>" + CompanyList + ")", Options, s_timeout),
    ];

    /// <summary>Equity from each company a participant sentence names into the issuer of the round told just before.</summary>
    private static void ReadRoundParticipants(
        int offset, string sentence, IReadOnlyList<ProseMention> mentions, string issuer, CompanyResolver resolver, List<ProseRelation> relations)
    {
        if (s_instruction.IsMatch(sentence) || s_hypothetical.IsMatch(sentence) || s_describesDocument.IsMatch(sentence))
        {
            return;
        }

        var money = MoneyParser.FindAll(sentence);
        var skeleton = Skeleton(sentence, offset, mentions, money);
        var issuerKey = resolver.Resolve(issuer);
        foreach (var pattern in s_participants)
        {
            var match = pattern.Match(skeleton);
            if (!match.Success)
            {
                continue;
            }

            // "Investors include ..." lists every company of the sentence, whatever stands between the names.
            var listed = pattern == s_participants[0] ? Enumerable.Range(0, mentions.Count) : Tokens(match.Groups["A"].Value);
            var investors = listed.Select(i => mentions[i].Name)
                .Where(n => resolver.Resolve(n) != issuerKey).DistinctBy(resolver.Resolve).ToList();
            // Another company named in the sentence beside the investors and the issuer is a party the sentence relates
            // them to: not a sentence about the round.
            var named = listed.Select(i => resolver.Resolve(mentions[i].Name)).ToHashSet(StringComparer.Ordinal);
            if (investors.Count == 0 || mentions.Any(m => !named.Contains(resolver.Resolve(m.Name)) && resolver.Resolve(m.Name) != issuerKey))
            {
                return;
            }

            var binding = !s_nonBinding.IsMatch(skeleton);
            var amounts = money.Where(m => m.Amount is { } a && a >= RelationReaderOptions.Default.MinAmount && a <= RelationReaderOptions.Default.MaxAmount
                && !s_perShareAfter.IsMatch(sentence[m.End..]) && !s_perShareBefore.IsMatch(sentence[..m.Start])).ToList();
            var amount = investors.Count == 1 && amounts.Count == 1 ? amounts[0] : null;
            foreach (var investor in investors)
            {
                if (!relations.Any(r => r.Kind == RelationKind.Equity && resolver.Resolve(r.From) == resolver.Resolve(investor) && resolver.Resolve(r.To) == issuerKey))
                {
                    relations.Add(new ProseRelation(RelationKind.Equity, investor, issuer, null, amount?.Amount, amount?.Currency, binding, false,
                        sentence, offset, offset + sentence.Length, null));
                }
            }

            return;
        }
    }

    // A term sheet or cover form that names the parties by role, one per line: "Buyer: OpenAI", "Supplier: AMD".
    private static readonly Regex s_roleField = new(
        @"^[ \t]*(?:[-•*·][ \t]*)?(?<role>Buyer|Purchaser|Customer|Offtaker|Tenant|Lessee|Sublessee|Supplier|Seller|Vendor|Provider|Service\s+Provider|Landlord|Lessor|Sublessor|Borrower|Lender|Investor|Investee|Issuer|Holder|Guarantor)s?[ \t]*:[ \t]*(?<name>[^\r\n]{2,120})$",
        Options | RegexOptions.Multiline, s_timeout);

    private static readonly (string Payer, string Payee, RelationKind Kind)[] s_rolePairs =
    [
        ("buyer", "seller", RelationKind.Purchase), ("tenant", "landlord", RelationKind.Lease), ("borrower", "lender", RelationKind.Loan),
        ("investor", "investee", RelationKind.Equity), ("issuer", "holder", RelationKind.Warrant),
    ];

    private static string RoleClass(string role) => role.ToLowerInvariant() switch
    {
        "buyer" or "purchaser" or "customer" or "offtaker" => "buyer",
        "supplier" or "seller" or "vendor" or "provider" or "service provider" => "seller",
        "tenant" or "lessee" or "sublessee" => "tenant",
        "landlord" or "lessor" or "sublessor" => "landlord",
        "investee" => "investee",
        var other => Regex.Replace(other, @"\s+", " ", RegexOptions.None, s_timeout),
    };

    /// <summary>
    /// Relations stated by role fields (a term sheet, a cover form): the first company named on a "Buyer:" line and on a
    /// "Supplier:" line make a purchase, tenant/landlord a lease, borrower/lender a loan (the lender pays), investor/investee
    /// equity, issuer/holder a warrant. Read only when the prose did not already state that kind between them.
    /// </summary>
    private static void ReadRoleFields(string text, ProseCompanies companies, CompanyResolver resolver, List<ProseRelation> relations)
    {
        var head = text.Length > 20_000 ? text[..20_000] : text;
        var fields = new Dictionary<string, (string Name, int Start, int End)>(StringComparer.Ordinal);
        foreach (Match field in s_roleField.Matches(head))
        {
            var name = field.Groups["name"];
            var within = companies.Within(name.Index, name.Index + name.Length);
            var mention = within.Count > 0 ? within[0] : null;
            var role = RoleClass(field.Groups["role"].Value);
            if (mention is not null && !fields.ContainsKey(role))
            {
                fields[role] = (mention.Name, field.Index, field.Index + field.Length);
            }
        }

        foreach (var (payerRole, payeeRole, kind) in s_rolePairs)
        {
            if (!fields.TryGetValue(payerRole, out var payer) || !fields.TryGetValue(payeeRole, out var payee)
                || resolver.Resolve(payer.Name) == resolver.Resolve(payee.Name))
            {
                continue;
            }

            // A loan runs lender -> borrower, a warrant issuer -> holder: the pair lists them the other way round for loans.
            var (from, to) = kind == RelationKind.Loan ? (payee, payer) : (payer, payee);
            if (relations.Any(r => r.Kind == kind && resolver.Resolve(r.From) == resolver.Resolve(from.Name) && resolver.Resolve(r.To) == resolver.Resolve(to.Name)))
            {
                continue;
            }

            var start = Math.Min(payer.Start, payee.Start);
            var end = Math.Max(payer.End, payee.End);
            if (end - start > 600)
            {
                continue;
            }

            var quote = text[start..end];
            relations.Add(new ProseRelation(kind, from.Name, to.Name, null, null, null, !s_nonBinding.IsMatch(quote), false, quote, start, end, null));
        }
    }

    // A letter's writer, when no filer or announcer is known: "Founder and CEO, Nebius Group N.V." in its closing lines, or
    // a title "Nebius Group N.V. - Letter to Shareholders".
    private static readonly Regex s_signatory = new(
        @"(?:Chief\s+Executive\s+Officer|CEO|Founder|Chair(?:man|woman|person)?|President|Chief\s+Financial\s+Officer|CFO)[^\n]{0,40}?,[ \t]*(?<co>[A-Z][^\n,]{1,60}?)[ \t]*\.?[ \t]*$",
        RegexOptions.CultureInvariant | RegexOptions.Multiline, s_timeout);

    private static readonly Regex s_letterTitle = new(
        @"\A\s*(?<co>[A-Z][^\n]{1,60}?)\s*[-–—:]\s*(?:Annual\s+)?(?:Letter|Message)\s+to\s+(?:Shareholders|Stockholders|Investors|Unitholders)\b",
        RegexOptions.CultureInvariant, s_timeout);

    private static readonly Regex s_firstPerson = new(@"\b(?:we|our|us)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, s_timeout);

    /// <summary>Who "we" is in a letter that names its writer only in its title or signature.</summary>
    internal static string? Signatory(string text)
    {
        if (!s_firstPerson.IsMatch(text.Length > 4000 ? text[..4000] : text))
        {
            return null;
        }

        if (s_letterTitle.Match(text) is { Success: true } title)
        {
            return title.Groups["co"].Value.Trim();
        }

        var tail = text.Length > 800 ? text[^800..] : text;
        return s_signatory.Matches(tail).Select(m => m.Groups["co"].Value.Trim()).LastOrDefault();
    }

    /// <summary>
    /// An obligation or a completed act: a modal of obligation or an auxiliary before the verb, or a finite verb form
    /// ("invested", "signs"). A bare base form with nothing before it is an instruction ("report a commitment").
    /// </summary>
    private static bool IsCommitted(string preVerb, string verb)
    {
        if (s_obligation.IsMatch(preVerb) || s_obligation.IsMatch(verb))
        {
            return true;
        }

        var first = verb.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].ToLowerInvariant();
        return first.EndsWith("ed", StringComparison.Ordinal) || first.EndsWith("paid", StringComparison.Ordinal) || first.EndsWith('s')
            || first is "sold" or "lent" or "made" or "paid" or "bought" or "took" or "won" or "led" or "co-led" or "spent" or "gave" or "got" or "chose" or "underwrote" or "held" or "kept"
            || first is "investment" or "investments" or "stake" or "backstop" or "guarantee" or "loan" or "lease" or "commitment" or "purchase" or "order" or "spend" or "spending" or "credit"
            or "funding" or "total" or "capital" or "tenancy" or "built";
    }

    private static IEnumerable<int> Tokens(string roles)
    {
        var at = 0;
        while ((at = roles.IndexOf(Open, at)) >= 0)
        {
            var close = roles.IndexOf(Close, at);
            yield return int.Parse(roles.AsSpan(at + 1, close - at - 1), NumberStyles.None, CultureInfo.InvariantCulture);
            at = close;
        }
    }

    /// <summary>
    /// The plausible money amounts of a match: inside it, else in the rest of its clause. A per-share price, an amount
    /// beyond <see cref="RelationReaderOptions.MaxAmount"/> or a fee below <see cref="RelationReaderOptions.MinAmount"/>
    /// is not one: it is left out with a warning. Warrants are counted in shares, so they carry no amount.
    /// </summary>
    private static List<MoneyMention> AmountsFor(
        string skeleton, Match match, IReadOnlyList<MoneyMention> money, string sentence, RelationKind kind, RelationReaderOptions options, out string? warning)
    {
        var inside = MoneyTokens(match.Value).ToList();
        if (inside.Count == 0)
        {
            var rest = skeleton[(match.Index + match.Length)..];
            var stop = rest.IndexOf(';', StringComparison.Ordinal);
            inside = MoneyTokens(stop < 0 ? rest : rest[..stop]).ToList();
        }

        return AmountsIn(inside, money, sentence, kind, options, out warning);
    }

    /// <summary>The plausible amounts among the money mentions <paramref name="inside"/> (see <see cref="AmountsFor"/>).</summary>
    private static List<MoneyMention> AmountsIn(
        IEnumerable<int> inside, IReadOnlyList<MoneyMention> money, string sentence, RelationKind kind, RelationReaderOptions options, out string? warning)
    {
        warning = null;
        var result = new List<MoneyMention>();
        foreach (var index in inside)
        {
            var m = money[index];
            if (m.Amount is not { } amount)
            {
                continue;
            }

            var perShare = s_perShareAfter.IsMatch(sentence[m.End..]) || s_perShareBefore.IsMatch(sentence[..m.Start]);
            if (perShare)
            {
                warning ??= $"{m.Text} is a per-share price, not a relation amount";
            }
            else if (amount > options.MaxAmount)
            {
                warning = $"{m.Text} is beyond any real deal (above {options.MaxAmount.ToString("#,0", CultureInfo.InvariantCulture)}): kept as quote, not scored";
            }
            else if (amount < options.MinAmount)
            {
                warning ??= $"{m.Text} is fee-sized, not a relation amount";
            }
            else if (kind != RelationKind.Warrant)
            {
                result.Add(m);
            }
        }

        return result;
    }

    private static IEnumerable<int> MoneyTokens(string skeleton)
    {
        var at = 0;
        while ((at = skeleton.IndexOf(MoneyOpen, at)) >= 0)
        {
            var close = skeleton.IndexOf(MoneyClose, at);
            yield return int.Parse(skeleton.AsSpan(at + 1, close - at - 1), NumberStyles.None, CultureInfo.InvariantCulture);
            at = close;
        }
    }

    /// <summary>For a backstop: the company after "to", "with" or "in favour of", past the match, that is neither party.</summary>
    private static string? Beneficiary(string skeleton, Match match, IReadOnlyList<ProseMention> mentions, CompanyResolver resolver, string from, string to)
    {
        var parties = new[] { resolver.Resolve(from), resolver.Resolve(to) };
        foreach (var index in Tokens(skeleton[match.Index..]))
        {
            var at = skeleton.IndexOf(Open + index.ToString(CultureInfo.InvariantCulture) + Close, match.Index, StringComparison.Ordinal);
            var name = mentions[index].Name;
            if (!parties.Contains(resolver.Resolve(name)) && s_beneficiary.IsMatch(skeleton[match.Index..at]))
            {
                return name;
            }
        }

        return null;
    }

    private static bool IsOur(string sentence, int start, int end)
        => end - start == 3 && start >= 0 && end <= sentence.Length && sentence.AsSpan(start, 3).Equals("our", StringComparison.OrdinalIgnoreCase);

    /// <summary>The sentence with each company replaced by ⟦i⟧ and each money mention by ⟨j⟩.</summary>
    private static string Skeleton(string sentence, int offset, IReadOnlyList<ProseMention> mentions, IReadOnlyList<MoneyMention> money)
    {
        // "our" owns the noun after it: "our common stock" reads as "⟦Intel⟧'s common stock".
        var marks = mentions.Select((m, i) => (Start: m.Start - offset, End: m.End - offset,
                Token: $"{Open}{i.ToString(CultureInfo.InvariantCulture)}{Close}" + (IsOur(sentence, m.Start - offset, m.End - offset) ? "'s" : "")))
            .Concat(money.Select((m, j) => (m.Start, m.End, Token: $"{MoneyOpen}{j.ToString(CultureInfo.InvariantCulture)}{MoneyClose}")))
            .OrderBy(m => m.Start)
            .ToList();
        var builder = new StringBuilder(sentence.Length);
        var at = 0;
        foreach (var (start, end, token) in marks)
        {
            if (start < at)
            {
                continue;
            }

            builder.Append(sentence, at, start - at).Append(token);
            at = end;
        }

        return builder.Append(sentence, at, sentence.Length - at).ToString();
    }
}

/// <summary>What <see cref="RelationReader"/> read from one document: the relations, the company links the text states, warnings and the filer it used.</summary>
public sealed record RelationReading(
    IReadOnlyList<ProseRelation> Relations,
    IReadOnlyList<KeyValuePair<string, string>> StatedLinks,
    IReadOnlyList<string> Warnings,
    string? Filer);
