using DealLens.Core.Clauses;
using DealLens.Core.Text;

namespace DealLens.Core.Evaluation;

/// <summary>
/// Scores predicted clauses against CUAD labels, per CUAD category (<see cref="CuadCategories.Mapped"/>).
/// </summary>
/// <remarks>
/// <para>Document level: a document is gold-positive for a category when its label has <c>present</c> true (a
/// missing label counts as negative), and predicted-positive when at least one predicted clause has a type mapped
/// to the category (<see cref="CuadCategories.ByClauseType"/>). TP/FP/FN count documents.</para>
/// <para>Word overlap: texts are split into words by <see cref="WordTokenizer"/>. The overlap of a clause and a gold
/// snippet part is the size of the intersection of their word multisets: each word of the part counts as often as
/// it occurs in the part, but at most as often as it occurs in the clause (each clause word is used once). It is
/// symmetric, so one number per (clause, part) pair serves both directions below.</para>
/// <para>Snippet recall: gold snippets are split at <c>&lt;omitted&gt;</c>; parts with no words are dropped. A part
/// is found when one predicted clause of the category in the same document has
/// overlap ≥ <see cref="ClauseEvaluatorOptions.MinSnippetCoverage"/> × (words in the part).</para>
/// <para>Clause precision: a predicted clause is correct when one gold part of its category in the same document
/// has overlap ≥ <see cref="ClauseEvaluatorOptions.MinClauseOverlap"/> × (words in the clause). A clause with no
/// words is never correct.</para>
/// <para>Grounding: a clause is grounded when <c>Text</c> equals <c>DocumentText[Start..End]</c> (ordinal; offsets
/// out of range mean not grounded).</para>
/// <para>Any ratio with a zero denominator is 0: a category with no predictions has precision 0.</para>
/// </remarks>
public sealed class ClauseEvaluator
{
    public static ClauseEvaluator Default { get; } = new(new ClauseEvaluatorOptions());

    private readonly ClauseEvaluatorOptions _options;

    public ClauseEvaluator(ClauseEvaluatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public EvaluationReport Evaluate(IEnumerable<EvaluationDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var tallies = CuadCategories.Mapped.ToDictionary(c => c, _ => new Tally(), StringComparer.Ordinal);
        var documentCount = 0;
        var predictedClauses = 0;
        var unmappedClauses = 0;
        var groundedClauses = 0;
        var lowConfidence = 0;
        var lowConfidenceCorrect = 0;
        var reliability = new Reliability();

        foreach (var document in documents)
        {
            ArgumentNullException.ThrowIfNull(document);
            documentCount++;
            var byCategory = new Dictionary<string, List<Clause>>(StringComparer.Ordinal);
            foreach (var clause in document.Predicted)
            {
                predictedClauses++;
                var grounded = IsGrounded(clause, document.DocumentText);
                if (grounded)
                {
                    groundedClauses++;
                }

                var category = CuadCategories.ForClauseType(clause.Type);
                if (category is null)
                {
                    unmappedClauses++;
                    continue;
                }

                if (!byCategory.TryGetValue(category, out var list))
                {
                    list = [];
                    byCategory[category] = list;
                }

                list.Add(clause);
                if (grounded)
                {
                    tallies[category].Grounded++;
                }
            }

            foreach (var category in CuadCategories.Mapped)
            {
                var clauses = byCategory.TryGetValue(category, out var found) ? found : [];
                var label = document.Gold.Labels.TryGetValue(category, out var l) ? l : null;
                var (low, lowCorrect) = ScoreCategory(tallies[category], label, clauses, CuadCategories.IsCore(category) ? reliability : null);
                lowConfidence += low;
                lowConfidenceCorrect += lowCorrect;
            }
        }

        var metrics = CuadCategories.Mapped.Select(c => tallies[c].ToMetrics(c)).ToList();
        var core = metrics.Where(m => m.IsCore).ToList();
        var corePredicted = core.Sum(m => m.PredictedClauses);
        var coreCorrect = core.Sum(m => m.CorrectClauses);
        var high = core.Sum(m => m.HighConfidenceClauses);
        var highCorrect = core.Sum(m => m.HighConfidenceCorrectClauses);
        return new EvaluationReport(
            documentCount,
            metrics,
            MacroF1Core: core.Average(m => m.F1),
            MinimumCommitmentF1: metrics.First(m => m.Category == CuadCategories.MinimumCommitment).F1,
            MacroSnippetRecallCore: core.Average(m => m.SnippetRecall),
            PooledSnippetRecallCore: Ratio(core.Sum(m => m.SnippetPartsFound), core.Sum(m => m.SnippetParts)),
            CorePredictedClauses: corePredicted,
            CoreCorrectClauses: coreCorrect,
            MacroClausePrecisionCore: core.Average(m => m.ClausePrecision),
            PooledClausePrecisionCore: Ratio(coreCorrect, corePredicted),
            PredictedClauses: predictedClauses,
            UnmappedClauses: unmappedClauses,
            GroundedClauses: groundedClauses,
            Grounding: Ratio(groundedClauses, predictedClauses),
            Calibration: new ConfidenceCalibration(
                _options.HighConfidence,
                high,
                highCorrect,
                Ratio(highCorrect, high),
                lowConfidence,
                lowConfidenceCorrect,
                Ratio(lowConfidenceCorrect, lowConfidence))
            {
                Bins = reliability.Bins(),
                ExpectedCalibrationError = reliability.ExpectedCalibrationError(),
            });
    }

    /// <summary>True when the clause's text is exactly the document text at its offsets.</summary>
    public static bool IsGrounded(Clause clause, string documentText)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(documentText);
        return clause.Start >= 0
            && clause.End >= clause.Start
            && clause.End <= documentText.Length
            && documentText.AsSpan(clause.Start, clause.End - clause.Start).SequenceEqual(clause.Text);
    }

