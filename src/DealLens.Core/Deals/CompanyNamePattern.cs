namespace DealLens.Core.Deals;

/// <summary>
/// The regex fragments that read a company name as filings write it: capitalised words ("OpenAI OpCo"), capitals
/// ("NEBIUS GROUP N.V."), numbers inside or at the start ("Hut 8 Corp.", "1600 Smith Street LLC"), "d/b/a" names,
/// and a legal form after a comma, including foreign ones ("MUFG Bank, Ltd.", "Acme Compute Pte. Ltd.", "S.à r.l.").
/// Tokens are separated by mandatory white space and the repetition is bounded, so a long run of capitalised words
/// (a cover page, a table of contents) stays linear.
/// </summary>
internal static class CompanyNamePattern
{
    public const string Word = @"(?:[A-Z]|[a-z]{1,3}[A-Z])[\w.&'’/-]*";

    // Inside a name: a number ("Hut 8", "Co. VII" is a word already), or a connector word.
    private const string InnerWord = @"(?:" + Word + @"|\d[\w.]*|&|of|d/b/a|de|du|van|von|der|r\.l\.|" + LowerBeforeForm + ")";

    // A lower-case word is part of a name only right before its legal form: "SK hynix Inc.", "Aleph Alpha gmbh" is not.
    // Atomic and only at a word's start: tried at every lower-case letter of a document, it must fail at once.
    private const string LowerBeforeForm = @"(?<![\w.-])(?>[a-z][\w.-]{1,20})(?=,?[ \t]+(?:Inc\.|Inc\b|LLC\b|Ltd\.|Ltd\b|Limited\b|Corp\.|Corporation\b|Co\.|AG\b|GmbH\b|SAS\b|S\.A\.|N\.V\.|B\.V\.|PLC\b|plc\b|K\.K\.))";

    // A name may open with a street number when a legal form closes it (checked by the reader, not here).
    // Or a token that opens with digits and goes on in letters ("2THEMART.COM", "3Dfx"), or a lower-case brand right
    // before its legal form ("deltathree.com, Inc.").
    private const string FirstWord = @"(?:" + Word + @"|\d{1,9}(?=[ \t]+[A-Z])|(?<![\w.])(?>\d{1,4}[A-Za-z][\w.&'’-]*)|" + LowerBeforeForm + ")";

    public const string Gap = @"(?:[ \t\u00A0]+|[ \t]*\n[ \t]*)";

    public const string Suffix =
        @"(?:Inc\.?|Incorporated|L\.L\.C\.?|LLC|Ltd\.?|Limited|Corp\.?|Corporation|Co\.|L\.P\.|LP|LLP|LLLP|plc|PLC|N\.V\.|S\.A\.|SE|AG|GmbH"
        + @"|B\.V\.|N\.A\.|National[ ]Association|Pte\.?[ ]Ltd\.?|Pty\.?[ ]Ltd\.?|K\.K\.|S\.(?:à|a)\.?[ ]?r\.l\.|SARL|S\.p\.A\.|SpA|S\.L\.|S\.A\.S\.|SAS|S\.R\.L\.|S\.r\.l\.|SRL|Srl|S\.A\.U\.|Ltda\.?|LTDA\.?|KG|Kft\.|AS|ASA|AB|A/S|Oy|Oyj|PBC"
        + @"|INC\.?|INCORPORATED|L\.L\.C\.|LTD\.?|LIMITED|CORP\.?|CORPORATION|CO\.|LLLP)";

    // A trade name after the legal name: "U.S. Data Mining Group, Inc. d/b/a US Bitcoin", "Acme LLC dba Acme Cloud".
    private const string TradeName = @"(?:[ \t]+(?:d/b/a|dba|doing[ ]business[ ]as)[ \t]+" + Word + @"(?:[ \t]+" + Word + "){0,4})?";

    // A legal form in lower case or with a space cannot be matched as a capitalised word, so it may follow without a comma.
    private const string TightSuffix = @"(?:S\.(?:à|a)\.?[ ]?r\.l\.|Pte\.?[ ]Ltd\.?)";

    // A bank acting through a branch is named with it: "Deutsche Bank AG, New York Branch", "MUFG BANK, LTD., NEW YORK BRANCH".
    private const string Branch = @"(?:," + Gap + @"(?:[A-Z][A-Za-z.]*" + Gap + @"){1,3}(?:Branch|BRANCH)\b)?";

    /// <summary>At most eight words, then up to two legal forms ("Acme Compute, Pte. Ltd.") and a bank's branch.</summary>
    public const string Name =
        FirstWord + "(?:" + Gap + InnerWord + "){0,8}" +
        "(?:(?:," + Gap + "|" + Gap + ")" + TightSuffix + "|," + Gap + Suffix + "){0,2}" + Branch + TradeName;

    private static readonly System.Text.RegularExpressions.Regex s_dateBefore = new(
        @"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2},?[ \t]*$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        DealLens.Core.Text.RegexTimeouts.Limit);

    /// <summary>
    /// Where a name really starts: "on April 1, 2026 Cobalt Cloud Holdings, LLC" reads as a name opening with 2026 unless
    /// the year of the date before it is skipped.
    /// </summary>
    public static int SkipYearOfDate(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (end - start > 5 && start + 4 <= text.Length && text[start] is '1' or '2' && text.AsSpan(start, 4).IndexOfAnyExceptInRange('0', '9') < 0
            && char.IsWhiteSpace(text[start + 4]) && s_dateBefore.IsMatch(text.AsSpan(Math.Max(0, start - 16), start - Math.Max(0, start - 16))))
        {
            start += 4;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        return start;
    }

    /// <summary>Words that end a legal form, so a period after them is not a sentence end.</summary>
    public static bool EndsWithAbbreviation(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var last = name[(name.LastIndexOfAny([' ', ',']) + 1)..];
        return last is "Inc." or "Corp." or "Co." or "Ltd." or "L.L.C." or "L.P." or "N.V." or "S.A." or "B.V." or "N.A." or "K.K."
            or "r.l." or "S.p.A." or "S.L." or "S.A.S." or "INC." or "CORP." or "CO." or "LTD." or "Pty." or "Pte.";
    }
}
