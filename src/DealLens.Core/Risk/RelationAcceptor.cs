using System.Globalization;
using System.Text;

namespace DealLens.Core.Risk;

/// <summary>
/// What is known about one money relation a prose reader proposes before it joins the graph: which reader(s) read it,
/// its kind, how its parties were found and what the sentence around it holds. Every feature is general (no company
/// names, no wording of any document); <see cref="RelationAcceptor.FeatureNames"/> gives their order.
/// </summary>
public sealed record RelationCandidate(
    RelationKind Kind,
    string From,
    string To,
    string Quote,
    IReadOnlyList<double> Features);

/// <summary>
/// A learned acceptor of candidate money relations: a logistic regression over <see cref="RelationCandidate"/> features,
/// trained on the development halves of the announcement batches (`deallens train-relation-acceptor`). A candidate
/// whose probability of being a labelled relation is below <see cref="Threshold"/> is not added to the graph.
/// </summary>
public sealed class RelationAcceptor
{
    public const string Resource = "DealLens.Core.relation-acceptor.tsv";

    /// <summary>The features, in the order of <see cref="RelationCandidate.Features"/> and of the weights file.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
    [
        "frame", "structure", "both",
        "kind_purchase", "kind_lease", "kind_equity", "kind_warrant", "kind_backstop", "kind_other",
        "amount", "money_in_sentence", "binding", "passive", "referred", "distance", "speaker",
        "kinds_known", "kinds_fit", "kinds_reversed", "negation", "modal", "up_to",
        "first_sentence", "position", "companies", "length", "from_first", "to_first",
    ];

    private static readonly Lazy<RelationAcceptor?> s_shipped = new(LoadShipped);

    /// <summary>Accepts every candidate (for measuring the readers with no acceptor, and for tests of the readers).</summary>
    public static RelationAcceptor AcceptAll { get; } = new(new double[FeatureNames.Count], 0, 0);

    public RelationAcceptor(IReadOnlyList<double> weights, double bias, double threshold)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != FeatureNames.Count)
        {
            throw new DealLensException($"A relation acceptor needs {FeatureNames.Count} weights, not {weights.Count}.");
        }

        Weights = weights;
        Bias = bias;
        Threshold = threshold;
    }

    public IReadOnlyList<double> Weights { get; }

    public double Bias { get; }

    public double Threshold { get; }

    /// <summary>The model shipped in the assembly (parsed on first use), or null when none is embedded.</summary>
    public static RelationAcceptor? Shipped => s_shipped.Value;

    public double Probability(IReadOnlyList<double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var z = Bias;
        for (var i = 0; i < Weights.Count; i++)
        {
            z += Weights[i] * features[i];
        }

        return 1.0 / (1.0 + Math.Exp(-z));
    }

    public bool Accepts(RelationCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return Probability(candidate.Features) >= Threshold;
    }

    /// <summary>
    /// Fits the weights by full-batch gradient descent on the mean log loss with an L2 penalty, from zero weights: the
    /// same rows give the same weights on every machine (no randomness, rows taken in the order given).
    /// </summary>
    public static (double[] Weights, double Bias) Fit(IReadOnlyList<(IReadOnlyList<double> Features, bool Positive)> rows, int iterations = 3000, double rate = 0.5, double l2 = 0.01)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var n = FeatureNames.Count;
        var w = new double[n];
        var b = 0.0;
        if (rows.Count == 0)
        {
            return (w, b);
        }

        var gradient = new double[n];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(gradient);
            var gb = 0.0;
            foreach (var (x, positive) in rows)
            {
                var z = b;
                for (var i = 0; i < n; i++)
                {
                    z += w[i] * x[i];
                }

                var error = 1.0 / (1.0 + Math.Exp(-z)) - (positive ? 1.0 : 0.0);
                for (var i = 0; i < n; i++)
                {
                    gradient[i] += error * x[i];
                }

                gb += error;
            }

            for (var i = 0; i < n; i++)
            {
                w[i] -= rate * (gradient[i] / rows.Count + l2 * w[i]);
            }

            b -= rate * gb / rows.Count;
        }

        return (w, b);
    }

    /// <summary>The weights file: a header line, then "bias", "threshold" and one row per feature, values rounded to 6 places.</summary>
    public string Serialize()
    {
        var sb = new StringBuilder();
        sb.Append("# relation acceptor: logistic regression over candidate features; retrain with `deallens-tools train-relation-acceptor`\n");
        sb.Append(CultureInfo.InvariantCulture, $"bias\t{Bias:F6}\n");
        sb.Append(CultureInfo.InvariantCulture, $"threshold\t{Threshold:F2}\n");
        for (var i = 0; i < Weights.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{FeatureNames[i]}\t{Weights[i]:F6}\n");
        }

        return sb.ToString();
    }

    public static RelationAcceptor Parse(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != 2 || !double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new DealLensException($"Relation acceptor: bad line '{line}'.");
            }

            values[cells[0]] = value;
        }

        double Get(string name) => values.TryGetValue(name, out var v) ? v : throw new DealLensException($"Relation acceptor: no value for '{name}'.");
        return new RelationAcceptor(FeatureNames.Select(Get).ToArray(), Get("bias"), Get("threshold"));
    }

    private static RelationAcceptor? LoadShipped()
    {
        using var stream = typeof(RelationAcceptor).Assembly.GetManifestResourceStream(Resource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }
}