    internal static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    // Scores one category of one document into its tally; returns the low-confidence counts for core categories.
    private (int Low, int LowCorrect) ScoreCategory(Tally tally, CuadLabel? label, List<Clause> clauses, Reliability? core)
    {
        var isCore = core is not null;
        var goldPositive = label?.Present ?? false;
        var predictedPositive = clauses.Count > 0;
        tally.Documents++;
        tally.GoldPositive += goldPositive ? 1 : 0;
        tally.PredictedPositive += predictedPositive ? 1 : 0;
        tally.TruePositives += goldPositive && predictedPositive ? 1 : 0;
        tally.FalsePositives += !goldPositive && predictedPositive ? 1 : 0;
        tally.FalseNegatives += goldPositive && !predictedPositive ? 1 : 0;

        var parts = label is null ? new GoldParts([]) : GoldParts.From(label);
        tally.Parts += parts.Count;
        var found = new bool[parts.Count];
        int low = 0, lowCorrect = 0;
        foreach (var clause in clauses)
        {
            var clauseWords = WordTokenizer.Words(clause.Text);
            parts.LoadClause(clauseWords);
            var correct = false;
            for (var p = 0; p < parts.Count; p++)
            {
                var overlap = parts.Overlap(p);
                if (!found[p] && overlap >= _options.MinSnippetCoverage * parts.WordCount(p))
                {
                    found[p] = true;
                }

                if (clauseWords.Count > 0 && overlap >= _options.MinClauseOverlap * clauseWords.Count)
                {
                    correct = true;
                }
            }

            parts.UnloadClause();
            core?.Add(clause.Confidence, correct);
            tally.Predicted++;
            tally.Correct += correct ? 1 : 0;
            if (clause.Confidence >= _options.HighConfidence)
            {
                tally.HighConfidence++;
                tally.HighConfidenceCorrect += correct ? 1 : 0;
            }
            else if (isCore)
            {
                low++;
                lowCorrect += correct ? 1 : 0;
            }
        }

        tally.PartsFound += found.Count(f => f);
        return (low, lowCorrect);
    }

    /// <summary>Core-12 clauses by confidence in five bins of 0.2: how often a clause of a given confidence is right.</summary>
    private sealed class Reliability
    {
        private const int BinCount = 5;
        private readonly int[] _clauses = new int[BinCount];
        private readonly int[] _correct = new int[BinCount];
        private readonly double[] _confidence = new double[BinCount];

        public void Add(double confidence, bool correct)
        {
            var c = double.IsFinite(confidence) ? Math.Clamp(confidence, 0, 1) : 0;
            var bin = Math.Min(BinCount - 1, (int)(c * BinCount));
            _clauses[bin]++;
            _correct[bin] += correct ? 1 : 0;
            _confidence[bin] += c;
        }

