using System.Text.RegularExpressions;
using DealLens.Core.Text;

namespace DealLens.Core.Clauses.Learning;

/// <summary>
/// What a reader knows of a span from the document around it, read from layout: the title of the section it sits
/// in, the document's own title, and the definitions of the defined terms it uses. Ranges are word ranges
/// [start, end) into the text's words; an empty range means none.
/// </summary>
public sealed class DocumentStructure
{
    /// <summary>Of the document's spans, the title is looked for in the first this-many.</summary>
    internal const int TitleSearchSpans = 30;

    /// <summary>A defined term used in more than this share of the spans (a party, "Agreement") says nothing of one span.</summary>
    internal const double UbiquitousTermShare = 0.25;

    /// <summary>At most this many words of a definition are read, and this many definitions per span.</summary>
    internal const int DefinitionWords = 30, DefinitionsPerSpan = 4;

    // A title line of at most this many characters; longer first lines are prose.
    private const int MaxTitleChars = 120;

    private static readonly TimeSpan s_timeout = RegexTimeouts.Limit;

    private static readonly HashSet<string> s_documentKinds = new(StringComparer.Ordinal)
    {
        "agreement", "contract", "license", "licence", "lease", "amendment", "addendum", "terms", "memorandum",
    };

    // A top-level section start with no title of its own ("7. Supplier shall ...", "ARTICLE 9"): the previous title ends there.
    private static readonly Regex s_topLevelStart = new(@"^\s*(?:[0-9]{1,2}\.?(?![0-9.])\s|(?:ARTICLE|Article)\s)", RegexOptions.CultureInvariant, s_timeout);

    // "“Minimum Purchase” means ...", "'Territory' shall mean ...": the term, then the meaning from the match's end.
    private static readonly Regex s_definition = new(
        @"[""“'‘]([A-Z][^""”’\n]{0,60})[""”'’]\s*(?:\([^)\n]{0,60}\)\s*)?(?:means|shall\s+mean|refers\s+to|shall\s+refer\s+to)\b",
        RegexOptions.CultureInvariant, s_timeout);

    // "... during each Contract Year (the “Minimum Purchase Requirement”)": the meaning is what comes before the parenthesis.
    private static readonly Regex s_inlineDefinition = new(
        @"\(\s*(?:(?:each|individually|collectively|together|jointly|hereinafter|herein|referred\s+to\s+as|as\s+such)[,\s]+)*(?:(?:the|a|an)\s+)?[""“]([A-Z][^""”\n]{0,60})[""”]",
        RegexOptions.CultureInvariant, s_timeout);

    private DocumentStructure((int Start, int End)[] sectionTitles, (int Start, int End) documentTitle, (int Start, int End)[][] definitions)
    {
        SectionTitles = sectionTitles;
        DocumentTitle = documentTitle;
        Definitions = definitions;
    }

    /// <summary>Per span, the words of the title of its section (its own first line when that is the title).</summary>
    public (int Start, int End)[] SectionTitles { get; }

    /// <summary>The words of the document's title, or the words of "This ... Agreement" in its opening.</summary>
    public (int Start, int End) DocumentTitle { get; }

    /// <summary>Per span, the definitions (word ranges) of the defined terms it uses, at most <see cref="DefinitionsPerSpan"/>.</summary>
    public (int Start, int End)[][] Definitions { get; }

