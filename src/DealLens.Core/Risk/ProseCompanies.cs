using System.Text.RegularExpressions;

namespace DealLens.Core.Risk;

/// <summary>A company named in a document's prose, at <c>text[Start..End]</c>, by <see cref="Name"/> (its spelling or what a defined term, "we" or "the Company" stands for).</summary>
public sealed record ProseMention(int Start, int End, string Name);

/// <summary>
/// Finds the companies a document's prose names: spellings the alias table knows, the document's own parties, names
/// with a legal-form suffix or a ticker ("CoreWeave (Nasdaq: CRWV)"), other capitalised names, defined terms
/// ('CoreWeave, Inc. (the "Company")'), and "the Company" / "we" / "our" / "us" as the filer when it is known. It also
/// collects the links the text states: a ticker, "X LLC, a wholly-owned subsidiary of Y".
/// </summary>
public sealed class ProseCompanies
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private static readonly TimeSpan s_timeout = DealLens.Core.Text.RegexTimeouts.Limit;

    private const string Word = @"(?:[A-Z][A-Za-z0-9]*(?:[-&.'’][A-Za-z0-9]+)*|[0-9]+[A-Za-z][A-Za-z0-9]*)";
    internal const string LegalForm = @"(?:Inc|LLC|L\.L\.C|Corp|Corporation|Ltd|Limited|plc|PLC|N\.V|B\.V|S\.A|AG|SE|GmbH|LP|L\.P|PBC|Co|Pte|Pty|AB|ASA|Oy)\.?";

    // A run of capitalised words, "&" and inner "of"; optionally ", Inc." at the end.
    private static readonly Regex s_capitalised = new(
        @"(?<![A-Za-z0-9&'’-])" + Word + @"(?:[ \t]+(?:" + Word + @"|&|of(?=[ \t]+[A-Z])|de(?=[ \t]+[A-Z])))*(?:,?[ \t]+" + LegalForm + @"(?![A-Za-z]))?",
        Options, s_timeout);

    private static readonly Regex s_dateline = new(
        @"(?m)^[ \t]*[A-Z][A-Za-z.'’ -]{1,40}(?:,[ \t]*[A-Z][A-Za-z. ]{1,20}?)*,[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+[0-9]{1,2}(?:,[ \t]*[0-9]{4})?|[0-9]{4}-[0-9]{2}-[0-9]{2})(?:[ \t]*\([^)\n]{1,30}\))?[ \t]*(?:--|—|–|-)(?=[ \t])",
        Options, s_timeout);

    private static readonly Regex s_theBefore = new(@"\b[Tt]he\s+$", Options, s_timeout);

    private static readonly Regex s_descriptionHead = new(
        @"\G[ \t]+(?:[a-z-]+[ \t]+)?(?:company|group|firm|supplier|maker|chipmaker|start-?up|lender|investor|conglomerate|giant|operator|developer|lab)\b", Options, s_timeout);

    private static readonly Regex s_legalForm = new(@"(?:^|[\s,])" + LegalForm + @"$", Options, s_timeout);

    private static readonly Regex s_ticker = new(
        @"\G[ \t]*\((?:(?:NASDAQ|Nasdaq|NYSE|NYSE American|TSX|TSXV|LSE|ASX|TSE|HKEX|Nasdaq GS|NASDAQ GS)(?:[ \t]*,[ \t]*(?:NASDAQ|Nasdaq|NYSE|TSX|TSXV|LSE|ASX))*[ \t]*:[ \t]*(?<t>[A-Z][A-Z0-9.]{0,5})(?:[ \t]*[;,/][^)]{0,40})?)\)",
        Options, s_timeout);

    private static readonly Regex s_definedTerm = new(
        // The first parenthesis after the name, within its sentence: 'CoreWeave, Inc., a Delaware corporation (the "Company")'.
        @"\G(?:(?!\n[ \t]*\n|\.\s+[A-Z][a-z])[^()""“;]){0,100}?\((?:together[ \t]+with[^()""“]{0,60},[ \t]*)?(?:collectively[ \t]*,?[ \t]*)?(?:the[ \t]+)?[""“](?<term>[A-Z][A-Za-z0-9 &.'’-]{1,40})[""”]\)",
        Options, s_timeout);

    private static readonly Regex s_subsidiary = new(
        @"\G[ \t]*,?[ \t]*(?:a|an|the)[ \t]+(?:[a-z-]+[ \t]+){0,3}(?:subsidiary|affiliate|unit)[ \t]+of[ \t]+",
        Options, s_timeout);

    private static readonly Regex s_announcedIt = new(
        @"\b(?:announced|announces|said|reported|confirmed|disclosed|stated)\s+(?:today\s+)?(?:that\s+)?(?<p>it|the\s+company)\b", Options, s_timeout);

    private static readonly Regex s_datelineClose = new(@"\G\)\s*[-–—]", Options, s_timeout);

    private static readonly Regex s_filerWords = new(@"\b(?:[Tt]he[ \t]+[Cc]ompany|[Tt]he[ \t]+Registrant|[Tt]he[ \t]+Group|We|we|[Oo]ur|us)\b", Options, s_timeout);

    // Words that open or close a capitalised run without being part of a company name.
    private static readonly HashSet<string> s_stopWords = new(StringComparer.Ordinal)
    {
        "The", "This", "These", "That", "Those", "A", "An", "Under", "In", "On", "As", "At", "By", "For", "From", "With", "To", "Of",
        "Together", "Its", "Our", "We", "Each", "Both", "Today", "Following", "Upon", "Pursuant", "Additionally", "Also", "After",
        "Once", "When", "If", "Through", "Beginning", "Starting", "Per", "Separately", "Meanwhile", "Earlier", "Later", "Since",
        "During", "Including", "Such", "Any", "All", "Other", "New", "Such", "It", "They", "Their", "He", "She", "His", "Her",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "AI", "GPU", "GPUs", "TPU", "TPUs", "CPU", "CPUs", "HPC", "GW", "MW", "USD", "U.S.", "US", "SEC", "EBITDA", "CEO", "CFO",
        "Agreement", "Agreements", "Warrant", "Warrants", "Lease", "Leases", "Company", "Companies", "Investor", "Investors", "Holder",
        "Customer", "Provider", "Purchaser", "Lender", "Lenders", "Borrower", "Board", "Shares", "Stock", "Common", "Series", "Class",
        "Section", "Exhibit", "Item", "Form", "Note", "Notes", "Securities", "Act", "Exchange", "Commission", "Chief", "Executive",
        "Officer", "President", "Chairman", "Director", "Inc", "Inc.", "LLC", "Corp", "Corp.", "Ltd", "Ltd.", "Phase", "Facility",
        "Transaction", "Transactions", "Closing", "Effective", "Date", "Term", "Annual", "Report", "Quarterly", "Current", "Press",
        "Release", "Forward", "Looking", "Statements", "Risk", "Factors", "Q1", "Q2", "Q3", "Q4", "FY", "Fiscal", "Year", "Quarter",
        "North", "South", "East", "West", "Existing", "Several", "Many", "Most", "Some", "Leading", "Former",
        "Texas", "Louisiana", "Ohio", "Virginia", "Georgia", "Arizona", "Nevada", "Oregon", "Washington", "California", "Wisconsin",
        "Pennsylvania", "Michigan", "Colorado", "Dakota", "Wyoming", "Oklahoma", "Kentucky", "Tennessee", "Indiana", "Carolina",
        "Norway", "Portugal", "Kingdom", "Britain", "Europe", "America", "Canada", "Japan", "India", "Germany", "France", "Abu", "Dhabi",
        "Emirates", "Saudi", "Arabia", "Entry", "About", "Contact", "Contacts", "Source", "Media", "Investor", "Relations", "Material", "Definitive", "Results", "Operations", "Financial", "Condition",
        "Blackwell", "Hopper", "Grace", "Rubin", "Vera", "PCs", "Instinct", "H100", "H200", "B200", "GB200", "GB300", "MI450", "MI300X",
    };

    // Words that make a company name only together with others ("Tallow Data Centers", "Brightfold Cloud").
    private static readonly HashSet<string> s_genericWords = new(StringComparer.Ordinal)
    {
        "Data", "Center", "Centers", "Centre", "Centres", "Campus", "Project", "Cloud", "Capacity", "Compute", "Computing", "Energy",
        "Power", "Digital", "Systems", "Technologies", "Technology", "Infrastructure", "Capital", "Partners", "Labs", "Bank", "Group",
        "Investments", "Ventures", "Holdings",
    };

    private readonly List<ProseMention> _mentions;

    public ProseCompanies(string text, string? filer, CompanyResolver resolver, IEnumerable<string>? knownNames = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(resolver);
        Filer = filer;
        var links = new List<KeyValuePair<string, string>>();
        var definedTerms = new Dictionary<string, string>(StringComparer.Ordinal);
        var lowerWords = LowerCaseWords(text);
        var midCapitals = MidSentenceCapitals(text);
        var taken = new bool[text.Length];
        var mentions = new List<ProseMention>();

        // A press-release or wire dateline ("EASTON, Md., Oct. 28, 2025 --", "SAN JOSE, Nov 3 (DealWire) -") names a
        // place and a date, never a party: nothing in it is a company.
        foreach (Match dateline in s_dateline.Matches(text))
        {
            taken.AsSpan(dateline.Index, dateline.Length).Fill(true);
        }

        // Known spellings first (longest first), so "Microsoft Azure" is not split and "Nvidia Blackwell" keeps "Nvidia".
        var known = CompanyAliases.Bundled.Where(a => a.Kind != CompanyAliases.Ticker).SelectMany(a => new[] { a.Alias, a.Company })
            .Concat((knownNames ?? []).Select(StripPossessive))
            .Concat(filer is null ? [] : [filer, CompanyNames.StripSuffixes(filer)])
            .Where(n => n.Length >= 2)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(n => n.Length)
            .ToList();
        foreach (var name in known)
        {
            // Exact spelling, or the same letters with a capital first letter ("NVIDIA" for "Nvidia").
            for (var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + name.Length;
                // A lower-case first letter only in the known spelling itself ("xAI"), never in an ordinary word.
                if ((!char.IsUpper(text[at]) && (char.IsUpper(name[0]) || string.CompareOrdinal(text, at, name, 0, name.Length) != 0))
                    || !Boundary(text, at - 1) || !Boundary(text, end) || taken.AsSpan(at, name.Length).Contains(true))
                {
                    continue;
                }

                if (string.CompareOrdinal(text, at, name, 0, name.Length) != 0 && !IsAllCapsOf(text.AsSpan(at, name.Length)))
                {
                    continue;
                }

                end = Extend(text, end, name, links, definedTerms);
                taken.AsSpan(at, end - at).Fill(true);
                mentions.Add(new ProseMention(at, end, name));
            }
        }

        foreach (Match match in s_capitalised.Matches(text))
        {
            var (start, end) = Trim(text, match.Index, match.Index + match.Length, lowerWords);
            if (end <= start || taken.AsSpan(start, end - start).Contains(true))
            {
                continue;
            }

            end = KeepTrailingAi(text, start, end, match.Index + match.Length, resolver);

            var name = text[start..end];

            // "Sept 10 (DealWire) - ": a wire's name in a dateline, not a company of the story.
            if (start > 0 && text[start - 1] == '(' && s_datelineClose.IsMatch(text, end))
            {
                continue;
            }

            var after = Extend(text, end, name, links, definedTerms);
            if (name.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(s_genericWords.Contains))
            {
                continue;
            }

            // An adjective of nationality or origin in a definite description ("the Japanese group", "the Finnish
            // supplier") describes a company named elsewhere; it does not name one.
            if (!name.Contains(' ', StringComparison.Ordinal) && !resolver.Knows(name) && s_theBefore.IsMatch(text[Math.Max(0, start - 5)..start])
                && s_descriptionHead.IsMatch(text, end))
            {
                continue;
            }

            var hasForm = s_legalForm.IsMatch(name) && name.Contains(' ', StringComparison.Ordinal);
            var hasTicker = after > end && links.Count > 0 && links[^1].Value == name;
            if (!hasForm && !hasTicker && !resolver.Knows(name)
                && (!LooksLikeName(name) || IsOrdinaryWords(name, lowerWords) || IsThing(text, start, end, match.Index + match.Length, name, midCapitals)))
            {
                continue;
            }

            taken.AsSpan(start, after - start).Fill(true);
            mentions.Add(new ProseMention(start, after, name));
        }

        // A name that extends a known company's name ("Fluidstack USA I LLC", "CoreWeave Compute Acquisition Co. VII")
        // is read as that company's unit.
        var knownSet = known.Where(n => n.Length >= 4).ToHashSet(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            var words = CompanyNames.StripSuffixes(mention.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var n = words.Length - 1; n >= 1; n--)
            {
                var prefix = string.Join(' ', words.Take(n));
                if (knownSet.Contains(prefix) && !resolver.Knows(mention.Name))
                {
                    links.Add(KeyValuePair.Create(mention.Name, prefix));
                    break;
                }
            }
        }

        // Subsidiaries: "X LLC, a wholly-owned subsidiary of Y".
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 0; i + 1 < mentions.Count; i++)
        {
            var m = s_subsidiary.Match(text, mentions[i].End);
            if (m.Success && m.Index + m.Length == mentions[i + 1].Start)
            {
                links.Add(KeyValuePair.Create(mentions[i].Name, mentions[i + 1].Name));
            }
        }

        // Defined terms and the filer words, where nothing else took the place.
        var filerName = definedTerms.TryGetValue("Company", out var company) ? company : filer;
        foreach (var (term, name) in definedTerms)
        {
            foreach (Match match in Regex.Matches(text, @"(?<![A-Za-z])(?:the[ \t]+)?" + Regex.Escape(term) + @"(?![A-Za-z])", Options, s_timeout))
            {
                if (!taken.AsSpan(match.Index, match.Length).Contains(true))
                {
                    taken.AsSpan(match.Index, match.Length).Fill(true);
                    mentions.Add(new ProseMention(match.Index, match.Index + match.Length, name));
                }
            }
        }

        // "X today announced that it has signed ...": "it" is the announcer.
        foreach (Match match in s_announcedIt.Matches(text))
        {
            var pronoun = match.Groups["p"];
            var speaker = mentions.Where(m => m.End <= match.Index && match.Index - m.End <= 300).MaxBy(m => m.End);
            if (speaker is not null && !taken.AsSpan(pronoun.Index, pronoun.Length).Contains(true))
            {
                taken.AsSpan(pronoun.Index, pronoun.Length).Fill(true);
                mentions.Add(new ProseMention(pronoun.Index, pronoun.Index + pronoun.Length, speaker.Name));
            }
        }

        if (filerName is not null)
        {
            foreach (Match match in s_filerWords.Matches(text))
            {
                if (!taken.AsSpan(match.Index, match.Length).Contains(true))
                {
                    mentions.Add(new ProseMention(match.Index, match.Index + match.Length, filerName));
                }
            }
        }

        // A bare defined term found as a capitalised name ("Vertex" for 'Vertex Semiconductor Corp. ("Vertex")') is the company it defines.
        for (var i = 0; i < mentions.Count; i++)
        {
            if (definedTerms.TryGetValue(mentions[i].Name, out var defined) && text[mentions[i].Start..mentions[i].End] == mentions[i].Name)
            {
                mentions[i] = mentions[i] with { Name = defined };
            }
        }

        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        Vehicles(text, mentions, taken, filerName);
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        _mentions = mentions;
        StatedLinks = links;
    }

    // An unnamed vehicle or joint venture: introduced with "a"/"an" (or first met as "the ..."), referred to later as
    // "the vehicle", "the SPV", "the joint venture", "the venture".
    private static readonly Regex s_vehicle = new(
        @"\b(?<det>[Aa]n?|[Tt]he)\s+(?:newly[- ]formed\s+|new\s+|separate\s+|dedicated\s+)?(?<kind>special[- ]purpose\s+vehicle|SPV|financing\s+vehicle|joint\s+venture|JV|venture|vehicle)\b(?!\s+(?:capital|partners?|funds?|firms?|investors?|debt|lending)\b)(?<by>\s+(?:managed|sponsored|formed|set\s+up|created|organi[sz]ed|controlled|led|owned)\s+by\s+)?",
        Options, s_timeout);

    /// <summary>
    /// Adds one company per unnamed vehicle and per unnamed joint venture the text speaks of, named after its sponsor
    /// ("vehicle of Valor Equity Partners (unnamed)"): the company after "managed by" / "formed by", else the company
    /// named just before it in its sentence, else the filer. Later definite mentions refer to the latest of their kind.
    /// </summary>
    private static void Vehicles(string text, List<ProseMention> mentions, bool[] taken, string? filer)
    {
        var latest = new Dictionary<string, string>(StringComparer.Ordinal);
        var introduced = new List<(int At, string Name)>();
        foreach (Match match in s_vehicle.Matches(text))
        {
            if (taken.AsSpan(match.Index, match.Length).Contains(true))
            {
                continue;
            }

            var kind = match.Groups["kind"].Value.ToLowerInvariant();
            var isJoint = kind.Contains("venture", StringComparison.Ordinal) || kind == "jv";
            var cls = isJoint ? "joint venture" : "vehicle";
            var indefinite = !match.Groups["det"].Value.Equals("the", StringComparison.OrdinalIgnoreCase);
            // A bare "vehicle" or "venture" introduces one only with its sponsor ("a vehicle managed by X"); "the venture"
            // refers back.
            if (kind is "venture" or "vehicle" && (indefinite ? !match.Groups["by"].Success : !latest.ContainsKey(cls)))
            {
                continue;
            }

            var end = match.Index + match.Length;
            string? sponsor = null;
            if (match.Groups["by"].Success)
            {
                var by = mentions.FirstOrDefault(m => m.Start == end);
                if (by is not null)
                {
                    sponsor = by.Name;
                    mentions.Remove(by);
                    end = by.End;
                }
            }

            if (!latest.TryGetValue(cls, out var current) || indefinite)
            {
                var sentenceStart = Math.Max(text.LastIndexOf(". ", match.Index, StringComparison.Ordinal), text.LastIndexOf('\n', Math.Max(match.Index - 1, 0)));
                // The sentence's subject: its first company, past a possessive that only qualifies the next one ("Elon Musk's xAI").
                var before = mentions.Where(m => m.End <= match.Index && m.Start > sentenceStart).OrderBy(m => m.Start).ToList();
                var subject = before.FirstOrDefault(m => !before.Any(n => n.Start > m.End && n.Start <= m.End + 3 && text.AsSpan(m.End, n.Start - m.End).Trim().StartsWith("'s", StringComparison.Ordinal)));
                sponsor ??= subject?.Name ?? filer;
                if (sponsor is null)
                {
                    continue;
                }

                current = $"{cls} of {CompanyNames.StripSuffixes(sponsor)} (unnamed)";
                latest[cls] = current;
            }

            taken.AsSpan(match.Index, end - match.Index).Fill(true);
            mentions.Add(new ProseMention(match.Index, end, current));
            introduced.Add((match.Index, current));
        }

        // "the equity (portion)" of a financing just described is the equity of the vehicle or venture that raises it.
        foreach (Match match in s_theEquity.Matches(text))
        {
            var np = match.Groups["np"];
            var antecedent = introduced.Where(v => v.At < np.Index && np.Index - v.At <= 600).OrderByDescending(v => v.At).Select(v => v.Name).FirstOrDefault();
            if (antecedent is not null && !taken.AsSpan(np.Index, np.Length).Contains(true))
            {
                taken.AsSpan(np.Index, np.Length).Fill(true);
                mentions.Add(new ProseMention(np.Index, np.Index + np.Length, antecedent));
            }
        }
    }

    private static readonly Regex s_theEquity = new(
        @"\b(?:into|of|in|to)\s+(?<np>the\s+(?:vehicle['’]s\s+|venture['’]s\s+)?equity(?:\s+(?:portion|tranche|component))?)\b", Options, s_timeout);

    public string? Filer { get; }

    /// <summary>Links the text states: ticker -> name, subsidiary -> parent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> StatedLinks { get; }

    /// <summary>Every mention, in text order.</summary>
    public IReadOnlyList<ProseMention> Mentions => _mentions;

    /// <summary>Adds mentions a reader resolved from context (pronouns, "the company"); places already taken keep theirs.</summary>
    internal void Add(IEnumerable<ProseMention> resolved)
    {
        foreach (var mention in resolved)
        {
            if (!_mentions.Any(m => m.Start < mention.End && mention.Start < m.End))
            {
                _mentions.Add(mention);
            }
        }

        _mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>The mentions inside <c>text[start..end]</c>.</summary>
    public IReadOnlyList<ProseMention> Within(int start, int end)
    {
        var lo = 0;
        var hi = _mentions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_mentions[mid].Start < start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var result = new List<ProseMention>();
        for (var i = lo; i < _mentions.Count && _mentions[i].End <= end; i++)
        {
            result.Add(_mentions[i]);
        }

        return result;
    }

    /// <summary>The press-release speaker: the first company in "&lt;Name&gt; (Nasdaq: X) today announced".</summary>
    public static string? Announcer(string text, CompanyResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(resolver);
        var head = text.Length > 3000 ? text[..3000] : text;
        var announced = Regex.Match(head, @"\b(?:today\s+)?announced\b|\bannounces\b|\btoday\s+reported\b", Options, s_timeout);
        if (!announced.Success)
        {
            return null;
        }

        var before = new ProseCompanies(head[..announced.Index], null, resolver);
        var last = before.Mentions.Count > 0 ? before.Mentions[^1] : null;
        return last is not null && announced.Index - last.End <= 60 ? last.Name : null;
    }

    /// <summary>Swallows a following ticker or defined term into the mention and records what it states.</summary>
    private static int Extend(string text, int end, string name, List<KeyValuePair<string, string>> links, Dictionary<string, string> definedTerms)
    {
        var ticker = s_ticker.Match(text, end);
        if (ticker.Success)
        {
            links.Add(KeyValuePair.Create(ticker.Groups["t"].Value, name));
            end = ticker.Index + ticker.Length;
        }

        var term = s_definedTerm.Match(text, end);
        if (term.Success && term.Length <= 200)
        {
            var value = term.Groups["term"].Value.Trim();
            if (!definedTerms.ContainsKey(value) && value != name)
            {
                definedTerms[value] = name;
            }
        }

        return end;
    }

    private static (int Start, int End) Trim(string text, int start, int end, HashSet<string> lowerWords)
    {
        var words = Regex.Matches(text[start..end], @"\S+", Options, s_timeout).Select(m => (Start: start + m.Index, End: start + m.Index + m.Length)).ToList();
        bool Drop((int Start, int End) w)
        {
            var s = text[w.Start..w.End].TrimEnd(',');
            if (s.EndsWith("'s", StringComparison.Ordinal) || s.EndsWith("’s", StringComparison.Ordinal))
            {
                s = s[..^2];
            }

            return s_stopWords.Contains(s) || s_stopWords.Contains(s.TrimEnd('.')) || s is "&" or "of" or "de"
                || (AtSentenceStart(text, w.Start) && s.Length > 1 && s.Skip(1).All(char.IsLower) && lowerWords.Contains(s.ToLowerInvariant()));
        }

        var first = 0;
        while (first < words.Count && Drop(words[first]))
        {
            first++;
        }

        var last = words.Count - 1;
        while (last >= first && Drop(words[last]) && !s_legalForm.IsMatch(text[words[first].Start..words[last].End]))
        {
            last--;
        }

        if (first > last)
        {
            return (0, 0);
        }

        // Possessive "CoreWeave's": the mention stops before the apostrophe.
        var e = words[last].End;
        var s2 = text[words[first].Start..e];
        if (s2.EndsWith("'s", StringComparison.Ordinal) || s2.EndsWith("’s", StringComparison.Ordinal))
        {
            e -= 2;
        }

        return (words[first].Start, e);
    }

    // After a name, words that begin its predicate: "Quillon AI raised ..." names "Quillon AI".
    private static readonly Regex s_predicateStart = new(
        @"\G(?:'s|’s|[ \t]*(?:[,.;:)(]|$)|[ \t\r\n]+(?:is|was|are|were|has|had|have|will|would|said|says|announced|announces|raised|raises|signed|signs|agreed|agrees|plans|closed|secured|received|reached|struck|chose|selected|became|uses|used|trains|trained|runs|ran|built|builds|bought|buys|leases|leased|rents|rented|pays|paid|invested|invests|committed|commits|expects|intends)\b)",
        Options, s_timeout);

    /// <summary>
    /// A run of one unknown capitalised word and a final "AI" ("Quillon AI") names one company when the name stands as
    /// a subject or a possessive (a predicate verb, "'s" or punctuation follows): "AI" is otherwise a word that closes a
    /// run ("Marlow AI chips" is Marlow's chips), so <see cref="Trim"/> drops it.
    /// </summary>
    private static int KeepTrailingAi(string text, int start, int end, int runEnd, CompanyResolver resolver)
    {
        var rest = text[end..runEnd];
        var ai = rest.TrimStart(' ', '\t');
        if (!(ai == "AI" || ai == "AI's" || ai == "AI’s") || rest.Length - ai.Length is < 1 or > 2
            || text.AsSpan(start, end - start).Contains(' ') || resolver.Knows(text[start..end]))
        {
            return end;
        }

        var aiEnd = end + (rest.Length - ai.Length) + 2;
        return s_predicateStart.IsMatch(text, aiEnd) ? aiEnd : end;
    }

    /// <summary>"Google's" as a party name (a reader upstream kept the possessive) is "Google".</summary>
    private static string StripPossessive(string name)
        => name.EndsWith("'s", StringComparison.Ordinal) || name.EndsWith("’s", StringComparison.Ordinal) ? name[..^2] : name;

    // The head noun of a capitalised run that names a document or a deal, not a company: "the New Ground Lease", "the
    // Indemnification Agreements", "the Cash Lease Prepayment".
    private static readonly HashSet<string> s_thingHeads = new(StringComparer.Ordinal)
    {
        "Agreement", "Agreements", "Lease", "Leases", "Facility", "Facilities", "Note", "Notes", "Warrant", "Warrants", "Prepayment",
        "Order", "Orders", "Contract", "Contracts", "Loan", "Loans", "Transaction", "Transactions", "Amendment", "Amendments",
        "Guarantee", "Guaranty", "Indenture", "Debentures", "Offering", "Program", "Plan",
    };

    /// <summary>
    /// A run that is not a company by its layout: an XBRL label in brackets ("[Abstract]"); a run whose head noun (the
    /// word that ended it before trimming) names a document or deal ("New Ground Lease"); or one plain capitalised word
    /// that opens a heading line before a lower-case word ("Commercial agreement for GPU services", "Hardware purchase
    /// and equipment financing agreements") and is never written capitalised inside a sentence, where capitals would
    /// mark a name. A sentence in prose that opens with a bare name ("Humain signs ...") keeps it.
    /// </summary>
    private static bool IsThing(string text, int start, int end, int runEnd, string name, HashSet<string> midCapitals)
    {
        if (start > 0 && text[start - 1] == '[' && end < text.Length && text[end] == ']')
        {
            return true;
        }

        var dropped = text[end..runEnd].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var head = dropped.Length > 0 ? dropped[^1].TrimEnd(',', '.') : name.Split(' ')[^1];
        if (s_thingHeads.Contains(head))
        {
            return true;
        }

        if (name.Contains(' ', StringComparison.Ordinal) || !AtHeadingStart(text, start) || midCapitals.Contains(name) || name.Skip(1).Any(char.IsUpper))
        {
            return false;
        }

        var next = end;
        while (next < text.Length && text[next] is ' ' or '\t')
        {
            next++;
        }

        return next < text.Length && char.IsLower(text[next]);
    }

    /// <summary>The first word of a heading: a line that starts here and does not end as a sentence does ("Commercial agreement for GPU services").</summary>
    private static bool AtHeadingStart(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        if (index > 0 && !string.IsNullOrWhiteSpace(text[lineStart..index]))
        {
            return false;
        }

        var lineEnd = text.IndexOf('\n', index);
        var line = (lineEnd < 0 ? text[index..] : text[index..lineEnd]).TrimEnd();
        return line.Length > 0 && line[^1] is not ('.' or '!' or '?' or ':' or ';' or ',');
    }

    /// <summary>Capitalised words that occur inside a sentence (not after a sentence or line start), where capitals mark names.</summary>
    private static HashSet<string> MidSentenceCapitals(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '&');
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                if (char.IsUpper(text[start]) && !AtSentenceStart(text, start))
                {
                    set.Add(text[start..i]);
                }

                start = -1;
            }
        }

        return set;
    }

    /// <summary>A capitalised run with no legal form and no ticker is a company only when it has the look of one: inner capitals ("CoreWeave", "OpenAI") or a multi-word proper name.</summary>
    private static bool LooksLikeName(string name)
    {
        if (name.Length < 2 || name.EndsWith('.'))
        {
            return false;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1)
        {
            var w = words[0];
            // "CoreWeave", "OpenAI", "xAI"-like inner capitals, or a plain capitalised word (press releases name companies bare).
            return w.Length >= 3 && char.IsUpper(w[0]) && w.Any(char.IsLower);
        }

        return words.Length <= 6;
    }

    /// <summary>Whether <paramref name="index"/> opens a sentence or line, where any word is capitalised.</summary>
    private static bool AtSentenceStart(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '"' or '“' or '(')
        {
            i--;
        }

        return i < 0 || text[i] is '.' or '\n' or '!' or '?' or ':' or ';';
    }

    /// <summary>
    /// A capitalised run whose every word the document also writes in lower case ("Total Contract Value" in a title)
    /// or that is written all in capitals over several words ("SUBSEQUENT EVENT") is a heading, not a company.
    /// </summary>
    private static bool IsOrdinaryWords(string name, HashSet<string> lowerWords)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1 && words.All(w => IsAllCapsOf(w) && w.Any(char.IsLetter)))
        {
            return true;
        }

        return words.All(w => lowerWords.Contains(w.ToLowerInvariant()));
    }

    private static bool IsAllCapsOf(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Boundary(string text, int index)
        => index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);

    private static HashSet<string> LowerCaseWords(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                if (char.IsLower(text[start]))
                {
                    set.Add(text[start..i]);
                }

                start = -1;
            }
        }

        return set;
    }
}
