using System.Text.RegularExpressions;

namespace DealLens.Core.Text;

/// <summary>
/// Splits contract text into clause-sized spans: sentences, list items and headings, never across a paragraph
/// break (a blank line, unless it only follows a line cut mid-sentence) or a numbered section start. Spans are
/// trimmed of surrounding white space and point into the original text, so a quote taken from one is verbatim.
/// </summary>
public sealed class TextSegmenter
{
    public static TextSegmenter Default { get; } = new(new TextSegmenterOptions());

    // What starts a numbered section or lettered item: "12.1 ", "(b) ", "A. ", "Section 4 ", "ARTICLE ".
    private const string ItemStart = @"[ \t]*(?:\(?[0-9]{1,2}(?:\.[0-9]{1,2})*[.)]|\([a-zA-Z]{1,4}\)|[A-Z]\.|Section\s+[0-9]|SECTION\s+[0-9]|ARTICLE\s|Article\s)[ \t]";

    // A hard break: a blank line, or a line that starts a numbered section / lettered item.
    private static readonly Regex s_hardBreak = new(@"\n[ \t]*\n|\n(?=" + ItemStart + ")", RegexOptions.CultureInvariant, RegexTimeouts.Limit);

    private static readonly Regex s_itemStart = new(@"\G" + ItemStart, RegexOptions.CultureInvariant, RegexTimeouts.Limit);

    // A full line of prose that stops mid-sentence: it ends in a lower-case word, a comma or a hyphen.
    private const int MinContinuedLine = 40;

    // A sentence end: . ; ? ! followed by white space and something that can start a sentence.
    private static readonly Regex s_sentenceEnd = new(
        @"(?<=[.?!;])[""'”’)]*\s+(?=[""“(\[]?[A-Z0-9])",
        RegexOptions.CultureInvariant, RegexTimeouts.Limit);

    // Tokens ending in a period that do not end a sentence.
    private static readonly Regex s_abbreviation = new(
        @"(?:\b(?:Inc|Corp|Co|Ltd|No|Nos|Sec|Secs|Art|U\.S|U\.S\.A|i\.e|e\.g|etc|vs|v|Mr|Mrs|Ms|Dr|St|Jr|Sr|approx|Id|Exh|Ex|para|cf|al|N\.A|L\.P|L\.L\.C|S\.A|B\.V|N\.V|P\.C|Pty|Ltda|Cal|Del|Fla|Mass|Pa|Va)\.|\b[A-Z]\.|(?:^|\s)[0-9]{1,2}(?:\.[0-9]{1,2})*\.|\([a-z0-9]{1,4}\)\.?)$",
        RegexOptions.CultureInvariant, RegexTimeouts.Limit);

    private readonly TextSegmenterOptions _options;

    public TextSegmenter(TextSegmenterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public IReadOnlyList<TextSpan> Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<TextSpan>();
        var blockStart = 0;
        foreach (Match hardBreak in s_hardBreak.Matches(text))
        {
            if (ContinuesAcrossBlankLine(text, hardBreak))
            {
                continue;
            }

            SplitBlock(text, blockStart, hardBreak.Index, spans);
            blockStart = hardBreak.Index + hardBreak.Length;
        }

        SplitBlock(text, blockStart, text.Length, spans);
        return spans;
    }

    // Some filings put a blank line after every line of text. A blank line after a full line that stops
    // mid-sentence, before a line that starts no numbered item, is such a line break, not a paragraph end:
    // cutting there would leave every line of a clause a span of its own.
    private static bool ContinuesAcrossBlankLine(string text, Match hardBreak)
    {
        if (hardBreak.Value.Count(c => c == '\n') != 2)
        {
            return false;
        }

        var end = hardBreak.Index;
        while (end > 0 && text[end - 1] is ' ' or '\t' or '\r')
        {
            end--;
        }

        var lineStart = text.LastIndexOf('\n', Math.Max(0, end - 1)) + 1;
        if (end - lineStart < MinContinuedLine)
        {
            return false;
        }

        var last = text[end - 1];
        if (!(char.IsLower(last) || last is ',' or '-'))
        {
            return false;
        }

        var next = hardBreak.Index + hardBreak.Length;
        while (next < text.Length && text[next] is ' ' or '\t' or '\r')
        {
            next++;
        }

        // Two blank lines in a row are a paragraph break wherever they are.
        return next < text.Length && text[next] != '\n' && !s_itemStart.IsMatch(text, next);
    }

    private void SplitBlock(string text, int start, int end, List<TextSpan> spans)
    {
        var sentenceStart = start;
        var block = text.AsSpan(start, end - start);
        foreach (var boundary in s_sentenceEnd.EnumerateMatches(block))
        {
            var cut = start + boundary.Index;
            if (IsAbbreviationBefore(text, sentenceStart, cut))
            {
                continue;
            }

            AddTrimmed(text, sentenceStart, cut, spans);
            sentenceStart = cut + boundary.Length;
        }

        AddTrimmed(text, sentenceStart, end, spans);
    }

    private static bool IsAbbreviationBefore(string text, int sentenceStart, int cut)
    {
        var lookBack = Math.Max(sentenceStart, cut - 12);
        var tail = text[lookBack..cut].TrimEnd('"', '\'', '”', '’', ')');
        return tail.EndsWith('.') && s_abbreviation.IsMatch(tail);
    }

    private void AddTrimmed(string text, int start, int end, List<TextSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end - start < _options.MinLength)
        {
            return;
        }

        // Very long sentences (run-on schedules, tables) are cut at white space so a span stays clause-sized.
        while (end - start > _options.MaxLength)
        {
            var cut = text.LastIndexOf(' ', start + _options.MaxLength, _options.MaxLength / 2);
            if (cut <= start)
            {
                cut = start + _options.MaxLength;
            }

            spans.Add(new TextSpan(start, cut));
            start = cut;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        if (end - start >= _options.MinLength)
        {
            spans.Add(new TextSpan(start, end));
        }
    }
}

public sealed record TextSegmenterOptions
{
    /// <summary>Spans shorter than this (stray page numbers, "(a)") are dropped.</summary>
    public int MinLength { get; init; } = 3;

    /// <summary>Spans longer than this are cut at white space.</summary>
    public int MaxLength { get; init; } = 1500;
}
