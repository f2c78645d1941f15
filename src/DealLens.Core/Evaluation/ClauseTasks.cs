using System.Globalization;
using System.Text;
using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Learning;
using DealLens.Core.Documents;

namespace DealLens.Core.Evaluation;

/// <summary>
/// One yes/no question of the single-clause tasks: does <see cref="Text"/>, a labelled clause of contract
/// <see cref="ContractId"/> read alone, belong to <see cref="Category"/>?
/// </summary>
public sealed record ClauseTaskItem(string Category, string ContractId, string Text, bool Positive);

/// <summary>One category's single-clause figures. A positive with no clause of any type back counts in <see cref="PositivesWithNoClause"/>.</summary>
public sealed record ClauseTaskScore(string Category, int Positives, int Negatives, int TruePositives, int TrueNegatives, int PositivesWithNoClause)
{
    public double TruePositiveRate => Positives == 0 ? double.NaN : (double)TruePositives / Positives;

    public double TrueNegativeRate => Negatives == 0 ? double.NaN : (double)TrueNegatives / Negatives;

    /// <summary>Mean of the true positive and true negative rates; NaN when the category has no positive or no negative.</summary>
    public double BalancedAccuracy => (TruePositiveRate + TrueNegativeRate) / 2;

    /// <summary>Of the items answered yes, the share that are positives; NaN when nothing was answered yes.</summary>
    public double Precision
    {
        get
        {
            var yes = TruePositives + (Negatives - TrueNegatives);
            return yes == 0 ? double.NaN : (double)TruePositives / yes;
        }
    }
}

/// <summary>The single-clause figures of every category asked, with the core-12 mean.</summary>
public sealed record ClauseTaskReport(IReadOnlyList<ClauseTaskScore> Categories)
{
    /// <summary>Mean balanced accuracy over the core-12 categories that have both positives and negatives.</summary>
    public double CoreBalancedAccuracy => Mean(Categories.Where(c => CuadCategories.IsCore(c.Category)));

    /// <summary>Mean balanced accuracy over every category that has both positives and negatives.</summary>
    public double AllBalancedAccuracy => Mean(Categories);

    public int Items => Categories.Sum(c => c.Positives + c.Negatives);

    public int Positives => Categories.Sum(c => c.Positives);

    public int PositivesWithNoClause => Categories.Sum(c => c.PositivesWithNoClause);

    public ClauseTaskScore? For(string category) => Categories.FirstOrDefault(c => c.Category == category);

    private static double Mean(IEnumerable<ClauseTaskScore> scores)
    {
        var usable = scores.Where(c => c.Positives > 0 && c.Negatives > 0).ToList();
        return usable.Count == 0 ? double.NaN : usable.Average(c => c.BalancedAccuracy);
    }
}

