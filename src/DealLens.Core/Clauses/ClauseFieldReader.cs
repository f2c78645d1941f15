using System.Text.RegularExpressions;
using DealLens.Core.Deals;
using DealLens.Core.Text;

namespace DealLens.Core.Clauses;

/// <summary>
/// Reads the typed values a clause states (amount, period, percent, duration, chip access, chips, governing law)
/// from its text. Pure and rule-based; what the text does not state stays null.
/// </summary>
public static class ClauseFieldReader
{
    private static readonly HashSet<string> s_moneyTypes = new(StringComparer.Ordinal)
    {
        ClauseTypes.MinimumCommitment, ClauseTypes.TakeOrPay, ClauseTypes.LiquidatedDamages, ClauseTypes.CapOnLiability,
        ClauseTypes.EquityInvestment, ClauseTypes.Warrant, ClauseTypes.Backstop, ClauseTypes.Prepayment, ClauseTypes.Loan, ClauseTypes.SaleLeaseback,
    };

    private static readonly HashSet<string> s_percentTypes = new(StringComparer.Ordinal)
    {
        ClauseTypes.RevenueSharing, ClauseTypes.Prepayment, ClauseTypes.PriceRestriction,
    };

    private static readonly HashSet<string> s_durationTypes = new(StringComparer.Ordinal)
    {
        ClauseTypes.RenewalTerm, ClauseTypes.NonCompete, ClauseTypes.TerminationForConvenience,
    };

    private static readonly Regex s_annual = new(
        @"\b(?:per[ ]year|per[ ]annum|a[ ]year|each[ ]year|every[ ]year|annual(?:ly)?|yearly|(?:each|per|every|any)[ ](?:Contract|contract|Lease|lease|Service|service|calendar|Calendar)[ ]Year)\b",
        NumberWords.Options | RegexOptions.IgnoreCase,
        NumberWords.MatchTimeout);

    private static readonly Regex s_quarterly = new(
        @"\b(?:quarter(?:ly|s)?|per[ ]calendar[ ]quarter)\b", NumberWords.Options | RegexOptions.IgnoreCase, NumberWords.MatchTimeout);

    private static readonly Regex s_monthly = new(
        @"\b(?:per[ ]month|a[ ]month|each[ ](?:calendar[ ])?month|every[ ]month|monthly)\b",
        NumberWords.Options | RegexOptions.IgnoreCase,
        NumberWords.MatchTimeout);

    private static readonly Regex s_percent = new(NumberWords.PercentPattern, NumberWords.Options, NumberWords.MatchTimeout);

