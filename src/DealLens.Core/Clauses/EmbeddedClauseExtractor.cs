using DealLens.Core.Clauses.Learning;
using DealLens.Core.Clauses.Rules;
using DealLens.Core.Documents;
using DealLens.Core.Text;

namespace DealLens.Core.Clauses;

/// <summary>
/// The embedded offline extractor: hand-written rules stacked under a trained span model. Every span is matched
/// against the rules; the rule matches become features of the model, which decides each type it knows from the
/// rules and the words together (so it learns which rules to trust). Types the model does not know (take_or_pay,
/// chip_access, the financing types) are reported exactly as the rules report them.
/// </summary>
public sealed class EmbeddedClauseExtractor : IClauseExtractor
{
    private static readonly Lazy<EmbeddedClauseExtractor> s_default = new(
        () => LoadConcurrently(ClauseModel.LoadDefault),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly RuleBasedClauseExtractorOptions _rules;
    private readonly ClauseModel _model;
    private readonly EmbeddedClauseExtractorOptions _options;
    private readonly HashSet<string> _modelTypes;

    public EmbeddedClauseExtractor(RuleBasedClauseExtractor rules, ClauseModel model)
        : this(rules, model, new EmbeddedClauseExtractorOptions())
    {
    }

    public EmbeddedClauseExtractor(RuleBasedClauseExtractor rules, ClauseModel model, EmbeddedClauseExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        model.EnsureTrainedWith(rules.Options.Rules);
        _rules = rules.Options;
        _model = model;
        _options = options;
        _modelTypes = new HashSet<string>(model.Types, StringComparer.Ordinal);
    }

    /// <summary>
    /// The default rules with the model <paramref name="loadModel"/> reads. The rules (about 150 regexes), the token
    /// vector table and the model are each tens of milliseconds of work before the first document, independent of one
    /// another: the rules and the table are built on the thread pool while this thread reads the model, which waits
    /// for the table only at its end. A failure is thrown as it would be when loaded one after the other.
    /// </summary>
    public static EmbeddedClauseExtractor LoadConcurrently(Func<ClauseModel> loadModel)
    {
        ArgumentNullException.ThrowIfNull(loadModel);
        var rules = Task.Run(() => RuleBasedClauseExtractor.Default);
        // A model without token-vector features never asks for the table; for it this read is wasted but harmless (a
        // damaged table then goes unreported, as before).
        _ = Task.Run(() => TokenVectors.Default);
        var model = loadModel();
        return new EmbeddedClauseExtractor(rules.GetAwaiter().GetResult(), model);
    }

    /// <summary>The default rules with the model embedded in DealLens.Core; built once, on first use.</summary>
    public static EmbeddedClauseExtractor Default => s_default.Value;

    /// <summary>
    /// "embedded", recorded on each analysis it makes; each clause still says whether a rule ("rules") or the model alone
    /// ("model") found it. Analyses stored before this name existed say "rules" and read the same.
    /// </summary>
    public string Name => "embedded";

    /// <summary>The trained span model under the rules.</summary>
    public ClauseModel Model => _model;

    public IReadOnlyList<Clause> Extract(DocumentText document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var spans = _rules.Segmenter.Segment(text) as TextSpan[] ?? [.. _rules.Segmenter.Segment(text)];
        var evidence = new IReadOnlyList<ClauseRuleMatch>[spans.Length];
        var clauses = new List<Clause>();
        for (var s = 0; s < spans.Length; s++)
        {
            evidence[s] = _rules.Rules.MatchAll(text.AsSpan(spans[s].Start, spans[s].Length));
            foreach (var match in ClauseRuleSet.Strongest(evidence[s]))
            {
                // Types the model does not score are the rules' alone, reported exactly as RuleBasedClauseExtractor does.
                if (_modelTypes.Contains(match.Type)
                    || match.Confidence < _rules.MinConfidence
                    || (_rules.Types is { } types && !types.Contains(match.Type)))
                {
                    continue;
                }

                clauses.Add(NewClause(document, match.Type, spans[s].Start, spans[s].End, match.Confidence, "rules"));
            }
        }

        if (spans.Length == 0)
        {
            return clauses;
        }

        var probabilities = _model.ScoreSpans(text, spans, evidence, out var wordCounts);
        for (var t = 0; t < _model.Types.Count; t++)
        {
            var type = _model.Types[t];
            if (_rules.Types is { } allowed && !allowed.Contains(type))
            {
                continue;
            }

            AddModelClauses(document, spans, evidence, probabilities, wordCounts, t, type, clauses);
        }

        return clauses;
    }

    /// <summary>
    /// Why the text at <paramref name="offset"/> is (or is not) a clause: the span holding it, every rule that matches
    /// that span, the model's calibrated probability and threshold per type for it, and the reported clauses that
    /// cover the offset. Null when the offset is in no span (white space between segments, or outside the text).
    /// </summary>
    public ClauseExplanation? Explain(DocumentText document, int offset)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var spans = _rules.Segmenter.Segment(text) as TextSpan[] ?? [.. _rules.Segmenter.Segment(text)];
        var index = Array.FindIndex(spans, s => s.Start <= offset && offset < s.End);
        if (index < 0)
        {
            return null;
        }

        var evidence = new IReadOnlyList<ClauseRuleMatch>[spans.Length];
        for (var s = 0; s < spans.Length; s++)
        {
            evidence[s] = _rules.Rules.MatchAll(text.AsSpan(spans[s].Start, spans[s].Length));
        }

        var probabilities = _model.ScoreSpans(text, spans, evidence, out _);
        var scores = _model.Types
            .Select((type, t) => new ClauseModelScore(type, probabilities[index][t], _model.WeightsOf(t).Threshold))
            .OrderByDescending(s => s.Probability)
            .ToList();
        var clauses = Extract(document).Where(c => c.Start <= offset && offset < c.End).ToList();
        return new ClauseExplanation(spans[index].Start, spans[index].End, spans[index].Of(text), evidence[index], scores, clauses, _rules.Rules.Fingerprint);
    }

