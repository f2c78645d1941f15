using DealLens.Core.Clauses.Rules;
using DealLens.Core.Evaluation;
using DealLens.Core.Text;

namespace DealLens.Core.Clauses.Learning;

/// <summary>
/// A featurised contract with span labels. A span is a positive for a type when at least half of its words lie
/// in one gold snippet part, or when at least half of a gold part's words lie in the span (so a short clause
/// inside a long sentence still counts). Spans that overlap a gold part less than that are left out of training
/// for that type rather than taught as negatives: they are neither clean positives nor clean negatives.
/// </summary>
internal sealed class LabelledSpans
{
    public required string Id { get; init; }

    public required string Group { get; init; }

    public required FeaturizedText Text { get; init; }

    /// <summary>Bit t set: span is a positive of type t.</summary>
    public required uint[] Positive { get; init; }

    /// <summary>Bit t set: span is left out of training for type t.</summary>
    public required uint[] Ignore { get; init; }

    /// <summary>Bit t set: at least half of the span's words lie in one gold part of type t (clause precision).</summary>
    public required uint[] PrecisionHit { get; init; }

    /// <summary>Bit t set: a rule of type t (confidence at least 0.5) matched the span.</summary>
    public required uint[] RuleHit { get; init; }

    /// <summary>Per type: does the contract contain such a clause (any snippet).</summary>
    public required bool[] Present { get; init; }

    /// <summary>Per type: gold parts found in the text, as word ranges.</summary>
    public required List<(int Start, int End)>[] GoldParts { get; init; }

    /// <summary>Per type: all gold parts, found in the text or not (the snippet recall denominator).</summary>
    public required int[] GoldPartCount { get; init; }

    /// <summary>
    /// Index of the contract this text was cut from when it is a lone snippet (<see cref="ClauseTrainerOptions.LoneSnippets"/>),
    /// which only trains weights; -1 for a contract.
    /// </summary>
    public int SourceContract { get; init; } = -1;

    public bool TrainOnly => SourceContract >= 0;
}

internal static class LabelledSpansExtensions
{
    public static LabelledSpans AsLoneSnippetOf(this LabelledSpans text, int source) => new()
    {
        RuleHit = text.RuleHit,
        Id = text.Id,
        Group = text.Group,
        Text = text.Text,
        Positive = text.Positive,
        Ignore = text.Ignore,
        PrecisionHit = text.PrecisionHit,
        Present = text.Present,
        GoldParts = text.GoldParts,
        GoldPartCount = text.GoldPartCount,
        SourceContract = source,
    };
}

internal static class LabelledCorpus
{
    /// <summary>
    /// The contracts, in order, then (with <see cref="ClauseTrainerOptions.LoneSnippets"/>) each contract's distinct
    /// labelled snippets as texts of their own, marked <see cref="LabelledSpans.TrainOnly"/>.
    /// </summary>
    public static LabelledSpans[] Build(IReadOnlyList<TrainingContract> contracts, ClauseTrainerOptions options)
    {
        var corpus = Build(contracts, options.Types, options.Features, options.Rules, options.MaxDegreeOfParallelism);
        if (!options.LoneSnippets)
        {
            return corpus;
        }

        var lone = new List<(int Source, TrainingContract Text)>();
        for (var c = 0; c < contracts.Count; c++)
        {
            lone.AddRange(LoneSnippets(contracts[c], options.Types).Select(t => (c, t)));
        }

        var extra = Build([.. lone.Select(l => l.Text)], options.Types, options.Features, options.Rules, options.MaxDegreeOfParallelism);
        for (var i = 0; i < extra.Length; i++)
        {
            extra[i] = extra[i].AsLoneSnippetOf(lone[i].Source);
        }

        return [.. corpus, .. extra];
    }

    /// <summary>Folds for a corpus with lone snippets: contracts are assigned as usual, a lone snippet goes with its contract.</summary>
    public static int[] AssignFolds(LabelledSpans[] corpus, int folds, long seed, bool groupNearDuplicates)
    {
        var contracts = corpus.TakeWhile(d => !d.TrainOnly).ToArray();
        var assigned = FoldAssigner.Assign(contracts, folds, seed, groupNearDuplicates);
        return [.. assigned, .. corpus.Skip(contracts.Length).Select(d => assigned[d.SourceContract])];
    }

