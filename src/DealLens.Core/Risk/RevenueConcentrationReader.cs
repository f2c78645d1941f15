using System.Globalization;
using System.Text.RegularExpressions;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Core.Text;

namespace DealLens.Core.Risk;

/// <summary>
/// One disclosed share of the filer's revenue held by one customer ("Customer A accounted for 62% of our revenue").
/// <see cref="Company"/> is the filer as the deal terms name it (their first party), null when unknown: never guessed.
/// <see cref="Customer"/> is a company name ("Microsoft") or <see cref="RevenueConcentrationReader.Unnamed"/> when the filer
/// does not name it; <see cref="Label"/> is how the text refers to it ("Customer A", "one direct customer"), never a company.
/// <see cref="Rank"/> is the position in a list ("our two largest customers accounted for 77% and 10%"), else null.
/// <see cref="Quote"/> is <c>document.Text[Start..End]</c>, the sentence, verbatim; <see cref="Page"/> is 1-based.
/// </summary>
public sealed record DisclosedRevenueShare(
    string? Company,
    string Customer,
    int? Rank,
    decimal Percent,
    string? Period,
    int Page,
    int Start,
    int End,
    string Quote)
{
    public string? Label { get; init; }
}

/// <summary>
/// Finds revenue-concentration disclosures (the ASC 280 major-customer note) in a document's sentences. Only shares
/// of revenue or sales are read ("62% of the increase in costs" is not), and only percentages from 0 to 100.
/// </summary>
public static class RevenueConcentrationReader
{
    /// <summary>The customer of a share the filer discloses without naming the customer.</summary>
    public const string Unnamed = "unnamed customer";

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private static readonly TimeSpan s_timeout = DealLens.Core.Text.RegexTimeouts.Limit;

    private const string Approx = @"(?:(?:approximately|about|roughly|nearly|almost|around|over|more\s+than|less\s+than|~)\s*)?";
    // "Revenue from G42 was $65.1 million, or 83%, of total revenue": the amount, then its share.
    private const string AmountOr = @"(?:was|were|totaled|totalled|amounted\s+to)\s+(?:approximately\s+)?\$\s?[0-9][0-9,]*(?:\.[0-9]+)?(?:\s*(?:million|billion|thousand))?\s*,?\s*or";

    private const string Pct = Approx + @"[0-9]{1,3}(?:\.[0-9]+)?\s*(?:%|percent\b|per\s+cent\b)";

    private static readonly Regex s_claim = new(
        @"\b(?:accounted\s+for|represented|comprised|constituted|made\s+up|contributed|" + AmountOr + @")\s+(?<pcts>" + Pct +
        @"(?:\s*,\s*(?:and\s+)?" + Pct + @"|\s+and\s+" + Pct + @")*)(?<tail>(?:\s*,?\s*respectively\s*,?)?\s*,?\s*(?:of\s+(?<what>(?:(?!\s+and\s)[^,;.]){0,80}))?)",
        Options, s_timeout);

    private static readonly Regex s_pronoun = new(@"^(?:it|that|this|that\s+(?:amount|total)|this\s+(?:amount|total))$", Options, s_timeout);

    private static readonly Regex s_orMore = new(@"%\s*or\s+(?:more|greater|less)\b", Options, s_timeout);

    private static readonly Regex s_percent = new(@"(?<n>[0-9]{1,3}(?:\.[0-9]+)?)\s*(?:%|percent\b|per\s+cent\b)", Options, s_timeout);

    // A year inside the revenue noun phrase ("of our 2023 revenue", "of fiscal 2024 net sales") is the claim's period; a
    // common-noun possessor ("the chipmaker's revenue") is the document's own company.
    private const string RevenueYear = @"(?:fiscal\s+(?:year\s+)?)?(?:19|20)[0-9]{2}";

    private static readonly Regex s_revenueWhat = new(
        @"^(?:(?:our|its|the|the\s+company's|the\s+company’s|the\s+[a-z][\w-]*['’]s|total|net|consolidated|gross|company|annual|quarterly|full[- ]year|" + RevenueYear + @")\s+)*(?:revenues?|net\s+sales|sales)\b",
        Options, s_timeout);

