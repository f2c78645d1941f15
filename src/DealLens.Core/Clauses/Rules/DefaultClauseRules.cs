namespace DealLens.Core.Clauses.Rules;

/// <summary>
/// The built-in rule table behind <see cref="ClauseRuleSet.Default"/>. Confidences follow the share of a rule's
/// matches that annotators also marked on the CUAD v1 development half (CUAD under-marks, so the figures are
/// nudged up a little): a rule that is right most of the time sits at 0.85-0.95, a broad one at 0.55-0.7.
/// Chip-access and financing rules have no labelled data yet; their confidences are judgement calls.
/// </summary>
/// <remarks>
/// Pattern conventions (see <see cref="ClauseRule"/>): a plain space matches any run of white space; gaps
/// between phrases are bounded character classes such as <c>[^.;]{0,80}</c>, never nested quantifiers, so no
/// pattern can backtrack catastrophically.
/// </remarks>
public static class DefaultClauseRules
{
    // Bounded gaps that stay inside one sentence or clause.
    private const string Near = @"[^.;]{0,60}";
    private const string Within = @"[^.;]{0,150}";
    private const string Far = @"[^;]{0,300}";

    // "Exclusive" that is not part of "non-exclusive" / "nonexclusive" / "non exclusive".
    // A party's right to end the contract ("may", "shall have the right to", ...), a little before "terminate".
    private const string TerminationRight =
        @"\b(?:may|can|shall have the right|has the right|have the right|reserves the right|is entitled|shall be entitled|right to|option to|elect to|unilateral right|ability to)\b[^.;]{0,80}";

    private const string WithoutCause =
        @"\b(?:for (?:its |their |any party's )?(?:own )?convenience|without (?:cause|reason|any reason)|for any (?:or no )?reason(?: or (?:for )?no reason)?(?: whatsoever)?|for no reason|with or without cause)\b";

    // What caps and exclusions of liability are usually lifted for.
    private const string Carveouts =
        @"\b(?:indemnif\w*|gross(?:ly)? negligen\w*|wil(?:l)?ful|fraud\w*|confidential\w*|infring\w*|misappropriat\w*|death|bodily injury|personal injury|breach (?:by (?:either|a) party )?of (?:section|article|paragraph|clause)|(?:section|article|paragraph|clause)s? [0-9IVX]+)";

    // The price must be what the verb is about: "the Prices set forth in Schedule A shall not be increased", "will
    // not increase the list price". A longer gap lets another subject or object in between ("a premium rate for
    // transportation ..., the Shipper Deliveries shall not be reduced"; "shall not reduce or eliminate Shipper's
    // obligation to pay the fees").
    private const string PriceSubjectGap = @"(?:\s+[^\s.;]+){0,8}?\s+";
    private const string PriceObjectGap = @"(?:\s+[^\s.;]+){0,3}?\s+";

    // Consent or approval of the other side, in its usual spellings.
    private const string Consent =
        @"\bwithout (?:first )?(?:obtaining |having obtained |receiving )?(?:the )?(?:[a-z]+['’]s? |our |its |their |your |his |her |such )?(?:(?:express|prior|advance|written),? )*(?:consent|approval|permission|authori[sz]ation)|\b(?:prior |express )?written (?:consent|approval) of\b|\bconsent of the other\b|\bunless\b" + Near + @"\b(?:consent|approv\w*)\b";

    // What makes a chip mention an access term: an allocation, priority, refresh or availability promise.
    // Bare "capacity" or "cluster" is not one: take-or-pay clauses about "contracted GPU capacity" grant no access.
    private const string ChipAccessTerm =
        @"\b(?:(?<!\bnot )(?<!\bno )(?:re)?allocat\w*|priorit\w*|preferential|dedicated|(?<!\bnot )(?<!\bno )guarantee\w*|firm allocation|set aside|earmark\w*|exclusive (?:use|purchase)" +
        @"|(?:reserved?|committed|dedicated) (?:exclusively )?(?:to|for) (?:the )?(?:exclusive use of )?(?:customer|company|buyer|purchaser|licensee|tenant|client)" +
        @"|refresh\w*|upgrade\w*|migrat\w*|swap\w*|trade[-\s]in|replace\w*|next[-\s]generation|successor generation|future generations?|latest (?:\w+ )?generation|then[-\s]current generation" +
        @"|subject to (?:the |its |[a-z]+['’]s )?(?:then[-\s]current )?(?:availability|available (?:inventory|capacity|supply))|as[-\s]available|best[-\s]availability|where capacity permits|(?:if|when) and to the extent (?:they are )?available|to the extent available" +
        @"|first access|early access|access to|first refusal|front of the queue|ahead of|before\b[^.;]{0,40}\b(?:customers|generally available|general availability)" +
        @"|make\w* (?:\w+ ){0,4}available)";

    private const string Exclusive = @"(?<!non[-\s]?)(?<!non-\s)\bexclusive";

    private const string Chips =
        @"\b(?:[HAB]100|H200|H20|H800|A800|B200|B300|GB200|GB300|GH200|MI250X?|MI300[AX]?|MI325X|MI350X?|MI355X|MI400|TPUs?|TPU ?v[0-9]+[a-z]*|Trainium[0-9]?|Inferentia[0-9]?|Gaudi ?[0-9]|Blackwell|Hopper|Rubin|GPUs?|accelerators?)\b";

    // Hedged or optional wording that never makes a purchase commitment.
    private static readonly string[] s_notACommitment =
    [
        @"\bsubject to (?:the )?(?:then[-\s]current )?availability",
        @"\bmay(?:,? at its (?:sole )?(?:option|discretion),?)? (?:purchase|order|buy|elect|reserve)",
        @"\b(?:best|commercially reasonable|reasonable|good faith) efforts",
        @"\b(?:maximum|not to exceed|no more than)\b",
    ];

    // "Exclusive" about courts, remedies or ownership, not about dealing with others.
    private static readonly string[] s_notExclusiveDealing =
    [
        @"\bexclusive (?:and sole )?(?:remed|jurisdiction|venue|forum|propert|owner|responsib|discretion|means|right and remedy|control|authority)",
        @"\bexclusive right to (?:sue|enforce|prosecute|control|bring|defend|file|maintain)",
        @"\b(?:sole and exclusive|exclusive) (?:remedy|remedies|jurisdiction|venue|property|owner)",
        @"\bno exclusivity\b|\bnon[-\s]?exclusivity\b|\bnot (?:have |be |create |creating |grant |granting )?(?:any |an )?exclusiv|\bnothing\b[^.;]{0,80}\bexclusiv",
        @"\bexclusive of\b|\bexclusive warrant|\bexclusivity of (?:warranties|remedies)|\bremed(?:y|ies) (?:will|shall) be exclusive|\bexclusive rights? (?:of|in|and interests?) (?:ownership|all|title|and to)\b|\bno right to any exclusive",
        @"\bexclusive rights?,? (?:but not the obligation,? )?to (?:prepare|file|prosecute|maintain|settle|protect|sue|enforce|control|defend|bring|seek)",
        // Ownership and governance: "exclusive right, title and interest", "the exclusive right to remove and replace its designees".
        @"\bexclusive rights? and interests? in\b|\bexclusive rights?,? title\b|\bexclusive right to (?:remove|replace|appoint|designate|nominate|change)\b",
    ];

    // Offer-matching (first refusal) and tax wording that reads like most-favoured terms.
    private static readonly string[] s_notMostFavored =
    [
        @"\b(?:negotiat\w*(?! at arm)|rejects?|declines?|first refusal|withholding|tax(?:es)?|sell (?:such|its|the) (?:shares|interest))\b",
    ];

    // Renewal only by a fresh agreement of both parties is no renewal term.
    private static readonly string[] s_notRenewal =
    [
        @"\b(?:by|upon|with|on|through) (?:the )?mutual\b|\bmutually agreed? (?:upon )?(?:by|between) (?:the )?parties\b|\bparties (?:may|must|shall|can) (?:mutually )?agree|\bby (?:written )?agreement of\b|\bnot (?:been |be )?(?:renewed|extended)\b|\bno renewal\b|\bagree in writing\b",
    ];

    // Mentions of competition that restrict nobody.
    private static readonly string[] s_notNonCompete =
    [
        @"\bnon[-\s]?competitive\b|\bnot under any\b|\bdoes not contain\b|\b(?:compliance with|violation of) (?:the )?covenant|\bnon[-\s]?exclusive\b|\bconfidential\w*\b",
    ];

    private static readonly string[] s_notACommitmentOrUpTo = [.. s_notACommitment, @"\bup to\b"];

    // "Minimum" that is waived or is about something other than a purchase.
    private static readonly string[] s_noMinimum =
    [
        .. s_notACommitment,
        @"\b(?:no|not (?:be )?subject to any|without (?:any )?|nor any|is not a)\b[^.;]{0,20}\bminimum",
        @"\bnothing (?:herein|in this agreement|contained herein)\b[^.;]{0,80}\b(?:require|obligat)",
    ];

