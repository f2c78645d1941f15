using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DealLens.Core.Documents;
using DealLens.Core.Text;

namespace DealLens.Core.Deals;

/// <summary>Reads the headline deal terms (parties, value, term, capacity, chips) from a document's text.</summary>
/// <remarks>
/// Rule-based and pure. Every term found is grounded by a <see cref="FieldEvidence"/> quoting the document verbatim.
/// Amounts that cannot be read are left empty with a warning; they are never guessed.
/// </remarks>
public sealed class DealTermsExtractor : IDealTermsExtractor
{
    public static DealTermsExtractor Default { get; } = new(DealTermsOptions.Default);

    private const RegexOptions Options = NumberWords.Options;
    private const RegexOptions IgnoreCase = NumberWords.Options | RegexOptions.IgnoreCase;

    private static readonly Regex s_strongValue = new(
        @"\b(?:total[ ]contract[ ]value|contract[ ]value|total[ ]value|aggregate[ ]value|deal[ ]value|valued[ ]at|worth" +
        @"|total[ ]commitment|aggregate[ ]commitment|total[ ]consideration|aggregate[ ]consideration|total[ ]contract[ ]price)\b",
        IgnoreCase,
        NumberWords.MatchTimeout);

    private static readonly Regex s_weakValue = new(
        @"\b(?:up[ ]to|as[ ]much[ ]as|aggregate|commitment[ ]of|committed[ ]to|total[ ]of|in[ ]total|totaling|totalling)\b" +
        @"|\bagreement\b" + NumberWords.SentenceChar + @"{0,120}?\bof[ ](?:approximately[ ]|about[ ]|roughly[ ])?$",
        IgnoreCase,
        NumberWords.MatchTimeout);

    // Amounts in these sentences are caps, insurance or penalties, not the deal's value.
    private static readonly Regex s_notDealValue = new(
        @"\b(?:liabilit\w*|insurance|indemni\w*|damages|penalt\w*|deductible|late[ ]fees?)\b", IgnoreCase, NumberWords.MatchTimeout);

    // The sentences of each document a quote was re-read in: a model's deal terms re-read several quotes of one
    // document, and segmenting the whole text once per quote made that cost quotes x length. Weak keys: an entry
    // lives as long as its document, and a document's text never changes.
    private static readonly ConditionalWeakTable<DocumentText, IReadOnlyList<TextSpan>> s_documentSentences = new();

    private static readonly Regex s_nonBinding = new(
        @"\b(?:up[ ]to|as[ ]much[ ]as|potential(?:ly)?|letters?[ ]of[ ]intent|LOI|non-?binding|milestones?|vest(?:s|ed|ing)?" +
        @"|upon[ ](?:the[ ])?achievement|contingent[ ](?:on|upon)|subject[ ]to\b" + NumberWords.SentenceChar + @"{0,120}?\bdefinitive)\b",
        IgnoreCase,
        NumberWords.MatchTimeout);

    // Intent, plans and modal verbs in the amount's own clause: "NVIDIA intends to invest", "would be", "could reach".
    private static readonly Regex s_nonBindingClause = new(
        @"\b(?:intends?|intended|intention|plans?|planned|planning|proposed?|could|would|might|aims?|seeks?|as[ ]each|progressively)\b",
        IgnoreCase,
        NumberWords.MatchTimeout);

    // Talks still under way: a sentence about a deal being negotiated states no binding amount.
    private static readonly Regex s_nonBindingSentence = new(
        @"\b(?:negotiating|in[ ](?:advanced[ ])?(?:talks|discussions|negotiations)|under[ ]negotiation|people[ ]familiar[ ]with[ ]the[ ]plans)\b",
        IgnoreCase,
        NumberWords.MatchTimeout);

    // The document says the deal is not final: "The financing has not closed", "definitive terms have not been signed".
    private static readonly Regex s_notFinal = new(
        @"\b(?:has|have)[ ]not[ ](?:yet[ ])?(?:closed|been[ ](?:signed|executed|finalized|finalised|agreed))\b|\bnot[ ]yet[ ](?:binding|final|signed)\b|\bstill[ ](?:only[ ])?a[ ](?:letter[ ]of[ ]intent|term[ ]sheet|proposal)\b",
        IgnoreCase,
        NumberWords.MatchTimeout);

    private static readonly Regex s_nonBindingTitle = new(
        @"\b(?:letter[ ]of[ ]intent|term[ ]sheet|memorandum[ ]of[ ]understanding|non-?binding)\b", IgnoreCase, NumberWords.MatchTimeout);

    private const string Duration = @"(?<dur>" + "{0}" + @")[ \t]*-?[ \t]*(?<unit>(?i:years?|months?))(?![A-Za-z])";

