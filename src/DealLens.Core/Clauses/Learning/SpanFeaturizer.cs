using DealLens.Core.Clauses.Rules;
using DealLens.Core.Text;

namespace DealLens.Core.Clauses.Learning;

/// <summary>The spans of one text with their word ranges and sparse, L2-normalised hashed feature vectors.</summary>
internal sealed class FeaturizedText
{
    /// <summary>The text the spans index into.</summary>
    public required string Source { get; init; }

    public required IReadOnlyList<TextWord> Words { get; init; }

    public required TextSpan[] Spans { get; init; }

    /// <summary>Word range [start, end) of each span.</summary>
    public required (int Start, int End)[] SpanWords { get; init; }

    /// <summary>CSR layout: the features of span i are Indices/Values[RowStart[i]..RowStart[i+1]).</summary>
    public required int[] RowStart { get; init; }

    public required int[] Indices { get; init; }

    public required float[] Values { get; init; }

    /// <summary>Per span, every rule that matched it; null when the text was featurised without rules.</summary>
    public IReadOnlyList<ClauseRuleMatch>[]? Evidence { get; init; }

    /// <summary>
    /// Per span, where its rule features start in <see cref="Indices"/>/<see cref="Values"/>; they run to
    /// <see cref="RuleEnd"/>. Training drops them as one block (<see cref="ClauseTrainerOptions.RuleDropout"/>).
    /// </summary>
    public required int[] RuleStart { get; init; }

    public required int[] RuleEnd { get; init; }

    public int SpanCount => Spans.Length;

    public ReadOnlySpan<int> IndicesOf(int span) => Indices.AsSpan(RowStart[span], RowStart[span + 1] - RowStart[span]);

    public ReadOnlySpan<float> ValuesOf(int span) => Values.AsSpan(RowStart[span], RowStart[span + 1] - RowStart[span]);
}

/// <summary>
/// Turns segmented text into hashed features: the span's words (unigrams, bigrams, optionally trigrams), its
/// first two words, the words of the neighbouring spans, the words of the nearest heading above it, and a few
/// shape features (money, percent, periods of time, redaction, position, length). Headings matter because that
/// is how people read contracts: "Assignment" above a sentence says much about it.
/// </summary>
internal sealed class SpanFeaturizer
{
    private const uint Unigram = 1, Bigram = 2, Trigram = 3, First = 4, Previous = 5, Next = 6, Heading = 7,
        HeadingBigram = 8, MajorHeading = 9, Shape = 10, Bias = 11, RuleName = 12, RuleType = 13, PreviousRuleType = 14,
        NextRuleType = 15;