    private static readonly Regex s_whatYear = new(@"\b(?<p>" + RevenueYear + @")\s+(?:(?:total|net|consolidated)\s+)*(?:revenues?|net\s+sales|sales)\b", Options, s_timeout);

    // "Microsoft's share of CoreWeave's revenue nearly doubled, to 62% in 2024 from 35% in 2023".
    private static readonly Regex s_shareOf = new(
        @"(?<cust>\b[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})['’]s?\s+share\s+of\s+(?<what>[^,;.]{0,60}?\b(?:revenues?|net\s+sales|sales)\b)(?<rest>[^;.]{0,200})",
        RegexOptions.CultureInvariant, s_timeout);

    private static readonly Regex s_pctInPeriod = new(
        @"(?<pct>" + Pct + @")\s+(?:in|for|during)\s+(?<period>(?:the\s+(?:first|second|third|fourth)\s+quarter\s+of\s+)?" + RevenueYear + @")\b", Options, s_timeout);

    private static readonly Regex s_revenueAnywhere = new(@"\b(?:revenues?|net\s+sales|sales)\b", Options, s_timeout);

    private static readonly Regex s_salesTo = new(
        @"\b(?:sales|revenues?|net\s+sales)\s+(?:to|from)\s+(?<name>.+)$", Options, s_timeout);

    private static readonly Regex s_customerWord = new(@"\b(?:customers?|clients?)\b", Options, s_timeout);

    private static readonly Regex s_name = new(
        @"^[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|&|of))*$", RegexOptions.CultureInvariant, s_timeout);

    private static readonly Regex s_notCustomer = new(
        @"\b(?:cost|costs|expenses?|margin|segment|products?|services?|region|international|revenues?|sales|we|our|company|increase|decrease)\b",
        Options, s_timeout);

    // "No other customer accounted for 10% or more": a threshold statement, not a disclosed share.
    private static readonly Regex s_negated = new(@"^(?:no|none|neither)\b|\bnot\b", Options, s_timeout);

    private static readonly Regex s_leading = new(@"^(?:(?:and|but|while|whereas|which|that)\s+)+", Options, s_timeout);

    private static readonly Regex s_period = new(
        @"\b(?:(?:three|six|nine|twelve)\s+months|(?:fiscal\s+)?(?:year|quarter)|fiscal\s+year)\s+ended\s+[A-Z][a-z]+\.?\s+[0-9]{1,2},\s*[0-9]{4}" +
        @"|\b(?:first|second|third|fourth)\s+quarter\s+of\s+(?:fiscal\s+)?(?:year\s+)?[0-9]{4}\b|\bfiscal\s+(?:year\s+)?[0-9]{4}\b|(?<=\b(?:in|for|during)\s+)(?:19|20)[0-9]{2}\b(?!\s*[,-]?\s*(?:19|20)[0-9]{2})",
        Options, s_timeout);

    // "62% of our revenue in 2024, up from 35% in 2023": a later share of the same customer for another period.
    private static readonly Regex s_comparedShare = new(
        @"\b(?:up|down|increased|decreased|rising|falling)?\s*(?:from|compared\s+(?:with|to)|versus|vs\.?)\s+(?<pct>" + Pct + @")\s+(?:of\s+[^,;.]{0,60}?\s+)?(?<period>(?:in|for|during)\s+(?:[^,;]|,\s*(?=(?:19|20)[0-9]{2})){0,60})",
        Options, s_timeout);

    // "of CoreWeave's revenue": whose revenue the share is.
    private static readonly Regex s_ownerOfRevenue = new(
        @"^(?:the\s+)?(?<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s?\s+(?:(?:total|net|consolidated|annual|quarterly|" + RevenueYear + @")\s+)*(?:revenues?|net\s+sales|sales)\b",
        RegexOptions.CultureInvariant, s_timeout);