    public Task<IReadOnlyList<Clause>> ExtractAsync(DocumentText document, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Extract(document));
    }

    private void AddModelClauses(
        DocumentText document,
        TextSpan[] spans,
        IReadOnlyList<ClauseRuleMatch>[] evidence,
        float[][] probabilities,
        int[] wordCounts,
        int t,
        string type,
        List<Clause> clauses)
    {
        var weights = _model.WeightsOf(t);
        var probability = new float[spans.Length];
        var ruleHit = new bool[spans.Length];
        for (var s = 0; s < spans.Length; s++)
        {
            probability[s] = probabilities[s][t];
            ruleHit[s] = RuleHit(evidence[s], type);
        }

        var needsObligation = _rules.Rules.ObligationTypes.Contains(type);
        foreach (var clause in ClauseAssembler.Assemble(document.Text, spans, probability, ruleHit, wordCounts, weights, _options))
        {
            // The model reads words; an instruction or a risk factor full of commitment words is still no commitment.
            if (needsObligation && !ObligationReader.CanBind(document.Text.AsSpan(spans[clause.First].Start, spans[clause.Last].End - spans[clause.First].Start)))
            {
                continue;
            }

            var confidence = weights.ClauseConfidence.Apply(clause.Probability, clause.Ruled);
            clauses.Add(NewClause(
                document, type, spans[clause.First].Start, spans[clause.Last].End, Math.Round(Math.Clamp(confidence, 0, 1), 4), clause.Ruled ? "rules" : "model"));
        }
    }

    private bool RuleHit(IReadOnlyList<ClauseRuleMatch> evidence, string type)
    {
        foreach (var match in evidence)
        {
            if (match.Confidence >= _rules.MinConfidence && string.Equals(match.Type, type, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static Clause NewClause(DocumentText document, string type, int start, int end, double confidence, string extractor)
        => new(
            Id: "",
            Type: type,
            Text: document.Text[start..end],
            Page: document.PageAt(start),
            Start: start,
            End: end,
            Confidence: confidence,
            Extractor: extractor,
            Fields: ClauseFields.None);
}