    private static readonly HashSet<string> s_smallWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "of", "the", "to", "for", "in", "on", "or", "by", "with", "upon", "as", "at",
    };

    private readonly ClauseFeatureOptions _options;

    private readonly TokenVectors? _vectors;

    public SpanFeaturizer(ClauseFeatureOptions options)
    {
        _options = options;
        if (options.TokenVectorDims > 0)
        {
            _vectors = TokenVectors.Default;
            if (options.TokenVectorDims > _vectors.Dimensions)
            {
                throw new DealLensException($"The clause model wants {options.TokenVectorDims} token vector dimensions; the table has {_vectors.Dimensions}.");
            }
        }
    }

    /// <summary>Featurises <paramref name="text"/> cut by the default segmenter; rule features come from <paramref name="rules"/> when given.</summary>
    public FeaturizedText Featurize(string text, ClauseRuleSet? rules)
    {
        var spans = TextSegmenter.Default.Segment(text).ToArray();
        return Featurize(text, spans, rules is null || !_options.RuleFeatures ? null : RuleEvidence.Of(rules, text, spans));
    }

    /// <summary>
    /// Featurises the given spans of <paramref name="text"/>. <paramref name="evidence"/> holds, per span, every rule
    /// that matched it; with <see cref="ClauseFeatureOptions.RuleFeatures"/> each becomes a feature (stacking), so the
    /// model learns which rules to trust.
    /// </summary>
    public FeaturizedText Featurize(string text, TextSpan[] spans, IReadOnlyList<ClauseRuleMatch>[]? evidence)
    {
        var words = WordTokenizer.Tokenize(text);
        var hashes = new uint[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            // "non-exclusive" is not "exclusive": a word right after "non" is its own feature.
            hashes[i] = i > 0 && words[i - 1].Text == "non" && words[i].Start - words[i - 1].End <= 2
                ? FeatureHashing.Fnv1a("non-" + words[i].Text)
                : FeatureHashing.Fnv1a(words[i].Text);
        }

        var spanWords = MapSpansToWords(spans, words);
        var isHeading = new bool[spans.Length];
        var isMajor = new bool[spans.Length];
        for (var s = 0; s < spans.Length; s++)
        {
            (isHeading[s], isMajor[s]) = ClassifyHeading(text, spans[s], spanWords[s].End - spanWords[s].Start);
        }

        var rowStart = new int[spans.Length + 1];
        var ruleStart = new int[spans.Length];
        var ruleEnd = new int[spans.Length];
        var indices = new List<int>(spans.Length * 128);
        var values = new List<float>(spans.Length * 128);
        var row = new Dictionary<int, float>(512);
        var heading = -1;
        var major = -1;
        for (var s = 0; s < spans.Length; s++)
        {
            row.Clear();
            var (ws, we) = spanWords[s];
            var limit = Math.Min(we, ws + _options.MaxSpanWords);
            Add(row, FeatureHashing.Combine(Bias, 0), 1f);
            for (var w = ws; w < limit; w++)
            {
                Add(row, FeatureHashing.Combine(Unigram, hashes[w]), 1f);
                if (_options.Bigrams && w + 1 < limit)
                {
                    Add(row, FeatureHashing.Combine(Bigram, hashes[w], hashes[w + 1]), 1f);
                }

                if (_options.Trigrams && w + 2 < limit)
                {
                    Add(row, FeatureHashing.Combine(Trigram, hashes[w], hashes[w + 1], hashes[w + 2]), 1f);
                }
            }

            // The first words carry numbering and inline headings ("12.2 Assignment").
            for (var w = ws; w < Math.Min(limit, ws + 3); w++)
            {
                if (!IsNumberLike(words[w].Text))
                {
                    Add(row, FeatureHashing.Combine(First, hashes[w]), 1f);
                }
            }

            if (_options.Context)
            {
                if (s > 0)
                {
                    AddWords(row, Previous, hashes, spanWords[s - 1], _options.ContextWeight);
                }

                if (s + 1 < spans.Length)
                {
                    AddWords(row, Next, hashes, spanWords[s + 1], _options.ContextWeight);
                }
            }

            if (_options.Headings)
            {
                if (heading >= 0 && heading != s)
                {
                    AddWords(row, Heading, hashes, spanWords[heading], _options.HeadingWeight);
                    var (hs, he) = spanWords[heading];
                    for (var w = hs; w + 1 < he; w++)
                    {
                        Add(row, FeatureHashing.Combine(HeadingBigram, hashes[w], hashes[w + 1]), _options.HeadingWeight);
                    }
                }

                if (major >= 0 && major != heading && major != s)
                {
                    AddWords(row, MajorHeading, hashes, spanWords[major], _options.HeadingWeight * 0.5f);
                }
            }

            AddShape(row, text, spans[s], words, ws, we, s, spans.Length, isHeading[s]);

            // Sorted by index so the vector (and the model trained on it) never depends on dictionary order.
            var start = indices.Count;
            foreach (var (index, value) in row.OrderBy(p => p.Key))
            {
                indices.Add(index);
                values.Add(value);
            }

            Normalise(values, start);
            ruleStart[s] = indices.Count;
            if (evidence is not null && _options.RuleFeatures)
            {
                AddRuleFeatures(row, evidence, s, indices, values);
            }

            ruleEnd[s] = indices.Count;

            if (_vectors is not null)
            {
                var buckets = 1 << _options.HashBits;
                AddDense(words, spanWords[s].Start, limit, buckets, indices, values);
                if (_options.TokenVectorHeading)
                {
                    var (hs, he) = heading >= 0 && heading != s ? spanWords[heading] : (0, 0);
                    AddDense(words, hs, he, buckets + _options.TokenVectorDims, indices, values);
                }
            }

            rowStart[s + 1] = indices.Count;

            if (isHeading[s])
            {
                heading = s;
                if (isMajor[s])
                {
                    major = s;
                }
            }
        }

        return new FeaturizedText
        {
            Source = text,
            Words = words,
            Spans = spans,
            SpanWords = spanWords,
            RowStart = rowStart,
            Indices = [.. indices],
            Values = [.. values],
            Evidence = evidence,
            RuleStart = ruleStart,
            RuleEnd = ruleEnd,
        };
    }

    // Rule features are appended after normalisation, at a fixed weight, so a long span does not dilute them.
    private void AddRuleFeatures(Dictionary<int, float> row, IReadOnlyList<ClauseRuleMatch>[] evidence, int s, List<int> indices, List<float> values)
    {
        row.Clear();
        var weight = _options.RuleWeight;
        foreach (var match in evidence[s])
        {
            Add(row, FeatureHashing.Combine(RuleName, FeatureHashing.Fnv1a(match.RuleName)), weight);
            Add(row, FeatureHashing.Combine(RuleType, FeatureHashing.Fnv1a(match.Type)), weight);
        }

        if (s > 0)
        {
            foreach (var match in evidence[s - 1])
            {
                Add(row, FeatureHashing.Combine(PreviousRuleType, FeatureHashing.Fnv1a(match.Type)), weight * 0.5f);
            }
        }

        if (s + 1 < evidence.Length)
        {
            foreach (var match in evidence[s + 1])
            {
                Add(row, FeatureHashing.Combine(NextRuleType, FeatureHashing.Fnv1a(match.Type)), weight * 0.5f);
            }
        }

        foreach (var (index, value) in row.OrderBy(p => p.Key))
        {
            indices.Add(index);
            values.Add(value);
        }
    }

    // The mean token vector of words [start, end), scaled to norm TokenVectorWeight, at indices offset.. offset+dims.
    private void AddDense(List<TextWord> words, int start, int end, int offset, List<int> indices, List<float> values)
    {
        var dims = _options.TokenVectorDims;
        Span<float> sum = stackalloc float[dims];
        sum.Clear();
        if (_vectors!.AddWords(words, start, end, sum, dims) == 0)
        {
            return;
        }

        var norm = 0.0;
        foreach (var x in sum)
        {
            norm += x * x;
        }

        if (norm <= 0)
        {
            return;
        }

        var scale = (float)(_options.TokenVectorWeight / Math.Sqrt(norm));
        for (var d = 0; d < dims; d++)
        {
            indices.Add(offset + d);
            values.Add(sum[d] * scale);
        }
    }

    internal static (int Start, int End)[] MapSpansToWords(TextSpan[] spans, List<TextWord> words)
    {
        var result = new (int, int)[spans.Length];
        var w = 0;
        for (var s = 0; s < spans.Length; s++)
        {
            while (w < words.Count && words[w].End <= spans[s].Start)
            {
                w++;
            }

            var start = w;
            var end = w;
            while (end < words.Count && words[end].Start < spans[s].End)
            {
                end++;
            }

            result[s] = (start, end);
            w = end;
        }

        return result;
    }

    private static (bool Heading, bool Major) ClassifyHeading(string text, TextSpan span, int wordCount)
    {
        if (wordCount == 0 || wordCount > 12 || span.Length > 120)
        {
            return (false, false);
        }

        var slice = text.AsSpan(span.Start, span.Length);
        var last = slice[^1];
        if (last is ',' or ';')
        {
            return (false, false);
        }

        var letters = 0;
        var upper = 0;
        var capitalisedWords = 0;
        var contentWords = 0;
        var atWordStart = true;
        var wordStartUpper = false;
        var wordLength = 0;
        var longWord = false;
        var lowerWordText = new System.Text.StringBuilder();
        foreach (var c in slice)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }

                if (atWordStart)
                {
                    wordStartUpper = char.IsUpper(c);
                    atWordStart = false;
                    lowerWordText.Clear();
                }

                lowerWordText.Append(char.ToLowerInvariant(c));
                wordLength++;
            }
            else
            {
                if (!atWordStart)
                {
                    EndWord();
                }

                atWordStart = true;
            }
        }

        if (!atWordStart)
        {
            EndWord();
        }

        if (letters < 3 || !longWord)
        {
            return (false, false);
        }

        var allCaps = upper >= letters * 0.8;
        var titleCase = contentWords > 0 && capitalisedWords >= contentWords * 0.75;
        var heading = allCaps || (titleCase && wordCount <= 8);
        var major = heading && (allCaps || slice.StartsWith("ARTICLE", StringComparison.Ordinal) || slice.StartsWith("Article", StringComparison.Ordinal));
        return (heading, major);

        void EndWord()
        {
            if (wordLength >= 3)
            {
                longWord = true;
            }

            if (!s_smallWords.Contains(lowerWordText.ToString()))
            {
                contentWords++;
                if (wordStartUpper)
                {
                    capitalisedWords++;
                }
            }

            wordLength = 0;
        }
    }

    private static bool IsNumberLike(string word)
    {
        if (word.Length <= 2 && word.All(char.IsAsciiLetter))
        {
            return true; // list letters and roman numerals: (a), (ii)
        }

        return word.All(char.IsAsciiDigit) || word is "section" or "article";
    }

    private void AddWords(Dictionary<int, float> row, uint space, uint[] hashes, (int Start, int End) range, float weight)
    {
        for (var w = range.Start; w < Math.Min(range.End, range.Start + 64); w++)
        {
            Add(row, FeatureHashing.Combine(space, hashes[w]), weight);
        }
    }

    private void AddShape(Dictionary<int, float> row, string text, TextSpan span, List<TextWord> words, int ws, int we, int index, int count, bool heading)
    {
        var slice = text.AsSpan(span.Start, span.Length);
        if (slice.Contains('$') || Any(words, ws, we, "dollars", "usd", "eur", "euros"))
        {
            Add(row, FeatureHashing.Combine(Shape, 1), 1f);
        }

        if (slice.Contains('%') || Any(words, ws, we, "percent", "percentage"))
        {
            Add(row, FeatureHashing.Combine(Shape, 2), 1f);
        }

        if (Any(words, ws, we, "days", "months", "years", "year", "month", "quarter", "annual", "annually"))
        {
            Add(row, FeatureHashing.Combine(Shape, 3), 1f);
        }

        if (slice.Contains("***", StringComparison.Ordinal) || slice.Contains("[*", StringComparison.Ordinal))
        {
            Add(row, FeatureHashing.Combine(Shape, 4), 1f);
        }

        if (heading)
        {
            Add(row, FeatureHashing.Combine(Shape, 5), 1f);
        }

        var decile = count <= 1 ? 0 : index * 10 / count;
        Add(row, FeatureHashing.Combine(Shape, 100 + (uint)decile), 1f);
        var lengthBucket = (uint)Math.Min(8, (int)Math.Log2(Math.Max(1, we - ws)));
        Add(row, FeatureHashing.Combine(Shape, 200 + lengthBucket), 1f);
    }

    private static bool Any(List<TextWord> words, int start, int end, params ReadOnlySpan<string> targets)
    {
        for (var w = start; w < end; w++)
        {
            foreach (var target in targets)
            {
                if (string.Equals(words[w].Text, target, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void Add(Dictionary<int, float> row, ulong key, float value)
    {
        var bucket = FeatureHashing.Bucket(key, _options.HashBits);
        row[bucket] = row.TryGetValue(bucket, out var existing) ? Math.Max(existing, value) : value;
    }


    private static void Normalise(List<float> values, int start)
    {
        var sum = 0.0;
        for (var i = start; i < values.Count; i++)
        {
            sum += values[i] * values[i];
        }

        if (sum <= 0)
        {
            return;
        }

        var scale = (float)(1 / Math.Sqrt(sum));
        for (var i = start; i < values.Count; i++)
        {
            values[i] *= scale;
        }
    }
}