    /// <summary>Reads all three from <paramref name="text"/> cut by the default segmenter, as the span model does.</summary>
    public static DocumentStructure Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = TextSegmenter.Default.Segment(text).ToArray();
        var words = WordTokenizer.Tokenize(text);
        return Read(text, spans, words, SpanFeaturizer.MapSpansToWords(spans, words), sections: true, title: true, definitions: true);
    }

    /// <summary>The spans the ranges belong to (set by <see cref="Read(string)"/>).</summary>
    public IReadOnlyList<TextSpan> Spans { get; private init; } = [];

    /// <summary>The words the ranges index (set by <see cref="Read(string)"/>).</summary>
    public IReadOnlyList<TextWord> Words { get; private init; } = [];

    internal static DocumentStructure Read(string text, TextSpan[] spans, IReadOnlyList<TextWord> words, (int Start, int End)[] spanWords, bool sections, bool title, bool definitions)
    {
        var own = new (int Start, int End)?[spans.Length];
        if (sections || title)
        {
            for (var s = 0; s < spans.Length; s++)
            {
                own[s] = TitleOf(text, spans[s], words, spanWords[s]);
            }
        }

        return new DocumentStructure(
            sections ? ReadSections(text, spans, own) : [],
            title ? ReadDocumentTitle(spanWords, words, own) : default,
            definitions ? ReadDefinitions(text, spans, words, spanWords) : [])
        {
            Spans = spans,
            Words = words,
        };
    }

    private static (int Start, int End)[] ReadSections(string text, TextSpan[] spans, (int Start, int End)?[] own)
    {
        var result = new (int Start, int End)[spans.Length];
        (int Start, int End) current = default;
        for (var s = 0; s < spans.Length; s++)
        {
            if (own[s] is { } title)
            {
                current = title;
            }
            else if (s_topLevelStart.IsMatch(text.AsSpan(spans[s].Start, Math.Min(spans[s].Length, 16))))
            {
                current = default;
            }

            result[s] = current;
        }

        return result;
    }

    // The span is a heading, or its first line is one and more text follows: that line titles the section.
    private static (int Start, int End)? TitleOf(string text, TextSpan span, IReadOnlyList<TextWord> words, (int Start, int End) range)
    {
        var newline = text.IndexOf('\n', span.Start, span.Length);
        var end = newline < 0 ? span.End : newline;
        if (end - span.Start > MaxTitleChars)
        {
            return null;
        }

        var line = text[span.Start..end];
        if (!HeadingDetector.IsHeadingLine(line))
        {
            return null;
        }

        var wordEnd = range.Start;
        while (wordEnd < range.End && words[wordEnd].Start < end)
        {
            wordEnd++;
        }

        for (var w = range.Start; w < wordEnd; w++)
        {
            if (!SpanFeaturizer.IsNumberLike(words[w].Text))
            {
                return (range.Start, wordEnd);
            }
        }

        return null; // a bare number or marker titles nothing
    }

    private static (int Start, int End) ReadDocumentTitle((int Start, int End)[] spanWords, IReadOnlyList<TextWord> words, (int Start, int End)?[] own)
    {
        var limit = Math.Min(spanWords.Length, TitleSearchSpans);
        for (var s = 0; s < limit; s++)
        {
            if (own[s] is { } title && AnyKind(words, title.Start, title.End) >= 0)
            {
                return title;
            }
        }

        // No title line: "This Hosting Agreement (the “Agreement”) is made ...", "THIS AGREEMENT sets forth ...".
        for (var s = 0; s < limit; s++)
        {
            var (start, end) = spanWords[s];
            for (var w = start; w < Math.Min(end, start + 64); w++)
            {
                if (words[w].Text != "this")
                {
                    continue;
                }

                var kind = AnyKind(words, w + 1, Math.Min(end, w + 8));
                if (kind >= 0)
                {
                    return (w + 1, kind + 1);
                }
            }
        }

        return default;
    }

    private static int AnyKind(IReadOnlyList<TextWord> words, int start, int end)
    {
        for (var w = start; w < end; w++)
        {
            if (s_documentKinds.Contains(words[w].Text))
            {
                return w;
            }
        }

        return -1;
    }

    private static (int Start, int End)[][] ReadDefinitions(string text, TextSpan[] spans, IReadOnlyList<TextWord> words, (int Start, int End)[] spanWords)
    {
        // term (its words, lower case) -> where it is defined, and the meaning's word range
        var terms = new List<(string[] Words, int Span, (int Start, int End) Meaning)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < spans.Length; s++)
        {
            var slice = text.AsSpan(spans[s].Start, spans[s].Length);
            if (slice.IndexOfAny("\"“'‘") < 0)
            {
                continue;
            }

            var spanText = slice.ToString();
            foreach (Match match in s_definition.Matches(spanText))
            {
                var from = spans[s].Start + match.Index + match.Length;
                var meaning = WordsFrom(words, spanWords[s], from, DefinitionWords);
                AddTerm(match.Groups[1].Value, s, meaning);
            }

            foreach (Match match in s_inlineDefinition.Matches(spanText))
            {
                var before = spans[s].Start + match.Index;
                var meaning = WordsBefore(words, spanWords[s], before, DefinitionWords);
                AddTerm(match.Groups[1].Value, s, meaning);
            }
        }

        var result = new (int Start, int End)[spans.Length][];
        if (terms.Count == 0)
        {
            Array.Fill(result, []);
            return result;
        }

        var byFirstWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var t = 0; t < terms.Count; t++)
        {
            var first = terms[t].Words[0];
            if (!byFirstWord.TryGetValue(first, out var list))
            {
                byFirstWord[first] = list = [];
            }

            list.Add(t);
        }

        var used = new List<int>[spans.Length];
        var spansUsing = new int[terms.Count];
        for (var s = 0; s < spans.Length; s++)
        {
            var (start, end) = spanWords[s];
            for (var w = start; w < end; w++)
            {
                // A defined term is written capitalised; "products" in lower case is the plain word.
                if (!byFirstWord.TryGetValue(words[w].Text, out var candidates) || !char.IsUpper(text[words[w].Start]))
                {
                    continue;
                }

                foreach (var t in candidates)
                {
                    if (terms[t].Span == s || !Matches(words, w, end, terms[t].Words))
                    {
                        continue;
                    }

                    used[s] ??= [];
                    if (!used[s].Contains(t))
                    {
                        used[s].Add(t);
                        spansUsing[t]++;
                    }
                }
            }
        }

        var maxSpans = Math.Max(1, (int)(spans.Length * UbiquitousTermShare));
        for (var s = 0; s < spans.Length; s++)
        {
            result[s] = used[s] is null
                ? []
                : [.. used[s].Where(t => spansUsing[t] <= maxSpans).Take(DefinitionsPerSpan).Select(t => terms[t].Meaning)];
        }

        return result;

        void AddTerm(string term, int span, (int Start, int End) meaning)
        {
            var termWords = WordTokenizer.Words(term).ToArray();
            if (termWords.Length == 0 || termWords.Length > 8 || meaning.End <= meaning.Start || !seen.Add(string.Join(' ', termWords)))
            {
                return; // the first definition of a term counts; a later restatement does not replace it
            }

            terms.Add((termWords, span, meaning));
        }
    }

    private static bool Matches(IReadOnlyList<TextWord> words, int at, int end, string[] term)
    {
        if (at + term.Length > end)
        {
            return false;
        }

        for (var i = 0; i < term.Length; i++)
        {
            if (!string.Equals(words[at + i].Text, term[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static (int Start, int End) WordsFrom(IReadOnlyList<TextWord> words, (int Start, int End) range, int offset, int count)
    {
        var w = range.Start;
        while (w < range.End && words[w].Start < offset)
        {
            w++;
        }

        return (w, Math.Min(range.End, w + count));
    }

    private static (int Start, int End) WordsBefore(IReadOnlyList<TextWord> words, (int Start, int End) range, int offset, int count)
    {
        var w = range.Start;
        while (w < range.End && words[w].End <= offset)
        {
            w++;
        }

        return (Math.Max(range.Start, w - count), w);
    }
}