/// <summary>
/// Single-clause tasks built from CUAD labels the way LegalBench builds its CUAD tasks: for each category, the
/// positives are the clauses annotators labelled with it, and as many negatives are drawn at random from the clauses
/// labelled with other categories. Each clause is given to the extractor alone, as a whole document, and the answer
/// is yes when a clause of a type counting towards the category comes back. A snippet cut with
/// <c>&lt;omitted&gt;</c> is read as its parts joined by a space.
/// </summary>
public static class ClauseTasks
{
    /// <summary>
    /// The items for <paramref name="categories"/> from <paramref name="contracts"/>: positives in contract order,
    /// then the negatives drawn (seeded by <paramref name="seed"/>, so the same labels give the same items).
    /// </summary>
    public static IReadOnlyList<ClauseTaskItem> Build(IReadOnlyList<CuadContract> contracts, IReadOnlyList<string> categories, long seed)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(categories);
        var clauses = new List<(string Category, string ContractId, string Text, string Key)>();
        foreach (var contract in contracts)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var category in CuadCategories.Labelled)
            {
                if (!contract.Labels.TryGetValue(category, out var label))
                {
                    continue;
                }

                foreach (var snippet in label.Snippets)
                {
                    var text = TextOf(snippet);
                    if (text.Length > 0 && seen.Add(category + "\u0001" + Key(text)))
                    {
                        clauses.Add((category, contract.Id, text, Key(text)));
                    }
                }
            }
        }

        var items = new List<ClauseTaskItem>();
        for (var c = 0; c < categories.Count; c++)
        {
            var category = categories[c];
            var positives = clauses.Where(x => x.Category == category).ToList();
            var positiveKeys = positives.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

            // A text labelled with the category anywhere is never its negative; a text labelled with two other
            // categories is drawn at most once.
            var drawn = new HashSet<string>(StringComparer.Ordinal);
            var pool = clauses
                .Where(x => x.Category != category && !positiveKeys.Contains(x.Key) && drawn.Add(x.ContractId + "\u0001" + x.Key))
                .ToArray();
            var order = Enumerable.Range(0, pool.Length).ToArray();
            new SeededRandom(unchecked((ulong)seed ^ ((ulong)(c + 1) * 0x9E3779B97F4A7C15UL))).Shuffle(order);
            items.AddRange(positives.Select(p => new ClauseTaskItem(category, p.ContractId, p.Text, true)));
            items.AddRange(order.Take(positives.Count).Select(i => new ClauseTaskItem(category, pool[i].ContractId, pool[i].Text, false)));
        }

        return items;
    }

    /// <summary>The clause text of a snippet: its parts between <c>&lt;omitted&gt;</c> markers joined by a space.</summary>
    public static string TextOf(string snippet) => string.Join(" ", CuadLabels.SplitSnippet(snippet));

    /// <summary>A lone clause as a document of its own: one page, nothing around it.</summary>
    public static DocumentText DocumentOf(string text) => DocumentText.FromPages([text], DocumentFormat.Text);

    /// <summary>Yes when any of <paramref name="clauses"/> is of a type that counts towards <paramref name="category"/>.</summary>
    public static bool Answer(string category, IReadOnlyList<Clause> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        return clauses.Any(c => CuadCategories.ForClauseType(c.Type) == category);
    }

    /// <summary>
    /// Asks <paramref name="extract"/> every item (each distinct text once, in parallel) and scores the answers.
    /// </summary>
    public static ClauseTaskReport Evaluate(IReadOnlyList<ClauseTaskItem> items, Func<DocumentText, IReadOnlyList<Clause>> extract, int parallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(extract);
        var texts = items.Select(i => i.Text).Distinct(StringComparer.Ordinal).ToArray();
        var results = new IReadOnlyList<Clause>[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
            results[i] = extract(DocumentOf(texts[i])));
        var byText = new Dictionary<string, IReadOnlyList<Clause>>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Length; i++)
        {
            byText[texts[i]] = results[i];
        }

        return Score(items, [.. items.Select(i => Answer(i.Category, byText[i.Text]))], [.. items.Select(i => byText[i.Text].Count > 0)]);
    }

    /// <summary>
    /// Scores answers given index for index with <paramref name="items"/>: <paramref name="yes"/> is the answer,
    /// <paramref name="anyClause"/> whether any clause at all came back for the item's text.
    /// </summary>
    public static ClauseTaskReport Score(IReadOnlyList<ClauseTaskItem> items, IReadOnlyList<bool> yes, IReadOnlyList<bool> anyClause)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(yes);
        ArgumentNullException.ThrowIfNull(anyClause);
        if (yes.Count != items.Count || anyClause.Count != items.Count)
        {
            throw new ArgumentException("One answer per item is needed.", nameof(yes));
        }

        var scores = new List<ClauseTaskScore>();
        foreach (var category in items.Select(i => i.Category).Distinct(StringComparer.Ordinal))
        {
            int positives = 0, negatives = 0, truePositives = 0, trueNegatives = 0, empty = 0;
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Category != category)
                {
                    continue;
                }

                if (items[i].Positive)
                {
                    positives++;
                    truePositives += yes[i] ? 1 : 0;
                    empty += anyClause[i] ? 0 : 1;
                }
                else
                {
                    negatives++;
                    trueNegatives += yes[i] ? 0 : 1;
                }
            }

            scores.Add(new ClauseTaskScore(category, positives, negatives, truePositives, trueNegatives, empty));
        }

        return new ClauseTaskReport(scores);
    }

    /// <summary>The per-category table with the core-12 and all-category means.</summary>
    public static string ToText(ClauseTaskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Single clauses (each labelled clause alone as a document): {report.Items} items\n");
        AppendCategoryTable(text, report, recallHeader: "TPR", markCore: true);
        text.Append(Summary(report));
        return text.ToString();
    }

    /// <summary>One row per category: positives, negatives, recall, true negative rate, balanced accuracy, precision.</summary>
    internal static void AppendCategoryTable(StringBuilder text, ClauseTaskReport report, string recallHeader, bool markCore)
    {
        text.Append(CultureInfo.InvariantCulture, $"{"CATEGORY",-30} {"POS",5} {"NEG",5} {recallHeader,6} {"TNR",6} {"BAL.ACC",7} {"PREC",6} {"NO CLAUSE",9}\n");
        foreach (var c in report.Categories)
        {
            var name = markCore ? (CuadCategories.IsCore(c.Category) ? "* " : "  ") + c.Category : c.Category;
            text.Append(CultureInfo.InvariantCulture,
                $"{name,-30} {c.Positives,5} {c.Negatives,5} {F(c.TruePositiveRate),6} {F(c.TrueNegativeRate),6} {F(c.BalancedAccuracy),7} {F(c.Precision),6} {c.PositivesWithNoClause,9}\n");
        }
    }

    /// <summary>Aggregate figures only (what the locked part may show).</summary>
    public static string Summary(ClauseTaskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture,
            $"Single-clause balanced accuracy: core 12 {F(report.CoreBalancedAccuracy)}, all {report.Categories.Count} categories {F(report.AllBalancedAccuracy)}; "
            + $"positives with no clause back: {report.PositivesWithNoClause} of {report.Positives}\n");
    }

    private static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(ch));
        }

        return builder.ToString();
    }

    private static string F(double value) => double.IsNaN(value) ? "-" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
