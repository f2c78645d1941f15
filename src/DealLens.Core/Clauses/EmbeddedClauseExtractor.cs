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
        var ruleOnly = new bool[spans.Length];
        for (var s = 0; s < spans.Length; s++)
        {
            evidence[s] = _options.RulesSilent ? [] : _rules.Rules.MatchAll(text.AsSpan(spans[s].Start, spans[s].Length));
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
                ruleOnly[s] = true;
            }
        }

        if (spans.Length == 0)
        {
            return clauses;
        }

        var probabilities = _model.ScoreSpans(text, spans, evidence, out var wordCounts);
        var scored = Enumerable.Range(0, _model.Types.Count).Where(t => _rules.Types is not { } allowed || allowed.Contains(_model.Types[t])).ToArray();
        var ruleHits = new bool[scored.Length][];
        for (var i = 0; i < scored.Length; i++)
        {
            ruleHits[i] = new bool[spans.Length];
            for (var s = 0; s < spans.Length; s++)
            {
                ruleHits[i][s] = RuleHit(evidence[s], _model.Types[scored[i]]);
            }
        }

        if (spans.Length <= _options.ShortDocumentSpans && !_options.RulesSilent && _options.ShortDocumentLoneRules is { } lone)
        {
            // Read after the model scored the spans: the lone-clause rules are evidence of a lone text, never features.
            for (var s = 0; s < spans.Length; s++)
            {
                foreach (var match in lone.MatchAll(text.AsSpan(spans[s].Start, spans[s].Length)))
                {
                    for (var i = 0; i < scored.Length; i++)
                    {
                        ruleHits[i][s] |= match.Confidence >= _rules.MinConfidence && string.Equals(match.Type, _model.Types[scored[i]], StringComparison.Ordinal);
                    }
                }
            }
        }

        var alone = spans.Length <= _options.ShortDocumentSpans ? LoneReadings(text, spans, probabilities, wordCounts, scored, ruleHits, ruleOnly) : null;
        for (var i = 0; i < scored.Length; i++)
        {
            AddModelClauses(document, spans, probabilities, wordCounts, scored[i], ruleHits[i], alone?[i], clauses);
        }

        return clauses;
    }

    // The lone-clause path of a short document, per scored type: which spans it reports besides the usual decision.
    private bool[][] LoneReadings(string text, TextSpan[] spans, float[][] probabilities, int[] wordCounts, int[] scored, bool[][] ruleHits, bool[] ruleOnly)
    {
        var decisions = new LoneTypeDecision[scored.Length];
        var evidence = new LoneSpanEvidence[scored.Length][];
        for (var i = 0; i < scored.Length; i++)
        {
            var weights = _model.WeightsOf(scored[i]);
            decisions[i] = new LoneTypeDecision(weights.Mode == DecisionMode.Veto, weights.Threshold, weights.ModeThreshold);
            evidence[i] = new LoneSpanEvidence[spans.Length];
            for (var s = 0; s < spans.Length; s++)
            {
                var p = probabilities[s][scored[i]];
                var longEnough = wordCounts[s] >= _options.MinWords;
                evidence[i][s] = new LoneSpanEvidence(p, ruleHits[i][s], longEnough, weights.Selects(p, ruleHits[i][s], longEnough));
            }
        }

        // A lone sentence is read more readily, so its grammar must at least allow it to bind someone: an instruction
        // or a text that only talks about a commitment gets no lone reading.
        var canBind = spans.Select(span => ObligationReader.CanBind(text.AsSpan(span.Start, span.Length))).ToArray();
        return LoneClauseReading.Select(decisions, evidence, canBind, ruleOnly, _options);
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
            evidence[s] = _options.RulesSilent ? [] : _rules.Rules.MatchAll(text.AsSpan(spans[s].Start, spans[s].Length));
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
        float[][] probabilities,
        int[] wordCounts,
        int t,
        bool[] ruleHit,
        bool[]? alone,
        List<Clause> clauses)
    {
        var type = _model.Types[t];
        var weights = _model.WeightsOf(t);
        var probability = new float[spans.Length];
        for (var s = 0; s < spans.Length; s++)
        {
            probability[s] = probabilities[s][t];
        }

        var needsObligation = _rules.Rules.ObligationTypes.Contains(type);
        foreach (var clause in ClauseAssembler.Assemble(document.Text, spans, probability, ruleHit, wordCounts, weights, _options, alone))
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
