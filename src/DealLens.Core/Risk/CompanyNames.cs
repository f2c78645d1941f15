using System.Text;
using System.Text.RegularExpressions;

namespace DealLens.Core.Risk;

/// <summary>
/// Company-name folding: "Microsoft Corporation", "Microsoft Corp." and "MICROSOFT" give one key, as do
/// "OpenAI OpCo, LLC" and "OpenAI". Legal-form suffixes are dropped; case and punctuation are ignored.
/// </summary>
public static class CompanyNames
{
    // Only trailing suffixes are dropped, repeatedly ("OpenAI OpCo, LLC" -> "OpenAI OpCo" -> "OpenAI"), so a name that
    // merely contains such a word in the middle ("Co. Holdings Bank") keeps it.
    private static readonly Regex s_suffix = new(
        @"(?:^|[\s,]+)(?:Inc\.?|Incorporated|L\.L\.C\.?|LLC|LLP|L\.P\.?|LP|Corp\.?|Corporation|Co\.?|Company|N\.V\.?|NV|plc|Ltd\.?|Limited|GmbH|S\.A\.?|SA|AG|OpCo|Holdings?)\s*[.,]?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, DealLens.Core.Text.RegexTimeouts.Limit);

    private static readonly Regex s_leadingThe = new(@"^\s*the\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, DealLens.Core.Text.RegexTimeouts.Limit);

    /// <summary>The name without its legal-form suffixes, case kept: "OpenAI OpCo, LLC" -> "OpenAI".</summary>
    public static string StripSuffixes(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var current = s_leadingThe.Replace(name.Trim(), "");
        for (var i = 0; i < 8; i++)
        {
            var stripped = s_suffix.Replace(current, "").Trim().TrimEnd(',').Trim();
            // Never strip a name to nothing: "Holdings, Inc." stays "Holdings".
            if (stripped.Length == 0 || stripped == current)
            {
                break;
            }

            current = stripped;
        }

        return current;
    }

    /// <summary>The comparison key: suffixes dropped, lower case, letters and digits only, single spaces.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var stripped = StripSuffixes(name.Replace('’', '\''));
        var builder = new StringBuilder(stripped.Length);
        var pendingSpace = false;
        foreach (var c in stripped)
        {
            if (char.IsLetterOrDigit(c) || c == '&')
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is '.' or '\'')
            {
                // "A.I." is "ai", "O'Neil" is "oneil": dots and apostrophes join rather than split.
            }
            else
            {
                pendingSpace = true;
            }
        }

        // A redaction mark ("XXXXXXXX", "xxx xxx") stands where a name was: it is no company, and two of them are not one.
        var key = builder.ToString();
        return key.Count(c => c == 'x') >= 3 && key.All(c => c is 'x' or ' ') ? "" : key;
    }

    /// <summary>A stable identifier for a normalised key: "beacon ai" -> "beacon-ai".</summary>
    public static string ToId(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Replace(' ', '-');
    }
}
