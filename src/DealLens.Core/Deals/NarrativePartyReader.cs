using System.Text.RegularExpressions;
using DealLens.Core.Documents;
using DealLens.Core.Text;

namespace DealLens.Core.Deals;

/// <summary>
/// Reads the parties of a filing's or press release's deal sentences. The filer speaks as "the Company", "we" or
/// its short name (<see cref="DocumentOrigin.Resolve"/>); its counterparties are the companies named after "with",
/// "from", "among", "between" or "by" in a sentence about a deal, and the subjects of deal verbs ("Google
/// backstops ..."). Roles come from the sentence's grammar, not from who is named first: the subject of "an
/// agreement with Y to provide" provides, "Y will pay X" makes Y the customer, "X will supply Y with" makes X the
/// provider, "leased ... from Y" makes Y the landlord, and a lease "at its campus" is granted by the campus's owner.
/// </summary>
internal static class NarrativePartyReader
{
    private const RegexOptions Options = NumberWords.Options;
    private const string Name = CompanyNamePattern.Name;

    // The filer's own words; a name is resolved through the document's defined terms afterwards.
    private const string Self = @"(?:[Tt]he[ \t\n]+(?:Company|Registrant|Group|Corporation|Partnership|company)|[Ww]e|[Oo]ur|[Uu]s)\b";
    private const string Party = @"(?:" + Self + "|" + Name + ")";
    private const int MaxParties = 12;

    private static readonly Regex s_dealCue = new(
        @"\b(?:agreements?|contracts?|leases?|leased|deal|partnership|joint[ ]venture|arrangements?|hosting|colocation|financing|facility|notes|warrants?|backstops?|guarantee[sd]?|guaranty" +
        @"|invest(?:s|ed|ment|ing)?|acquire[sd]?|acquisition|purchase[sd]?|commitments?|entered[ ]into|signed|executed|supply|provide[sd]?|customers?|tenants?|collaboration|alliance)\b",
        Options | RegexOptions.IgnoreCase,
        NumberWords.MatchTimeout);

    private static readonly Regex s_trigger = new(
        @"\b(?:with|from|among|between|by|including|acquire|acquired|acquisition[ ]of|(?:shares|equity|interests?|stake)[ ]in)\b", Options, NumberWords.MatchTimeout);