    // Each distinct snippet text of the contract's trained types, labelled with every type that has a snippet in it.
    private static IEnumerable<TrainingContract> LoneSnippets(TrainingContract contract, IReadOnlyList<string> types)
    {
        var labelled = types
            .Where(contract.Snippets.ContainsKey)
            .SelectMany(t => contract.Snippets[t].Select(s => (Type: t, Snippet: s, Text: ClauseTasks.TextOf(s))))
            .Where(x => x.Text.Length > 0)
            .ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, _, text) in labelled)
        {
            if (!seen.Add(text))
            {
                continue;
            }

            var snippets = labelled
                .Where(x => CuadLabels.SplitSnippet(x.Snippet).Any(part => text.Contains(part, StringComparison.OrdinalIgnoreCase)))
                .GroupBy(x => x.Type, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(x => x.Snippet)], StringComparer.Ordinal);
            yield return new TrainingContract($"{contract.Id}#{seen.Count}", ClauseTasks.DocumentOf(text), snippets, contract.Group);
        }
    }

    public static LabelledSpans[] Build(IReadOnlyList<TrainingContract> contracts, IReadOnlyList<string> types, ClauseFeatureOptions features, ClauseRuleSet? rules, int parallelism)
    {
        if (types.Count > 32)
        {
            throw new ArgumentException("At most 32 types can be trained together.", nameof(types));
        }

        var featurizer = new SpanFeaturizer(features);
        var result = new LabelledSpans[contracts.Count];
        Parallel.For(0, contracts.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
        {
            result[i] = Label(contracts[i], types, featurizer, rules);
        });
        return result;
    }

    private static int IndexOf(IReadOnlyList<string> types, string type)
    {
        for (var t = 0; t < types.Count; t++)
        {
            if (string.Equals(types[t], type, StringComparison.Ordinal))
            {
                return t;
            }
        }

        return -1;
    }

    private static LabelledSpans Label(TrainingContract contract, IReadOnlyList<string> types, SpanFeaturizer featurizer, ClauseRuleSet? rules)
    {
        var text = featurizer.Featurize(contract.Document.Text, rules);
        var locator = new SnippetLocator(text.Words);
        var spans = text.SpanCount;
        var positive = new uint[spans];
        var ignore = new uint[spans];
        var hit = new uint[spans];
        var present = new bool[types.Count];
        var gold = new List<(int, int)>[types.Count];
        var partCount = new int[types.Count];
        for (var t = 0; t < types.Count; t++)
        {
            gold[t] = [];
            if (!contract.Snippets.TryGetValue(types[t], out var snippets))
            {
                continue;
            }

            foreach (var snippet in snippets)
            {
                foreach (var part in CuadLabels.SplitSnippet(snippet))
                {
                    var words = WordTokenizer.Words(part);
                    if (words.Count == 0)
                    {
                        continue;
                    }

                    present[t] = true;
                    partCount[t]++;
                    if (locator.Locate(words) is { } range)
                    {
                        gold[t].Add(range);
                    }
                }
            }

            var bit = 1u << t;
            for (var s = 0; s < spans; s++)
            {
                var (ws, we) = text.SpanWords[s];
                var spanWords = we - ws;
                if (spanWords == 0)
                {
                    continue;
                }

                var overlapsAny = false;
                var isPositive = false;
                foreach (var (gs, ge) in gold[t])
                {
                    var overlap = Math.Min(we, ge) - Math.Max(ws, gs);
                    if (overlap <= 0)
                    {
                        continue;
                    }

                    overlapsAny = true;
                    if (overlap * 2 >= spanWords)
                    {
                        hit[s] |= bit;
                        isPositive = true;
                    }

                    if (overlap * 2 >= ge - gs)
                    {
                        isPositive = true;
                    }
                }

                if (isPositive)
                {
                    positive[s] |= bit;
                }
                else if (overlapsAny)
                {
                    ignore[s] |= bit;
                }
            }
        }

        var ruleHit = new uint[spans];
        if (text.Evidence is { } evidence)
        {
            for (var s = 0; s < spans; s++)
            {
                foreach (var match in evidence[s])
                {
                    var t = IndexOf(types, match.Type);
                    if (t >= 0 && match.Confidence >= 0.5)
                    {
                        ruleHit[s] |= 1u << t;
                    }
                }
            }
        }

        return new LabelledSpans
        {
            RuleHit = ruleHit,
            Id = contract.Id,
            Group = contract.Group ?? contract.Id,
            Text = text,
            Positive = positive,
            Ignore = ignore,
            PrecisionHit = hit,
            Present = present,
            GoldParts = gold,
            GoldPartCount = partCount,
        };
    }

}

/// <summary>
/// Finds a snippet's words in a document's words. Snippets were cut from another text conversion, so an exact
/// word-sequence match is tried first, then a match anchored on the snippet's first and last words (page
/// headers or hyphenation may differ in between), then the first words alone.
/// </summary>
internal sealed class SnippetLocator
{
    private const int Anchor = 6;

    private readonly IReadOnlyList<TextWord> _words;
    private readonly Dictionary<string, List<int>> _positions = new(StringComparer.Ordinal);

    public SnippetLocator(IReadOnlyList<TextWord> words)
    {
        _words = words;
        for (var i = 0; i < words.Count; i++)
        {
            if (!_positions.TryGetValue(words[i].Text, out var list))
            {
                list = [];
                _positions[words[i].Text] = list;
            }

            list.Add(i);
        }
    }

    public (int Start, int End)? Locate(IReadOnlyList<string> snippet)
    {
        var n = snippet.Count;
        foreach (var p in Candidates(snippet[0]))
        {
            if (Matches(snippet, 0, p, n))
            {
                return (p, p + n);
            }
        }

        if (n < Anchor * 2)
        {
            return null;
        }

        var head = FindSequence(snippet, 0, Anchor, 0);
        var tailStart = n - Anchor;
        if (head is { } h)
        {
            var window = h + (n * 3 / 2) + 30;
            foreach (var q in Candidates(snippet[tailStart]))
            {
                if (q > h && q <= window && Matches(snippet, tailStart, q, Anchor))
                {
                    return (h, q + Anchor);
                }
            }

            return (h, Math.Min(_words.Count, h + n));
        }

        if (FindSequence(snippet, tailStart, Anchor, 0) is { } t)
        {
            return (Math.Max(0, t + Anchor - n), t + Anchor);
        }

        return null;
    }

    private List<int> Candidates(string word) => _positions.TryGetValue(word, out var list) ? list : [];

    private int? FindSequence(IReadOnlyList<string> snippet, int from, int length, int minimum)
    {
        foreach (var p in Candidates(snippet[from]))
        {
            if (p >= minimum && Matches(snippet, from, p, length))
            {
                return p;
            }
        }

        return null;
    }

    private bool Matches(IReadOnlyList<string> snippet, int from, int position, int length)
    {
        if (position + length > _words.Count)
        {
            return false;
        }

        for (var k = 0; k < length; k++)
        {
            if (!string.Equals(_words[position + k].Text, snippet[from + k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