    private static readonly Regex s_duration = new(
        NumberWords.CountPattern + @"[ \t]*-?[ \t]*(?<unit>(?i:years?|months?|weeks?|days?))(?![A-Za-z])|\b(?<unit>(?i:annual))(?![A-Za-z])",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_unavailable = new(
        @"subject[ ]to[ \t\n]+(?:the[ ]|its[ ]|[A-Za-z]+['’]s[ ])?(?:then[- ]current[ ])?(?:capacity[ ]|supply[ ]|inventory[ ])?(?:availability|available[ ](?:inventory|capacity|supply))|as[ -]available|best[ -]availability|where[ ]capacity[ ]permits|when[ ]and[ ]if[ ]available|if[ ]and[ ]when[ ]available|to[ ]the[ ]extent[ ]available" +
        @"|(?:commercially[ ]reasonable|reasonable[ ]best|best)[ ]efforts[ ]to[ ](?:make[ ](?:\w+[ ]){0,4}?available|provide|supply|allocate)" +
        @"|no[ ]guarantee|not[ ]guaranteed?|does[ ]not[ ]guarantee|without[ ]guarantee|makes?[ ]no[ ](?:representation|commitment|guarantee)|can[ ]?not[ ](?:commit|guarantee)",
        NumberWords.Options | RegexOptions.IgnoreCase,
        NumberWords.MatchTimeout);

    private static readonly Regex s_priority = new(
        @"\b(?:priorit\w*|first[ ]access|early[ ]access|first[ ]call|first[ ]allocation|first[ ]refusal|preferential|ahead[ ]of|front[ ]of[ ]the[ ]queue)\b" +
        @"|\bbefore\b[^.;]{0,40}\b(?:customers|generally[ ]available|general[ ]availability)\b",
        NumberWords.Options | RegexOptions.IgnoreCase,
        NumberWords.MatchTimeout);

    private static readonly Regex s_refresh = new(
        @"\b(?:refresh(?:es|ed)?|upgrade[sd]?|technology[ ]refresh|migrat\w*|swap\w*|trade[- ]in|successor[ ](?:generation|products?|chips?|GPUs?)|future[ ]generations?|(?:latest|then[- ]current)[ ](?:\w+[ ])?generation)\b",
        NumberWords.Options | RegexOptions.IgnoreCase,
        NumberWords.MatchTimeout);

    // A stated guarantee outranks a passing "next-generation" ("a guaranteed allocation of next-generation GPUs").
    private static readonly Regex s_firm = new(
        @"\b(?<!not[ ])(?<!no[ ])(?:guarantee[sd]?|firm[ ]allocation)\b", NumberWords.Options | RegexOptions.IgnoreCase, NumberWords.MatchTimeout);

    private static readonly Regex s_nextGeneration = new(
        @"\bnext[- ]generation\b", NumberWords.Options | RegexOptions.IgnoreCase, NumberWords.MatchTimeout);

    private static readonly Regex s_guaranteed = new(
        @"\b(?:reserve[sd]?|reserving|dedicate[sd]?|dedicating|commit(?:s|ted)?|guarantee[sd]?|set[ ]aside|earmark(?:s|ed)?|shall[ ](?:make[ ]available|provide|deliver|allocate))\b",
        NumberWords.Options | RegexOptions.IgnoreCase,
        NumberWords.MatchTimeout);

    private static readonly Regex s_acceleratorWord = new(
        @"\b(?:GPUs?|accelerators?|TPUs?|chips?|compute[ ]capacity)\b", NumberWords.Options | RegexOptions.IgnoreCase, NumberWords.MatchTimeout);

    // "laws of the State of New York", "laws of England and Wales", "laws of the United States of America".
    private static readonly Regex s_lawsOf = new(
        @"\blaws?[ \t\n]+of[ \t\n]+(?:the[ ])?(?:(?:State|Commonwealth|Province|Republic|Kingdom|Emirate)[ ]of[ ])?" +
        @"(?<j>[A-Z][A-Za-z]*(?:[ ](?:(?:and|of)[ ])?[A-Z][A-Za-z]*){0,4})",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    // "governed by Delaware law", "governed by the law of ..." is caught by s_lawsOf.
    private static readonly Regex s_stateLaw = new(
        @"\bgoverned[ \t\n]+by[ \t\n]+(?:the[ ])?(?:internal[ ])?(?<j>[A-Z][A-Za-z]+(?:[ ][A-Z][A-Za-z]+){0,2})[ ]law\b",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    /// <summary>Reads the typed fields of one clause of <paramref name="clauseType"/> (see <see cref="ClauseTypes"/>).</summary>
    public static ClauseFields Read(string clauseType, string clauseText)
    {
        ArgumentNullException.ThrowIfNull(clauseType);
        ArgumentNullException.ThrowIfNull(clauseText);
        var fields = new ClauseFields();
        try
        {
            // By reference, so what was read before a timeout survives it.
            ReadAll(clauseType, clauseText, ref fields);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological clause keeps what was read before the timeout; nothing is guessed.
        }

        return fields == new ClauseFields() ? ClauseFields.None : fields;
    }

    private static void ReadAll(string clauseType, string clauseText, ref ClauseFields fields)
    {
        if (s_moneyTypes.Contains(clauseType))
        {
            fields = ReadMoney(clauseText, fields);
        }

        if (s_percentTypes.Contains(clauseType))
        {
            var percent = s_percent.Match(clauseText);
            if (percent.Success)
            {
                fields = fields with { Percent = NumberWords.PercentOf(percent) };
            }
        }

        if (s_durationTypes.Contains(clauseType))
        {
            fields = ReadDuration(clauseText, fields);
        }

        var chips = ChipCatalog.Find(clauseText);
        if (chips.Count > 0)
        {
            fields = fields with { Chips = chips };
        }

        if (clauseType == ClauseTypes.ChipAccess)
        {
            fields = fields with { Access = ReadAccess(clauseText, chips.Count > 0) };
        }

        if (clauseType == ClauseTypes.GoverningLaw)
        {
            fields = fields with { Jurisdiction = ReadJurisdiction(clauseText) };
        }
    }

    private static ClauseFields ReadMoney(string text, ClauseFields fields)
    {
        var mentions = MoneyParser.FindAll(text);
        // The largest stated amount is the one the clause is about (a cap "the greater of $10 million and ...").
        var chosen = mentions.Where(m => m.Amount is not null).MaxBy(m => m.Amount)
            ?? mentions.FirstOrDefault(m => m.Redacted);
        if (chosen is null)
        {
            return fields;
        }

        return fields with
        {
            Amount = chosen.Amount,
            Currency = chosen.Currency ?? mentions.Select(m => m.Currency).FirstOrDefault(c => c is not null),
            Redacted = chosen.Redacted ? true : null,
            Period = PeriodNear(text, chosen.End) ?? "total",
        };
    }

    private static string? PeriodNear(string text, int after)
    {
        // The words right after the amount ("$10 million per month, invoiced quarterly") win over the rest of the clause.
        var window = text[after..Math.Min(text.Length, after + 60)];
        return EarliestPeriod(window) ?? EarliestPeriod(text);
    }

    private static string? EarliestPeriod(string text)
    {
        var candidates = new (Regex Pattern, string Period)[] { (s_annual, "annual"), (s_quarterly, "quarterly"), (s_monthly, "monthly") };
        string? best = null;
        var bestIndex = int.MaxValue;
        foreach (var (pattern, period) in candidates)
        {
            var match = pattern.Match(text);
            if (match.Success && match.Index < bestIndex)
            {
                best = period;
                bestIndex = match.Index;
            }
        }

        return best;
    }

    private static ClauseFields ReadDuration(string text, ClauseFields fields)
    {
        foreach (Match match in s_duration.Matches(text))
        {
            var unit = match.Groups["unit"].Value.ToLowerInvariant();
            if (unit == "annual")
            {
                return fields with { Months = 12 };
            }

            var count = NumberWords.CountOf(match);
            if (count is null or <= 0)
            {
                continue;
            }

            return unit switch
            {
                "year" or "years" => fields with { Months = count * 12 },
                "month" or "months" => fields with { Months = count },
                "week" or "weeks" => fields with { Days = count * 7 },
                _ => fields with { Days = count },
            };
        }

        return fields;
    }

    private static string? ReadAccess(string text, bool namesChips)
    {
        if (s_unavailable.IsMatch(text))
        {
            return "subject_to_availability";
        }

        if (s_priority.IsMatch(text))
        {
            return "priority";
        }

        if (s_refresh.IsMatch(text))
        {
            return "refresh";
        }

        if (s_firm.IsMatch(text))
        {
            return "guaranteed";
        }

        if (s_nextGeneration.IsMatch(text))
        {
            return "refresh";
        }

        return s_guaranteed.IsMatch(text) && (namesChips || s_acceleratorWord.IsMatch(text)) ? "guaranteed" : null;
    }

    private static string? ReadJurisdiction(string text)
    {
        var match = s_lawsOf.Match(text);
        if (!match.Success)
        {
            match = s_stateLaw.Match(text);
        }

        if (!match.Success)
        {
            return null;
        }

        return match.Groups["j"].Value;
    }
}