    private static readonly Regex s_termLength = new(
        @"\b(?i:term)\b" + NumberWords.SentenceChar + @"{0,100}?\b(?i:of|for|be|is|equal[ ]to|through)[ \t\n]+(?:(?i:an?[ ](?:initial[ ])?period[ ]of)[ ]+)?(?:(?i:approximately)[ ]+)?" +
        DurationPattern() +
        @"|" + DurationPattern() + @"[ \t]+(?:(?i:initial|base|fixed)[ ]+)?(?i:term|agreement|contract|lease|commitment|deal|arrangement)\b",
        Options,
        NumberWords.MatchTimeout);

    // Announcement forms of a term, tried when the contract forms find none. An adjectival duration before the
    // deal's noun, with up to five modifiers between: "two 10-year high-performance computing colocation
    // agreements", "a five-year, $9.7 billion cloud services contract", "12-year contracts".
    private static readonly Regex s_termAdjective = new(
        @"(?<![\w-])" + DurationPattern() +
        @"(?:,?[ \t\n]+(?!(?i:after|before|from|following|of|the|an?|to|for|with|prior|notice|renewal|renewals|extension|extensions|option|options)\b)(?:\$[\d.,]+(?:[ \t]*(?i:billion|million|bn|m))?|[A-Za-z][\w-]*)){0,5}?" +
        @"[ \t\n]+(?i:terms?|agreements?|contracts?|leases?|deals?|commitments?|arrangements?|orders?|partnerships?)\b" +
        // "two leases of approximately 15 years each"
        @"|\b(?i:agreements?|contracts?|leases?|terms?|orders?)[ \t\n]+(?i:of)[ \t\n]+(?:(?i:approximately|about|roughly)[ \t\n]+)?" + DurationPattern(),
        IgnoreCase,
        NumberWords.MatchTimeout);

    // "pay Nebius $17.4 billion over five years", "rent them to xAI for five years": a span tied to a payment in the same sentence.
    private static readonly Regex s_termSpan = new(
        @"\b(?i:over|for)[ \t\n]+(?:(?i:a[ ]period[ ]of|the[ ]next|approximately|about|roughly)[ \t\n]+)*" + DurationPattern() +
        @"(?![ \t\n]+(?i:after|following|from|of[ ]the[ ]date)\b)",
        IgnoreCase,
        NumberWords.MatchTimeout);

    // "through April 2032", "until December 14, 2031": the end of a term written without its length.
    private static readonly Regex s_throughMonth = new(
        @"\b(?i:through|until|till|runs[ ]through|runs[ ]until)[ \t\n]+(?:(?i:the[ ]end[ ]of)[ \t\n]+)?" +
        @"(?<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?[ \t\n]+(?:(?<day>\d{1,2}),?[ \t\n]+)?(?<year>\d{4})\b",
        Options,
        NumberWords.MatchTimeout);

