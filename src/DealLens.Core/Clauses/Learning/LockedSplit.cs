using System.Security.Cryptography;
using System.Text;
using DealLens.Core.Clauses.Rules;
using DealLens.Core.Evaluation;
using DealLens.Core.Text;

namespace DealLens.Core.Clauses.Learning;

/// <summary>
/// The locked third of a labelled set (issue 19): a fixed rule in code, so nobody chooses which contracts are locked
/// and nobody can move one. Contracts are grouped as cross-validation groups them (pieces of one filing share a file
/// stem without trailing digits; texts that largely repeat each other are joined), and a whole group is locked when
/// the first byte of SHA-256 of its smallest stem (UTF-8, NFC, ordinal order) is a multiple of 3. Locked contracts
/// are never trained on, tuned on or shown one by one: only <c>deallens eval --locked</c> scores them, in aggregate.
/// </summary>
public static class LockedSplit
{
    /// <summary>Which documents are locked, index for index with <paramref name="documents"/>.</summary>
    public static bool[] Locked(IReadOnlyList<LabelledDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return Locked([.. documents.Select(d => d.Gold.File)], [.. documents.Select(d => d.Document.Text)]);
    }

    /// <summary>
    /// Which contracts are locked, given each contract's file name and extracted text (the text only joins
    /// near-copies, so that a restated agreement never sits on the other side of the lock from its original).
    /// </summary>
    public static bool[] Locked(IReadOnlyList<string> files, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(texts);
        if (files.Count != texts.Count)
        {
            throw new ArgumentException("One text per file is needed.", nameof(texts));
        }

        var n = files.Count;
        var stems = files.Select(TrainingContract.GroupOf).ToArray();
        var parent = Enumerable.Range(0, n).ToArray();
        var byStem = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (byStem.TryGetValue(stems[i], out var j))
            {
                FoldAssigner.Union(parent, i, j);
            }
            else
            {
                byStem[stems[i]] = i;
            }
        }

        var shingles = texts.Select(t => FoldAssigner.Shingles(WordTokenizer.Words(t))).ToArray();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (FoldAssigner.Containment(shingles[i], shingles[j]) >= 0.5)
                {
                    FoldAssigner.Union(parent, i, j);
                }
            }
        }

        var locked = new bool[n];
        foreach (var group in Enumerable.Range(0, n).GroupBy(i => FoldAssigner.Find(parent, i)))
        {
            var key = group.Select(i => stems[i]).Min(StringComparer.Ordinal)!;
            var isLocked = IsLockedStem(key);
            foreach (var i in group)
            {
                locked[i] = isLocked;
            }
        }

        return locked;
    }

    /// <summary>The rule on one group's key: the first byte of SHA-256 of the NFC-normalised stem, modulo 3, is 0.</summary>
    public static bool IsLockedStem(string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(stem.Normalize(NormalizationForm.FormC)));
        return hash[0] % 3 == 0;
    }

    /// <summary>The documents on one side of the lock, in their original order.</summary>
    public static IReadOnlyList<LabelledDocument> Select(IReadOnlyList<LabelledDocument> documents, bool locked)
    {
        var flags = Locked(documents);
        return [.. documents.Where((_, i) => flags[i] == locked)];
    }
}

/// <summary>
/// The figure of the locked third: a model trained exactly as <c>deallens train</c> trains the shipped one, on the
/// unlocked contracts only, extracts the locked contracts, and the result is reduced to aggregate figures.
/// </summary>
public static class LockedEvaluation
{
    /// <summary>Scores the locked documents of <paramref name="documents"/> with a model trained on the others.</summary>
    public static EvaluationReport Run(IReadOnlyList<LabelledDocument> documents, ClauseTrainerOptions options, Action<string>? progress = null)
        => Run(documents, options, new EmbeddedClauseExtractorOptions(), null, progress).Contracts;

