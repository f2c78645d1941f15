using DealLens.Core.Clauses.Rules;
using DealLens.Core.Documents;
using DealLens.Core.Evaluation;

namespace DealLens.Core.Clauses.Learning;

/// <summary>One CUAD contract with the text DealLens extracted from its file.</summary>
public sealed record LabelledDocument(CuadContract Gold, DocumentText Document);

/// <summary>
/// The honest score of <see cref="EmbeddedClauseExtractor"/>: k-fold cross-validation by contract (related
/// contracts share a fold). For each fold a model is trained on the other folds only, with calibration and
/// thresholds from inner out-of-fold predictions on those folds (nested), stacked under the fixed hand-written
/// rules; it extracts the held-out fold. All folds' predictions are scored together by
/// <see cref="ClauseEvaluator.Default"/>.
/// </summary>
public static class EmbeddedCrossValidation
{
    public static EvaluationReport Run(IReadOnlyList<LabelledDocument> documents, ClauseTrainerOptions options, Action<string>? progress = null)
        => Run(documents, options, new EmbeddedClauseExtractorOptions(), progress);

    public static EvaluationReport Run(
        IReadOnlyList<LabelledDocument> documents,
        ClauseTrainerOptions options,
        EmbeddedClauseExtractorOptions extractorOptions,
        Action<string>? progress = null)
        => RunMany(documents, options, [extractorOptions], progress)[0];

    /// <summary>
    /// One report per entry of <paramref name="extractorOptions"/>, all from the same fold models: compares
    /// extraction settings without training again.
    /// </summary>
    public static IReadOnlyList<EvaluationReport> RunMany(
        IReadOnlyList<LabelledDocument> documents,
        ClauseTrainerOptions options,
        IReadOnlyList<EmbeddedClauseExtractorOptions> extractorOptions,
        Action<string>? progress = null)
        => [.. PredictMany(documents, options, extractorOptions, progress).Select(ClauseEvaluator.Default.Evaluate)];

    /// <summary>
    /// The held-out predictions behind <see cref="RunMany"/>: for each entry of <paramref name="extractorOptions"/>,
    /// every document with the clauses its fold's model extracted (for error analysis).
    /// </summary>
    public static IReadOnlyList<EvaluationDocument[]> PredictMany(
        IReadOnlyList<LabelledDocument> documents,
        ClauseTrainerOptions options,
        IReadOnlyList<EmbeddedClauseExtractorOptions> extractorOptions,
        Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(extractorOptions);
        if (extractorOptions.Count == 0)
        {
            throw new ArgumentException("Give at least one set of extractor options.", nameof(extractorOptions));
        }

        return PredictFolds(documents, Featurise(documents, options, progress), options, extractorOptions, progress);
    }

    /// <summary>
    /// The held-out predictions of one cross-validation per seed (fold assignment and training order), with the
    /// default extractor settings; the contracts are featurised once for all of them.
    /// </summary>
    public static IReadOnlyList<EvaluationDocument[]> PredictRepeated(
        IReadOnlyList<LabelledDocument> documents,
        ClauseTrainerOptions options,
        IReadOnlyList<long> seeds,
        Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var corpus = Featurise(documents, options, progress);
        var runs = new List<EvaluationDocument[]>(seeds.Count);
        foreach (var seed in seeds)
        {
            var run = runs.Count + 1;
            Action<string>? runProgress = progress is null || seeds.Count == 1 ? progress : m => progress($"run {run}/{seeds.Count}: {m}");
            runs.Add(PredictFolds(documents, corpus, options with { Seed = seed }, [new EmbeddedClauseExtractorOptions()], runProgress)[0]);
        }

        return runs;
    }

    private static LabelledSpans[] Featurise(IReadOnlyList<LabelledDocument> documents, ClauseTrainerOptions options, Action<string>? progress)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        if (Math.Min(options.Folds, documents.Count) < 3)
        {
            throw new DealLensException("Cross-validation needs at least three contracts and three folds.");
        }