    // A press release's dateline: "SANTA CLARA, Calif., Oct. 6, 2025 -- ", "AUSTIN, Texas, June 3, 2024 /PRNewswire/ --".
    private static readonly Regex s_dateline = new(
        DateMentions.Pattern + @"[ \t]*(?:--|—|–|-[ ]|/[A-Za-z ]+/)",
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_renewalBefore = new(
        @"(?i:renewal|renew|extension|extend|notice)", Options, NumberWords.MatchTimeout);

    private static readonly Regex[] s_effectiveDate =
    [
        new(@"Effective[ ]Date[""”]?\)?[ \t]*(?:means|shall[ ]mean|shall[ ]be|is|:)[ \t]*(?:the[ ]date[ ]of[ ]|on[ ])?" + DateMentions.Pattern, Options, NumberWords.MatchTimeout),
        new(DateMentions.Pattern + @"[ \t]*\([ \t]*(?:the[ ])?[""“]Effective[ ]Date[""”][ \t]*\)", Options, NumberWords.MatchTimeout),
        new(@"\b(?i:effective)[ \t\n]+(?i:as[ ]of|on|from)[ \t\n]+(?:(?i:this)[ ]+)?" + DateMentions.Pattern, Options, NumberWords.MatchTimeout),
        new(@"\b(?i:dated|entered[ ]into|made)(?:[ ](?i:and[ ]entered[ ]into))?[ \t\n]+(?i:as[ ]of|on)[ \t\n]+(?:(?i:this|the)[ ]+)?" + DateMentions.Pattern, Options, NumberWords.MatchTimeout),
        new(@"\bOn[ ]" + DateMentions.Pattern + @",[ \t\n]+" + NumberWords.SentenceChar + @"{0,200}?\b(?:entered[ ]into|signed|executed|announced)\b", Options, NumberWords.MatchTimeout),
    ];

    private static readonly Regex s_endDate = new(
        @"\b(?i:through|until|till|ending[ ]on|ends[ ]on|end[ ]on|expire[sd]?[ ]on|expiring[ ]on|expiration[ ]date[ ]of|terminates?[ ]on)[ \t\n]+(?:(?i:and[ ]including)[ ]+)?" +
        DateMentions.Pattern,
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_anyDate = new(DateMentions.Pattern, Options, NumberWords.MatchTimeout);

    private static readonly Regex s_termSentence = new(
        @"\b(?i:term|expire[sd]?|expiration|in[ ]effect|in[ ]force|continue[sd]?)\b|Effective[ ]Date", Options, NumberWords.MatchTimeout);

    private static readonly Regex s_capacity = new(
        @"(?<![\d.,])(?:(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?<nw>" + NumberWords.Pattern + @"))[ \t]*-?[ \t]*" +
        @"(?<unit>GW|MW|(?i:gigawatts?|megawatts?))(?![A-Za-z])",
        Options,
        NumberWords.MatchTimeout);

    // "approximately 100,000 GPUs", "50,000 NVIDIA GB200 GPUs", "one million TPUs". Words between the number and
    // the unit must be capitalised model names ("GB200", "8x"), not plain numbers, so "2025 the GPUs" and
    // "Phase 2 10,000 GPUs" are not misread.
    private static readonly Regex s_gpuCount = new(
        @"(?<![\w.,])(?:(?<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)|(?<nw>" + NumberWords.Pattern + @"))" +
        @"(?:[ \t]*(?<scale>(?i:million|thousand)\b|k\b))?\+?[ \t\n]+(?<models>(?:(?:[A-Z]|[0-9]+[A-Za-z])[\w.-]*[ \t\n]+){0,4}?)" +
        @"(?<unit>GPUs|accelerators|graphics[ ]processing[ ]units|XPUs|TPUs|[Ss]uperchips|chips)\b",
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_prepayment = new(
        @"\b(?i:prepa(?:y|ys|id|ying|yments?))\b(?:[^.;%]|\.(?=\d)){0,100}?" + NumberWords.PercentPattern +
        @"|" + NumberWords.PercentPattern + @"(?:[ \t]+(?i:of)(?:[^.;%]|\.(?=\d)){0,60}?)?[ \t]+(?:(?i:as[ ](?:an?[ ])?)[ ]*)?(?i:prepayment|prepaid|advance[ ]payment)\b",
        Options,
        NumberWords.MatchTimeout);

    private readonly DealTermsOptions _options;

    public DealTermsExtractor()
        : this(DealTermsOptions.Default)
    {
    }

    public DealTermsExtractor(DealTermsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public Task<DealTermsResult> ExtractAsync(DocumentText document, CancellationToken cancellationToken)
        => Task.FromResult(Extract(document));

    /// <summary>
    /// Re-reads one field from the document text at <paramref name="start"/>..<paramref name="end"/> (a quote already
    /// located in the document) with this extractor's own rules. Returns terms holding only that field and its
    /// evidence, in document offsets; null when the quote does not state a readable value for the field.
    /// Used to check a model's claim: the value always comes from the quote, never from what the model said.
    /// </summary>
    public DealTerms? ReadQuoted(DocumentText document, string field, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(field);
        if (start < 0 || end > document.Text.Length || start >= end)
        {
            return null;
        }

        var quote = document.Text[start..end];
        var sub = new Reading(DocumentText.FromPages([quote], document.Format));
        try
        {
            var empty = DealTerms.Empty;
            DealTerms? terms = field switch
            {
                DealTermFields.Provider or DealTermFields.Customer => ReadQuotedParty(sub, field),
                DealTermFields.TotalValue => ReadQuotedValue(document, sub, start) is { } value ? empty with { TotalValue = value } : null,
                DealTermFields.EffectiveDate => ReadQuotedDate(sub, field, s_effectiveDate) is { } date ? empty with { EffectiveDate = date } : null,
                DealTermFields.EndDate => ReadQuotedDate(sub, field, [s_endDate]) is { } date ? empty with { EndDate = date } : null,
                DealTermFields.TermMonths => ReadTerm(sub, null, null) is { } months ? empty with { TermMonths = months } : null,
                DealTermFields.CapacityMw => ReadCapacity(sub) is { } mw ? empty with { CapacityMw = mw } : null,
                DealTermFields.GpuCount => ReadGpuCount(sub) is { } gpus ? empty with { GpuCount = gpus } : null,
                DealTermFields.Chips => ReadChips(sub) is { Count: > 0 } chips ? empty with { Chips = chips } : null,
                DealTermFields.PrepaymentPct => ReadPrepayment(sub) is { } pct ? empty with { PrepaymentPct = pct } : null,
                _ => null,
            };
            if (terms is null || sub.Evidence.Count == 0)
            {
                return null;
            }

            // Evidence offsets are moved from the quote into the document.
            var evidence = sub.Evidence
                .Select(e => new FieldEvidence(e.Field, document.PageAt(start + e.Start), start + e.Start, start + e.End, e.Text))
                .ToList();
            return terms with { Evidence = evidence };
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private DealTerms? ReadQuotedParty(Reading sub, string field)
    {
        var found = PartyReader.Read(sub.Text, _options.PartyWindow);
        var role = field == DealTermFields.Provider ? PartyReader.ProviderRole : PartyReader.CustomerRole;
        var party = found?.Parties.FirstOrDefault(p => p.Role == role);
        if (party is null)
        {
            return null;
        }

        sub.Add(field, party.Start, party.End);
        return field == DealTermFields.Provider
            ? DealTerms.Empty with { Provider = party.Name, Parties = [party.Name] }
            : DealTerms.Empty with { Customer = party.Name, Parties = [party.Name] };
    }

    private DealValue? ReadQuotedValue(DocumentText document, Reading sub, int start)
    {
        var quote = sub.Text;
        if (s_notDealValue.IsMatch(quote))
        {
            return null;
        }

        var mentions = MoneyParser.FindAll(quote);
        var chosen = mentions.Where(m => m.Amount is not null).OrderByDescending(m => m.Amount).FirstOrDefault()
            ?? mentions.FirstOrDefault(m => m.Redacted);
        if (chosen is null)
        {
            return null;
        }

        // Binding is judged as the embedded rules judge it: the sentence around the amount (in the document, not
        // only the quote) and the document's title.
        var full = new Reading(document, s_documentSentences.GetValue(document, d => TextSegmenter.Default.Segment(d.Text)));
        var sentence = full.SentenceAt(start + chosen.Start);
        var binding = !s_nonBinding.IsMatch(quote)
            && !s_nonBinding.IsMatch(document.Text[sentence.Start..sentence.End])
            && !s_nonBindingTitle.IsMatch(document.Text[..Math.Min(document.Text.Length, _options.TitleWindow)]);
        sub.Add(DealTermFields.TotalValue, chosen.Start, chosen.End);
        return new DealValue(chosen.Amount, chosen.Currency, binding, chosen.Redacted);
    }

    private static DateOnly? ReadQuotedDate(Reading sub, string field, Regex[] contextual)
    {
        foreach (var pattern in contextual.Append(s_anyDate))
        {
            foreach (Match match in pattern.Matches(sub.Text))
            {
                if (DateMentions.From(match) is { } date)
                {
                    sub.Add(field, match.Index, match.Index + match.Length);
                    return date;
                }
            }
        }

        return null;
    }

    public DealTermsResult Extract(DocumentText document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var reading = new Reading(document);

        var (parties, provider, customer, roles) = Guard(
            reading, DealTermFields.Parties, () => ReadParties(reading, document), ([], null, null, (IReadOnlyList<PartyRole>)[]));
        var value = Guard(reading, DealTermFields.TotalValue, () => ReadValue(reading), null);
        var effectiveDate = Guard(reading, DealTermFields.EffectiveDate, () => ReadEffectiveDate(reading), null);
        var endDate = Guard(reading, DealTermFields.EndDate, () => ReadEndDate(reading), null);
        var termMonths = Guard(reading, DealTermFields.TermMonths, () => ReadTerm(reading, effectiveDate, endDate), null);
        var capacity = Guard(reading, DealTermFields.CapacityMw, () => ReadCapacity(reading), null);
        var gpus = Guard(reading, DealTermFields.GpuCount, () => ReadGpuCount(reading), null);
        var chips = Guard(reading, DealTermFields.Chips, () => (IReadOnlyList<string>)ReadChips(reading), []);
        var prepayment = Guard(reading, DealTermFields.PrepaymentPct, () => ReadPrepayment(reading), null);

        var terms = new DealTerms(
            parties, provider, customer, value, termMonths, effectiveDate, endDate, capacity, gpus, chips, prepayment,
            reading.Evidence)
        {
            Roles = roles,
        };
        return new DealTermsResult(terms, reading.Warnings);
    }

    /// <summary>
    /// Runs one field's rules. A pattern that times out on a pathological document costs that field only: it is
    /// left empty with a warning, and any evidence it recorded is dropped.
    /// </summary>
    private static T Guard<T>(Reading reading, string field, Func<T> read, T fallback)
    {
        var evidenceCount = reading.Evidence.Count;
        try
        {
            return read();
        }
        catch (RegexMatchTimeoutException)
        {
            reading.Evidence.RemoveRange(evidenceCount, reading.Evidence.Count - evidenceCount);
            reading.Warnings.Add($"{field}: the text took too long to scan; left empty.");
            return fallback;
        }
    }

    private (IReadOnlyList<string> Parties, string? Provider, string? Customer, IReadOnlyList<PartyRole> Roles) ReadParties(
        Reading reading, DocumentText document)
    {
        var partyReading = PartyReader.ReadDocument(document, _options.PartyWindow, _options.PartySides, _options.CompanyKinds);
        reading.Warnings.AddRange(partyReading.Warnings);
        var found = partyReading.Found;
        if (found is null)
        {
            return ([], null, null, partyReading.Roles);
        }

        reading.Add(DealTermFields.Parties, found.Start, found.End);
        var provider = found.Parties.FirstOrDefault(p => p.Role == PartyReader.ProviderRole);
        var customer = found.Parties.FirstOrDefault(p => p.Role == PartyReader.CustomerRole);
        if (provider is not null)
        {
            reading.Add(DealTermFields.Provider, provider.Start, provider.End);
        }

        if (customer is not null)
        {
            reading.Add(DealTermFields.Customer, customer.Start, customer.End);
        }

        var names = found.Parties.Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        return (names, provider?.Name, customer?.Name, partyReading.Roles);
    }

    private DealValue? ReadValue(Reading reading)
    {
        var text = reading.Text;
        var candidates = new List<ValueCandidate>();
        foreach (var mention in MoneyParser.FindAll(text))
        {
            var sentence = reading.SentenceAt(mention.Start);
            var sentenceText = text[sentence.Start..sentence.End];
            if (s_notDealValue.IsMatch(sentenceText))
            {
                continue;
            }

            var clause = ValueCues.ClauseAt(text, sentence.Start, sentence.End, mention.Start, mention.End - mention.Start);

            // The cues sit just before the amount; long table "sentences" are cut to a window so each amount costs little.
            var clauseBefore = text[Math.Max(clause.Start, mention.Start - CueWindow)..mention.Start];
            var sentenceBefore = text[Math.Max(sentence.Start, mention.Start - CueWindow)..mention.Start];
            var role = ValueCues.RoleOf(text, mention.Start, mention.End, clauseBefore, sentenceBefore, clause.End);

            // Value keywords count in the amount's own clause: "20% of the contract value, money IREN will use to fund a
            // $5.8 billion order" does not make the order the contract's value.
            var beforeStart = Math.Max(clause.Start, mention.Start - _options.ValueKeywordWindow);
            var before = text[beforeStart..mention.Start];
            var afterEnd = Math.Min(clause.End, mention.End + 60);
            var after = mention.End < afterEnd ? text[mention.End..afterEnd] : string.Empty;

            int tier;
            int evidenceStart = mention.Start, evidenceEnd = mention.End;
            var strong = s_strongValue.Match(before);
            var strongAfter = s_strongValue.Match(after);
            var weak = s_weakValue.Match(before);
            if (strong.Success)
            {
                tier = StatedTier;
                evidenceStart = beforeStart + strong.Index;
            }
            else if (strongAfter.Success)
            {
                tier = StatedTier;
                evidenceEnd = mention.End + strongAfter.Index + strongAfter.Length;
            }
            else if (role == AmountRole.Stated)
            {
                tier = StatedTier;
                evidenceStart = clause.Start;
            }
            else if (weak.Success)
            {
                tier = TransactionTier;
                evidenceStart = beforeStart + weak.Index;
            }
            else if (role == AmountRole.Transaction)
            {
                tier = TransactionTier;
                evidenceStart = clause.Start;
            }
            else
            {
                continue;
            }

            // Structure says what the amount is: a price per share, a running total, a holding's value or credit
            // support for someone else is never this deal's value; a possible upside is a last resort.
            if (ValueCues.IsUnitPrice(text, mention.End, clauseBefore))
            {
                Reject(reading, mention, "is a price per share or per unit, not a deal's total value");
                continue;
            }

            if (role is AmountRole.Cumulative or AmountRole.Holding or AmountRole.CreditSupport)
            {
                continue;
            }

            if (role == AmountRole.Potential)
            {
                tier = PotentialTier;
            }

            if (mention.Amount is { } amount && mention.Currency is null or "USD" or "EUR" or "GBP")
            {
                if (amount > _options.MaxPlausibleTotalValue)
                {
                    Reject(reading, mention, "is beyond any real deal; not used as the total value");
                    continue;
                }

                if (amount < _options.MinPlausibleTotalValue)
                {
                    Reject(reading, mention, "is a fee or price too small to be a deal's total value");
                    continue;
                }
            }

            var binding = IsBinding(reading, sentence, clause);
            var committed = s_committedAmount.IsMatch(clauseBefore);
            candidates.Add(new ValueCandidate(mention, tier, evidenceStart, evidenceEnd, binding, committed));
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var tierChosen = candidates.Max(c => c.Tier);
        var inTier = candidates.Where(c => c.Tier == tierChosen).ToList();
        foreach (var unreadable in inTier.Where(c => c.Mention.Warning is not null))
        {
            reading.Warnings.Add($"total_value: {unreadable.Mention.Warning} (at offset {unreadable.Mention.Start.ToString(CultureInfo.InvariantCulture)})");
        }

        // A binding amount beats a ceiling stated beside it ("$17.4 billion ... up to $19.4 billion"). Among stated
        // values the largest is the contract's total (the others are parts of it); among transaction amounts the
        // first is the headline, as announcements lead with it.
        var readable = inTier.Where(c => c.Mention.Amount is not null).ToList();
        var pool = readable.Any(c => c.Binding) ? readable.Where(c => c.Binding).ToList() : readable;
        var chosen = tierChosen == StatedTier
            ? pool.OrderByDescending(c => c.Mention.Amount).FirstOrDefault()
            : pool.OrderByDescending(c => c.Committed).ThenBy(c => c.Mention.Start).FirstOrDefault();
        chosen ??= inTier.FirstOrDefault(c => c.Mention.Redacted);
        if (chosen is null)
        {
            // Only unreadable amounts: the value stays unknown rather than guessed.
            return null;
        }

        reading.Add(DealTermFields.TotalValue, chosen.EvidenceStart, chosen.EvidenceEnd);
        return new DealValue(chosen.Mention.Amount, chosen.Mention.Currency, chosen.Binding, chosen.Mention.Redacted);
    }

    private const int CueWindow = 300;

    private const int StatedTier = 3;
    private const int TransactionTier = 2;
    private const int PotentialTier = 1;

    private sealed record ValueCandidate(MoneyMention Mention, int Tier, int EvidenceStart, int EvidenceEnd, bool Binding, bool Committed);

    // An amount someone is bound to pay ("has committed to purchase at least", "has contracted to purchase",
    // "agreed to pay") is the deal's value before an investment mentioned beside it.
    private static readonly Regex s_committedAmount = new(
        @"\b(?:committed|commits|obligated|contracted|required|agreed|agrees|undertakes|undertook)[ ]to[ ](?:[\w-]+[ ]){0,2}?(?:purchase|buy|pay|spend|procure|lease|rent)\b[^.;$]{0,100}$" +
        @"|\b(?:shall|will|must)[ ](?:[\w-]+[ ]){0,2}?(?:purchase|buy|pay|spend|procure)\b[^.;$]{0,100}$",
        IgnoreCase,
        NumberWords.MatchTimeout);

    /// <summary>
    /// Ceilings and conditions ("up to", "intends to", "could", "as each gigawatt is deployed") are judged on the
    /// amount's own clause, so "$7.0 billion ... and as much as $17.7 billion if every option is used" keeps the first
    /// binding; a letter of intent, term sheet or talks still in progress make the whole sentence or document
    /// non-binding.
    /// </summary>
    private bool IsBinding(Reading reading, TextSpan sentence, (int Start, int End) clause)
    {
        var text = reading.Text;
        var sentenceText = text[sentence.Start..sentence.End];
        return !s_nonBinding.IsMatch(text[clause.Start..clause.End])
            && !s_nonBindingClause.IsMatch(text[clause.Start..clause.End])
            && !s_nonBindingTitle.IsMatch(sentenceText)
            && !s_nonBindingSentence.IsMatch(sentenceText)
            && !s_nonBindingTitle.IsMatch(text[..Math.Min(text.Length, _options.TitleWindow)])
            && !reading.NotFinal;
    }

    /// <summary>An amount that cannot be a total value: warned about, and its quote kept as evidence of why.</summary>
    private static void Reject(Reading reading, MoneyMention mention, string why)
    {
        reading.Warnings.Add($"total_value: '{mention.Text}' {why} (at offset {mention.Start.ToString(CultureInfo.InvariantCulture)})");
        reading.Add(DealTermFields.RejectedValue, mention.Start, mention.End);
    }

    private static DateOnly? ReadEffectiveDate(Reading reading)
    {
        foreach (var pattern in s_effectiveDate)
        {
            foreach (Match match in pattern.Matches(reading.Text))
            {
                var date = DateMentions.From(match);
                if (date is not null)
                {
                    reading.Add(DealTermFields.EffectiveDate, match.Index, match.Index + match.Length);
                    return date;
                }
            }
        }

        return null;
    }

    private static DateOnly? ReadEndDate(Reading reading)
    {
        foreach (Match match in s_endDate.Matches(reading.Text))
        {
            var sentence = reading.SentenceAt(match.Index);
            var date = DateMentions.From(match);
            if (date is not null && s_termSentence.IsMatch(reading.Text[sentence.Start..sentence.End]))
            {
                reading.Add(DealTermFields.EndDate, match.Index, match.Index + match.Length);
                return date;
            }
        }

        return null;
    }

    private static int? ReadTerm(Reading reading, DateOnly? effectiveDate, DateOnly? endDate)
    {
        foreach (Match match in s_termLength.Matches(reading.Text))
        {
            // "renewal terms of one (1) year" and "notice ... term" are not the initial term.
            var lookBack = reading.Text[Math.Max(0, match.Index - 30)..(match.Index + Math.Min(match.Length, 40))];
            if (s_renewalBefore.IsMatch(lookBack))
            {
                continue;
            }

            var count = DurationCount(match);
            if (count is null or <= 0)
            {
                continue;
            }

            var months = match.Groups["unit"].Value.StartsWith('y') || match.Groups["unit"].Value.StartsWith('Y') ? count * 12 : count;
            if (months > 1200)
            {
                continue;
            }

            reading.Add(DealTermFields.TermMonths, match.Index, match.Index + match.Length);
            return months;
        }

        if (effectiveDate is { } start && endDate is { } end && end > start)
        {
            // Derived from the two dates; their evidence is already recorded.
            return DateMentions.MonthsBetween(start, end);
        }

        return ReadAnnouncedTerm(reading, effectiveDate);
    }

    /// <summary>The term as announcements state it, when no contract form did: adjectival, "over N years", or "through Month Year".</summary>
    private static int? ReadAnnouncedTerm(Reading reading, DateOnly? effectiveDate)
    {
        var text = reading.Text;
        foreach (Match match in s_termAdjective.Matches(text))
        {
            if (MonthsOf(match) is { } months && !IsRenewal(text, match))
            {
                reading.Add(DealTermFields.TermMonths, match.Index, match.Index + match.Length);
                return months;
            }
        }

        foreach (Match match in s_termSpan.Matches(text))
        {
            var sentence = reading.SentenceAt(match.Index);
            if (MonthsOf(match) is { } months && !IsRenewal(text, match)
                && MoneyParser.FindAll(text[sentence.Start..sentence.End]).Count > 0)
            {
                reading.Add(DealTermFields.TermMonths, match.Index, match.Index + match.Length);
                return months;
            }
        }

        var from = effectiveDate ?? DatelineDate(text);
        if (from is not { } start)
        {
            return null;
        }

        foreach (Match match in s_throughMonth.Matches(text))
        {
            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            var month = DateTime.ParseExact(match.Groups["mon"].Value[..3], "MMM", CultureInfo.InvariantCulture).Month;
            if (year is < 1900 or > 2200)
            {
                continue;
            }

            var day = match.Groups["day"].Success ? int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture) : DateTime.DaysInMonth(year, month);
            if (day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            var end = new DateOnly(year, month, day);
            if (end > start && DateMentions.MonthsBetween(start, end) is var months and > 0 and <= 1200)
            {
                reading.Add(DealTermFields.TermMonths, match.Index, match.Index + match.Length);
                return months;
            }
        }

        return null;
    }

    private static int? MonthsOf(Match match)
    {
        var count = DurationCount(match);
        if (count is null or <= 0)
        {
            return null;
        }

        var months = match.Groups["unit"].Value.StartsWith('y') || match.Groups["unit"].Value.StartsWith('Y') ? count * 12 : count;
        return months is > 0 and <= 1200 ? months : null;
    }

    private static bool IsRenewal(string text, Match match)
        => s_renewalBefore.IsMatch(text[Math.Max(0, match.Index - 30)..(match.Index + Math.Min(match.Length, 40))]);

    /// <summary>The date of a dateline in the first lines ("LIVINGSTON, N.J., March 10, 2025 -- "), or null.</summary>
    private static DateOnly? DatelineDate(string text)
    {
        var head = text[..Math.Min(text.Length, 400)];
        var match = s_dateline.Match(head);
        return match.Success ? DateMentions.From(match) : null;
    }

    private static decimal? ReadCapacity(Reading reading)
    {
        decimal? best = null;
        (int Start, int End) span = default;
        foreach (Match match in s_capacity.Matches(reading.Text))
        {
            var amount = NumberOf(match);
            if (amount is null or <= 0m)
            {
                continue;
            }

            var unit = match.Groups["unit"].Value;
            var megawatts = unit.StartsWith('G') || unit.StartsWith('g') ? amount.Value * 1000m : amount.Value;
            if (megawatts > 1_000_000m)
            {
                continue;
            }

            if (best is null || megawatts > best)
            {
                best = megawatts / 1.000000000000000000000000000000000m;
                span = (match.Index, match.Index + match.Length);
            }
        }

        if (best is not null)
        {
            reading.Add(DealTermFields.CapacityMw, span.Start, span.End);
        }

        return best;
    }

    private static long? ReadGpuCount(Reading reading)
    {
        long? best = null;
        (int Start, int End) span = default;
        foreach (Match match in s_gpuCount.Matches(reading.Text))
        {
            var number = NumberOf(match);
            if (number is null)
            {
                continue;
            }

            var scale = match.Groups["scale"].Value.ToLowerInvariant();
            var count = scale switch
            {
                "million" => number.Value * 1_000_000m,
                "thousand" or "k" => number.Value * 1_000m,
                _ => number.Value,
            };

            // A year followed by model words ("2025 NVIDIA GPUs") is not a count.
            var raw = match.Groups["num"].Value;
            var looksLikeYear = raw.Length == 4 && count is >= 1990m and <= 2100m && match.Groups["models"].Length > 0;
            if (count < 1m || count > 100_000_000m || count != decimal.Truncate(count) || looksLikeYear)
            {
                continue;
            }

            if (best is null || (long)count > best)
            {
                best = (long)count;
                span = (match.Index, match.Index + match.Length);
            }
        }

        if (best is not null)
        {
            reading.Add(DealTermFields.GpuCount, span.Start, span.End);
        }

        return best;
    }

    private static List<string> ReadChips(Reading reading)
    {
        var names = new List<string>();
        foreach (var mention in ChipCatalog.FindMentions(reading.Text))
        {
            if (!names.Contains(mention.Name, StringComparer.Ordinal))
            {
                names.Add(mention.Name);
                reading.Add(DealTermFields.Chips, mention.Start, mention.End);
            }
        }

        return names;
    }

    private static decimal? ReadPrepayment(Reading reading)
    {
        foreach (Match match in s_prepayment.Matches(reading.Text))
        {
            var percent = NumberWords.PercentOf(match);
            if (percent is not null)
            {
                reading.Add(DealTermFields.PrepaymentPct, match.Index, match.Index + match.Length);
                return percent;
            }
        }

        return null;
    }

    private static string DurationPattern() => Duration.Replace("{0}", NumberWords.CountPattern, StringComparison.Ordinal);

    private static int? DurationCount(Match match) => NumberWords.CountOf(match);

    private static decimal? NumberOf(Match match)
    {
        var digits = match.Groups["num"];
        if (digits.Success)
        {
            var plain = digits.Value.Replace(",", "", StringComparison.Ordinal);
            return decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
        }

        return match.Groups["nw"].Success && NumberWords.TryParse(match.Groups["nw"].Value, out var words) ? words : null;
    }

    /// <summary>The state of one extraction: the document, its sentences, and the evidence and warnings gathered.</summary>
    private sealed class Reading
    {
        private readonly DocumentText _document;
        private readonly IReadOnlyList<TextSpan> _sentences;

        public Reading(DocumentText document)
            : this(document, TextSegmenter.Default.Segment(document.Text))
        {
        }

        public Reading(DocumentText document, IReadOnlyList<TextSpan> sentences)
        {
            _document = document;
            _sentences = sentences;
        }

        public string Text => _document.Text;

        public List<FieldEvidence> Evidence { get; } = [];

        public List<string> Warnings { get; } = [];

        /// <summary>The document says its deal is not final ("has not closed"); read once, on first use.</summary>
        public bool NotFinal => _notFinal ??= s_notFinal.IsMatch(Text);

        private bool? _notFinal;

        public void Add(string field, int start, int end)
        {
            // Evidence is trimmed of surrounding white space but always quotes the text at its offsets.
            while (start < end && char.IsWhiteSpace(Text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(Text[end - 1]))
            {
                end--;
            }

            Evidence.Add(new FieldEvidence(field, _document.PageAt(start), start, end, Text[start..end]));
        }

        /// <summary>The sentence holding <paramref name="offset"/>; a 200-character window when it falls between sentences.</summary>
        public TextSpan SentenceAt(int offset)
        {
            var low = 0;
            var high = _sentences.Count - 1;
            while (low <= high)
            {
                var mid = (low + high) / 2;
                var span = _sentences[mid];
                if (offset < span.Start)
                {
                    high = mid - 1;
                }
                else if (offset >= span.End)
                {
                    low = mid + 1;
                }
                else
                {
                    return span;
                }
            }

            return new TextSpan(Math.Max(0, offset - 200), Math.Min(Text.Length, offset + 200));
        }
    }
}
