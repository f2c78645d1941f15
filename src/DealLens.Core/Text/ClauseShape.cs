using System.Text.RegularExpressions;

namespace DealLens.Core.Text;

/// <summary>
/// Shapes of contract text that look like a clause but hold no term of their own: a definition that only points to
/// another document or section ("“Lender” has the meaning set forth in the Loan Agreement."), and a lead-in that stops
/// at its colon ("Upon the expiration or termination of this Agreement:"), whose terms are in the list after it.
/// </summary>
public static class ClauseShape
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMilliseconds(200);

    // A quoted defined term, then "has/have/shall have the meaning(s) given/set forth/assigned ... in/to ...", and nothing else.
    private static readonly Regex s_definitionReference = new(
        @"^\W{0,3}[""“'‘][^""”’]{1,80}[""”'’]\s*(?:\([^)]{0,40}\)\s*)?(?:has|have|shall\s+have)\s+the\s+(?:respective\s+)?meanings?\s+(?:given|set\s+forth|set\s+out|assigned|ascribed|specified|defined|provided)\b[^.;]{0,160}[.;]?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_timeout);

    /// <summary>True for a definition that only refers elsewhere for its meaning.</summary>
    public static bool IsDefinitionReference(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= 300 && s_definitionReference.IsMatch(text.Trim());
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

    /// <summary>Headings, references-only definitions and lead-ins: text that names or introduces a term without stating one.</summary>
    public static bool StatesNoTerm(string text)
        => HeadingDetector.IsHeading(text) || IsDefinitionReference(text) || IsLeadIn(text);
}
