using System.Text;
using System.Text.RegularExpressions;

namespace DealLens.Extraction;

/// <summary>
/// Cleans the raw text of each page of one document: normalises white space inside lines, drops EDGAR
/// "Source:" footers, running headers/footers and bare page numbers, and joins hyphenated line ends.
/// Pure: strings in, strings out, so every rule is testable without a PDF.
/// </summary>
public sealed class PageTextCleaner
{
    public static PageTextCleaner Default { get; } = new(new PageTextCleanerOptions());

    // "Source: ACME CORP, 10-K, 3/1/2019": EDGAR's print footer. It must name a form or a date so a
    // clause that happens to start with "Source:" survives.
    private static readonly Regex s_edgarFooter = new(
        @"^Source:\s*\S.*(?:\b\d{1,2}/\d{1,2}/\d{2,4}\b|,\s*(?:10-K|10-Q|8-K|6-K|20-F|40-F|S-\d+|F-\d+|10-12[BG]|SB-2|S-4|424B\d|DEF\s?14A|10-KSB|10-QSB|10-K405|SC\s?13D|N-\w+)\b)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, DealLens.Core.Text.RegexTimeouts.Limit);

    // "7", "- 7 -", "– 7 –", "[7]", "Page 7", "Page 7 of 20", and exhibit pages "A-12".
    private static readonly Regex s_pageNumber = new(
        @"^(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}|\[\s*\d{1,4}\s*\]|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|[A-Z]{1,2}-\d{1,3})$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, DealLens.Core.Text.RegexTimeouts.Limit);

    private static readonly char[] s_lineBreaks = ['\n', '\r', '\u2028', '\u2029'];

    private readonly PageTextCleanerOptions _options;

    public PageTextCleaner(PageTextCleanerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Cleans every page; the result has one entry per input page, in order.</summary>
    public IReadOnlyList<string> Clean(IReadOnlyList<string> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var pageLines = pages.Select(SplitAndNormalize).ToList();

        if (_options.RemoveEdgarFooters)
        {
            foreach (var lines in pageLines)
            {
                foreach (var index in EdgeIndexes(lines, 0, _options.FooterLines))
                {
                    if (s_edgarFooter.IsMatch(lines[index]!))
                    {
                        lines[index] = null;
                    }
                }
            }
        }

        // A few passes: once a running header's first two lines are gone, its third line is at the top.
        for (var pass = 0; pass < 3 && (_options.RemoveRunningHeaders || _options.RemovePageNumbers); pass++)
        {
            if (!RemoveHeadersAndPageNumbers(pageLines))
            {
                break;
            }
        }

        return pageLines.Select(lines => Join(_options.JoinHyphenatedLines ? JoinHyphenated(lines) : lines)).ToList();
    }

    /// <summary>Cleans one page on its own (no running-header detection, which needs several pages).</summary>
    public string CleanPage(string page) => Clean([page])[0];

    /// <summary>
    /// Removes NUL and other C0 control characters, turns tabs and Unicode spaces (no-break, en, em, thin ...) into
    /// plain spaces, collapses runs of spaces to one and trims both ends. Everything else (curly quotes, dashes,
    /// soft hyphens, zero-width spaces) is kept verbatim, except U+037E, which becomes its canonical ';'.
    /// </summary>
    public static string NormalizeLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var builder = new StringBuilder(line.Length);
        var pendingSpace = false;
        foreach (var c in line)
        {
            if (IsSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (c < ' ' || c == '\u007F')
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            // U+037E GREEK QUESTION MARK is canonically a semicolon; some filings' fonts map ';' to it.
            builder.Append(c == '\u037E' ? ';' : c);
        }

        return builder.ToString();
    }

    // Tabs and Unicode space separators count as spaces. Filings use no-break spaces (U+00A0) for layout by the
    // hundred thousand, while the clause texts that annotators quote have plain spaces.
    private static bool IsSpace(char c)
        => c is ' ' or '\t' or '\u00A0' or '\u202F' or '\u205F' or '\u3000' or (>= '\u2000' and <= '\u200A');

    // A removed line becomes null, so it leaves no blank line behind; a blank line stays "".
    private static List<string?> SplitAndNormalize(string page)
    {
        var lines = page.Replace("\r\n", "\n", StringComparison.Ordinal).Split(s_lineBreaks);
        var result = new List<string?>(lines.Length);
        foreach (var line in lines)
        {
            result.Add(NormalizeLine(line));
        }

        return result;
    }

    private bool RemoveHeadersAndPageNumbers(List<List<string?>> pageLines)
    {
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        if (_options.RemoveRunningHeaders)
        {
            var pageCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var lines in pageLines)
            {
                var keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var index in EdgeIndexes(lines, _options.HeaderLines, _options.FooterLines))
                {
                    if (lines[index]!.Length <= _options.MaxRunningLineLength)
                    {
                        keys.Add(MaskDigits(lines[index]!));
                    }
                }

                foreach (var key in keys)
                {
                    pageCounts[key] = pageCounts.GetValueOrDefault(key) + 1;
                }
            }

            var threshold = Math.Max(_options.MinRunningPages, (pageLines.Count + 1) / 2);
            foreach (var (key, count) in pageCounts)
            {
                if (count >= threshold)
                {
                    repeated.Add(key);
                }
            }
        }

        var removed = false;
        foreach (var lines in pageLines)
        {
            foreach (var index in EdgeIndexes(lines, _options.HeaderLines, _options.FooterLines))
            {
                var line = lines[index]!;
                var isRunning = repeated.Count > 0 && line.Length <= _options.MaxRunningLineLength && repeated.Contains(MaskDigits(line));
                var isPageNumber = _options.RemovePageNumbers && s_pageNumber.IsMatch(line);
                if (isRunning || isPageNumber)
                {
                    lines[index] = null;
                    removed = true;
                }
            }
        }

        return removed;
    }

    // Indexes of the first `top` and last `bottom` non-blank lines, without duplicates.
    private static List<int> EdgeIndexes(List<string?> lines, int top, int bottom)
    {
        var indexes = new List<int>(top + bottom);
        for (var i = 0; i < lines.Count && indexes.Count < top; i++)
        {
            if (!string.IsNullOrEmpty(lines[i]))
            {
                indexes.Add(i);
            }
        }

        var found = 0;
        for (var i = lines.Count - 1; i >= 0 && found < bottom; i--)
        {
            if (!string.IsNullOrEmpty(lines[i]))
            {
                found++;
                if (!indexes.Contains(i))
                {
                    indexes.Add(i);
                }
            }
        }

        return indexes;
    }

    private static string MaskDigits(string line)
    {
        return string.Create(line.Length, line, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiDigit(source[i]) ? '#' : source[i];
            }
        });
    }

    // "non-" + "exclusive" -> "non-exclusive": a line ending in letter + hyphen followed by a line starting with a
    // lower-case letter. The hyphen stays because in these filings line-end hyphens are real compound words.
    private static List<string?> JoinHyphenated(List<string?> lines)
    {
        var result = new List<string?>(lines.Count);
        foreach (var line in lines.Where(l => l is not null))
        {
            if (result.Count > 0 && line!.Length > 0 && char.IsLower(line[0]) && EndsWithWordHyphen(result[^1]!))
            {
                result[^1] += line;
            }
            else
            {
                result.Add(line);
            }
        }

        return result;
    }

    private static bool EndsWithWordHyphen(string line)
        => line.Length >= 2 && line[^1] == '-' && char.IsLetter(line[^2]);

    // Drops blank lines at both ends and keeps at most one blank line in a row.
    private static string Join(List<string?> lines)
    {
        var builder = new StringBuilder();
        var pendingBlank = false;
        foreach (var line in lines)
        {
            if (line is null)
            {
                continue;
            }

            if (line.Length == 0)
            {
                pendingBlank = builder.Length > 0;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(pendingBlank ? "\n\n" : "\n");
            }

            pendingBlank = false;
            builder.Append(line);
        }

        return builder.ToString();
    }
}