    public static IReadOnlyList<ClauseRule> All { get; } =
    [
        // ---- take_or_pay -------------------------------------------------------------------------------
        new(ClauseTypes.TakeOrPay, "top.take-or-pay", 0.95, [@"\btake[-\s]or[-\s]pay\b"]) { Keywords = ["take"] },
        new(ClauseTypes.TakeOrPay, "top.whether-or-not-used", 0.9,
            [@"\b(?:pay|payment|paid|payable|fees?|charges?|invoice|bill(?:s|ed)?)", @"\bwhether or not\b" + Near + @"\b(?:uses?|used|utili[sz]e[sd]?|consume[sd]?|takes?|taken|orders?|ordered|requests?|requested|schedules?|scheduled|purchases?|purchased|accesses|accessed|deploys?|deployed|occup(?:y|ies|ied)|install(?:s|ed)?|draws?)\b|\bwhether\b" + Near + @"\b(?:running|used|utili[sz]ed|consumed|deployed|occupied|taken|in use)\b or not\b"])
        {
            Keywords = ["whether"],
            Exclusions = s_notACommitment,
        },
        new(ClauseTypes.TakeOrPay, "top.regardless-of-usage", 0.85,
            [@"\b(?:pay|payment|paid|payable|fees?|charges?)", @"\b(?:regardless|irrespective) of (?:the )?(?:actual |whether[^.;]{0,30})?(?:usage|use|consumption|utili[sz]ation|volumes?|quantit(?:y|ies)|(?:capacity )?(?:used|utili[sz]ed|consumed))|\b(?:regardless|irrespective) of\b" + Near + @"\b(?:usage|uses?|used|utili[sz]\w+|consum(?:es?|ed|ing|ption)|deploy\w*|occup\w+)\b"])
        {
            Keywords = ["regardless", "irrespective"],
            Exclusions = s_notACommitment,
        },
        new(ClauseTypes.TakeOrPay, "top.shortfall-payment", 0.75,
            [@"\b(?:shortfall|deficiency) (?:payment|fee|amount|charge)s?\b|\b(?:pay|invoice|bill|charge)\b" + Within + @"\b(?:shortfall|deficiency)\b|\b(?:shortfall|deficiency)\b" + Within + @"\b(?:paid|payable|invoiced|billed|charged)\b", @"\b(?:minimum|commit\w*|guarantee\w*|volumes?|quantit(?:y|ies)|forecast\w*|take[-\s]or[-\s]pay|capacity)\b"])
        {
            Keywords = ["shortfall", "deficiency"],
            Exclusions = [@"\b(?:audit\w*|inspection|underpa\w+|overpa\w+|taxes)\b"],
        },
        new(ClauseTypes.TakeOrPay, "top.reserved-capacity", 0.8,
            [@"\b(?:reserved|committed|dedicated|contracted) (?:capacity|compute|volume)", @"\b(?:pay|payments?|fees?|charges?)\b", @"\b(?:whether|regardless|irrespective|unused|not used|unutili[sz]ed)\b"])
        {
            Keywords = ["capacity", "compute", "volume"],
            Exclusions = s_notACommitment,
        },

        // Payment survives the buyer's non-use: "even if it does not use", "shall not relieve ... failure to occupy",
        // "nonetheless pay", "notwithstanding any reduction in workload", "remains liable for unused hours".
        new(ClauseTypes.TakeOrPay, "top.pay-despite-non-use", 0.8,
            [@"\b(?:pay|payments?|paid|payable|fees?|charges?|rent|billed|invoiced)\b",
             @"\beven (?:if|when|though|where|during)\b" + Near + @"\b(?:not|never|fails?|failure|terminates?|ceases?|stops?)\b[^.;]{0,20}\b(?:use|using|utili[sz]\w*|consum(?:es?|ed|ing|ption)|take|taken|occup\w*|deploy\w*|schedul\w*)\b" +
             @"|\b(?:failure|fails?|failing)\b[^.;]{0,30}\bto (?:use|occupy|take|accept|utili[sz]e|consume|energi[sz]e|schedule|deploy)\b" + Within + @"\b(?:nonetheless|nevertheless|not (?:be )?(?:relieve|release|excuse|reduce|abate)\w*)\b" +
             @"|\b(?:not (?:be )?(?:relieve|release|excuse|reduce|abate)\w*|absolute and unconditional)\b" + Within + @"\b(?:failure|fails?|failing)\b[^.;]{0,30}\bto (?:use|occupy|take|accept|utili[sz]e|consume|energi[sz]e|schedule|deploy)\b" +
             @"|\b(?:fall|falls|fell|is|are) (?:below|less than)\b" + Within + @"\b(?:nonetheless|nevertheless)\b" +
             @"|\bnotwithstanding\b[^.;,]{0,60}\b(?:reduction|decrease|non-?use|usage|utili[sz]\w+|workloads?|consumption|demand)\b" +
             @"|\bnotwithstanding that\b" + Near + @"\bnot (?:use|utili[sz]e|consume|take|occupy)\b" +
             @"|\b(?:unused|unconsumed)\b" + Within + @"\bremains? (?:liable|obligated|responsible)\b"])
        {
            Keywords = ["even ", "fail", "not be", "not relieve", "not reduce", "unconditional", "nonetheless", "nevertheless", "notwithstanding", "unused", "unconsumed"],
            Exclusions = s_notACommitment,
        },
        new(ClauseTypes.TakeOrPay, "top.take-or-failing-pay", 0.9,
            [@"\btake\b[^.;]{0,40}\bfail\w* (?:to )?(?:take|so)\b[^.;]{0,30}\bpay\b"])
        {
            Keywords = ["take"],
        },

        // ---- minimum_commitment ------------------------------------------------------------------------
        new(ClauseTypes.MinimumCommitment, "mc.minimum-purchase-term", 0.8,
            [@"\bminimum (?:annual |quarterly |monthly |yearly |aggregate |cumulative |guaranteed |firm |total )?(?:purchases?|purchasing|orders?|ordering|spend|royalt(?:y|ies)|commitments?|volumes?|quantit(?:y|ies)|payments?|fees?|charges?|revenues?|sales|net sales|guarantees?|units|(?:purchase|order|volume|sales|performance) requirements?)\b"])
        {
            Keywords = ["minimum"],
            Exclusions = s_noMinimum,
        },
        new(ClauseTypes.MinimumCommitment, "mc.period-minimum", 0.7,
            [@"\b(?:annual|quarterly|monthly|yearly) minimums?\b|\bminimum (?:annual|quarterly|monthly|yearly)\b|\bguaranteed minimum\b|\bminimum guarantee|\bguarantee\w* (?:a minimum of|at least|not less than|no less than)\b"])
        {
            Keywords = ["minimum", "guarantee"],
            Exclusions = s_noMinimum,
        },
        new(ClauseTypes.MinimumCommitment, "mc.shall-buy-at-least", 0.85,
            [@"\b(?:shall|will|must|agrees? to|undertakes? to|commits? to|committed to|is obligated to|obligated to)(?: [a-z]+ly)? (?:purchase|order|buy|procure|pay|spend|acquire|take|lease|license|reserve)\b" + Near + @"\b(?:a minimum of|at least|not less than|no less than|no fewer than|not fewer than|minimum)\b" + Near + @"(?:\$|€|£|[0-9]|\[\s?\*|\*\*|units|percent|dollars|euros|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand|million)"])
        {
            Keywords = ["least", "less than", "minimum", "fewer than"],
            Exclusions = s_notACommitmentOrUpTo,
        },
        new(ClauseTypes.MinimumCommitment, "mc.purchase-commitment", 0.65,
            [@"\b(?:volume|spend|spending|capacity|minimum purchase|take) commitments?\b|\bcommitted (?:spend|volumes?|purchases?|quantit(?:y|ies)|capacity)\b|\bbinding commitment\b" + Near + @"\bpurchase\b" +
             @"|\b(?:annual|quarterly|monthly) commitment\b|\bcommitment amount\b|\bcommitted (?:load|hours|gpu[-\s]hours|power)\b|\btake[-\s]or[-\s]pay (?:commitments?|obligations?)\b"])
        {
            Keywords = ["commit"],
            // A provider's failure to deliver committed capacity is a damages clause, not the buyer's commitment.
            Exclusions = [.. s_notACommitment, @"\b(?:fails?|failure) to deliver\b" + Within + @"\bliquidated damages\b"],
        },
        new(ClauseTypes.MinimumCommitment, "mc.committed-to-spend-amount", 0.75,
            [@"\b(?:commits?|committed) to (?:purchase|spend|buy|procure|pay for|acquire)\b" + Near + @"(?:\$|€|£|\b(?:USD|EUR|GBP) ?[0-9]|[0-9][0-9,.]* (?:units|GPUs|accelerators|chips|MW|megawatts|nodes|servers))"])
        {
            Keywords = ["commit"],
            Exclusions = s_notACommitmentOrUpTo,
        },
        new(ClauseTypes.MinimumCommitment, "mc.minimum-order-size", 0.6,
            [@"\b(?:orders?|purchase orders?|order quantit(?:y|ies))\b" + Near + @"\b(?:equal to or greater than|a minimum of|not less than|no less than|at least)\b" + Near + @"(?:\[\s?\*|\*\*|[0-9]|units|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand)"])
        {
            Keywords = ["order"],
            Exclusions = [.. s_notACommitmentOrUpTo, @"\b(?:days?|weeks?|months?|business days?)\b" + Near + @"\b(?:prior to|before|in advance|notice|after)\b"],
        },
        new(ClauseTypes.MinimumCommitment, "mc.minimum-count-per-period", 0.55,
            [@"\b(?:a minimum of|not less than|no less than|at least|no fewer than|not fewer than)\b" + Near + @"\b(?:per|each|every|in any|during any|for each|for any|during each|in each) (?:calendar |contract |agreement |license |fiscal )?(?:year|quarter|month|annum|period)\b"])
        {
            Keywords = ["least", "less than", "minimum", "fewer than"],
            Exclusions = [.. s_notACommitmentOrUpTo, @"\bnotice\b", @"\b(?:days?|hours?)\b" + Near + @"\b(?:per|each|every|in any|during any)\b"],
        },
        new(ClauseTypes.MinimumCommitment, "mc.deliver-at-least", 0.55,
            [@"\b(?:shall|will|must|agrees? to|undertakes? to|commits? to|obligation to)(?: [a-z]+ly)? (?:deliver|provide|supply|produce|achieve|perform|generate|display|set up|open|employ|sell|distribute|run)\b" + Near + @"\b(?:a minimum of|not less than|no less than|at least|no fewer than|not fewer than|minimum)\b" + Near + @"(?:\[\s?\*|\*\*|X{3,}|[0-9]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|thousand|million)\b)"])
        {
            Keywords = ["least", "less than", "minimum", "fewer than"],
            Exclusions = [.. s_notACommitmentOrUpTo, @"\b(?:notice|insurance|insured|days?|hours?|weeks?|shelf[-\s]life|interest|confidential\w*)\b"],
        },
        new(ClauseTypes.MinimumCommitment, "mc.quota", 0.6, [@"\b(?:sales |purchase |annual |quarterly )?quotas?\b"]) { Keywords = ["quota"] },
        new(ClauseTypes.MinimumCommitment, "mc.minimum-of-amount-per-period", 0.7,
            [@"\b(?:a minimum of|not less than|no less than|at least)\b" + Near + @"(?:\$|€|£|\[\s?\*|\*\*|[0-9][0-9,.]* (?:units|dollars|tons|barrels))" + Within + @"\b(?:per|each|every|in any|during any|for each|for any) (?:calendar )?(?:year|quarter|month|contract year|agreement year|annum|fiscal year|period)\b", @"\b(?:purchase|order|buy|sell|sales|pay|royalt|fee|spend)"])
        {
            Keywords = ["least", "less than", "minimum"],
            Exclusions = s_notACommitmentOrUpTo,
        },

        // A minimum is also written as what happens when it is missed: "If King does not perform ... the PDE Minimum",
        // "Failure to meet these minimum performance goals ...", "If Excite fails to deliver the guaranteed number of Impressions".
        new(ClauseTypes.MinimumCommitment, "mc.failure-to-meet-minimum", 0.6,
            [@"\b(?:fails?|failure|failed|does not|do not|did not|has not|have not|is unable|are unable)\b(?: \w+){0,3}? (?:to )?(?:meet|achieve|reach|deliver|sell|purchase|perform|attain|satisfy|buy|order)\w*\b[^.;]{0,80}\b(?:minimums?|at least|targets?|guarantee[sd]?|goals?|quotas?|forecast|impressions|click-?throughs)\b|\bmeets? or exceeds?\b[^.;]{0,60}\bminimum"])
        {
            Keywords = ["fail", "not", "unable", "exceed"],
            // A provider missing its service levels owes credits; that is not a commitment to buy or sell.
            Exclusions = [@"\b(?:service levels?|availability|uptime|up-time|SLAs?|response times?|resolution times?|service credits?)\b"],
        },
        // A floor on what is paid whatever the usage: "subject to a monthly minimum of $2,500", "a non-refundable
        // Guaranteed Service Fee".
        new(ClauseTypes.MinimumCommitment, "mc.minimum-fee", 0.6,
            [@"\b(?:monthly|annual|quarterly|yearly) minimum (?:of|fees?|charges?|payments?|amounts?)\b|\bminimum (?:monthly|annual|quarterly|yearly) (?:fees?|charges?|payments?)\b|\bguaranteed (?:minimum |service |annual )?(?:fees?|payments?)\b"])
        {
            Keywords = ["minimum", "guaranteed"],
        },
        new(ClauseTypes.MinimumCommitment, "mc.spend-at-least", 0.6,
            [@"\b(?:spend|spending|expend|expending)\b[^.;]{0,40}\b(?:at least|not less than|no less than|a minimum of|or more)\b"])
        {
            Keywords = ["spend", "expend"],
        },

        // ---- chip_access -------------------------------------------------------------------------------
        new(ClauseTypes.ChipAccess, "chip.allocation", 0.85,
            [Chips, ChipAccessTerm])
        {
            Keywords = ["00", "gb", "mi3", "mi4", "tpu", "trainium", "inferentia", "gaudi", "blackwell", "hopper", "rubin", "gpu", "accelerator"],
        },

        // ---- volume_restriction ------------------------------------------------------------------------
        new(ClauseTypes.VolumeRestriction, "vr.overage-fee", 0.8,
            [@"\b(?:overage|excess usage|excess use) (?:fees?|charges?|rates?)\b|\b(?:fees?|charges?|rates?) for (?:any )?(?:overage|excess usage)"])
        {
            Keywords = ["overage", "excess"],
        },
        new(ClauseTypes.VolumeRestriction, "vr.exceeds-threshold-consequence", 0.6,
            [@"\b(?:in excess of|exceeds?|exceeding|exceeded|greater than|more than|over)\b" + Within + @"\b(?:forecast\w*|quantit(?:y|ies)|volumes?|capacity|usage|units|threshold|maximum|cap)\b|\b(?:forecast\w*|quantit(?:y|ies)|volumes?|capacity|usage|units)\b" + Within + @"\b(?:in excess of|exceeds?|exceeding|exceeded)\b",
             @"\b(?:(?:a|an) (?:additional )?(?:charge|fee) of \$|shall be charged|will be charged|additional (?:fees?|charges?|costs?|price)|surcharge|premium|increased? (?:fees?|prices?|rates?|charges?)|higher (?:fees?|prices?|rates?)|(?:prior )?(?:written )?(?:consent|approval) of|not (?:be )?(?:obligated|required|obliged) to (?:supply|accept|deliver|fill|provide|manufacture|sell)|excess (?:fees?|charges?)|at (?:its|the) (?:sole )?(?:option|discretion))"])
        {
            Keywords = ["excess", "exceed", "greater than", "more than", "over"],
        },
        new(ClauseTypes.VolumeRestriction, "vr.per-period-cap", 0.55,
            [@"\b(?:up to|a maximum of|not (?:to )?exceed|no more than|not more than|limited to|in excess of)\b" + Near + @"(?:[0-9]|\[\s?\*|\*\*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred)\b)" + Near + @"\b(?:per|each|every|in any|during any|in a|a) (?:calendar |contract |license |agreement )?(?:day|week|month|quarter|year|period|pack|package|unit)\b"])
        {
            Keywords = ["up to", "maximum", "exceed", "more than", "limited to"],
            Exclusions = [@"\b(?:notice|interest|late|overdue|liabilit\w*|damages|insurance|indemnif\w*)\b"],
        },
        new(ClauseTypes.VolumeRestriction, "vr.up-to-quantity", 0.5,
            [@"\b(?:up to|a maximum of|not more than|no more than|limited to)\s+(?:[0-9][0-9,.]*|\[\s?\*+\s?\]|\*+|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand)\b[^.;()]{0,30}?(?:\([0-9][0-9,.]*\))?)\s*(?:[a-z-]+\s+){0,2}?(?:units|hours|days|impressions|copies|users|licen[cs]es|seats|visits|appearances|posts|sessions|personnel|persons|people|employees|products|compounds|samples|locations|sites|terabytes|gigabytes|gb|tb|mb|megawatts|mw|gpus|servers|racks|calls|transactions|requests|minutes|spots|pages)\b"])
        {
            Keywords = ["up to", "maximum", "more than", "limited to"],
            // Interest, liability and time limits are not volumes; nor is the size of a warrant or a share issue.
            Exclusions = [@"\b(?:notice|interest|late|overdue|liabilit\w*|damages|insurance|indemnif\w*|prior to|within|after|warrants?|shares|stock|securities)\b"],
        },
        new(ClauseTypes.VolumeRestriction, "vr.maximum-quantity", 0.55,
            [@"\bmaximum (?:daily |annual |monthly |hourly )?(?:quantit(?:y|ies)|volumes?|capacity|number of (?:units|users|hours))\b"])
        {
            Keywords = ["maximum"],
        },

        // ---- exclusivity -------------------------------------------------------------------------------
        new(ClauseTypes.Exclusivity, "ex.all-requirements", 0.9,
            [@"\b(?:all|one hundred percent|100%)(?: \(100%\))? of (?:its|their|[a-z]+['’]s) (?:[a-z]+ )?(?:requirements|needs|purchases)\b"])
        {
            Keywords = ["requirements", "needs", "purchases"],
        },
        new(ClauseTypes.Exclusivity, "ex.exclusive-role", 0.7,
            [Exclusive + @"(?: (?:and|or) (?:sole|only))?,? (?:worldwide |global |national |authorized |independent |online |retail |third[-\s]party |marketing |sales )?(?:distributors?|distribution|suppliers?|supply|providers?|resellers?|agents?|agency|licensees?|sources?|manufacturers?|sponsors?|partners?|sellers?|vendors?|representatives?|dealers?|brokers?|retailers?|marketers?|purchasers?|buyers?|customers?|promot\w+|sales)\b|\bsole (?:and exclusive )?(?:distributor|supplier|source|provider|agent|reseller|licensee|manufacturer|sponsor)\b"])
        {
            Keywords = ["exclusive", "sole"],
            Exclusions = s_notExclusiveDealing,
        },
        new(ClauseTypes.Exclusivity, "ex.exclusive-right", 0.6,
            [Exclusive + @"(?: ?\([^)]{0,80}\))?,? (?:(?:royalty[-\s]bearing|royalty[-\s]free|fully paid[-\s]up|irrevocable|perpetual|worldwide|sublicensable|sublicenseable|non[-\s]transferable|limited|paid[-\s]up|\([^)]{0,80}\)|)[,\s]+){0,5}(?:rights?|licen[cs]es?|basis|option|territor\w+|arrangement|relationship)\b|\bexclusivity\b|\b(?:shall|will) be exclusive\b"])
        {
            Keywords = ["exclusiv"],
            Exclusions = s_notExclusiveDealing,
        },
        new(ClauseTypes.Exclusivity, "ex.deal-exclusively", 0.55,
            [@"\b(?:purchase|order|buy|obtain|source|supply|sell|distribute|market|negotiate|deal)\w*\b[^.;]{0,30}\bexclusively\b|\bexclusively (?:from|through|with) (?:the )?[a-z]+"])
        {
            Keywords = ["exclusively"],
            Exclusions = [.. s_notExclusiveDealing, @"\b(?:owned|belong\w*|vest\w*|inure\w*|used|use|governed|subject|limited) (?:solely and )?exclusively\b|\bexclusively (?:for (?:the )?(?:purposes?|use)|in (?:the )?(?:state |federal )?courts?|governed|licensed|within the (?:jurisdiction|courts?))|\bsolely and exclusively (?:to|for|in)\b"],
        },
        new(ClauseTypes.Exclusivity, "ex.no-grant-to-others", 0.8,
            [@"\bnot\b" + Near + @"\b(?:grant|licen[cs]e|appoint|authori[sz]e|permit|enable)\w*\b" + Within + @"\b(?:anyone|any(?: other)? (?:person|party|entity|third party|company)) other than\b|\bnot\b" + Within + @"\b(?:for|to|with|of) any other (?:provider|supplier|compan(?:y|ies)|manufacturer|sponsor|advertiser|distributor|vendor|retailer)s?\b"])
        {
            Keywords = ["other than", "any other"],
        },
        new(ClauseTypes.Exclusivity, "ex.no-other-source", 0.85,
            [@"\b(?:shall|will|may) not\b" + Within + @"\b(?:purchase|obtain|buy|source|procure|acquire|order)\b" + Near + @"\bfrom (?:any )?(?:third part(?:y|ies)|other (?:persons?|suppliers?|sources?|vendors?|manufacturers?|entit(?:y|ies)|compan(?:y|ies))|any(?:one| \w+)? other than)"])
        {
            Keywords = ["not"],
        },
        new(ClauseTypes.Exclusivity, "ex.no-other-appointment", 0.85,
            [@"\bnot\b" + Near + @"\b(?:appoint|authori[sz]e|engage|grant)\w*\b" + Near + @"\b(?:other|additional|third[-\s]party|another) (?:distributors?|agents?|resellers?|licensees?|representatives?|suppliers?|dealers?|sponsors?)\b"])
        {
            Keywords = ["not"],
        },
        // No other deal of the kind with anyone else ("IMPCO shall not enter into any other Joint Venture Agreement or
        // Marketing/Distribution Agreement, with any company or person(s) in the Territory"). Not the usual promise that
        // no other agreement conflicts with this one.
        new(ClauseTypes.Exclusivity, "ex.no-other-agreement", 0.7,
            [@"\b(?:shall|will|may) not (?:directly or indirectly )?enter into any (?:other )?(?:[\w/-]+ ){0,4}(?:agreements?|arrangements?|contracts?|relationships?)\b[^.;]{0,120}\bwith any (?:other )?(?:company|person|third|provider|entity|party|competitor|supplier|distributor|manufacturer)"])
        {
            Keywords = ["enter into"],
            Exclusions = [@"\b(?:conflict\w*|inconsistent|violat\w*|breach\w*|impair\w*|restrict\w*|prevent\w*)\b"],
        },
        new(ClauseTypes.Exclusivity, "ex.only-role", 0.6,
            [@"\b(?:the|its) only (?:distributor|supplier|provider|reseller|agent|licensee|source|manufacturer|sponsor)\b"])
        {
            Keywords = ["only"],
        },

        // ---- termination_for_convenience ---------------------------------------------------------------
        new(ClauseTypes.TerminationForConvenience, "tfc.without-cause", 0.85,
            [TerminationRight + @"\b(?:terminat\w*|cancel\w*|withdraw\w*)\b" + Within + WithoutCause + @"|\b(?:for (?:its |their )?convenience|without cause)\b" + Near + @"\b(?:terminat\w*|cancel\w*)\b"])
        {
            Keywords = ["convenience", "without cause", "any reason", "no reason", "without reason", "any or no"],
            Exclusions = [@"\b(?:may|shall|can) not be terminated\b|\bnot (?:be )?(?:entitled|permitted|allowed) to terminate", @"\bif\b" + Near + @"\bdetermin\w*\b" + Near + @"\bdiscretion"],
        },
        new(ClauseTypes.TerminationForConvenience, "tfc.sole-discretion", 0.65,
            [TerminationRight + @"\b(?:terminat\w*|cancel\w*|withdraw\w*)\b" + Within + @"\b(?:at|in) (?:its|their) (?:sole )?(?:and absolute )?discretion\b|\b(?:at|in) (?:its|their) (?:sole )?(?:and absolute )?discretion,? (?:at any time,? )?(?:terminate|cancel)"])
        {
            Keywords = ["discretion"],
            Exclusions = [@"\b(?:if|in the event|upon the occurrence|unless|breach\w*|default\w*|fails?|failure|unable|delay\w*|force majeure)\b"],
        },
        new(ClauseTypes.TerminationForConvenience, "tfc.on-notice", 0.75,
            [@"\bterminat\w*|\bcancel\w*", @"\b(?:days?|months?|weeks?|years?)\W{0,3}(?:\)\W{0,3})?(?:prior |advance |written |prior written |advance written )*(?:notice|notification)\b|\bnotice (?:period )?of (?:at least |not less than )?" + Near + @"\b(?:days?|months?)\b",
             TerminationRight + @"\b(?:terminat\w*|cancel\w*)|\b(?:may be|be) terminated\b|\buntil terminated\b|\bterminated by (?:either|any|each) party"])
        {
            Keywords = ["notice", "notification"],
            Exclusions = [@"\b(?:breach\w*|default\w*|fails?|failure|insolven\w*|bankrupt\w*|receiver|violat\w*|force majeure|change (?:of|in) control|if|in the event|upon the occurrence|unless|cure\w*|renew\w*|expir\w*|non[-\s]?renewal|mutual\w*)\b", @"\b(?:may|shall|can) not be terminated\b"],
        },
        // An item of a list whose lead-in holds the right to terminate ("Owner may terminate this Agreement ... upon any
        // of the following: ... (e) Without cause on no less than seven (7) days prior written notice"; "(ii) at any
        // other time upon ninety (90) days' prior written notice"). The item starts the span or follows a colon,
        // semicolon or comma.
        new(ClauseTypes.TerminationForConvenience, "tfc.list-item-on-notice", 0.75,
            [@"(?:^|[:;,] ?(?:or |and )?) ?(?:\(?[a-z0-9]{1,4}[.)]|[0-9]+(?:\.[0-9]+)+) (?:by (?:either|any|each) [^.;]{0,40}? )?(?:without cause|for (?:any|no) reason|for (?:its |their )?convenience|at any (?:other )?time (?:upon|on|by|with|after)|at the (?:option|election) of (?:either|any|each) party,? (?:upon|on|by|with))\b[^.;]{0,80}\b(?:notice|notification)\b" +
             @"|(?:^|[:;,] ?(?:or |and )?) ?(?:\(?[a-z0-9]{1,4}[.)]|[0-9]+(?:\.[0-9]+)+) (?![^.;]*\b(?:if|breach\w*|default\w*|fail\w*|insolven\w*|bankrupt\w*)\b)by (?:either|any|each|both)\b[^.;]{0,80}?\b(?:providing|giving)\b[^.;]{0,60}\b(?:notice|notification)\b"])
        {
            Keywords = ["notice", "notification"],
            Exclusions = [@"\b(?:may|shall|can) not be terminated\b|\bfor any reason other than\b"],
        },
        // Termination by any party on notice, phrased from the agreement's side ("may be terminated by any party on six
        // (6) months prior notice", "termination by either Party for any reason upon thirty (30) days' written notice").
        new(ClauseTypes.TerminationForConvenience, "tfc.by-any-party-on-notice", 0.75,
            [@"\bmay be terminated by (?:either|any|each) party (?:at any time )?(?:on|upon|by giving|by providing|with) (?:at least |not less than |no less than )?(?:\w+ )?(?:\(\d+\) )?(?:days?|months?|weeks?)\b" +
             @"|\b(?:either|any|each) party for any reason (?:upon|on|by giving|by providing|with) [^.;]{0,40}\bnotice\b" +
             @"|\bmay be terminated at any time\b[^.;]{0,40}\bby written notice\b[^.;]{0,40}\bby (?:either|any|each)\b"])
        {
            Keywords = ["terminat"],
            Exclusions = [@"\bif the other\b|\bbreach\w*|\bdefault\w*|\bin the event of termination\b", @"\b(?:may|shall|can) not be terminated\b"],
        },
        // A party's own decision to end the agreement, with no cause named ("shall end on the 60th day following a
        // written notice from one party to the other of its decision to terminate this Agreement").
        new(ClauseTypes.TerminationForConvenience, "tfc.decision-to-terminate", 0.7,
            [@"\bdecision to terminate\b|\bdecides to terminate\b"])
        {
            Keywords = ["to terminate"],
            Exclusions = [@"\b(?:breach\w*|default\w*|fails?|failure|insolven\w*|bankrupt\w*|force majeure)\b"],
        },
        new(ClauseTypes.TerminationForConvenience, "tfc.at-any-time-on-notice", 0.7,
            [@"\b(?:may|can|shall have the right to|has the right to|reserves the right to)(?:,? at (?:its|any) (?:option|time),?)? (?:at any time )?(?:terminate|cancel)\b" + Within + @"\b(?:notice|notifying|notification)\b"])
        {
            Keywords = ["terminat", "cancel"],
            Exclusions = [@"\b(?:breach\w*|default\w*|fails?|failure|insolven\w*|bankrupt\w*|receiver|violat\w*|force majeure|change (?:of|in) control|if\b|in the event|upon the occurrence|unless|cure|expir\w*)"],
        },

        // ---- liquidated_damages ------------------------------------------------------------------------
        new(ClauseTypes.LiquidatedDamages, "ld.liquidated-damages", 0.9, [@"\bliquidated damages?\b"]) { Keywords = ["liquidated"] },
        new(ClauseTypes.LiquidatedDamages, "ld.termination-fee", 0.7,
            [@"\b(?:early )?(?:termination|cancellation|break(?:[-\s]up)?|exit|kill) (?:fee|charge|penalty|payment)s?\b|\b(?:contract )?buy[-\s]?out (?:payment|fee|amount)s?\b|\bpayment penalt(?:y|ies)\b"])
        {
            Keywords = ["fee", "charge", "penalty", "payment"],
            Exclusions = [@"\bwithout (?:any |the payment of any )?(?:early )?(?:termination )?(?:fee|charge|penalty)|\bnot be liable for any termination|\blease termination\b"],
        },
        // A fixed sum owed for a breach ("In case of violation of this article, the Party shall pay to the other Party an
        // equivalent of eighteen (18) months gross salary").
        new(ClauseTypes.LiquidatedDamages, "ld.sum-for-violation", 0.7,
            [@"\b(?:violat\w*|breach\w*)\b(?:[^.;]|\.(?=\d)){0,150}\bshall\b[^.;]{0,80}\bpay\b[^.;]{0,80}\b(?:an amount equal to|the sum of|a sum equal to|an equivalent of)\b"])
        {
            Keywords = ["pay"],
        },
        // A set sum for each breach: "Party B shall pay ... performance bond at RMB5,000 per violation".
        new(ClauseTypes.LiquidatedDamages, "ld.sum-per-violation", 0.7,
            [@"(?:\b(?:RMB|USD|EUR|dollars?|euros?)|[$€£])[^.;]{0,40}\b(?:per|for each|each) (?:violation|breach|infraction|offen[cs]e)\b|\bimpose (?:a|the) (?:penalty|fine) of\b"])
        {
            Keywords = ["violation", "breach", "infraction", "offen", "penalty", "fine"],
        },
        new(ClauseTypes.LiquidatedDamages, "ld.not-a-penalty", 0.8,
            [@"\b(?:not (?:as )?a penalty|pre[-\s]?estimat\w*|genuine (?:pre[-\s]?)?estimate|reasonable estimate of (?:the )?damages)"])
        {
            Keywords = ["penalty", "estimat"],
        },

        // ---- price_restriction -------------------------------------------------------------------------
        new(ClauseTypes.PriceRestriction, "pr.may-not-increase", 0.7,
            [@"\b(?:prices?|pricing|rates?|fees?|charges?|payment schedule)\b" + PriceSubjectGap + @"(?:shall|will|may|can) not (?:be )?(?:increased?|raised?|changed?|adjusted|decreased?|reduced?|lowered?|rise)\b|\b(?:shall|will|may|can) not (?:increase|raise|change|adjust|decrease|reduce|lower|discount)" + PriceObjectGap + @"(?:prices?|pricing|rates?|fees?|charges?|payment schedule)\b|\bno (?:price )?increases? (?:in|to|of) (?:the )?(?:prices?|pricing|rates?|fees?)\b|\b(?:shall|will|may) not (?:sell|resell|offer|advertise)\b" + Within + @"\b(?:below|less than|lower than) (?:the )?(?:minimum |suggested |list |agreed )?(?:resale )?(?:prices?|pricing)"])
        {
            Keywords = ["not", "no "],
        },
        new(ClauseTypes.PriceRestriction, "pr.fixed-price", 0.6,
            [@"\b(?:prices?|pricing|rates?)\b" + Near + @"\b(?:shall|will) (?:be|remain) (?:fixed|firm|unchanged)\b" + Near + @"\b(?:for|during|throughout|until)\b|\b(?:prices?|pricing|rates?)\b" + Near + @"\bfixed (?:for|during|throughout) (?:the )?(?:term|initial term|first)\b"])
        {
            Keywords = ["fixed", "firm", "unchanged"],
        },
        new(ClauseTypes.PriceRestriction, "pr.capped-increase", 0.7,
            [@"\b(?:prices?|pricing|rates?|fees?)\b", @"\b(?:increas\w*|adjustments?)\b" + Near + @"\b(?:not (?:to )?exceed|no more than|not more than|more than once|only once|(?<!\bnot )limited to|capped at)\b|\b(?:not (?:to )?exceed|no more than|not more than|(?<!\bnot )limited to)\b" + Near + @"\bincrease"])
        {
            Keywords = ["increas", "adjustment"],
        },

        // A yearly adjustment capped in percent needs no price word: "renew maintenance ... subject to adjustments
        // proposed by Netzee not to exceed 5%".
        new(ClauseTypes.PriceRestriction, "pr.percent-capped-adjustment", 0.7,
            [@"\b(?:adjustments?|increases?)\b" + Near + @"\b(?:not (?:to )?exceed|no more than|not more than)\b[^.;]{0,40}(?:%|\bpercent\b)"])
        {
            Keywords = ["exceed", "more than"],
        },

        // ---- most_favored_nation -----------------------------------------------------------------------
        new(ClauseTypes.MostFavoredNation, "mfn.most-favored", 0.95,
            [@"\bmost[-\s]favou?red[-\s](?:nation|customer|licensee|pricing|price|terms|status|distributor)|\bmost favou?rable (?:prices?|pricing|terms|rates?|treatment|conditions)\b"])
        {
            Keywords = ["most"],
            Exclusions = s_notMostFavored,
        },
        new(ClauseTypes.MostFavoredNation, "mfn.no-less-favorable", 0.85,
            [@"\b(?:no|not|never)(?: be)? less favou?rabl[ey]\b|\bat least as favou?rabl[ey]\b|\bas favou?rable as\b|\bbetter (?:prices?|pricing|terms|rates?)\b|\bmore favou?rable\b" + Near + @"\bthan\b", @"\b(?:any|other|all|third|situated|comparable)\b" + Near + @"\b(?:customers?|distributors?|licensees?|resellers?|purchasers?|buyers?|clients?|users?|part(?:y|ies)|dealers?|agents?|persons?|entit(?:y|ies)|licensors?|suppliers?)\b|\bthan (?:those|that|the (?:prices?|terms|rates?)) (?:prices? |terms |rates? )?(?:at which|offered|granted|charged|provided|extended|given|in effect)\b"])
        {
            Keywords = ["favo", "better"],
            Exclusions = s_notMostFavored,
        },
        new(ClauseTypes.MostFavoredNation, "mfn.lowest-price", 0.85,
            [@"\b(?:lowest|best|lower) (?:net )?(?:prices?|pricing|rates?|fees?)\b" + Far + @"\b(?:any other|other (?:customers?|distributors?|licensees?|resellers?|purchasers?)|(?:charged|offered|sold) to others|any third part|similarly situated|comparable)"])
        {
            Keywords = ["lowest", "best", "lower"],
        },
        // The payee's side of the same promise: "increase the rate ... up to the highest then-current rate paid by
        // Company to any such quarterback", "a royalty no lower than the highest royalty paid to any other licensor".
        new(ClauseTypes.MostFavoredNation, "mfn.highest-rate-paid", 0.8,
            [@"\b(?:highest|higher) (?:then[-\s]current )?(?:rates?|royalt(?:y|ies)|fees?|remuneration|compensation|amounts?)\b" + Near + @"\b(?:paid|payable|granted|offered|given|provided)\b" + Near + @"\bto any (?:such|other|third)\b"])
        {
            Keywords = ["highest", "higher"],
        },

        // ---- revenue_sharing ---------------------------------------------------------------------------
        new(ClauseTypes.RevenueSharing, "rs.percent-of-revenue", 0.85,
            [@"(?:%|\bpercent\b|\bper cent\b)" + Near + @"\b(?:of|on) (?:the |all |its |such |any |each |their |your |our )?(?:[a-z0-9.&-]+(?:['’]s?)? ){0,2}(?:aggregate |cumulative |annual |monthly |quarterly |average |daily )*(?:net |gross |adjusted |realized )?(?:sales|revenues?|receipts|profits?|proceeds|income|margins?|billings|collections|turnover|assets|ebit(?:da)?|amounts? (?:received|collected|earned))\b|(?:\*\*+|\[\s?\*[\s*]*\])\W{0,3}of (?:the |all )?(?:net|gross|adjusted) (?:sales|revenues?|receipts|profits?|proceeds)\b"])
        {
            Keywords = ["%", "percent", "per cent", "*"],
            Exclusions = [@"\b(?:discount|interest rate|late (?:fee|payment)|per annum|voting|ownership|owns?|owned|equity capital|outstanding (?:shares|stock|securities))\b"],
        },
        // The share itself redacted in the filing: "[***] of Net Revenues", "[XXX] of CNET Sales".
        new(ClauseTypes.RevenueSharing, "rs.redacted-share", 0.7,
            [@"(?:\[[*x\s]+\]|\*{3,}|\bx{3,})\s*(?:percent|%)?\s*of (?:the |its |all |such )?(?:[A-Z][\w.]+['’]?s? ){0,2}(?:net |gross )?(?:sales|revenues?|receipts|profits?|income|proceeds)\b"])
        {
            Keywords = ["*", "xxx"],
        },
        // A fee that moves with the other party's sales: "six percent (6.0 %) of the purchase price of the Securities sold",
        // "a promotion fee based on annual Net Sales".
        new(ClauseTypes.RevenueSharing, "rs.fee-on-sales", 0.65,
            [@"(?:%|\bpercent)\)?\s*of (?:the )?(?:aggregate |gross |net |total )?(?:purchase |sales? |selling |retail )?(?:price|proceeds|amount) (?:of|for|received from) (?:the |all |each |any )?[\w ]{0,40}?\bsold\b" +
             @"|\b(?:fees?|commissions?|compensation)\b[^.;]{0,30}\bbased (?:up)?on (?:the )?(?:annual |quarterly |monthly )?(?:net |gross )?(?:sales|revenues?|receipts|profits?)\b"])
        {
            Keywords = ["sold", "based"],
        },
        new(ClauseTypes.RevenueSharing, "rs.royalty-on-sales", 0.75,
            [@"\broyalt(?:y|ies)\b" + Within + @"\b(?:net|gross|adjusted) (?:sales|revenues?|receipts|selling price|profits?)\b|\broyalty (?:rates?|of) (?:\[|[0-9]|\w+ percent)|\broyalt(?:y|ies)\b" + Within + @"\b(?:per|for each|each and every|on each|for every) (?:unit|copy|product|item|license)|\bon (?:all )?sales of\b" + Within + @"\broyalt(?:y|ies)\b"])
        {
            Keywords = ["royalt"],
        },
        new(ClauseTypes.RevenueSharing, "rs.share-revenue", 0.75,
            [@"\b(?:revenue|profit)[-\s]shar\w*|\bshar(?:e|ed|ing) (?:of )?(?:in )?(?:the |its |their |all )?(?:net |gross )?(?:revenues?|profits?|proceeds|margins?|income|fees|royalt\w+)\b|\bprofit participation\b|\bsplit (?:the )?(?:fees|revenues?|profits?|proceeds)|\b(?:fees|revenues?|profits?|proceeds)\b" + Near + @"\bsplit\b|\b(?:revenues?|profits?|proceeds)\b" + Near + @"\b(?:shall|will) be (?:shared|split|divided|allocated)\b|\bsplit (?:of )?(?:the )?(?:revenues?|profits?)"])
        {
            Keywords = ["shar", "split", "participation"],
            Exclusions = [@"\bprofit[-\s]sharing plan|\bequal share of the (?:fees|costs|expenses)|\bdo not contemplate\b|\bnot (?:be )?deemed\b" + Near + @"\bshar"],
        },
        new(ClauseTypes.RevenueSharing, "rs.share-of-fees-or-units", 0.6,
            [@"(?:%|\bpercent\b|\bper cent\b)" + Near + @"\bof (?:the |all |its |such |any |each |their )?(?:[a-z]+ )?(?:fees|billings|invoiced amounts?|(?:net |gross )?(?:wholesale|retail|selling|invoice) (?:price|prices|volume|value))\b|\$ ?[0-9][0-9.,]* per (?:unit|copy|item|package|product|subscriber|customer|transaction) (?:sold|shipped|distributed|delivered)\b|\b(?:profits?|loss(?:es)?|margins?)\b" + Near + @"\b(?:distributed|allocated|divided|split|shared) (?:equally )?(?:between|among)\b"])
        {
            Keywords = ["%", "percent", "per cent", "$", "profit", "loss", "margin"],
            Exclusions = [@"\b(?:interest|late|overdue|past due|discount\w*|tax\w*|insurance|liabilit\w*|damages)\b"],
        },
        new(ClauseTypes.RevenueSharing, "rs.commission", 0.7,
            [@"\bcommissions?\b" + Near + @"(?:%|\bpercent\b)|(?:%|\bpercent\b)" + Near + @"\bcommissions?\b"])
        {
            Keywords = ["commission"],
        },

        // ---- change_of_control -------------------------------------------------------------------------
        new(ClauseTypes.ChangeOfControl, "coc.change-of-control", 0.8,
            [@"\bchanges? (?:of|in) (?:the )?(?:(?:general |effective )?(?:management|organi[sz]ation|ownership|business|voting)(?: or| and|,)? ){0,4}(?:control|ownership)\b"])
        {
            Keywords = ["change"],
        },
        // A merger or sale of control counts when the contract attaches a consequence to it: a right to terminate, or
        // treating it as an assignment ("shall be considered an assignment", "a Transfer shall also be deemed to include a merger").
        new(ClauseTypes.ChangeOfControl, "coc.merger-consequence", 0.55,
            [@"\b(?:merger|merges?|consolidat\w+ (?:with|into|of)\b|consolidates?\b|reorgani[sz]ation|acquisition of (?:all|substantially all|a majority|more than)|sale of (?:all or )?substantially all|(?:majority|controlling) (?:interest|shareholding|ownership|of the (?:voting|outstanding))|majority of (?:the |its )?equity|beneficial owner\w* of (?:more than )?(?:fifty|50))", @"\bterminat\w*\b|\b(?:deemed|considered|treated as) (?:to be )?(?:an|a) (?:assignment|transfer)\b|\b(?:transfer|assignment)s? shall (?:also )?be deemed to include\b"])
        {
            Keywords = ["merge", "consolidat", "acquisition", "substantially all", "majority", "controlling", "beneficial"],
        },

        // ---- anti_assignment ---------------------------------------------------------------------------
        new(ClauseTypes.AntiAssignment, "aa.not-assign-without-consent", 0.9,
            [@"\b(?:assign\w*|transfer\w*|delegat\w*)\b", Consent])
        {
            Keywords = ["assign"],
        },
        new(ClauseTypes.AntiAssignment, "aa.may-not-assign", 0.8,
            [@"\b(?:shall|may|will|can)(?: not|not) (?:directly or indirectly )?(?:sell, )?(?:assign|be assigned|be assignable|transfer)\b|\b(?:no|neither) (?:party|\w+)(?: \w+)? (?:shall|may|will|can) (?:\w+ )?assign\b|\bassign\w*\b[^.;]{0,150}\b(?:null and void|void|of no (?:force|effect)|without (?:force or )?effect)\b|\bnot (?:be )?(?:[\w-]+,? (?:or )?){0,3}assignable\b|\bnon[-\s]?assignable\b|\b(?:purported|attempted) assignment\b" +
              @"|\b(?:no|neither) (?:party|\w+)(?: [\w,]+){0,8}? (?:(?:shall|may|will|can) have|has) (?:the|any) right to (?:[\w,]+ ){0,6}assign\b" +
              @"|\b(?:no|neither) (?:party|\w+)(?: [\w,]+){0,8}? (?:shall|may|will|can)(?: in any way| directly or indirectly| otherwise)? (?:(?:sell|transfer|pledge|convey|delegate|sublicense|encumber|alienate)(?:,| or|, or) )+assign\b" +
              @"|\b(?:shall|may|will|can)(?: not|not)(?: in any way| directly or indirectly| otherwise)? (?:(?:sell|transfer|pledge|convey|delegate|sublicense|encumber|alienate|modify|amend)(?:,| or|, or) )+(?:assign|be assigned)\b" +
              @"|\bmay not be (?:\w+ or )?assigned\b|\b(?:cannot|can not) be (?:\w+ or )?(?:assigned|transferred)\b|\bterminat\w* (?:automatically )?(?:upon|in the event of) (?:its|an?|any) ""?assignment\b" +
              @"|\bterminat\w* (?:automatically )?(?:upon|in the event|if)(?: that)? (?:this|the|such|any) (?:\w+ )?agreement is (?:assigned|transferred)\b"])
        {
            Keywords = ["assign"],
        },

        // ---- cap_on_liability --------------------------------------------------------------------------
        new(ClauseTypes.CapOnLiability, "cap.shall-not-exceed", 0.9,
            [@"\bliabilit(?:y|ies)\b|\bliable\b", @"\b(?:shall|will|may|to) (?:not |in no event |under no circumstances )?(?:exceed|be limited to|be capped at|not exceed)\b|\blimited to (?:the )?(?:amount|fees|sums|total|aggregate|purchase price|price|direct damages|\$)|\b(?:maximum|aggregate|total|cumulative) (?:aggregate )?liability\b|\bin no event\b" + Far + @"\bexceed\b"])
        {
            Keywords = ["liab"],
        },
        // A time limit on claims limits liability too, and CUAD labels it so ("No action ... may be brought by either
        // party more than one (1) year after the cause of action has arisen").
        new(ClauseTypes.CapOnLiability, "cap.claims-time-limit", 0.7,
            [@"\b(?:action|claim|suit|proceeding)s?\b[^.;]{0,200}\b(?:may|must|shall) be (?:brought|commenced|instituted|filed)\b[^.;]{0,80}\b(?:more than|within|after)\b[^.;]{0,40}\b(?:years?|months?)\b"])
        {
            Keywords = ["brought", "commenced", "instituted", "filed"],
        },
        // A sole or exclusive remedy limits what can be recovered to that remedy.
        new(ClauseTypes.CapOnLiability, "cap.sole-remedy", 0.75,
            [@"\b(?:sole|exclusive) (?:and exclusive )?remed(?:y|ies)\b"])
        {
            Keywords = ["remed"],
            Exclusions = [@"\bnot (?:be )?(?:construed as )?(?:the|an?|its) (?:sole|exclusive)|\bnon-?exclusive remed|\bin addition to\b|\bcumulative\b"],
        },
        new(ClauseTypes.CapOnLiability, "cap.no-consequential", 0.9,
            [@"\b(?:liable|liability|responsible)\b" + Far + @"\b(?:indirect|consequential|special|incidental|punitive|exemplary)\b|\b(?:indirect|consequential|special|incidental|punitive|exemplary)\b" + Far + @"\b(?:liable|liability)\b", @"\b(?:in no event|under no circumstances|not be liable|no liability|not liable|no party|neither|none of|(?:not|no) (?:have|bear) (?:any )?liabilit\w*|have any liability|shall not be responsible|disclaims?|waives?|excluded)\b"])
        {
            Keywords = ["consequential", "incidental", "indirect", "punitive", "special"],
        },
        new(ClauseTypes.CapOnLiability, "cap.claim-time-limit", 0.6,
            [@"\b(?:action|claim|suit|proceeding)s?\b" + Within + @"\b(?:may|shall|can) be (?:brought|commenced|filed|instituted|asserted)\b" + Within + @"\b(?:more than|after|later than|within)\b" + Near + @"\b(?:years?|months?|days?)\b"])
        {
            Keywords = ["brought", "commenced", "filed", "instituted", "asserted"],
        },

        // ---- uncapped_liability ------------------------------------------------------------------------
        new(ClauseTypes.UncappedLiability, "unc.shall-not-apply", 0.7,
            [@"\b(?:limitations?|exclusions?|caps?|disclaimers?) (?:of|on) (?:liability|damages)\b|\b(?:foregoing|this|these|such|above|preceding) (?:limitations?|exclusions?|caps?)\b|\b(?:limitations?|exclusions?) (?:of liability )?(?:set forth |contained )?(?:in|under) (?:this )?(?:section|article|clause|paragraph)|\bnothing in this (?:section|article|agreement|clause)\b" + Far + @"\b(?:limit|exclude|restrict)",
             @"\b(?:shall|will|do|does) not apply\b|\b(?:shall be|are|is) inapplicable\b|\bshall not (?:limit|restrict|exclude)\b|\bnot (?:intended to )?(?:limit|restrict|exclude)\b|\bnothing in this",
             @"\b(?:liabilit\w*|liable|damages)\b",
             Carveouts])
        {
            Keywords = ["apply", "inapplicable", "nothing in", "limit"],
        },
        new(ClauseTypes.UncappedLiability, "unc.except-for-before-cap", 0.75,
            [@"^\W{0,3}(?:[0-9.()a-z]{1,6}\s+)?(?:[A-Z][A-Za-z\s]{0,40}\.\s+)?(?:except|excluding|other than|save|with the exception of)\b",
             @"\b(?:not be liable|no liability|have any liability|in no event|not exceed|limited to|consequential|incidental|indirect|punitive|maximum liability|aggregate liability|total liability)\b",
             Carveouts])
        {
            Keywords = ["except", "excluding", "other than", "save", "exception"],
            Exclusions = [@"\bexcept as (?:otherwise )?(?:expressly )?(?:provided|set forth|stated|required)\b"],
        },
        new(ClauseTypes.UncappedLiability, "unc.unlimited", 0.85, [@"\bunlimited liability\b(?! compan)|\bliability\b" + Near + @"\bshall be unlimited\b|\bwaives? any (?:and all )?(?:limitations?|liability caps?)"]) { Keywords = ["unlimited", "waive"] },

        // ---- renewal_term ------------------------------------------------------------------------------
        new(ClauseTypes.RenewalTerm, "ren.automatic", 0.9,
            [@"\bautomatic(?:ally)?(?: and successively)? (?:be )?(?:renew\w*|extend\w*)\b|\bauto[-\s]?renew\w*|\bevergreen\b|\bautomatic (?:\w+ )?(?:renewals?|extensions?)\b|\b(?:renew\w*|extend\w*|continue\w*) automatically\b|\bautomatically (?:continue|be continued)\b|\btacit(?:ly)? renew\w*|\brenewed tacitly\b"])
        {
            Keywords = ["automatic", "auto", "evergreen", "tacit"],
            Exclusions = [@"\b(?:do|does|shall|will|did) not (?:automatically )?(?:renew|extend)"],
        },
        new(ClauseTypes.RenewalTerm, "ren.successive-periods", 0.8,
            [@"\b(?:renew\w*|extend\w*|extension)\b" + Within + @"\b(?:successive|additional|consecutive|further|subsequent)\b" + Near + @"\b(?:years?|months?|periods?|terms?)\b"])
        {
            Keywords = ["renew", "extend", "extension"],
            Exclusions = s_notRenewal,
        },
        new(ClauseTypes.RenewalTerm, "ren.year-to-year", 0.8,
            [@"\b(?:from )?(?:year|month)[-\s]to[-\s](?:year|month)\b", @"\b(?:continue\w*|renew\w*|extend\w*|thereafter|after that)\b"])
        {
            Keywords = ["to year", "to month", "to-year", "to-month"],
            Exclusions = s_notRenewal,
        },
        new(ClauseTypes.RenewalTerm, "ren.renewal-term", 0.6,
            [@"\b(?:renewal|extension) (?:terms?|periods?)\b|\b(?:option|right) to (?:renew|extend|continue)\b|\bmay,? (?:at its (?:sole )?option,? )?renew (?:this|the) (?:agreement|contract|term)\b|\bmay be (?:renewed|extended) for (?:an? |one |two )?(?:additional|further|another|subsequent)\b|\brenewable for\b"])
        {
            Keywords = ["renew", "extension", "option to", "right to"],
            Exclusions = [.. s_notRenewal, @"\bhas the meaning\b|\bas defined in\b"],
        },

        // ---- governing_law -----------------------------------------------------------------------------
        new(ClauseTypes.GoverningLaw, "gl.governed-by", 0.95,
            [@"\bgoverned\b" + Within + @"\blaws?\b|\b(?:construed|interpreted|enforced|determined|applied)\b" + Within + @"\b(?:in accordance with|under|by|according to|pursuant to) (?:the )?(?:internal )?(?:substantive )?laws?\b|\blaws? of\b" + Within + @"\b(?:(?:shall|will) )?(?:govern|governs|apply|applies|control|controls)\b"])
        {
            Keywords = ["law"],
        },

        // ---- non_compete -------------------------------------------------------------------------------
        new(ClauseTypes.NonCompete, "nc.non-compete", 0.7,
            [@"\bnon[-\s]?compet\w*|\bcovenants? not to compete\b|\bnot (?:to )?compete\b|\b(?:shall|will|may) not\b" + Within + @"\bcompete\b"])
        {
            Keywords = ["compet"],
            Exclusions = s_notNonCompete,
        },
        new(ClauseTypes.NonCompete, "nc.no-competing-business", 0.7,
            [@"\b(?:shall|will|may|agrees?(?: that it will)?|covenants?)(?: not|not)\b" + Within + @"\b(?:engage|participate|invest|develop|manufacture|sell|market|distribute|commerciali[sz]e|promote|license|offer|own|operate|provide|advertise|conduct|research|exploit|authori[sz]e)\w*\b" + Within + @"\b(?:compet\w+|similar|substitut\w+)\b"])
        {
            Keywords = ["compet", "similar", "substitut"],
            Exclusions = s_notNonCompete,
        },

        // ---- rofr --------------------------------------------------------------------------------------
        new(ClauseTypes.Rofr, "rofr.first-refusal", 0.9,
            [@"\b(?:rights? of first (?:refusal|offer|negotiation|opportunity)|first (?:right|option) (?:of|to) (?:refusal|offer|negotiat\w*|purchase|acquire|match)|rights? of first)"])
        {
            Keywords = ["first"],
        },
        new(ClauseTypes.Rofr, "rofr.first-right", 0.75,
            [@"\b(?:exclusive )?(?:option|right) to negotiate\b|\bfirst (?:right|option|opportunity|consideration)\b|\bpreferential right\b|\bshall first (?:make an )?offer\b|\bright to (?:match|meet) (?:any|such|the)\b"])
        {
            Keywords = ["negotiate", "first", "preferential", "match", "meet"],
        },
        new(ClauseTypes.Rofr, "rofr.first-offer", 0.75,
            [@"\b(?:shall )?(?:first )?(?:offer|present|notify|negotiate)\w*\b" + Within + @"\bbefore (?:offering|selling|negotiating|entering|granting|licensing)\b|\bright to match\b|\bmatch (?:such|the|any) (?:offer|terms|bid)\b|\bexclusive (?:right|period) to negotiate\b"])
        {
            Keywords = ["before", "match", "negotiate"],
        },

        // ---- post_termination_services -----------------------------------------------------------------
        new(ClauseTypes.PostTerminationServices, "pts.sell-off", 0.75,
            [@"\bsell[-\s]?off\b|\bsell[-\s]?through period\b|\blast[-\s]time (?:buy|order|purchase)\b|\bwind[-\s]?(?:down|up) (?:period|services|activities)\b|\btransition(?:al)? (?:services?|assistance|period|plan)\b|\bdispose of\b" + Within + @"\b(?:inventory|stock|on hand)\b"])
        {
            Keywords = ["sell", "last", "wind", "transition", "dispose"],
            Exclusions = [@"\btransition services agreement\b|\b(?:shall|will|may) not (?:sell|transfer|dispose)|\bin the event (?:any )?[a-z ]{0,20}expires\b"],
        },
        new(ClauseTypes.PostTerminationServices, "pts.upon-termination-shall", 0.55,
            [@"\b(?:upon|after|following|on|in the event of)(?: the)? (?:any )?(?:expiration or (?:earlier )?)?(?:effective date of )?(?:termination|expiration|expiry)(?: or (?:earlier )?(?:expiration|termination|expiry))?\b" + Within + @"\b(?:shall|will|must|agrees? to|may)(?: promptly| immediately)? (?:deliver|return|cooperate|furnish|pay|continue|purchase|buy|provide|assist|liquidate|sell|repurchase|transfer|allow)\b"])
        {
            Keywords = ["termination", "expiration", "expiry"],
            Exclusions = [@"\b(?:shall|will) (?:immediately )?(?:terminate|cease)\b" + Near + @"\band\b" + Near + @"\bno\b|\bsurvive\b"],
        },
        new(ClauseTypes.PostTerminationServices, "pts.after-termination-obligation", 0.65,
            [@"\b(?:after|following|upon|subsequent to|on|in the event of|for (?:a period of )?[^.;]{0,30} (?:after|following))(?: the)? (?:any )?(?:effective date of )?(?:expiration|expiry|termination|cancellation)\b",
             @"\b(?:continue to (?:provide|supply|sell|support|perform|service|honor|fill|deliver|pay|make available|maintain)|transition|wind[-\s]?down|return (?:or destroy )?(?:to [^.;]{0,30})?(?:all |any )?(?:confidential|materials|documents|property|copies|records|data|inventory)|purchase (?:all |any )?(?:of )?(?:the )?(?:remaining |unsold |existing )?(?:inventory|stock|products on hand)|repurchase|(?:fill|complete|honou?r) (?:all |any )?(?:outstanding |pending |accepted )?(?:purchase )?orders|maintain (?:its )?(?:books|records)|(?:books|records)\b[^.;]{0,60}\b(?:retain|keep|maintain|preserve)|audit)"])
        {
            Keywords = ["expiration", "expiry", "termination", "cancellation"],
        },

        // ---- financing: equity_investment --------------------------------------------------------------
        new(ClauseTypes.EquityInvestment, "eq.invest-in", 0.85,
            [@"\b(?:shall|will|agrees? to|has agreed to|committed to|intends to)(?: [a-z]+ly)? (?:invest|make an (?:equity )?investment)\b|\bequity investment\b|\binvest(?:ment of)? (?:up to )?(?:an aggregate of )?(?:US)?\$ ?[0-9]"])
        {
            Keywords = ["invest"],
        },
        new(ClauseTypes.EquityInvestment, "eq.purchase-shares", 0.7,
            [@"\b(?:shall|will|agrees? to|has agreed to|commits? to)(?: [a-z]+ly)? (?:purchase|subscribe for|acquire|buy)\b" + Near + @"\b(?:shares|stock|preferred|common stock|equity interests?|membership interests?)\b",
             @"(?:\$|US\$|USD|€|£|\[\s?\*|\b[0-9][0-9,]* (?:shares|units)\b|\bmillion\b|\bbillion\b)"])
        {
            Keywords = ["shares", "stock", "equity", "interest"],
            Exclusions = [@"\bwarrants?\b", @"\boptions? to purchase\b", @"\b(?:transferor|transferee|offered|right of first|tender|exchange offer)\b"],
        },

        // ---- financing: warrant ------------------------------------------------------------------------
        new(ClauseTypes.Warrant, "war.warrant-to-purchase", 0.9,
            [@"\bwarrants? (?:to (?:purchase|acquire|subscribe for)\b|exercisable (?:for|into)|for the purchase of|(?:covering|representing) )|\b(?:issue|grant|deliver)\w*\b" + Near + @"\bwarrants?\b" + Near + @"\b(?:shares|stock|units)\b"])
        {
            Keywords = ["warrant"],
        },

        // ---- financing: backstop -----------------------------------------------------------------------
        new(ClauseTypes.Backstop, "bs.backstop", 0.9, [@"\bback[-\s]?stop\w*"]) { Keywords = ["backstop", "back-stop", "back stop"] },
        new(ClauseTypes.Backstop, "bs.buy-unsold", 0.85,
            [@"\b(?:purchase|buy|take|acquire|absorb|pay for)\b" + Near + @"\b(?:unsold|unused|unsubscribed|unutili[sz]ed|uncontracted|unallocated|remaining unsold|excess) (?:capacity|compute|shares|units|inventory|hours|portion)\b"])
        {
            Keywords = ["unsold", "unused", "unsubscribed", "unutili", "uncontracted", "unallocated", "excess"],
        },

        // ---- financing: sale-leaseback -----------------------------------------------------------------
        // The buyer pays cash for an asset (a data centre, a GPU fleet) that the seller keeps using as lessee.
        new(ClauseTypes.SaleLeaseback, "slb.sale-leaseback", 0.9, [@"\bsale[-\s]+(?:and[-\s]+)?lease[-\s]?back\b|\blease[-\s]?back (?:transaction|arrangement|agreement|financing)\b"])
        {
            Keywords = ["leaseback", "lease-back", "lease back"],
        },
        new(ClauseTypes.SaleLeaseback, "slb.sell-and-lease-back", 0.85,
            [@"\b(?:sell|sells|sold|sale of)\b[^;]{0,160}\band (?:then )?(?:lease|leases|leased|lease it|lease them)\b[^;]{0,60}\bback\b"])
        {
            Keywords = ["lease"],
        },

        // ---- financing: prepayment ---------------------------------------------------------------------
        new(ClauseTypes.Prepayment, "pre.prepay", 0.7,
            [@"\bpre[-\s]?pa(?:y|id|ys|yment|yments)\b|\badvance payments?\b|\bpayment in advance\b|\bup[-\s]?front (?:payment|fee)s?\b|\bdown payment\b"])
        {
            Keywords = ["pay", "paid", "upfront", "up-front"],
            Exclusions = [@"\bpostage\b|\bprepaid (?:by )?(?:mail|first[-\s]class|registered|certified|courier|freight|shipping)\b|\bfreight prepaid\b"],
        },

        // ---- financing: loan ---------------------------------------------------------------------------
        new(ClauseTypes.Loan, "loan.loan", 0.7,
            [@"\b(?:make|makes|extend|extends|provide|provides|grant|grants|advance|advances|borrow\w*|repay\w*)\b" + Near + @"\b(?:loans?|credit facilit(?:y|ies))\b|\b(?:loan agreement|credit agreement|credit facilit(?:y|ies)|revolving (?:credit|loan)|term loan|promissory notes?|credit support|letters? of credit|guarantee (?:of )?(?:the |its |all )?(?:payment |performance )?obligations|guarantor)\b|\blend(?:s)? (?:to|up to)\b"])
        {
            Keywords = ["loan", "credit", "promissory", "guarant", "lend"],
            Exclusions = [@"\bsavings and loan\b|\bhome loan bank\b"],
        },
    ];
}