    private static readonly Regex s_yearList = new(
        @"^\W*(?:in|for|during)\s+(?:fiscal\s+(?:years?\s+)?)?(?<y>(?:19|20)[0-9]{2})(?:\s*,\s*(?:and\s+)?(?<y>(?:19|20)[0-9]{2})|\s+and\s+(?<y>(?:19|20)[0-9]{2}))+",
        Options, s_timeout);

    // "... for the years ended December 31, 2024 and 2023, respectively": one period per share, named after the shares.
    private static readonly Regex s_trailingPeriods = new(
        @"\b(?<span>(?:fiscal\s+)?years?|(?:three|six|nine|twelve)\s+months)\s+ended\s+(?<md>[A-Z][a-z]+\.?\s+[0-9]{1,2}),\s*(?<y>(?:19|20)[0-9]{2})(?:\s*,\s*(?:and\s+)?(?<y>(?:19|20)[0-9]{2})|\s+and\s+(?<y>(?:19|20)[0-9]{2}))+" +
        @"|\b(?:in|for|during)\s+(?:fiscal\s+(?:years?\s+)?)?(?<y>(?:19|20)[0-9]{2})(?:\s*,\s*(?:and\s+)?(?<y>(?:19|20)[0-9]{2})|\s+and\s+(?<y>(?:19|20)[0-9]{2}))+",
        Options, s_timeout);

    private static readonly Regex s_selfWords = new(@"^(?:Company|Registrant|Group|Partnership|Issuer|Corporation|Firm|Bank)$", Options, s_timeout);

    // An appositive after a list of customers: "Customer A and Customer B, both direct customers,".
    private static readonly Regex s_appositive = new(@",\s*(?:both|each|all|either|neither|which|who)\b[^,]{0,60},?\s*$", Options, s_timeout);

    private static readonly Regex s_salesToPrefix = new(@"^(?:sales|revenues?|net\s+sales)\s+(?:to|from)\s+", Options, s_timeout);

    /// <summary>The disclosures in <paramref name="analysis"/>; the filer is the first party of its deal terms.</summary>
    public static IReadOnlyList<DisclosedRevenueShare> Read(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        // A plain-text form cover names the registrant by layout; the deal terms' first party is only a last resort
        // (in a note it is often the first customer named: "Customer A").
        return Read(analysis.Document, analysis.Origin.Filer ?? FormCover.Registrant(analysis.Document.Text)
            ?? ConcentrationFiler.FromHeading(analysis.Document.Text)
            ?? ConcentrationFiler.RevenueOwner(analysis.Document.Text)
            ?? (analysis.Deal.Parties.Count > 0 ? analysis.Deal.Parties[0] : null));
    }