        public IReadOnlyList<ConfidenceBin> Bins()
            => [.. Enumerable.Range(0, BinCount).Select(b => new ConfidenceBin(
                (double)b / BinCount,
                (double)(b + 1) / BinCount,
                _clauses[b],
                _correct[b],
                _clauses[b] == 0 ? 0 : _confidence[b] / _clauses[b],
                Ratio(_correct[b], _clauses[b])))];

        /// <summary>Mean |confidence - precision| over the bins, weighted by their clauses.</summary>
        public double ExpectedCalibrationError()
        {
            var total = _clauses.Sum();
            if (total == 0)
            {
                return 0;
            }

            var sum = 0.0;
            for (var b = 0; b < BinCount; b++)
            {
                sum += Math.Abs(_confidence[b] - _correct[b]);
            }

            return sum / total;
        }
    }

    /// <summary>
    /// The word multisets of one category's gold parts in one document, over a small vocabulary of the parts' own
    /// words. A clause is loaded once into a count array over that vocabulary (its other words cannot overlap), and
    /// its overlap with each part is then a sum over the part's distinct words: O(clause words + part words).
    /// </summary>
    private sealed class GoldParts
    {
        private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
        private readonly List<(int WordId, int Count)[]> _parts = [];
        private readonly List<int> _wordCounts = [];
        private readonly List<int> _touched = [];
        private readonly int[] _clauseCounts;

        public GoldParts(IEnumerable<string> parts)
        {
            foreach (var part in parts)
            {
                var words = WordTokenizer.Words(part);
                if (words.Count == 0)
                {
                    continue;
                }

                var counts = new Dictionary<int, int>();
                foreach (var word in words)
                {
                    if (!_vocabulary.TryGetValue(word, out var id))
                    {
                        id = _vocabulary.Count;
                        _vocabulary[word] = id;
                    }

                    counts[id] = counts.GetValueOrDefault(id) + 1;
                }

                _parts.Add([.. counts.Select(kv => (kv.Key, kv.Value))]);
                _wordCounts.Add(words.Count);
            }

            _clauseCounts = new int[_vocabulary.Count];
        }

        public int Count => _parts.Count;

        public static GoldParts From(CuadLabel label) => new(label.Parts());

        public int WordCount(int part) => _wordCounts[part];

        public void LoadClause(IReadOnlyList<string> words)
        {
            foreach (var word in words)
            {
                if (_vocabulary.TryGetValue(word, out var id))
                {
                    if (_clauseCounts[id]++ == 0)
                    {
                        _touched.Add(id);
                    }
                }
            }
        }

        public int Overlap(int part)
        {
            var overlap = 0;
            foreach (var (wordId, count) in _parts[part])
            {
                overlap += Math.Min(count, _clauseCounts[wordId]);
            }

            return overlap;
        }

        public void UnloadClause()
        {
            foreach (var id in _touched)
            {
                _clauseCounts[id] = 0;
            }

            _touched.Clear();
        }
    }

    private sealed class Tally
    {
        public int Documents;
        public int GoldPositive;
        public int PredictedPositive;
        public int TruePositives;
        public int FalsePositives;
        public int FalseNegatives;
        public int Parts;
        public int PartsFound;
        public int Predicted;
        public int Correct;
        public int HighConfidence;
        public int HighConfidenceCorrect;
        public int Grounded;

        public CategoryMetrics ToMetrics(string category)
        {
            var precision = Ratio(TruePositives, TruePositives + FalsePositives);
            var recall = Ratio(TruePositives, TruePositives + FalseNegatives);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new CategoryMetrics(
                category,
                CuadCategories.IsCore(category),
                Documents,
                GoldPositive,
                PredictedPositive,
                TruePositives,
                FalsePositives,
                FalseNegatives,
                precision,
                recall,
                f1,
                Parts,
                PartsFound,
                Ratio(PartsFound, Parts),
                Predicted,
                Correct,
                Ratio(Correct, Predicted),
                HighConfidence,
                HighConfidenceCorrect,
                Grounded);
        }
    }
}

public sealed record ClauseEvaluatorOptions
{
    /// <summary>Share of a gold part's words one clause must cover for the part to count as found.</summary>
    public double MinSnippetCoverage { get; init; } = 0.5;

    /// <summary>Share of a clause's words that must lie in one gold part for the clause to count as correct.</summary>
    public double MinClauseOverlap { get; init; } = 0.5;

    /// <summary>Confidence at or above which a clause counts as high-confidence for calibration.</summary>
    public double HighConfidence { get; init; } = 0.8;
}