    /// <summary>
    /// The locked figures of contracts and, when <paramref name="seed"/> is given, of the single-clause items built
    /// from the locked contracts' labels (<see cref="ClauseTasks.Build"/>), answered by the same model.
    /// </summary>
    public static (EvaluationReport Contracts, ClauseTaskReport? Tasks) Run(
        IReadOnlyList<LabelledDocument> documents, ClauseTrainerOptions options, EmbeddedClauseExtractorOptions extractorOptions, long? seed, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(extractorOptions);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        var flags = LockedSplit.Locked(documents);
        var unlocked = documents.Where((_, i) => !flags[i]).ToList();
        var locked = documents.Where((_, i) => flags[i]).ToList();
        if (unlocked.Count < 3 || locked.Count == 0)
        {
            throw new DealLensException($"The locked split needs at least 3 unlocked and 1 locked contract; this set has {unlocked.Count} and {locked.Count}.");
        }

        progress?.Invoke($"training on {unlocked.Count} unlocked contracts");
        var model = new ClauseModelTrainer(options).Train([.. unlocked.Select(d => TrainingContract.FromCuad(d.Gold, d.Document))]);
        var extractor = new EmbeddedClauseExtractor(new RuleBasedClauseExtractor(new RuleBasedClauseExtractorOptions { Rules = options.Rules }), model, extractorOptions);
        progress?.Invoke($"extracting {locked.Count} locked contracts");
        var evaluated = new EvaluationDocument[locked.Count];
        Parallel.For(0, locked.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) }, i =>
            evaluated[i] = new EvaluationDocument(locked[i].Gold, locked[i].Document.Text, extractor.Extract(locked[i].Document)));
        ClauseTaskReport? tasks = null;
        if (seed is { } s)
        {
            progress?.Invoke("answering the single-clause items of the locked contracts");
            var items = ClauseTasks.Build([.. locked.Select(d => d.Gold)], CuadCategories.Mapped, s);
            tasks = ClauseTasks.Evaluate(items, extractor.Extract, options.MaxDegreeOfParallelism);
        }

        return (ClauseEvaluator.Default.Evaluate(evaluated), tasks);
    }

    /// <summary>
    /// The report without anything per category or per document: what the protocol lets anyone see of the locked part.
    /// </summary>
    public static string ToText(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var minimum = report.For(CuadCategories.MinimumCommitment);
        var c = report.Calibration;
        var lines = new[]
        {
            $"Locked part (aggregate figures only): {report.Documents} contracts",
            $"Macro F1 (core 12): {F(report.MacroF1Core)}",
            $"Minimum Commitment F1: {F(report.MinimumCommitmentF1)}, snippet recall {F(minimum.SnippetRecall)}",
            $"Snippet recall (core 12): macro {F(report.MacroSnippetRecallCore)}, pooled {F(report.PooledSnippetRecallCore)}",
            $"Clause precision (core 12): macro {F(report.MacroClausePrecisionCore)}, pooled {F(report.PooledClausePrecisionCore)}",
            $"Clause precision at confidence >= {F(c.Threshold)}: {F(c.HighConfidencePrecision)}; below: {F(c.LowConfidencePrecision)}",
            $"Expected calibration error (core 12): {F(c.ExpectedCalibrationError)}",
            $"Grounding (all clauses): {F(report.Grounding)}",
        };
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The same figures as <see cref="ToText"/>, as JSON.</summary>
    public static string ToJson(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var minimum = report.For(CuadCategories.MinimumCommitment);
        return System.Text.Json.JsonSerializer.Serialize(
            new
            {
                locked_documents = report.Documents,
                macro_f1_core = report.MacroF1Core,
                minimum_commitment_f1 = report.MinimumCommitmentF1,
                minimum_commitment_snippet_recall = minimum.SnippetRecall,
                macro_snippet_recall_core = report.MacroSnippetRecallCore,
                pooled_snippet_recall_core = report.PooledSnippetRecallCore,
                macro_clause_precision_core = report.MacroClausePrecisionCore,
                pooled_clause_precision_core = report.PooledClausePrecisionCore,
                high_confidence_precision = report.Calibration.HighConfidencePrecision,
                low_confidence_precision = report.Calibration.LowConfidencePrecision,
                expected_calibration_error = report.Calibration.ExpectedCalibrationError,
                grounding = report.Grounding,
            },
            s_json);
    }

    private static readonly System.Text.Json.JsonSerializerOptions s_json = new() { WriteIndented = true };

    private static string F(double value) => value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