    /// <summary>The disclosures in <paramref name="document"/>, filed by <paramref name="filer"/> (null: unknown).</summary>
    public static IReadOnlyList<DisclosedRevenueShare> Read(DocumentText document, string? filer)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var result = new List<DisclosedRevenueShare>();
        foreach (var span in TextSegmenter.Default.Segment(text))
        {
            var sentence = span.Of(text);
            if (!s_revenueAnywhere.IsMatch(sentence))
            {
                continue;
            }

            AddSharesOf(document, span, sentence, filer, result);
            var sentencePeriod = s_period.Match(sentence) is { Success: true } p ? p.Value : null;
            var clauseStart = 0;
            foreach (Match claim in s_claim.Matches(sentence))
            {
                var subjectText = sentence[clauseStart..claim.Index];
                clauseStart = claim.Index + claim.Length;
                var what = claim.Groups["what"];
                var owner = what.Success ? s_ownerOfRevenue.Match(what.Value.Trim()) : Match.Empty;

                // "our revenue was $510 million, and two customers together accounted for 86% of it": the pronoun stands
                // for the revenue the sentence named before the claim.
                var ofRevenuePronoun = what.Success && s_pronoun.IsMatch(what.Value.Trim()) && s_revenueAnywhere.IsMatch(subjectText);
                if ((what.Success && !owner.Success && !ofRevenuePronoun && !s_revenueWhat.IsMatch(what.Value.Trim())) || s_orMore.IsMatch(claim.Value)
                    || (!what.Success && claim.Value.Contains('$', StringComparison.Ordinal)))
                {
                    continue;
                }

                // "the Company's revenue" is the filer's; a named owner ("CoreWeave's revenue") is that company.
                var company = owner.Success && !s_selfWords.IsMatch(owner.Groups["owner"].Value) ? owner.Groups["owner"].Value : filer;

                // The period the claim itself names ("... of revenue in 2024"), else one before it in the sentence, else any.
                var rest = sentence[clauseStart..];
                var restEnd = rest.IndexOfAny([';', '.']);
                var ownPeriod = s_period.Match(claim.Groups["tail"].Value + (restEnd < 0 ? rest : rest[..restEnd]).Split(',')[0]);
                var beforePeriod = s_period.Match(subjectText);
                var whatYear = what.Success ? s_whatYear.Match(what.Value) : Match.Empty;
                var period = whatYear.Success ? whatYear.Groups["p"].Value
                    : ownPeriod.Success ? ownPeriod.Value : beforePeriod.Success ? beforePeriod.Value : sentencePeriod ?? ParagraphPeriod(text, span.Start);

                var percents = s_percent.Matches(claim.Groups["pcts"].Value)
                    .Select(m => decimal.Parse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture))
                    .ToList();
                if (percents.Count == 0 || percents.Any(v => v > 100m))
                {
                    continue;
                }

                // "Amazon, Microsoft and Arris represented 54.6%, 18.3% and 5.8%, respectively": one customer per share.
                // A heading line the segmenter joined to the sentence ("Concentration of Revenue\nFor the ...") is not part of the subject.
                subjectText = WithoutHeading(subjectText);
                var listed = Customers(subjectText);
                if (listed.Count > 1 && listed.Count == percents.Count)
                {
                    for (var i = 0; i < percents.Count; i++)
                    {
                        result.Add(new DisclosedRevenueShare(
                            company, listed[i].Customer, null, percents[i], period, document.PageAt(span.Start), span.Start, span.End, sentence)
                        { Label = listed[i].Label });
                    }

                    continue;
                }

                if (Customer(subjectText) is not { } customer)
                {
                    continue;
                }

                var (name, label) = Classify(customer);

                // "In 2016, 2015 and 2014, its top five customers represented 87.8%, 81.8% and 72.0% ..., respectively": one period per share.
                var years = s_yearList.Match(subjectText) is { Success: true } yearList ? yearList.Groups["y"].Captures.Select(c => c.Value).ToList() : [];
                var respectively = sentence[claim.Index..].Split(';')[0].Contains("respectively", StringComparison.OrdinalIgnoreCase);
                var perPeriod = years.Count > 1 && years.Count == percents.Count && respectively;
                if (!perPeriod && respectively && percents.Count > 1
                    && s_trailingPeriods.Match(claim.Groups["tail"].Value + (restEnd < 0 ? rest : rest[..restEnd])) is { Success: true } trailing
                    && trailing.Groups["y"].Captures.Count == percents.Count)
                {
                    years = trailing.Groups["md"].Success
                        ? trailing.Groups["y"].Captures.Select(c => $"{Singular(trailing.Groups["span"].Value)} ended {trailing.Groups["md"].Value}, {c.Value}").ToList()
                        : trailing.Groups["y"].Captures.Select(c => c.Value).ToList();
                    perPeriod = true;
                }

                for (var i = 0; i < percents.Count; i++)
                {
                    result.Add(new DisclosedRevenueShare(
                        company, name, percents.Count > 1 && !perPeriod ? i + 1 : null, percents[i], perPeriod ? years[i] : period,
                        document.PageAt(span.Start), span.Start, span.End, sentence)
                    { Label = label });
                }

                // "..., up from 35% in 2023": the same customer's share in another period.
                if (percents.Count == 1 && s_comparedShare.Match(restEnd < 0 ? rest : rest[..restEnd]) is { Success: true } compared
                    && s_period.Match(compared.Groups["period"].Value) is { Success: true } comparedPeriod
                    && s_percent.Match(compared.Groups["pct"].Value) is { Success: true } comparedPercent)
                {
                    var value = decimal.Parse(comparedPercent.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                    if (value <= 100m)
                    {
                        result.Add(new DisclosedRevenueShare(
                            company, name, null, value, comparedPeriod.Value, document.PageAt(span.Start), span.Start, span.End, sentence)
                        { Label = label });
                    }
                }
            }
        }

