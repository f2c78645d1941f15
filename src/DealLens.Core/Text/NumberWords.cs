using System.Globalization;
using System.Text.RegularExpressions;

namespace DealLens.Core.Text;

/// <summary>
/// Spelled-out numbers as contracts write them ("five", "twenty-four", "sixty") and the shared regex
/// fragments that read a number either as digits, as words, or as both ("five (5)").
/// </summary>
internal static class NumberWords
{
    private static readonly string[] s_units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] s_tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>
    /// The limit on one regex scan. The patterns have no nested ambiguous quantifiers, so this is a backstop against
    /// a pathological input, not a budget: it is generous because the first scan of a compiled pattern also pays for
    /// its JIT compilation, which on a busy machine took over 2 s (a 2 s limit was seen to expire in a test run).
    /// </summary>
    public static readonly TimeSpan MatchTimeout = RegexTimeouts.Limit;

    /// <summary>
    /// One character that does not end a sentence: anything but ". " and ";", where the period of "Inc." or
    /// "U.S." does not count as an end.
    /// </summary>
    public const string SentenceChar = @"(?:[^.;]|\.(?=\S)|(?<=\b(?:Inc|Corp|Co|Ltd|No)|\b[A-Z])\.(?=\s))";

    // Not RegexOptions.Compiled: compiling ~150 patterns to IL and JIT-compiling them cost 2.3 s before the first
    // document (issue #8, cold start), and the interpreter was no slower over 30 CUAD contracts (11.6 s vs 12.5 s CPU).
    public const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>
    /// A spelled-out number from zero to ninety-nine, or "one hundred". Longer words come first so "seventeen"
    /// is not read as "seven". Case-insensitive by itself.
    /// </summary>
    public static string Pattern { get; } = BuildPattern();

    /// <summary>
    /// A count as digits, as words, or as words with digits in brackets: groups <c>nd</c> (digits) and <c>nw</c> (words).
    /// </summary>
    public static string CountPattern { get; } =
        $@"(?:(?<nw>{Pattern})[ \t]*\([ \t]*(?<nd>\d{{1,4}})[ \t]*\)|(?<nd>\d{{1,4}})|(?<nw>{Pattern}))";

    /// <summary>A percentage: "25%", "12.5 percent", "twenty percent (20%)", "twenty percent". Groups <c>pd</c> and <c>pw</c>.</summary>
    public static string PercentPattern { get; } =
        $@"(?:(?<pw>{Pattern})[ \t]+(?i:percent|per[ ]cent)[ \t]*\([ \t]*(?<pd>\d{{1,3}}(?:\.\d{{1,4}})?)[ \t]*%[ \t]*\)" +
        $@"|(?<pd>\d{{1,3}}(?:\.\d{{1,4}})?)[ \t]*(?:%|(?i:percent|per[ ]cent)\b)" +
        $@"|(?<pw>{Pattern})[ \t]+(?i:percent|per[ ]cent)\b)";

    public static bool TryParse(string words, out int value)
    {
        ArgumentNullException.ThrowIfNull(words);
        var normalized = words.Trim().ToLowerInvariant().Replace('-', ' ');
        value = 0;
        if (normalized.Length == 0)
        {
            return false;
        }

        if (normalized is "one hundred" or "a hundred" or "hundred")
        {
            value = 100;
            return true;
        }

        var parts = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1)
        {
            var unit = Array.IndexOf(s_units, parts[0]);
            if (unit >= 0)
            {
                value = unit;
                return true;
            }

            var ten = Array.IndexOf(s_tens, parts[0]);
            if (ten >= 2)
            {
                value = ten * 10;
                return true;
            }

            return false;
        }

        if (parts.Length == 2)
        {
            var ten = Array.IndexOf(s_tens, parts[0]);
            var unit = Array.IndexOf(s_units, parts[1]);
            if (ten >= 2 && unit is >= 1 and <= 9)
            {
                value = (ten * 10) + unit;
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a <see cref="CountPattern"/> match: the digits when present (they are the binding form), else the words.</summary>
    public static int? CountOf(Match match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var digits = match.Groups["nd"];
        if (digits.Success && int.TryParse(digits.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var fromDigits))
        {
            return fromDigits;
        }

        var words = match.Groups["nw"];
        return words.Success && TryParse(words.Value, out var fromWords) ? fromWords : null;
    }

    /// <summary>Reads a <see cref="PercentPattern"/> match; null outside 0-100.</summary>
    public static decimal? PercentOf(Match match)
    {
        ArgumentNullException.ThrowIfNull(match);
        decimal? value = null;
        var digits = match.Groups["pd"];
        if (digits.Success && decimal.TryParse(digits.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fromDigits))
        {
            value = fromDigits;
        }
        else if (match.Groups["pw"].Success && TryParse(match.Groups["pw"].Value, out var fromWords))
        {
            value = fromWords;
        }

        return value is >= 0m and <= 100m ? value : null;
    }

    private static string BuildPattern()
    {
        var singles = s_units.Concat(s_tens.Where(t => t.Length > 0)).OrderByDescending(w => w.Length).ToList();
        var tens = string.Join('|', s_tens.Where(t => t.Length > 0));
        var ones = string.Join('|', s_units.Skip(1).Take(9).OrderByDescending(w => w.Length));
        return $@"(?i:\b(?:one[ ]hundred|(?:{tens})[- ](?:{ones})|{string.Join('|', singles)})\b)";
    }
}