    // "X will supply Y with GPU platforms": after "supply/provide/equip Y with" comes the thing supplied, not a party.
    private static readonly Regex s_suppliedWithBefore = new(
        @"\b(?:suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)|equip(?:s|ped|ping)?|furnish(?:es|ed|ing)?)[ \t\n]+(?:the[ \t\n]+)?" + Party + @"[ \t\n]+$",
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_selfAt = new(@"\G" + Self, Options, NumberWords.MatchTimeout);
    private static readonly Regex s_nameAt = new(@"\G(?<name>" + Name + ")", Options, NumberWords.MatchTimeout);
    private static readonly Regex s_fillerAt = new(
        @"\G(?:[ \t\n]+|the[ \t\n]+|(?:its|their)[ \t\n]+(?:affiliates?|subsidiar(?:y|ies)|parent)[ \t\n]+|funds[ \t\n]+managed[ \t\n]+by[ \t\n]+)", Options, NumberWords.MatchTimeout);
    private static readonly Regex s_parenAt = new(@"\G[ \t\n]*\((?<inner>[^()]{0,150})\)", Options, NumberWords.MatchTimeout);
    private static readonly Regex s_capacityAt = new(
        @"\G,?[ \t\n]*(?:(?:acting[ ])?as|in[ ]its[ ]capacity[ ]as)[ \t\n]+(?:the[ \t\n]+)?(?<as>[A-Za-z][A-Za-z -]{1,40}?)(?=[,;.)]|[ \t\n]+(?:and|for|under|of)\b)", Options, NumberWords.MatchTimeout);
    // A description between a listed company and the next comma: ", a fusion power company", ", the maker of X".
    private static readonly Regex s_appositiveAt = new(
        @"\G,[ \t\n]+(?:an?|the)[ \t\n]+(?=[^,.;:()""“”]*?\b[a-z]{3,})[^,.;:()""“”\n]{1,120}(?=,)", Options, NumberWords.MatchTimeout);

    private static readonly Regex s_separatorAt = new(@"\G(?:[ \t\n]*,[ \t\n]*(?:and[ \t\n]+)?|[ \t\n]+and[ \t\n]+)", Options, NumberWords.MatchTimeout);

    // The subject of a deal verb at the start of a clause: "Google backstops", "SLC has agreed to lead", "Acme will invest".
    private static readonly Regex s_subjectVerb = new(
        @"(?:^|[.;:]\s+|\n|,\s+and\s+)(?<name>" + Name + @")(?:[ \t\n]*\([^()]{0,80}\))*,?[ \t\n]+(?:(?:will|has|have|had|is|are|also|today|to)[ \t\n]+){0,2}" +
        @"(?<verb>backstops?|backstopping|guarantees?|guaranteeing|invests?|invest|investing|agreed|committed|providing|provides?|acquires?|acquired|signs|signed|entered[ ]into|executed|secures|secured|leads?|led|funds?|funded|pays?|paid|purchases?|purchased|buys?|supplies|supply)\b",
        Options,
        NumberWords.MatchTimeout);

    // "with Y ... to provide" (the subject provides) / "with Y ... to purchase" (the subject buys).
    private static readonly Regex s_withThenPurpose = new(
        @"\bwith[ \t\n]+(?:the[ \t\n]+)?(?<y>" + Party + @")" + NumberWords.SentenceChar + @"{0,160}?\bto[ \t\n]+(?:(?:design|build|develop|deploy|own|operate|and|,)[ \t\n]+){0,4}" +
        @"(?:(?<give>provide|supply|deliver|host|make[ ]available|sell|lease[ ]to|power)|(?<take>purchase|buy|procure|acquire|lease|rent|use|receive|obtain|consume))\b",
        Options,
        NumberWords.MatchTimeout);

    // "with Y, Y has committed to purchase": the purpose clause has a subject of its own, so "with Y ... to purchase"
    // does not make the clause before "with" the buyer.
    private static readonly Regex s_ownSubjectBeforePurpose = new(
        @"\G[^.;]{0,40}?[,;][ \t\n]+(?:the[ \t\n]+)?[A-Z][\w.&'’-]*(?:[ \t\n]+[A-Z][\w.&'’-]*){0,4}[ \t\n]+(?:(?:has|have|had|will|shall|also)[ \t\n]+)?(?:committed|agreed|contracted|elected)[ \t\n]+to\b",
        Options,
        NumberWords.MatchTimeout);

    // "Y will pay X", "Y has contracted to purchase", "Y agreed to buy ... from X". What follows "purchase" is the thing
    // bought ("purchase GPU cloud capacity"), never the seller; only a payee follows "pay".
    private static readonly Regex s_buyer = new(
        @"(?<y>" + Party + @")(?:[ \t\n]*\([^()]{0,80}\))*,?[ \t\n]+(?:(?:will|shall|has|have|had|also)[ \t\n]+){0,2}(?:(?:contracted|agreed|committed|elected)[ \t\n]+to[ \t\n]+)?" +
        @"(?:pay\b(?:[ \t\n]+(?<x>" + Party + @"))?|(?:purchase|buy|procure)\b)(?:" + NumberWords.SentenceChar + @"{0,160}?\bfrom[ \t\n]+(?:the[ \t\n]+)?(?<from>" + Party + "))?",
        Options,
        NumberWords.MatchTimeout);

    // "X will supply Y with", "X will provide Y with", "X will provide ... to Y".
    private static readonly Regex s_supplier = new(
        @"(?<x>" + Party + @")(?:[ \t\n]*\([^()]{0,80}\))*,?[ \t\n]+(?:(?:will|shall|has|have|agreed[ ]to|to)[ \t\n]+){0,2}(?:supply|provide|deliver|sell)[ \t\n]+" +
        @"(?:(?:the[ \t\n]+)?(?<y>" + Party + @")[ \t\n]+with\b|" + NumberWords.SentenceChar + @"{0,160}?\bto[ \t\n]+(?:the[ \t\n]+)?(?<y2>" + Party + "))",
        Options,
        NumberWords.MatchTimeout);

    // Passive: "capacity to be provided by X to Y", "hosted by X for Y".
    private static readonly Regex s_passive = new(
        @"\b(?:provided|supplied|delivered|hosted|leased|sold)[ \t\n]+by[ \t\n]+(?:the[ \t\n]+)?(?<x>" + Party + @")(?:" + NumberWords.SentenceChar + @"{0,80}?\b(?:to|for)[ \t\n]+(?:the[ \t\n]+)?(?<y>" + Party + "))?",
        Options,
        NumberWords.MatchTimeout);

    // "X will become Y's primary cloud provider", "X serves as Y's landlord": the role noun after Y's is X's role.
    private static readonly Regex s_possessiveRoleNoun = new(
        @"(?<x>" + Party + @")(?:[ \t\n]*\([^()]{0,80}\))*,?[ \t\n]+(?:(?:will|shall|would|has|have|also|to)[ \t\n]+){0,2}(?:become|becomes|became|be|been|is|are|remains?|serves?[ ]as|served[ ]as|acts?[ ]as|acted[ ]as)[ \t\n]+" +
        @"(?:the[ \t\n]+)?(?<y>" + Party + @")['’]s?[ \t\n]+(?:[\w-]+[ \t\n]+){0,3}?(?<noun>provider|supplier|vendor|landlord|lessor|host|seller|customer|client|tenant|lessee|buyer|purchaser)s?\b",
        Options,
        NumberWords.MatchTimeout);

    // "X will spend $3 billion a year to deploy Y's solutions", "X will use Y's TPUs": X buys what Y makes.
    private static readonly Regex s_possessiveOffering = new(
        @"(?<x>" + Party + @")(?:[ \t\n]*\([^()]{0,80}\))*,?[ \t\n]+(?:(?:will|shall|plans[ ]to|intends[ ]to|agreed[ ]to|has[ ]agreed[ ]to|is[ ]to|also)[ \t\n]+){0,2}" +
        @"(?:(?:spend|pay|invest|commit)[^.;]{0,80}?[ \t\n]+(?:to|on|for)[ \t\n]+)?(?:deploy|use|access|license|buy|purchase|procure|adopt|run[ ]on|train[ ]on)[ \t\n]+" +
        @"(?:up[ ]to[ ]|more[ ]than[ ]|[\w$.,-]+[ \t\n]+(?:of[ \t\n]+)?){0,3}?(?<y>" + Name + @")['’]s?[ \t\n]+(?:[\w-]+[ \t\n]+){0,3}?" +
        @"(?:solutions|products|services|chips|GPUs|TPUs|accelerators|processors|systems|models|technology|technologies|platform|infrastructure|capacity|cloud|compute|software|servers)\b",
        Options,
        NumberWords.MatchTimeout);

    // The same when the verb sits in the deal it belongs to: "we entered into a multi-year agreement to use Oracle's
    // cloud infrastructure", "the company entered into a collaboration to deploy AMD's accelerators", "we entered into
    // a six-year agreement under which we will use Google Cloud's servers". X is the subject of the deal verb.
    private static readonly Regex s_possessiveOfferingInDeal = new(
        @"(?<x>" + Party + @")(?:[ \t\n]*\([^()]{0,80}\))*,?[ \t\n]+(?:(?:has|have|had|also|today|recently)[ \t\n]+)?(?:entered[ \t\n]+into|signed|executed)[ \t\n]+" +
        @"[^.;]{0,100}?\b(?:agreements?|arrangements?|collaboration|contracts?|partnership)[ \t\n]+(?:to|(?:under[ \t\n]+which|whereby)[ \t\n]+(?:we|it|the[ \t\n]+(?:Company|company))[ \t\n]+(?:will|would|shall))[ \t\n]+" +
        @"(?:deploy|use|access|license|buy|purchase|procure|adopt|run[ ]on|train[ ]on)[ \t\n]+(?<y>" + Name + @")['’]s?[ \t\n]+(?:[\w-]+[ \t\n]+){0,3}?" +
        @"(?:solutions|products|services|chips|GPUs|TPUs|accelerators|processors|systems|models|technology|technologies|platform|infrastructure|capacity|cloud|compute|software|servers)\b",
        Options,
        NumberWords.MatchTimeout);

    // "X leased ... from Y": X is the tenant.
    private static readonly Regex s_leasedFrom = new(
        @"(?<x>" + Party + @")(?:[ \t\n]*\([^()]{0,80}\))*,?[ \t\n]+(?:(?:has|have|had|will)[ \t\n]+)?(?:leased|leases|lease|rented|rents|rent|subleased|sublease)\b" + NumberWords.SentenceChar + @"{0,160}?\bfrom[ \t\n]+(?:the[ \t\n]+)?(?:(?<y>" + Party + ")|[a-z])",
        Options,
        NumberWords.MatchTimeout);

    // A ground lease of land is taken by the developer from the landowner.
    private static readonly Regex s_groundLeaseWith = new(
        @"\bground[ ]lease\b" + NumberWords.SentenceChar + @"{0,120}?\bwith[ \t\n]+(?:the[ \t\n]+)?(?<y>" + Name + ")", Options, NumberWords.MatchTimeout);

    // A lease or hosting deal "at its/our campus" is granted by the campus's owner.
    private static readonly Regex s_atOwnSite = new(
        @"\b(?:leases?|hosting|colocation|data[ ]center[ ]services|capacity|contracts?|agreements?)\b" + NumberWords.SentenceChar + @"{0,200}?\bwith[ \t\n]+(?:the[ \t\n]+)?(?<y>" + Name + ")" +
        NumberWords.SentenceChar + @"{0,200}?\b(?:at|in)[ \t\n]+(?:its|our|the[ ]Company['’]s)[ \t\n]+(?:[\w-]+[ \t\n]+){0,6}?(?:campus|facility|facilities|data[ ]cent(?:er|re)s?|site|sites)\b",
        Options,
        NumberWords.MatchTimeout);

    // "Y ("Y") exercised its option to lease an additional 260 MW ... at the Company's campus": Y is the filer's tenant.
    private static readonly Regex s_leaseAtFilerSite = new(
        @"(?<y>" + Name + @")(?:[ \t\n]*\([^()]{0,80}\))*,?[ \t\n]+(?:(?:has|have|had|will|also)[ \t\n]+)?(?:(?:exercised|extended)[ ](?:its|an|the)[ ](?:[\w-]+[ ]){0,2}?options?[ ]to[ ]|agreed[ ]to[ ]|elected[ ]to[ ])?" +
        @"(?:lease|leases|leased|occupy|rent)\b" + NumberWords.SentenceChar + @"{0,160}?\b(?:at|in)[ \t\n]+(?:our|the[ ]Company['’]s)[ \t\n]+(?:[\w-]+[ \t\n]+){0,6}?(?:campus|facility|facilities|data[ ]cent(?:er|re)s?|site|sites)\b",
        Options,
        NumberWords.MatchTimeout);

    // "X, a wholly-owned subsidiary of the Company, has signed", "X ("X1"), an indirect subsidiary of": the subsidiary acts for its parent.
    private static readonly Regex s_subsidiaryAppositiveAt = new(
        @"\G(?:[ \t\n]*\([^()]{0,80}\))?,?[ \t\n]+(?:an?|the)[ \t\n]+(?:(?:direct|indirect|wholly[- ]owned|majority[- ]owned|consolidated)[ \t\n]+){0,3}subsidiary[ \t\n]+of\b", Options, NumberWords.MatchTimeout);

    // "Y, a customer of the Company", "our customer, Y", "our tenant Y".
    private static readonly Regex s_customerAppositive = new(
        @"(?<y>" + Name + @"),[ \t\n]+(?:a|an|the|our|its)[ \t\n]+(?:[\w-]+[ \t\n]+){0,3}?(?<word>customer|client|tenant|lessee)\b" +
        @"|\b(?:our|its)[ \t\n]+(?:[\w-]+[ \t\n]+){0,2}?(?<word>customer|client|tenant|lessee),?[ \t\n]+(?<y>" + Name + ")",
        Options,
        NumberWords.MatchTimeout);

    // "designated its wholly-owned indirect subsidiary, Norwegian AI Technology AS", "X, a wholly-owned subsidiary of Y".
    private static readonly Regex s_ownSubsidiary = new(
        @"\b(?:its|our)[ \t\n]+(?:(?:direct|indirect|wholly[- ]owned|majority[- ]owned)[ \t\n]+){0,3}subsidiar(?:y|ies),?[ \t\n]+(?<child>" + Name + ")", Options, NumberWords.MatchTimeout);

    private static readonly Regex s_subsidiaryOf = new(
        @"(?<child>" + Name + @")(?:[ \t\n]*\([^()]{0,80}\))?,[ \t\n]+(?:a|an)[ \t\n]+(?:(?:direct|indirect|wholly[- ]owned|majority[- ]owned)[ \t\n]+){0,3}subsidiary[ \t\n]+of[ \t\n]+(?<parent>" + Party + ")",
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_plainItemAt = new(
        @"\G[ \t\n]*(?:the[ \t\n]+)?[a-z][a-z -]{2,60}?(?:[ \t\n]*,[ \t\n]*(?:and[ \t\n]+)?|[ \t\n]+and[ \t\n]+)(?=(?:the[ \t\n]+)?[A-Z])", Options, NumberWords.MatchTimeout);

    // Between a subject list and its verb: parentheses, commas, "today", "have".
    private static readonly Regex s_toVerb = new(
        @"^[ \t\n,]*(?:\([^()]*\)[ \t\n,]*)*(?:(?:today|have|has|jointly|also|recently)[ \t\n]+)*$", Options, NumberWords.MatchTimeout);

    // "on CoreWeave Contract", "the Core42 Leases": a company named as the attribute of its deal.
    private static readonly Regex s_attributive = new(
        @"(?<name>" + Name + @")(?<=[ ](?:Contract|Contracts|Lease|Leases|Agreement|Deal))\b", Options, NumberWords.MatchTimeout);

    private static readonly Regex s_contractTo = new(
        @"\b(?:contracts?|agreements?|commitments?)\b[^.;]{0,40}?\bto[ \t\n]+(?<verb>host|provide|supply|deliver)\b", Options, NumberWords.MatchTimeout);

    private static readonly Regex s_possessive = new(@"^(?<owner>[A-Z][\w.&-]*)['’]s[ \t\n]+(?=[A-Z])", Options, NumberWords.MatchTimeout);

    private static readonly Regex s_announceVerb = new(
        @"\b(?:(?:today|have|has|jointly)[ \t\n]+)?(?:announced|announce|entered[ \t\n]+into|signed|executed|agreed)\b", Options, NumberWords.MatchTimeout);

    // "In 2016, Amazon, Microsoft and Arris represented 54.6%, ..." names the filer's customers.
    private static readonly Regex s_shareVerb = new(
        @"\b(?:represented|accounted[ \t\n]+for|comprised|contributed)[ \t\n]+(?:approximately[ \t\n]+|about[ \t\n]+)?\d", Options, NumberWords.MatchTimeout);

    private static readonly Regex s_listStart = new(@"(?:^|,[ \t\n]+|\b(?:[Ii]n|[Ff]or|[Dd]uring)[ \t\n]+[^,]{1,40},[ \t\n]+)(?=[A-Z])", Options, NumberWords.MatchTimeout);

    // A deal the filer announces: "<filer> ... signed a 15-year lease with Y", "secured $9.7bn contract with Microsoft".
    private static readonly Regex s_sale = new(
        @"\b(?<noun>(?i:contracts?|leases?|hosting|colocation|services[ ]agreements?|capacity[ ]agreements?|cloud[ ]contracts?|customer[ ]agreements?))\b" + NumberWords.SentenceChar + @"{0,120}?\bwith[ \t\n]+(?:the[ \t\n]+)?(?<y>" + Name + ")",
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_notSale = new(
        @"\b(?:ground|land|power|credit|loan|financing|amendments?|purchase|supply|note|notes|warrant|indenture|sublease|joint[ ]venture|partner)\b", Options | RegexOptions.IgnoreCase, NumberWords.MatchTimeout);

    // "X leased approximately 31 acres of land": X is the tenant of the land.
    private static readonly Regex s_leasedLand = new(
        @"(?<x>" + Party + @")(?:[ \t\n]*\([^()]{0,80}\))*,?[ \t\n]+(?:(?:has|have|had|will|also)[ \t\n]+)?(?:leased|leases|rented|rents)[ \t\n]+(?:approximately[ \t\n]+|about[ \t\n]+)?" +
        @"(?:[\d,.]+[ \t\n]+(?:acres|square[ ]feet|sq\.?[ ]ft\.?)|(?:the[ \t\n]+)?(?:land|premises|office[ ]space|site))\b",
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_anyParty = new(@"(?<p>" + Party + ")", Options, NumberWords.MatchTimeout);
    private static readonly Regex s_selfOnly = new("^" + Self + "$", Options, NumberWords.MatchTimeout);

    // The short names the document being read defines; set for the duration of one Read on this thread.
    [ThreadStatic]
    private static Dictionary<string, string>? s_aliases;

    // Which of those short names are a legal name without its legal form ("Anthropic" for "Anthropic PBC").
    [ThreadStatic]
    private static HashSet<string>? s_legalStems;

    private static readonly Regex s_shortName = new(@"\((?:[^()""“”]{0,40}?)[""“](?<term>[A-Z][^""“”()]{0,40})[""”]", Options, NumberWords.MatchTimeout);

    internal static Dictionary<string, string> ShortNames(string region)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = 0;
        foreach (Match term in s_shortName.Matches(region))
        {
            if (++seen > 60)
            {
                break;
            }

            var alias = term.Groups["term"].Value.Trim();
            if (PartyReader.IsGeneric(alias) || aliases.ContainsKey(alias) || DocumentOriginReader.NameBefore(region, term.Index) is not { } named
                || PartyReader.Clean(region, named.Start, named.End, null) is not { } party || party.Name == alias)
            {
                continue;
            }

            aliases[alias] = party.Name;
        }

        // Unquoted short forms a release gives after a name: a ticker ("Advanced Micro Devices, Inc. (NASDAQ: AMD)") or
        // the initials ("the Tennessee Valley Authority (TVA)").
        seen = 0;
        foreach (Match term in s_tickerOrInitials.Matches(region))
        {
            if (++seen > 60)
            {
                break;
            }

            var alias = term.Groups["term"].Value;
            if (aliases.ContainsKey(alias) || DocumentOriginReader.NameBefore(region, term.Index) is not { } named
                || PartyReader.Clean(region, named.Start, named.End, null) is not { } party || party.Name == alias)
            {
                continue;
            }

            if (term.Groups["exchange"].Success || Initials(party.Name).StartsWith(alias, StringComparison.Ordinal))
            {
                aliases[alias] = party.Name;
            }
        }

        // A company the text names once with its legal form and elsewhere without it ("Anthropic PBC" ... "Anthropic's
        // models"): the bare name means the legal one, when only one legal name has that stem.
        var stems = new Dictionary<string, string?>(StringComparer.Ordinal);
        seen = 0;
        foreach (Match candidate in s_nameOnly.Matches(region))
        {
            if (++seen > 400)
            {
                break;
            }

            if (!PartyReader.EndsWithLegalForm(candidate.Value) || PartyReader.Clean(region, candidate.Index, candidate.Index + candidate.Length, null) is not { } legal)
            {
                continue;
            }

            var stem = s_legalFormTail.Replace(legal.Name, "");
            if (stem.Length < 2 || stem == legal.Name || PartyReader.IsGeneric(stem))
            {
                continue;
            }

            stems[stem] = stems.TryGetValue(stem, out var other) && other is not null && other != legal.Name ? null : legal.Name;
        }

        foreach (var (stem, legalName) in stems)
        {
            if (legalName is not null && aliases.TryAdd(stem, legalName))
            {
                s_legalStems?.Add(stem);
            }
        }

        // A brand that runs a legal name's first words together: "Supermicro" for "Super Micro Computer, Inc.".
        var joined = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (stem, legalName) in stems)
        {
            var words = stem.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var count = 2; legalName is not null && count <= Math.Min(3, words.Length); count++)
            {
                if (!words.Take(count).All(w => w.All(char.IsLetter)))
                {
                    break;
                }

                var run = string.Concat(words.Take(count));
                foreach (var spelling in new[] { run, char.ToUpperInvariant(run[0]) + run[1..].ToLowerInvariant() })
                {
                    joined[spelling] = joined.TryGetValue(spelling, out var other) && other is not null && other != legalName ? null : legalName;
                }
            }
        }

        foreach (var (spelling, legalName) in joined)
        {
            if (legalName is not null)
            {
                aliases.TryAdd(spelling, legalName);
            }
        }

        return aliases;
    }

    private static readonly Regex s_legalFormTail = new(
        @"(?:,?[ \t\n]+" + CompanyNamePattern.Suffix + @"){1,2}$", Options, NumberWords.MatchTimeout);

    private static readonly Regex s_tickerOrInitials = new(
        @"[ \t\n]?\((?:(?<exchange>(?i:nasdaq|nyse|tsx|asx|lse|otcqx|otc)[A-Za-z ]{0,12}):[ \t]*)?(?<term>[A-Z][A-Z0-9&.]{1,7})(?:[,;][^()]{0,40})?\)",
        Options,
        NumberWords.MatchTimeout);

    /// <summary>"Tennessee Valley Authority" gives "TVA"; connector words and legal forms give no letter.</summary>
    private static string Initials(string name)
        => string.Concat(name.Split([' ', ',', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsUpper(w[0]) && !PartyReader.EndsWithLegalForm(w))
            .Select(w => w[0]));

    public static PartiesFound? Read(string region, DocumentOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(origin);
        var previous = s_aliases;
        var previousStems = s_legalStems;
        s_legalStems = new HashSet<string>(StringComparer.Ordinal);
        s_aliases = ShortNames(region);
        try
        {
            return ReadCore(region, origin);
        }
        finally
        {
            s_aliases = previous;
            s_legalStems = previousStems;
        }
    }

    private static PartiesFound? ReadCore(string region, DocumentOrigin origin)
    {
        var parties = new List<PartyMention>();
        var firstSentence = (Start: -1, End: -1);
        if (origin.Filer is { } named && origin.Evidence.FirstOrDefault(e => e.Field == DocumentOrigin.FilerField) is { } filerEvidence
            && filerEvidence.End <= region.Length)
        {
            // The filer speaks in every sentence of its own filing: it is a party even where it is "we".
            parties.Add(new PartyMention(named, filerEvidence.Start, filerEvidence.End, null));
            firstSentence = (filerEvidence.Start, filerEvidence.End);
        }

        var sellerDefault = default((PartyMention Seller, PartyMention Buyer, TextSpan Sentence)?);
        var datelineAt = origin.Kind == DocumentKinds.PressRelease
            && origin.Evidence.FirstOrDefault(e => e.Field == DocumentOrigin.KindField) is { } kindEvidence ? kindEvidence.Start : -1;

        foreach (var span in Sentences(region))
        {
            if (parties.Count >= MaxParties)
            {
                break;
            }

            var sentence = span.Of(region);
            var before = parties.Count;
            if (!s_dealCue.IsMatch(sentence))
            {
                if (datelineAt >= 0 && span.Start <= datelineAt && span.End > datelineAt)
                {
                    // A release's dateline sentence names who speaks even when it announces no deal ("X and Y today
                    // announced Condor Galaxy, a network of ...").
                    ReadSubjects(region, span, origin, parties);
                }

                ReadCustomerShares(region, span, origin, parties);
                ReadPossessiveRoles(region, span, origin, parties);
                if (firstSentence.Start < 0 && parties.Count > before)
                {
                    firstSentence = (span.Start, span.End);
                }

                continue;
            }

            ReadCounterparties(region, span, origin, parties);
            ReadSubjects(region, span, origin, parties);
            ReadRoles(region, span, origin, parties);
            ReadSubsidiaries(region, span, origin, parties);
            ReadCustomerShares(region, span, origin, parties);
            ReadLegalNames(region, span, origin, parties);
            sellerDefault ??= SellerDefault(region, span, origin, parties);
            ReadServiceCommitment(region, span, origin, parties);
            if ((firstSentence.Start < 0 || parties.Count == before + 1 && before == 1) && parties.Count > before)
            {
                firstSentence = (span.Start, span.End);
            }
        }

        // A filer announcing a contract, lease or hosting deal "with Y" sells it, unless a sentence said otherwise.
        if (sellerDefault is { } deal && !parties.Any(p => p.Role is not null))
        {
            Assign(parties, deal.Seller, PartyRoles.Provider, deal.Sentence);
            Assign(parties, deal.Buyer, PartyRoles.Customer, deal.Sentence);
        }

        // The filer is a party of its own deal sentences; it leads the list.
        if (origin.Filer is { } filer && parties.Count > 0)
        {
            var index = parties.FindIndex(p => PartyReader.SameCompany(p.Name, filer));
            if (index > 0)
            {
                var own = parties[index];
                parties.RemoveAt(index);
                parties.Insert(0, own);
            }
        }

        if (parties.Count == 0)
        {
            return null;
        }

        return new PartiesFound(parties, firstSentence.Start, firstSentence.End);
    }

    /// <summary>
    /// The deal sides a contract's first obligations give its parties when their defined terms are short names
    /// ("CoreWeave will provide Mistral with access ..."): the narrative role rules, read over the sentences after the
    /// preamble with the contract's short names resolved. Only the known parties are returned, with any role found.
    /// </summary>
    public static IReadOnlyList<PartyMention> RolesInBody(string region, int from, DocumentOrigin origin, IReadOnlyList<PartyMention> known)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(known);
        var previous = s_aliases;
        s_aliases = ShortNames(region);
        try
        {
            var parties = known.ToList();
            var end = Math.Min(region.Length, Math.Max(0, from) + 3_000);
            foreach (var span in Sentences(region[..end]))
            {
                if (span.End <= from)
                {
                    continue;
                }

                ReadRoles(region, span, origin, parties);
                if (parties.Any(p => p.Role is not null))
                {
                    break;
                }
            }

            return [.. parties.Where(p => known.Any(k => PartyReader.SameCompany(k.Name, p.Name)))];
        }
        finally
        {
            s_aliases = previous;
        }
    }

    /// <summary>
    /// The region's sentences without the heading lines that open them. A note's or item's heading ("Commercial
    /// agreement for GPU services", "Conditional Agreement") has no full stop, so the segmenter joins it to the sentence
    /// below, whose subject it then seems to be; a heading names no party the sentences below do not name again.
    /// </summary>
    private static IEnumerable<TextSpan> Sentences(string region)
    {
        foreach (var span in TextSegmenter.Default.Segment(region))
        {
            var start = span.Start;
            while (HeadingEnd(region, start, span.End) is { } end)
            {
                start = end + 1;
            }

            yield return new TextSpan(start, span.End);
        }
    }

    /// <summary>
    /// Where the line opening at <paramref name="start"/> ends when it is a heading: short, starting with a capital,
    /// ending on neither punctuation nor a word that carries a sentence on (a wrapped line), and followed by a line that
    /// starts with a capital.
    /// </summary>
    private static int? HeadingEnd(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var newline = text.IndexOf('\n', start, end - start);
        if (newline < 0 || newline - start > 60 || newline + 1 >= end)
        {
            return null;
        }

        var line = text[start..newline].Trim();
        var next = text[(newline + 1)..end].TrimStart();
        if (line.Length < 3 || !char.IsUpper(line[0]) || next.Length == 0 || !char.IsUpper(next[0]) || ".,;:!?-–—(/&".Contains(line[^1]))
        {
            return null;
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 8 && !s_carriesOn.Contains(words[^1]) ? newline : null;
    }

    private static readonly HashSet<string> s_carriesOn = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "of", "to", "for", "with", "by", "in", "on", "at", "from", "as", "between", "among", "its", "our",
    };

    /// <summary>Companies with a legal form named anywhere in a deal sentence ("supporting Anthropic PBC's workloads").</summary>
    private static void ReadLegalNames(string text, TextSpan sentence, DocumentOrigin origin, List<PartyMention> parties)
    {
        var local = sentence.Of(text);
        foreach (Match candidate in s_nameOnly.Matches(local))
        {
            var start = sentence.Start + candidate.Index;
            var end = start + candidate.Length;
            var written = text[start..end];
            if (written.EndsWith("'s", StringComparison.Ordinal) || written.EndsWith("’s", StringComparison.Ordinal))
            {
                end -= 2;
            }

            if (Resolve(text, start, end, origin) is { } mention && PartyReader.EndsWithLegalForm(mention.Name))
            {
                Add(parties, mention);
            }
        }
    }

    private static readonly Regex s_nameOnly = new(Name, Options, NumberWords.MatchTimeout);

    /// <summary>
    /// Companies with a legal form that a contract's recitals name as counterparties ("entered into a Credit Agreement
    /// with Castle Rock Bank, N.A. as the Administrative Agent"), with the role "as" gives them; no deal sides.
    /// </summary>
    public static IReadOnlyList<PartyMention> NamedEntities(string region, DocumentOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(origin);
        var parties = new List<PartyMention>();
        foreach (var span in Sentences(region))
        {
            ReadCounterparties(region, span, origin, parties);
        }

        return parties.Where(p => PartyReader.EndsWithLegalForm(p.Name)).ToList();
    }

    /// <summary>The companies named after "with", "from", "among", "between", "by" and "including", lists included.</summary>
    private static void ReadCounterparties(string text, TextSpan sentence, DocumentOrigin origin, List<PartyMention> parties)
    {
        for (var trigger = s_trigger.Match(text, sentence.Start, sentence.Length); trigger.Success; trigger = trigger.NextMatch())
        {
            if (trigger.Value == "with" && IsSuppliedWith(text, sentence.Start, trigger.Index))
            {
                continue;
            }

            var list = ReadList(
                text, trigger.Index + trigger.Length, sentence.End, origin, onlyNames: trigger.Value == "by", out _, skipPlainItems: trigger.Value is "among" or "between");
            foreach (var mention in list)
            {
                Add(parties, mention.Term is null ? mention : mention with { QuoteStart = sentence.Start, QuoteEnd = sentence.End });
            }
        }

        for (var attributive = s_attributive.Match(text, sentence.Start, sentence.Length); attributive.Success; attributive = attributive.NextMatch())
        {
            var name = attributive.Groups["name"];
            if (Resolve(text, name.Index, name.Index + name.Length, origin) is { } mention)
            {
                Add(parties, mention);
            }
        }
    }

    private static bool IsSuppliedWith(string text, int sentenceStart, int with)
    {
        var start = Math.Max(sentenceStart, with - 120);
        return s_suppliedWithBefore.IsMatch(text[start..with]);
    }

    /// <summary>
    /// A list of parties from <paramref name="position"/>: "A, B and C", "the Company, A and its affiliate B, as trustee",
    /// skipping parentheses after each name; a role given "as trustee" is kept. Stops at the first item that is no party.
    /// </summary>
    private static List<PartyMention> ReadList(
        string text, int position, int end, DocumentOrigin origin, bool onlyNames, out int stop, bool skipPlainItems = false)
    {
        var list = new List<PartyMention>();
        stop = position;
        for (var item = 0; item < 8 && position < end; item++)
        {
            // "among the Company, the guarantors party thereto and X": a list of parties may hold a class of them.
            if (skipPlainItems && s_plainItemAt.Match(text, position) is { Success: true } plain && position + plain.Length <= end)
            {
                position += plain.Length;
                continue;
            }

            while (position < end && char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            var selfMatch = onlyNames ? Match.Empty : s_selfAt.Match(text, position);
            while (!selfMatch.Success && s_fillerAt.Match(text, position) is { Success: true, Length: > 0 } filler && position + filler.Length <= end)
            {
                position += filler.Length;
            }

            PartyMention? mention = null;
            var unresolvedSelf = false;
            if (selfMatch.Success && position + selfMatch.Length <= end)
            {
                // "the Company" of a filing whose filer the text does not name holds its place in the list.
                mention = Resolve(text, position, position + selfMatch.Length, origin);
                unresolvedSelf = mention is null;
                position += selfMatch.Length;
            }
            else if (s_nameAt.Match(text, position) is { Success: true } name && position + name.Length <= end)
            {
                // "BlackRock's Global Infrastructure Partners": the owner and the owned are both companies.
                var possessive = s_possessive.Match(name.Value);
                if (possessive.Success && Resolve(text, position, position + possessive.Groups["owner"].Length, origin) is { } owner)
                {
                    list.Add(owner);
                    var ownedStart = position + possessive.Length;
                    mention = Resolve(text, ownedStart, position + name.Length, origin);
                }
                else
                {
                    mention = Resolve(text, position, position + name.Length, origin);
                }

                position += name.Length;
            }

            if (mention is null && !unresolvedSelf)
            {
                break;
            }

            while (s_parenAt.Match(text, position) is { Success: true } paren && position + paren.Length <= end)
            {
                position += paren.Length;
            }

            // "Cerebras Systems, the maker of the Wafer-Scale Engine, and G42, the Abu Dhabi ... group, today announced".
            if (!onlyNames && s_appositiveAt.Match(text, position) is { Success: true } appositive && position + appositive.Length <= end)
            {
                position += appositive.Length;
            }

            if (s_capacityAt.Match(text, position) is { Success: true } capacity && position + capacity.Length <= end)
            {
                if (mention is not null && PartyRoleWords.RoleOf(capacity.Groups["as"].Value) is { } term)
                {
                    mention = mention with { Term = term };
                }

                position += capacity.Length;
            }

            if (mention is not null)
            {
                list.Add(mention);
            }

            stop = position;
            if (s_separatorAt.Match(text, position) is not { Success: true } separator || position + separator.Length > end)
            {
                break;
            }

            position += separator.Length;
        }

        return list;
    }

    private static void ReadSubjects(string text, TextSpan sentence, DocumentOrigin origin, List<PartyMention> parties)
    {
        var local = sentence.Of(text);

        // "A (“A1”), B, and C's D (collectively, the “Consortium”), today announced": every company of the subject list.
        foreach (Match verb in s_announceVerb.Matches(local))
        {
            var clauseStart = Math.Max(
                Math.Max(local.LastIndexOf("--", verb.Index, StringComparison.Ordinal), local.LastIndexOf(" – ", verb.Index, StringComparison.Ordinal)),
                local.LastIndexOf(" — ", verb.Index, StringComparison.Ordinal));
            clauseStart = clauseStart < 0 ? 0 : clauseStart + 2;

            // The list may open the clause or follow an introduction ("On August 11, 2025, the Company and X executed").
            var starts = new List<int> { clauseStart };
            for (var comma = local.IndexOf(", ", clauseStart, StringComparison.Ordinal); comma >= 0 && comma < verb.Index; comma = local.IndexOf(", ", comma + 2, StringComparison.Ordinal))
            {
                starts.Add(comma + 2);
            }

            foreach (var start in starts)
            {
                var list = ReadList(text, sentence.Start + start, sentence.Start + verb.Index, origin, onlyNames: false, out var stop);
                if (list.Count > 0 && s_toVerb.IsMatch(text.AsSpan(stop, sentence.Start + verb.Index - stop)))
                {
                    foreach (var mention in list)
                    {
                        Add(parties, mention);
                    }

                    break;
                }
            }
        }

        foreach (Match subject in s_subjectVerb.Matches(local))
        {
            var name = subject.Groups["name"];
            if (Resolve(text, sentence.Start + name.Index, sentence.Start + name.Index + name.Length, origin) is not { } mention)
            {
                continue;
            }

            var verb = subject.Groups["verb"].Value;
            string? term = verb.StartsWith("backstop", StringComparison.Ordinal) || verb.StartsWith("guarantee", StringComparison.Ordinal) ? PartyRoles.Guarantor
                : verb.StartsWith("invest", StringComparison.Ordinal) ? PartyRoles.Investor
                : null;
            Add(parties, term is null ? mention : mention with { Term = term, QuoteStart = sentence.Start, QuoteEnd = sentence.End });
        }
    }

    private static void ReadRoles(string text, TextSpan sentence, DocumentOrigin origin, List<PartyMention> parties)
    {
        var local = sentence.Of(text);
        if (s_withThenPurpose.Match(local) is { Success: true } purpose
            && !s_ownSubjectBeforePurpose.IsMatch(local, purpose.Groups["y"].Index + purpose.Groups["y"].Length))
        {
            var subject = SubjectBefore(text, sentence, purpose.Index, origin);
            var y = Resolve(text, purpose.Groups["y"], sentence.Start, origin);
            var gives = purpose.Groups["give"].Success;
            Assign(parties, subject, gives ? PartyRoles.Provider : PartyRoles.Customer, sentence);
            Assign(parties, y, gives ? PartyRoles.Customer : PartyRoles.Provider, sentence);
        }

        if (s_supplier.Match(local) is { Success: true } supply)
        {
            var x = Resolve(text, supply.Groups["x"], sentence.Start, origin);
            var y = Resolve(text, supply.Groups["y"].Success ? supply.Groups["y"] : supply.Groups["y2"], sentence.Start, origin);
            if (x is not null && y is not null)
            {
                Assign(parties, x, PartyRoles.Provider, sentence);
                Assign(parties, y, PartyRoles.Customer, sentence);
            }
        }

        if (s_buyer.Match(local) is { Success: true } buy)
        {
            var y = Resolve(text, buy.Groups["y"], sentence.Start, origin);
            var x = Resolve(text, buy.Groups["from"].Success ? buy.Groups["from"] : buy.Groups["x"], sentence.Start, origin)
                ?? OtherParty(parties, y, origin);
            if (y is not null && (x is null || !PartyReader.SameCompany(x.Name, y.Name)))
            {
                Assign(parties, y, PartyRoles.Customer, sentence);
                Assign(parties, x, PartyRoles.Provider, sentence);
            }
        }

        ReadPossessiveRoles(text, sentence, origin, parties);

        if (s_passive.Match(local) is { Success: true } passive)
        {
            var x = Resolve(text, passive.Groups["x"], sentence.Start, origin);
            Assign(parties, x, PartyRoles.Provider, sentence);
            Assign(parties, Resolve(text, passive.Groups["y"], sentence.Start, origin), PartyRoles.Customer, sentence);
        }

        if (s_leasedLand.Match(local) is { Success: true } land && !s_leasedFrom.IsMatch(local))
        {
            var tenant = Resolve(text, land.Groups["x"], sentence.Start, origin);
            Assign(parties, tenant, PartyRoles.Tenant, sentence);
            if (tenant is not null && parties.Where(p => !PartyReader.SameCompany(p.Name, tenant.Name)).ToList() is { Count: 1 } others)
            {
                Assign(parties, others[0], PartyRoles.Landlord, sentence);
            }
        }

        if (s_leasedFrom.Match(local) is { Success: true } leased)
        {
            Assign(parties, Resolve(text, leased.Groups["x"], sentence.Start, origin), PartyRoles.Tenant, sentence);
            Assign(parties, Resolve(text, leased.Groups["y"], sentence.Start, origin), PartyRoles.Landlord, sentence);
        }
        else if (s_groundLeaseWith.Match(local) is { Success: true } ground)
        {
            Assign(parties, SubjectBefore(text, sentence, ground.Index, origin), PartyRoles.Tenant, sentence);
            Assign(parties, Resolve(text, ground.Groups["y"], sentence.Start, origin), PartyRoles.Landlord, sentence);
        }
        else if (s_atOwnSite.Match(local) is { Success: true } site)
        {
            var owner = SubjectBefore(text, sentence, site.Index, origin);
            var lease = site.Value.StartsWith("lease", StringComparison.OrdinalIgnoreCase);
            Assign(parties, owner, lease ? PartyRoles.Landlord : PartyRoles.Host, sentence);
            Assign(parties, Resolve(text, site.Groups["y"], sentence.Start, origin), lease ? PartyRoles.Tenant : PartyRoles.Customer, sentence);
        }

        if (s_leaseAtFilerSite.Match(local) is { Success: true } atFiler && origin.Filer is { } siteOwner
            && Resolve(text, atFiler.Groups["y"], sentence.Start, origin) is { } siteTenant && !PartyReader.SameCompany(siteTenant.Name, siteOwner))
        {
            Assign(parties, siteTenant, PartyRoles.Tenant, sentence);
            Assign(parties, SigningSubsidiary(text, sentence, origin) ?? FilerMention(origin) ?? parties.FirstOrDefault(p => PartyReader.SameCompany(p.Name, siteOwner)), PartyRoles.Landlord, sentence);
        }

        if (s_customerAppositive.Match(local) is { Success: true } appositive && origin.Filer is { } filer)
        {
            var y = Resolve(text, appositive.Groups["y"], sentence.Start, origin);
            if (y is not null && !PartyReader.SameCompany(y.Name, filer))
            {
                var word = appositive.Groups["word"].Value;
                Assign(parties, y, word is "tenant" or "lessee" ? PartyRoles.Tenant : PartyRoles.Customer, sentence);
                var filerMention = parties.FirstOrDefault(p => PartyReader.SameCompany(p.Name, filer));
                Assign(parties, filerMention, word is "tenant" or "lessee" ? PartyRoles.Landlord : PartyRoles.Provider, sentence);
            }
        }
    }

    /// <summary>Roles a possessive gives: "X will become Y's primary cloud provider", "X will deploy Y's solutions".</summary>
    private static void ReadPossessiveRoles(string text, TextSpan sentence, DocumentOrigin origin, List<PartyMention> parties)
    {
        var local = sentence.Of(text);
        if (s_possessiveRoleNoun.Match(local) is { Success: true } noun)
        {
            var x = Resolve(text, noun.Groups["x"], sentence.Start, origin);
            var y = Resolve(text, noun.Groups["y"], sentence.Start, origin);
            var term = PartyRoleWords.RoleOf(noun.Groups["noun"].Value);
            var side = term is null ? null : PartyRoles.SideOf(term);
            if (x is not null && y is not null && side is not null && !PartyReader.SameCompany(x.Name, y.Name))
            {
                Assign(parties, x, term!, sentence);
                Assign(parties, y, side == PartyRoles.Provider ? PartyRoles.Customer : PartyRoles.Provider, sentence);
            }
        }

        if ((s_possessiveOffering.Match(local) is { Success: true } direct ? direct : s_possessiveOfferingInDeal.Match(local)) is { Success: true } offering)
        {
            var x = Resolve(text, offering.Groups["x"], sentence.Start, origin);
            var y = Resolve(text, offering.Groups["y"], sentence.Start, origin);
            if (x is not null && y is not null && !PartyReader.SameCompany(x.Name, y.Name))
            {
                Assign(parties, x, PartyRoles.Customer, sentence);
                Assign(parties, y, PartyRoles.Provider, sentence);
            }
        }
    }

    /// <summary>"X LLC ("X"), an indirect subsidiary of the Company, entered into ...": the filer's side of the sentence signs as X.</summary>
    private static PartyMention? SigningSubsidiary(string text, TextSpan sentence, DocumentOrigin origin)
    {
        if (origin.Filer is not { } filer)
        {
            return null;
        }

        foreach (Match of in s_subsidiaryOf.Matches(sentence.Of(text)))
        {
            if (Resolve(text, of.Groups["parent"], sentence.Start, origin) is { } parent && PartyReader.SameCompany(parent.Name, filer)
                && Resolve(text, of.Groups["child"], sentence.Start, origin) is { } child && !PartyReader.SameCompany(child.Name, filer))
            {
                return child with { Parent = filer };
            }
        }

        return null;
    }

    private static void ReadSubsidiaries(string text, TextSpan sentence, DocumentOrigin origin, List<PartyMention> parties)
    {
        var local = sentence.Of(text);
        if (origin.Filer is { } filer)
        {
            foreach (Match own in s_ownSubsidiary.Matches(local))
            {
                if (Resolve(text, own.Groups["child"], sentence.Start, origin) is { } child && !PartyReader.SameCompany(child.Name, filer))
                {
                    Add(parties, child with { Parent = filer, QuoteStart = sentence.Start, QuoteEnd = sentence.End });
                }
            }
        }

        foreach (Match of in s_subsidiaryOf.Matches(local))
        {
            var child = Resolve(text, of.Groups["child"], sentence.Start, origin);
            var parent = Resolve(text, of.Groups["parent"], sentence.Start, origin);
            if (child is not null && parent is not null && !PartyReader.SameCompany(child.Name, parent.Name))
            {
                Add(parties, child with { Parent = parent.Name, QuoteStart = sentence.Start, QuoteEnd = sentence.End });
            }
        }
    }

    /// <summary>"signing long-term contracts to host 382 megawatts ... with our current client": the contract's subject hosts.</summary>
    private static void ReadServiceCommitment(string text, TextSpan sentence, DocumentOrigin origin, List<PartyMention> parties)
    {
        var local = sentence.Of(text);
        if (s_contractTo.Match(local) is not { Success: true } contract || parties.Any(p => p.Role == PartyRoles.Provider))
        {
            return;
        }

        var subject = SubjectBefore(text, sentence, contract.Index, origin);
        if (subject is null || (origin.Filer is { } filer && !PartyReader.SameCompany(subject.Name, filer) && !parties.Any(p => PartyReader.SameCompany(p.Name, subject.Name))))
        {
            subject = origin.Kind == DocumentKinds.PressRelease ? FilerMention(origin) : subject;
        }

        Assign(parties, subject, contract.Groups["verb"].Value == "host" ? PartyRoles.Host : PartyRoles.Provider, sentence);
    }

    private static (PartyMention Seller, PartyMention Buyer, TextSpan Sentence)? SellerDefault(
        string text, TextSpan sentence, DocumentOrigin origin, List<PartyMention> parties)
    {
        if (origin.Filer is null)
        {
            return null;
        }

        var local = sentence.Of(text);
        foreach (Match sale in s_sale.Matches(local))
        {
            if (s_notSale.IsMatch(local[Math.Max(0, sale.Index - 40)..(sale.Index + sale.Length)]))
            {
                continue;
            }

            var seller = SubjectBefore(text, sentence, sale.Index, origin);
            var buyer = Resolve(text, sale.Groups["y"], sentence.Start, origin);
            var sellerIsFilerSide = seller is not null && (PartyReader.SameCompany(seller.Name, origin.Filer)
                || parties.Any(p => PartyReader.SameCompany(p.Name, seller.Name) && p.Parent is { } parent && PartyReader.SameCompany(parent, origin.Filer)));
            if (seller is not null && !sellerIsFilerSide && !parties.Any(p => PartyReader.SameCompany(p.Name, seller.Name)))
            {
                // A capitalised phrase before the deal ("AI Cloud") that names no party is not its subject.
                seller = null;
            }

            // In its own release an unattributed deal ("Secured $9.7bn contract with Y") is the filer's.
            seller ??= origin.Kind == DocumentKinds.PressRelease || IsHeadline(local) ? FilerMention(origin) : null;
            sellerIsFilerSide = seller is not null && (PartyReader.SameCompany(seller.Name, origin.Filer)
                || parties.Any(p => PartyReader.SameCompany(p.Name, seller.Name) && p.Parent is { } parent && PartyReader.SameCompany(parent, origin.Filer)));
            if (seller is not null && buyer is not null && sellerIsFilerSide && !PartyReader.SameCompany(buyer.Name, origin.Filer))
            {
                return (seller, buyer, sentence);
            }
        }

        // "Continued execution on the CoreWeave contract", "the Core42 Leases": in its own release, a contract or lease
        // named after a company is the filer's deal with that company.
        if (origin.Kind is DocumentKinds.PressRelease or DocumentKinds.Other && FilerMention(origin) is { } own)
        {
            foreach (Match attributive in s_attributive.Matches(local))
            {
                var name = attributive.Groups["name"];
                if (!s_notSale.IsMatch(attributive.Value) && Resolve(text, name, sentence.Start, origin) is { } customer
                    && !PartyReader.SameCompany(customer.Name, origin.Filer))
                {
                    return (own, customer, sentence);
                }
            }
        }

        return null;
    }

    /// <summary>A headline states the filer's news without naming it: "Secured $9.7bn AI Cloud Contract with Microsoft".</summary>
    private static bool IsHeadline(string sentence)
        => !sentence.Contains(". ", StringComparison.Ordinal) && sentence.Length < 200 && char.IsUpper(sentence.TrimStart()[0]);

    private static PartyMention? FilerMention(DocumentOrigin origin)
        => origin.Filer is { } filer && origin.Evidence.FirstOrDefault(e => e.Field == DocumentOrigin.FilerField) is { } evidence
            ? new PartyMention(filer, evidence.Start, evidence.End, null)
            : null;

    /// <summary>"Amazon, Microsoft and Arris represented 54.6%, 18.3% and 5.8% of its revenue": the filer's customers.</summary>
    private static void ReadCustomerShares(string text, TextSpan sentence, DocumentOrigin origin, List<PartyMention> parties)
    {
        var local = sentence.Of(text);
        if (s_shareVerb.Match(local) is not { Success: true } verb)
        {
            return;
        }

        var head = local[..verb.Index];
        foreach (Match start in s_listStart.Matches(head))
        {
            var list = ReadList(text, sentence.Start + start.Index + start.Length, sentence.Start + verb.Index, origin, onlyNames: true, out var stop);
            if (!s_toVerb.IsMatch(text.AsSpan(stop, sentence.Start + verb.Index - stop)))
            {
                continue;
            }

            var customers = list.Where(m => origin.Filer is null || !PartyReader.SameCompany(m.Name, origin.Filer)).ToList();
            if (customers.Count == 0)
            {
                continue;
            }

            foreach (var customer in customers)
            {
                Add(parties, customer);
            }

            Assign(parties, customers[0], PartyRoles.Customer, sentence);
            return;
        }
    }

    /// <summary>The party the clause before <paramref name="offset"/> is about: the last self reference or company named in it.</summary>
    private static PartyMention? SubjectBefore(string text, TextSpan sentence, int offset, DocumentOrigin origin)
    {
        var clause = text[sentence.Start..(sentence.Start + offset)];
        PartyMention? first = null;
        PartyMention? filerMention = null;
        PartyMention? subsidiary = null;
        foreach (Match candidate in s_anyParty.Matches(clause))
        {
            if (Resolve(text, candidate.Groups["p"], sentence.Start, origin) is { } mention)
            {
                // "X LLC, a wholly-owned subsidiary of <filer>, has signed": the subsidiary signs for its parent.
                if (subsidiary is null && s_subsidiaryAppositiveAt.IsMatch(text, sentence.Start + candidate.Index + candidate.Length))
                {
                    subsidiary = mention;
                }

                first ??= mention;
                if (origin.Filer is not null && PartyReader.SameCompany(mention.Name, origin.Filer))
                {
                    filerMention ??= mention;
                }
            }
        }

        return subsidiary ?? filerMention ?? first;
    }

    private static PartyMention? OtherParty(List<PartyMention> parties, PartyMention? party, DocumentOrigin origin)
    {
        if (party is null)
        {
            return null;
        }

        if (origin.Filer is { } filer && !PartyReader.SameCompany(party.Name, filer))
        {
            return parties.FirstOrDefault(p => PartyReader.SameCompany(p.Name, filer));
        }

        // The filer buys: its seller is the one other company its deal sentences name, when there is just one.
        if (origin.Filer is { } buyer && PartyReader.SameCompany(party.Name, buyer)
            && parties.Where(p => !PartyReader.SameCompany(p.Name, buyer)).ToList() is { Count: 1 } others)
        {
            return others[0];
        }

        return null;
    }

    private static PartyMention? Resolve(string text, Group group, int offset, DocumentOrigin origin)
        => group.Success ? Resolve(text, offset + group.Index, offset + group.Index + group.Length, origin) : null;

    /// <summary>
    /// A mention as a party: the filer when it is one of its self references, the full name when it is a short name the
    /// document defined ("Vertex Semiconductor Corp. (“Vertex”)"), else a cleaned company name.
    /// </summary>
    private static PartyMention? Resolve(string text, int start, int end, DocumentOrigin origin)
    {
        var written = text[start..end];
        if (origin.Resolve(written) is { } filer)
        {
            return new PartyMention(filer, start, end, null);
        }

        if (s_aliases is { } aliases && aliases.TryGetValue(written.Trim(), out var full))
        {
            return new PartyMention(full, start, end, null);
        }

        if (s_selfOnly.IsMatch(written))
        {
            return null;
        }

        // "Amazon's data center campuses": the owner may be a short name the document defined.
        var cleaned = PartyReader.Clean(text, start, end, null);
        if (cleaned is null || s_aliases is not { } known)
        {
            return cleaned;
        }

        // A bare name that is a legal name's stem ("Anthropic" for "Anthropic PBC") is that company; a defined term
        // ("the Agency") stays as written unless it owns something.
        var possessive = cleaned.Name.EndsWith("'s", StringComparison.Ordinal) || cleaned.Name.EndsWith("’s", StringComparison.Ordinal);
        var owner = possessive ? cleaned.Name[..^2] : cleaned.Name;
        return (possessive || s_legalStems is { } stems && stems.Contains(owner)) && known.TryGetValue(owner, out var fullName)
            ? cleaned with { Name = fullName }
            : cleaned;
    }

    private static void Add(List<PartyMention> parties, PartyMention mention)
    {
        var index = parties.FindIndex(p => PartyReader.SameCompany(p.Name, mention.Name));
        if (index < 0)
        {
            if (parties.Count < MaxParties)
            {
                parties.Add(mention);
            }

            return;
        }

        var existing = parties[index];
        parties[index] = existing with
        {
            // The longer spelling is the legal name ("Core Scientific, Inc." over "Core Scientific").
            Name = mention.Name.Length > existing.Name.Length && !mention.Name.Contains('\n', StringComparison.Ordinal) ? mention.Name : existing.Name,
            Term = existing.Term ?? mention.Term,
            Parent = existing.Parent ?? mention.Parent,
            QuoteStart = existing.QuoteStart >= 0 ? existing.QuoteStart : mention.QuoteStart,
            QuoteEnd = existing.QuoteEnd >= 0 ? existing.QuoteEnd : mention.QuoteEnd,
        };
    }

    /// <summary>Gives a party a role (and its deal side) unless another party already holds that side.</summary>
    private static void Assign(List<PartyMention> parties, PartyMention? party, string role, TextSpan sentence)
    {
        if (party is null)
        {
            return;
        }

        var side = PartyRoles.SideOf(role);
        Add(parties, party);
        var index = parties.FindIndex(p => PartyReader.SameCompany(p.Name, party.Name));
        if (index < 0)
        {
            return;
        }

        var existing = parties[index];
        if (existing.Role is not null || (side is not null && parties.Any(p => p.Role == side)))
        {
            return;
        }

        parties[index] = existing with { Role = side, Term = existing.Term ?? role, QuoteStart = sentence.Start, QuoteEnd = sentence.End };
    }
}