        result.AddRange(RevenueTables.Read(document, filer));
        return result;
    }

    /// <summary>"X's share of [Y's] revenue ... N% in P": one share per percentage followed by its own period.</summary>
    private static void AddSharesOf(DocumentText document, TextSpan span, string sentence, string? filer, List<DisclosedRevenueShare> result)
    {
        foreach (Match share in s_shareOf.Matches(sentence))
        {
            var (name, label) = Classify(share.Groups["cust"].Value.Trim());
            if (name == Unnamed && label is not null && !s_customerWord.IsMatch(label))
            {
                continue;
            }

            var owner = s_ownerOfRevenue.Match(share.Groups["what"].Value.Trim());
            var company = owner.Success && !s_selfWords.IsMatch(owner.Groups["owner"].Value) ? owner.Groups["owner"].Value : filer;
            foreach (Match stated in s_pctInPeriod.Matches(share.Groups["rest"].Value))
            {
                var value = decimal.Parse(s_percent.Match(stated.Groups["pct"].Value).Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                if (value <= 100m)
                {
                    result.Add(new DisclosedRevenueShare(
                        company, name, null, value, stated.Groups["period"].Value, document.PageAt(span.Start), span.Start, span.End, sentence)
                    { Label = label });
                }
            }
        }
    }

    // A heading line does not end inside a phrase ("Concentration of Revenue", "Dec. 31, 2024"); a list broken over two
    // lines ("Customer A and\nCustomer B") is not a heading.
    private static readonly Regex s_openEnd = new(@"(?:\b(?:and|or|of|the|a|an|to|for|in|by|with|from)|[,;:-])\s*$", Options, s_timeout);

    private static string WithoutHeading(string subjectText)
    {
        var lines = subjectText.Split('\n');
        var first = 0;
        while (first < lines.Length - 1 && !s_openEnd.IsMatch(lines[first]) && !string.IsNullOrWhiteSpace(string.Concat(lines[(first + 1)..])))
        {
            first++;
        }

        return string.Join('\n', lines[first..]);
    }

    /// <summary>The last period the paragraph stated before <paramref name="start"/> ("in the quarter ended July 27, 2025. ... 23% of revenue").</summary>
    private static string? ParagraphPeriod(string text, int start)
    {
        var paragraph = text.LastIndexOf("\n\n", Math.Max(0, start - 1), StringComparison.Ordinal);
        var from = paragraph < 0 ? 0 : paragraph + 2;
        return from < start ? s_period.Matches(text[from..start]).LastOrDefault()?.Value : null;
    }

    private static string Singular(string span) => span.EndsWith("years", StringComparison.OrdinalIgnoreCase) ? span[..^1] : span;

    /// <summary>A customer as written -> (company or <see cref="Unnamed"/>, label when unnamed).</summary>
    internal static (string Customer, string? Label) Classify(string written)
        => s_customerWord.IsMatch(written) || !s_name.IsMatch(written) || s_notCustomer.IsMatch(written) ? (Unnamed, written) : (written, null);

    /// <summary>The customers a subject lists ("In 2016, Amazon, Microsoft and Arris"), each classified.</summary>
    private static List<(string Customer, string? Label)> Customers(string subjectText)
    {
        var subject = s_salesToPrefix.Replace(s_appositive.Replace(s_leadingPeriod.Replace(subjectText.Trim(), ""), "").Trim(), "");
        var items = s_listSeparator.Split(subject).Select(i => s_leading.Replace(i.Trim(), "").Trim())
            .Where(i => i.Length > 0 && !s_yearOnly.IsMatch(i)).ToList();
        if (items.Count < 2 || items.Any(i => i.Length > 60 || s_negated.IsMatch(i)) || items.Any(i => s_roleAppositive.IsMatch(i)))
        {
            return [];
        }

        return items.Select(Classify).ToList();
    }

    private static readonly Regex s_roleAppositive = new(
        @"^(?:our|its|their|the\s+company['’]s|the)\s+(?:[\w-]+\s+){0,2}?(?:customer|client)$", Options, s_timeout);

    private static readonly Regex s_leadingPeriod = new(@"^(?:(?:in|for|during|as\s+of)\s+[^,]{1,60},\s*)", Options, s_timeout);
    private static readonly Regex s_yearOnly = new(@"^(?:(?:in|for|during)\s+)?(?:fiscal\s+)?(?:19|20)[0-9]{2}$", Options, s_timeout);
    private static readonly Regex s_listSeparator = new(@"\s*,\s*(?:and\s+)?|\s+and\s+", Options, s_timeout);

    private static readonly Regex s_trailingName = new(
        @"(?<name>\b[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|&))*)\W*$", RegexOptions.CultureInvariant, s_timeout);

    private static readonly Regex s_relative = new(@"^\W*(?:which|who)\s*$", Options, s_timeout);
    private static readonly char[] s_quotes = ['"', '“', '”'];

    /// <summary>The quoted term when a part holds one ('the filing calls it "Customer A' -> 'Customer A'), else the part.</summary>
    private static string Unquoted(string part)
    {
        var open = part.IndexOfAny(s_quotes);
        if (open < 0)
        {
            return part;
        }

        var rest = part[(open + 1)..];
        var close = rest.IndexOfAny(s_quotes);
        var quoted = (close < 0 ? rest : rest[..close]).Trim();
        return quoted.Length > 0 ? quoted : part.Replace("\"", "", StringComparison.Ordinal).Replace("“", "", StringComparison.Ordinal).Replace("”", "", StringComparison.Ordinal);
    }

    /// <summary>The customer a clause's subject names: the last comma-separated part before the verb.</summary>
    private static string? Customer(string subjectText)
    {
        var parts = subjectText.Split([',', ';', ':'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return null;
        }

        var subject = s_leading.Replace(Unquoted(parts[^1]), "").Trim();

        // A relative clause after its antecedent: "we rely on Tessaly, which accounted for 41% of revenue" (the name
        // that ends the part before), 'a buyer called "Customer K," which made up 37%' (the quoted term).
        if (parts.Length >= 2 && s_relative.IsMatch(parts[^1]))
        {
            var antecedent = parts[^2];
            subject = antecedent.IndexOfAny(s_quotes) >= 0 ? Unquoted(antecedent)
                : s_trailingName.Match(antecedent) is { Success: true } trailing ? trailing.Groups["name"].Value : "";
            parts = parts[..^1];
        }

        if (subject.Length is 0 or > 80 || s_negated.IsMatch(subject))
        {
            return null;
        }

        // An appositive role after the name: "Microsoft, our largest customer, represented ...".
        if (parts.Length >= 2 && s_roleAppositive.IsMatch(subject))
        {
            var named = s_leading.Replace(parts[^2], "").Trim();
            if (s_name.IsMatch(named) && !s_notCustomer.IsMatch(named) && named.Split(' ').Length <= 6)
            {
                return named;
            }
        }

        if (s_salesTo.Match(subject) is { Success: true } salesTo)
        {
            return salesTo.Groups["name"].Value.Trim();
        }

        if (s_customerWord.IsMatch(subject))
        {
            return subject;
        }

        return s_name.IsMatch(subject) && !s_notCustomer.IsMatch(subject) && subject.Split(' ').Length <= 6 ? subject : null;
    }
}
