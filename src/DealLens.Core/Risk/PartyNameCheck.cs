using System.Text.RegularExpressions;

namespace DealLens.Core.Risk;

/// <summary>
/// Whether a party name handed to the money graph (by the deal terms' party reader) names a company in the document it
/// came from. Rejected by structure: a name spread over several lines (a cover form's fields read as one name: only its
/// last line, when it carries a legal form, is kept); a credit rating code ("Aa2", "BBB+"); and a name the text never
/// writes as a name: every occurrence is a heading line ("Subsequent Events" above a note), the first word of a defined
/// thing ("Cash Lease Prepayment", "Indemnification Agreements"), or, for one plain word the text also writes in lower
/// case ("cash"), a sentence opening. A name with a legal form, or one the alias table knows, is always kept.
/// </summary>
public static class PartyNameCheck
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private static readonly TimeSpan s_timeout = DealLens.Core.Text.RegexTimeouts.Limit;

    // The prose reader's legal forms, and the Norwegian "AS" a cover form may end on.
    private static readonly Regex s_legalForm = new(@"(?:^|[\s,])(?:" + ProseCompanies.LegalForm + @"|AS\.?)$", Options, s_timeout);

    // Moody's ("Aa2", "Baa1", "Caa3") and S&P / Fitch ("AA+", "BBB-", "AAA") long-term rating codes.
    private static readonly Regex s_rating = new(@"^(?:Aaa|(?:Aa|A|Baa|Ba|B|Caa)[1-3]|Ca|AAA|(?:AA|A|BBB|BB|B|CCC)[+-])$", Options, s_timeout);

    // The head nouns of defined things: a capitalised word before one of them names the thing, not a company.
    private static readonly Regex s_thingAfter = new(
        @"^[ \t]+(?:[A-Z][\w-]*[ \t]+){0,2}(?i:agreements?|leases?|facilit(?:y|ies)|notes?|warrants?|prepayments?|orders?|contracts?|loans?|transactions?|amendments?|guarantee|guaranty|indenture|offering|program|plan|events?|policy|policies)\b",
        Options, s_timeout);

    /// <summary>
    /// The usable form of <paramref name="name"/> read from <paramref name="text"/>, or null when it names no company.
    /// <paramref name="known"/> says whether the alias table (or the user's) knows a spelling.
    /// </summary>
    public static string? Usable(string name, string text, Func<string, bool> known)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(known);
        name = name.Trim();
        if (name.Contains('\n', StringComparison.Ordinal))
        {
            var lines = name.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count == 0)
            {
                return null;
            }

            // A cover form's fields read as one name ("K" / "REPORT OF FOREIGN PRIVATE ISSUER" / "X GROUP N.V."): the
            // last line is the name when it has a legal form. A name wrapped at a line end ("NVIDIA" / "Corporation") is
            // one name, kept as the text writes it so that it is found there.
            if (lines.Count > 2 || lines.SkipLast(1).Any(CoverLine))
            {
                var last = lines[^1];
                return s_legalForm.IsMatch(last) || known(last) ? last : null;
            }

            return name;
        }

        if (name.Length == 0 || known(name) || s_legalForm.IsMatch(name))
        {
            return name;
        }

        if (s_rating.IsMatch(name))
        {
            return null;
        }

        var occurrences = Occurrences(text, name).ToList();
        if (occurrences.Count == 0)
        {
            return name;
        }

        var plainWord = !name.Contains(' ', StringComparison.Ordinal) && name.Skip(1).All(c => !char.IsUpper(c));
        var writtenLower = plainWord && Regex.IsMatch(text, @"(?<![A-Za-z])" + Regex.Escape(name.ToLowerInvariant()) + @"(?![A-Za-z])", Options, s_timeout);
        return occurrences.Any(at => NameLike(text, at, at + name.Length, writtenLower)) ? name : null;
    }

    // A field of a cover page, not part of a name: a fragment of one or two characters, or several words in capitals
    // with no legal form ("REPORT OF FOREIGN PRIVATE ISSUER", "FORM 6-K").
    private static bool CoverLine(string line)
        => line.Length <= 2
            || (line.Contains(' ', StringComparison.Ordinal) && !s_legalForm.IsMatch(line) && line.Any(char.IsLetter) && !line.Any(char.IsLower));

    private static IEnumerable<int> Occurrences(string text, string name)
    {
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end >= text.Length || !char.IsLetterOrDigit(text[end])))
            {
                yield return at;
            }
        }
    }

    private static bool NameLike(string text, int start, int end, bool writtenLower)
    {
        if (HeadingLine(text, start) || s_thingAfter.IsMatch(text[end..Math.Min(text.Length, end + 40)]))
        {
            return false;
        }

        return !writtenLower || !SentenceStart(text, start);
    }

    /// <summary>
    /// The line holding <paramref name="index"/> is a heading: short, with no sentence end, and followed by a line that
    /// opens with a capital or a digit (the note or paragraph it heads).
    /// </summary>
    public static bool HeadingLine(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lineStart = index <= 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var lineEnd = text.IndexOf('\n', index);
        var line = (lineEnd < 0 ? text[lineStart..] : text[lineStart..lineEnd]).Trim().Trim('|').Trim();
        if (line.Length == 0 || line.Length > 60 || line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 8
            || line[^1] is '.' or '!' or '?' or ':' or ';' or ',')
        {
            return false;
        }

        var next = lineEnd < 0 ? text.Length : lineEnd + 1;
        while (next < text.Length && (char.IsWhiteSpace(text[next]) || text[next] == '|'))
        {
            next++;
        }

        return next < text.Length && (char.IsUpper(text[next]) || char.IsDigit(text[next]));
    }

    private static bool SentenceStart(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '"' or '“' or '(' or '|')
        {
            i--;
        }

        return i < 0 || text[i] is '.' or '\n' or '!' or '?' or ':' or ';';
    }
}