        progress?.Invoke($"Featurising {documents.Count} contracts");
        var contracts = documents.Select(d => TrainingContract.FromCuad(d.Gold, d.Document)).ToList();
        return LabelledCorpus.Build(contracts, options);
    }

    /// <summary>
    /// Cross-validation that also answers single-clause items (<see cref="ClauseTasks"/>): one run per seed, and per
    /// run, for each entry of <paramref name="extractorOptions"/>, the held-out contracts with their clauses and the
    /// single-clause report. Each item is answered by the model of the fold that holds its contract, so no model
    /// answers about a clause of a contract it trained on.
    /// </summary>
    public static IReadOnlyList<CrossValidatedRun> RunWithClauseTasks(
        IReadOnlyList<LabelledDocument> documents,
        ClauseTrainerOptions options,
        IReadOnlyList<long> seeds,
        IReadOnlyList<ClauseTaskItem> items,
        IReadOnlyList<EmbeddedClauseExtractorOptions> extractorOptions,
        Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(extractorOptions);
        var corpus = Featurise(documents, options, progress);
        var runs = new List<CrossValidatedRun>(seeds.Count);
        foreach (var seed in seeds)
        {
            var run = runs.Count + 1;
            Action<string>? runProgress = progress is null || seeds.Count == 1 ? progress : m => progress($"run {run}/{seeds.Count}: {m}");
            var tasks = new TaskAnswers(items, extractorOptions.Count);
            var predicted = PredictFolds(documents, corpus, options with { Seed = seed }, extractorOptions, runProgress, tasks);
            runs.Add(new CrossValidatedRun(seed, predicted, [.. Enumerable.Range(0, extractorOptions.Count).Select(tasks.Report)]));
        }

        return runs;
    }

    /// <summary>
    /// The <see cref="ClauseTrainerOptions.TrainFraction"/> of <paramref name="train"/>'s contracts with the lowest
    /// seeded hash of their id (a lone snippet goes with its contract), so a smaller fraction's contracts are always
    /// among a larger one's.
    /// </summary>
    internal static int[] Subsample(LabelledSpans[] corpus, int[] train, ClauseTrainerOptions options)
    {
        if (options.TrainFraction >= 1)
        {
            return train;
        }

        if (!(options.TrainFraction > 0))
        {
            throw new DealLensException($"The training fraction must be above 0 and at most 1, not {options.TrainFraction}.");
        }

        var contracts = train.Where(d => !corpus[d].TrainOnly).ToArray();
        var keep = (int)Math.Round(contracts.Length * options.TrainFraction, MidpointRounding.AwayFromZero);
        var rank = (int d) => FeatureHashing.Fnv1a($"{options.Seed}:{corpus[d].Id}");
        var kept = contracts.OrderBy(rank).ThenBy(d => corpus[d].Id, StringComparer.Ordinal).Take(Math.Max(1, keep)).ToHashSet();
        return [.. train.Where(d => kept.Contains(corpus[d].TrainOnly ? corpus[d].SourceContract : d))];
    }

    private static EvaluationDocument[][] PredictFolds(
        IReadOnlyList<LabelledDocument> documents,
        LabelledSpans[] corpus,
        ClauseTrainerOptions options,
        IReadOnlyList<EmbeddedClauseExtractorOptions> extractorOptions,
        Action<string>? progress,
        TaskAnswers? tasks = null)
    {
        var k = Math.Min(options.Folds, documents.Count);
        var folds = LabelledCorpus.AssignFolds(corpus, k, options.Seed, options.GroupNearDuplicates);
        var rules = new RuleBasedClauseExtractor(new RuleBasedClauseExtractorOptions { Rules = options.Rules });
        var predictions = extractorOptions.Select(_ => new EvaluationDocument[documents.Count]).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) };
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++)
        {
            foldOf[documents[d].Gold.Id] = folds[d];
        }

        for (var fold = 0; fold < k; fold++)
        {
            var train = Subsample(corpus, Enumerable.Range(0, corpus.Length).Where(d => folds[d] != fold).ToArray(), options);
            var test = Enumerable.Range(0, corpus.Length).Where(d => folds[d] == fold && !corpus[d].TrainOnly).ToArray();
            progress?.Invoke($"Fold {fold + 1}/{k}: training on {train.Count(d => !corpus[d].TrainOnly)} contracts, testing on {test.Length}");
            var inner = OutOfFold.Margins(corpus, train, folds, options);
            var calibration = OutOfFold.Calibrate(corpus, train, inner, options);
            var model = ClauseModelTrainer.Build(
                LogisticFit.Fit(corpus, train, options), calibration, options, [.. train.Where(d => !corpus[d].TrainOnly).Select(d => corpus[d].Id)]);
            for (var x = 0; x < extractorOptions.Count; x++)
            {
                var extractor = new EmbeddedClauseExtractor(rules, model, extractorOptions[x]);
                var target = predictions[x];
                Parallel.ForEach(test, parallel, d =>
                {
                    var document = documents[d];
                    target[d] = new EvaluationDocument(document.Gold, document.Document.Text, extractor.Extract(document.Document));
                });
                tasks?.Answer(x, i => foldOf.TryGetValue(tasks.Items[i].ContractId, out var f)
                    ? f == fold
                    : throw new DealLensException($"Single-clause item of contract {tasks.Items[i].ContractId}, which is not among the cross-validated contracts."),
                    extractor, parallel);
            }
        }

        return predictions;
    }
}

/// <summary>One cross-validation run: per extractor setting, the held-out contracts and the single-clause report.</summary>
public sealed record CrossValidatedRun(long Seed, IReadOnlyList<EvaluationDocument[]> Documents, IReadOnlyList<ClauseTaskReport> Tasks);

/// <summary>The answers of single-clause items, filled fold by fold, per extractor setting.</summary>
internal sealed class TaskAnswers
{
    private readonly bool[][] _yes;
    private readonly bool[][] _any;

    public TaskAnswers(IReadOnlyList<ClauseTaskItem> items, int settings)
    {
        Items = items;
        _yes = [.. Enumerable.Range(0, settings).Select(_ => new bool[items.Count])];
        _any = [.. Enumerable.Range(0, settings).Select(_ => new bool[items.Count])];
    }

    public IReadOnlyList<ClauseTaskItem> Items { get; }

    /// <summary>Answers with <paramref name="extractor"/> the items <paramref name="mine"/> selects, each distinct text once.</summary>
    public void Answer(int setting, Func<int, bool> mine, EmbeddedClauseExtractor extractor, ParallelOptions parallel)
    {
        var chosen = Enumerable.Range(0, Items.Count).Where(mine).ToArray();
        var texts = chosen.Select(i => Items[i].Text).Distinct(StringComparer.Ordinal).ToArray();
        var clauses = new IReadOnlyList<Clause>[texts.Length];
        Parallel.For(0, texts.Length, parallel, t =>
            clauses[t] = extractor.Extract(ClauseTasks.DocumentOf(texts[t])));
        var byText = new Dictionary<string, IReadOnlyList<Clause>>(StringComparer.Ordinal);
        for (var t = 0; t < texts.Length; t++)
        {
            byText[texts[t]] = clauses[t];
        }

        foreach (var i in chosen)
        {
            var found = byText[Items[i].Text];
            _yes[setting][i] = ClauseTasks.Answer(Items[i].Category, found);
            _any[setting][i] = found.Count > 0;
        }
    }

    public ClauseTaskReport Report(int setting) => ClauseTasks.Score(Items, _yes[setting], _any[setting]);
}
