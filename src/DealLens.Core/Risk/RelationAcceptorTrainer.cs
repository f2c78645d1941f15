using System.Globalization;
using System.Text;

namespace DealLens.Core.Risk;

/// <summary>One labelled candidate of the acceptor's training table: its batch, document, relation key, label and features.</summary>
public sealed record AcceptorRow(string Batch, string Document, string Relation, bool Positive, IReadOnlyList<double> Features);

/// <summary>What a threshold keeps of a set of candidates, counted per (document, relation) as the graph counts them.</summary>
public sealed record AcceptorCount(double Threshold, int TruePositives, int FalsePositives);

/// <summary>The outcome of <see cref="RelationAcceptorTrainer.Train"/>: the leave-one-batch-out counts, the choice and the model.</summary>
public sealed record AcceptorTraining(
    AcceptorCount Baseline, IReadOnlyList<AcceptorCount> HeldOut, double? Threshold, RelationAcceptor? Model, string Report);

/// <summary>
/// Trains <see cref="RelationAcceptor"/> from a table of labelled candidates (the development halves of the
/// announcement batches) and chooses its threshold by leave-one-batch-out. The choice rule, fixed before any result
/// was seen: over the pooled held-out batches, a (document, relation) is kept when any of its candidates reaches the
/// threshold; a threshold qualifies when it keeps at least as many labelled relations as the frames alone and no more
/// unlabelled ones; of those the one keeping the most labelled minus unlabelled relations is chosen (ties: the higher
/// threshold). No qualifying threshold: no model.
/// </summary>
public static class RelationAcceptorTrainer
{
    public static IReadOnlyList<double> Thresholds { get; } = Enumerable.Range(1, 19).Select(i => i * 0.05).ToList();

    // The column of the "frame" feature: the candidates the frames alone would keep.
    private const int FrameFeature = 0;

    public static AcceptorTraining Train(IReadOnlyList<AcceptorRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var batches = rows.Select(r => r.Batch).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var scored = new List<(AcceptorRow Row, double P)>();
        foreach (var batch in batches)
        {
            var (w, b) = RelationAcceptor.Fit(rows.Where(r => r.Batch != batch).Select(r => (r.Features, r.Positive)).ToList());
            var model = new RelationAcceptor(w, b, 0.5);
            scored.AddRange(rows.Where(r => r.Batch == batch).Select(r => (r, model.Probability(r.Features))));
        }

        var baseline = Count(scored.Select(s => (s.Row, s.Row.Features[FrameFeature] > 0)), double.NaN);
        var heldOut = Thresholds.Select(t => Count(scored.Select(s => (s.Row, s.P >= t)), t)).ToList();
        var chosen = heldOut.Where(c => c.TruePositives >= baseline.TruePositives && c.FalsePositives <= baseline.FalsePositives)
            .OrderByDescending(c => c.TruePositives - c.FalsePositives).ThenByDescending(c => c.Threshold).FirstOrDefault();
        RelationAcceptor? shipped = null;
        if (chosen is not null)
        {
            var (w, b) = RelationAcceptor.Fit(rows.Select(r => (r.Features, r.Positive)).ToList());
            shipped = new RelationAcceptor(w.Select(Round).ToArray(), Round(b), chosen.Threshold);
        }

        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"candidates {rows.Count} ({rows.Count(r => r.Positive)} labelled) in {batches.Count} batches\n");
        report.Append(CultureInfo.InvariantCulture, $"frames alone (held-out relations): {baseline.TruePositives} labelled, {baseline.FalsePositives} not labelled\n");
        foreach (var c in heldOut)
        {
            report.Append(CultureInfo.InvariantCulture, $"threshold {c.Threshold:F2}: {c.TruePositives} labelled, {c.FalsePositives} not labelled\n");
        }

        report.Append(chosen is null ? "no threshold qualifies: no model\n" : string.Create(CultureInfo.InvariantCulture, $"chosen threshold {chosen.Threshold:F2}\n"));
        return new AcceptorTraining(baseline, heldOut, chosen?.Threshold, shipped, report.ToString());
    }

    private static double Round(double x) => Math.Round(x, 6, MidpointRounding.ToEven);

    private static AcceptorCount Count(IEnumerable<(AcceptorRow Row, bool Kept)> decisions, double threshold)
    {
        var kept = decisions.GroupBy(d => (d.Row.Batch, d.Row.Document, d.Row.Relation))
            .Where(g => g.Any(d => d.Kept)).Select(g => g.First().Row).ToList();
        return new AcceptorCount(threshold, kept.Count(r => r.Positive), kept.Count(r => !r.Positive));
    }

    /// <summary>The table: a header line naming the columns, then batch, document, relation, label (1/0) and the features.</summary>
    public static IReadOnlyList<AcceptorRow> ParseRows(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var lines = tsv.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || lines[0] != Header)
        {
            throw new DealLensException("Acceptor training table: the header does not name the acceptor's features in order.");
        }

        return lines.Skip(1).Select(l => l.Split('\t')).Select(c => new AcceptorRow(
            c[0], c[1], c[2], c[3] == "1",
            c.Skip(4).Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray())).ToList();
    }

    public static string Header { get; } = "batch\tdocument\trelation\tlabel\t" + string.Join('\t', RelationAcceptor.FeatureNames);
}
