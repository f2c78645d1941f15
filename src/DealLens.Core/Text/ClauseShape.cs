using System.Text.RegularExpressions;

namespace DealLens.Core.Text;

/// <summary>
/// Shapes of contract text that look like a clause but hold no term of their own, read from the layout of the text:
/// a definition ("“Lender” has the meaning set forth in the Loan Agreement."), a lead-in that stops at its colon
/// ("Upon the expiration or termination of this Agreement:"), a recital, a signature block, a verbless list item.
/// </summary>
public static class ClauseShape
{
    private static readonly TimeSpan s_timeout = RegexTimeouts.Limit;

    // An optional section number, a quoted defined term (and an optional parenthesis), then the defining verb.
    private const string DefinedTerm = @"^\W{0,3}(?:(?:\d+(?:\.\d+)*\.?|\(?[a-z]{1,4}\))\s+)?[""“'‘][^""”’]{1,80}[""”'’]\s*(?:\([^)]{0,60}\)\s*)?";

    // The meaning is given elsewhere: "has/have/shall have the meaning(s) given/set forth/assigned ... in/to ...", and nothing else.
    private static readonly Regex s_definitionReference = new(
        DefinedTerm + @"(?:has|have|shall\s+have)\s+the\s+(?:respective\s+)?meanings?\s+(?:given|set\s+forth|set\s+out|assigned|ascribed|specified|defined|provided)\b(?:[^.;]|\.\d)*[.;]?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_timeout);

    private static readonly Regex s_definition = new(
        DefinedTerm + @"(?:means|shall\s+mean|has\s+the|have\s+the|shall\s+have\s+the|refers\s+to|is\s+defined)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_timeout);

    // The recitals before the operative part: background, not terms.
    private static readonly Regex s_recital = new(@"^\W{0,3}(?:WHEREAS|NOW,?\s+THEREFORE|RECITALS?\b)", RegexOptions.CultureInvariant, s_timeout);

    // A signature block: "By:" with "Name:" or "Title:" on the lines after.
    private static readonly Regex s_signature = new(@"(?m)^\s*By:.*\n(?:.*\n){0,3}?\s*(?:Name|Title|Its):", RegexOptions.CultureInvariant, s_timeout);

    // One item of a list ("(ii) preparing officer's certificates ...;"): a marker, and an ending that continues the list.
    private static readonly Regex s_listItem = new(@"^\s*\(?(?:[0-9]{1,3}|[a-z]{1,2}|[ivxl]{1,6})[.)]\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_listContinues = new(@"(?:[;,]|;\s*(?:and|or)|\b(?:and|or))\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_timeout);

    /// <summary>True for a definition that only refers elsewhere for its meaning.</summary>
    public static bool IsDefinitionReference(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length > 300 || !s_definitionReference.IsMatch(trimmed))
        {
            return false;
        }

        // "... has the meaning set forth in the Loan Agreement, and Customer shall repay ...": a term follows the reference.
        var meaning = trimmed.IndexOf("meaning", StringComparison.OrdinalIgnoreCase);
        return !HeadingDetector.HasVerb(trimmed[(meaning + "meaning".Length)..]);
    }

    /// <summary>True for a definition ("“Minimum Payment” means ..."): it gives a term its meaning; the clause that uses the term binds.</summary>
    public static bool IsDefinition(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return s_definition.IsMatch(text.TrimStart());
    }

    /// <summary>True for a recital (WHEREAS ..., NOW, THEREFORE ...).</summary>
    public static bool IsRecital(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return s_recital.IsMatch(text.TrimStart());
    }

    /// <summary>True for text holding a signature block.</summary>
    public static bool IsSignatureBlock(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return s_signature.IsMatch(text.Replace("\r", "", StringComparison.Ordinal));
    }

    /// <summary>True for one item of a list with no verb of its own, cut where the list goes on: its lead-in binds, not it.</summary>
    public static bool IsListFragment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return s_listItem.IsMatch(trimmed) && s_listContinues.IsMatch(trimmed) && !HeadingDetector.HasVerb(trimmed);
    }

    /// <summary>True for a text whose last line ends with a colon (a page number after it aside): it introduces what follows.</summary>
    public static bool IsLeadIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Any(char.IsLetter))
            .ToList();
        return lines.Count > 0 && lines[^1].EndsWith(':');
    }

    /// <summary>
    /// Text that names, defines, introduces or witnesses a term without stating one: headings, definitions, lead-ins,
    /// recitals, signature blocks and verbless list items.
    /// </summary>
    public static bool StatesNoTerm(string text)
        => HeadingDetector.IsHeading(text) || IsDefinition(text) || IsLeadIn(text) || IsRecital(text) || IsSignatureBlock(text) || IsListFragment(text);
}
