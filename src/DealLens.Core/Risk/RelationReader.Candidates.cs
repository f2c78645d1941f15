using System.Text.RegularExpressions;
using DealLens.Core.Deals;

namespace DealLens.Core.Risk;

public static partial class RelationReader
{
    /// <summary>
    /// Whether the relations the frames and the clause-structure reader propose in a sentence pass the learned
    /// <see cref="RelationAcceptor"/> before they are kept. Off by default (round 9 did not keep it; see
    /// docs/money-graph.md); <c>DEALLENS_RELATION_ACCEPTOR=1</c> turns it and the structure reader on.
    /// </summary>
    internal static bool AcceptorOn { get; set; } = Environment.GetEnvironmentVariable("DEALLENS_RELATION_ACCEPTOR") == "1";

    /// <summary>
    /// When set, every candidate a sentence gives is passed here and none is filtered (the structure reader runs):
    /// the training data of `deallens train-relation-acceptor` is collected this way.
    /// </summary>
    public static Action<RelationCandidate>? CandidateSink { get; set; }

    // (RegexTimeouts.Limit, not s_timeout: the initialisers of a partial class run in an order across files that the
    // language leaves open.)
    private static readonly Regex s_passiveBy = new(@"\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|ght|id|ld|nt)\s+(?:[\w-]+\s+){0,6}?by\s+⟦", Options, DealLens.Core.Text.RegexTimeouts.Limit);
    private static readonly Regex s_upTo = new(@"\bup\s+to\b", Options, DealLens.Core.Text.RegexTimeouts.Limit);
    private static readonly Regex s_anyModal = new(@"\b(?:may|might|could|can|cannot|would|should)\b", Options, DealLens.Core.Text.RegexTimeouts.Limit);

    /// <summary>The features of one relation proposed in a sentence (see <see cref="RelationAcceptor.FeatureNames"/>).</summary>
    internal static double[] CandidateFeatures(
        ProseRelation relation, bool frame, bool structure, bool passive, int offset, string sentence, string skeleton,
        IReadOnlyList<ProseMention> mentions, IReadOnlyList<MoneyMention> money, string? filer, int index, int count,
        CompanyResolver resolver, RelationReaderOptions options)
    {
        var (fromKey, toKey) = (resolver.Resolve(relation.From), resolver.Resolve(relation.To));
        var fromMentions = mentions.Where(m => resolver.Resolve(m.Name) == fromKey).ToList();
        var toMentions = mentions.Where(m => resolver.Resolve(m.Name) == toKey).ToList();
        bool Named(ProseMention m)
        {
            var surface = sentence[Math.Max(0, m.Start - offset)..Math.Min(sentence.Length, m.End - offset)];
            return surface.Length > 0 && char.IsUpper(surface[0]) && !surface.StartsWith("The ", StringComparison.Ordinal)
                && surface is not ("It" or "Its" or "We" or "Our" or "Us");
        }

        var referred = !fromMentions.Any(Named) || !toMentions.Any(Named);
        var distance = fromMentions.Count > 0 && toMentions.Count > 0
            ? fromMentions.SelectMany(f => toMentions.Select(t => Math.Abs(f.Start - t.Start))).Min()
            : sentence.Length;
        var kinds = options.Kinds ?? CompanyKinds.Bundled;
        var (fromKind, toKind) = (kinds.KindOf(relation.From), kinds.KindOf(relation.To));
        var commitment = RelationKinds.IsCommitment(relation.Kind);
        var speaker = filer is not null && (resolver.Resolve(filer) == fromKey || resolver.Resolve(filer) == toKey);
        var firstKey = mentions.Count > 0 ? resolver.Resolve(mentions[0].Name) : null;
        var distinct = mentions.Select(m => resolver.Resolve(m.Name)).Distinct(StringComparer.Ordinal).Count();
        return
        [
            frame ? 1 : 0,
            structure ? 1 : 0,
            frame && structure ? 1 : 0,
            relation.Kind == RelationKind.Purchase ? 1 : 0,
            relation.Kind == RelationKind.Lease ? 1 : 0,
            relation.Kind == RelationKind.Equity ? 1 : 0,
            relation.Kind == RelationKind.Warrant ? 1 : 0,
            relation.Kind == RelationKind.Backstop ? 1 : 0,
            relation.Kind is RelationKind.Purchase or RelationKind.Lease or RelationKind.Equity or RelationKind.Warrant or RelationKind.Backstop ? 0 : 1,
            relation.Amount is not null ? 1 : 0,
            money.Count > 0 ? 1 : 0,
            relation.Binding ? 1 : 0,
            passive || s_passiveBy.IsMatch(skeleton) ? 1 : 0,
            referred ? 1 : 0,
            Math.Min(distance / 200.0, 1.5),
            speaker ? 1 : 0,
            fromKind is not null && toKind is not null ? 1 : 0,
            commitment && fromKind is not null && toKind is not null && CompanyKinds.SellsTo(toKind, fromKind) ? 1 : 0,
            commitment && fromKind is not null && toKind is not null && CompanyKinds.SellsTo(fromKind, toKind) ? 1 : 0,
            s_negation.IsMatch(sentence) ? 1 : 0,
            s_anyModal.IsMatch(sentence) ? 1 : 0,
            s_upTo.IsMatch(sentence) ? 1 : 0,
            index == 0 ? 1 : 0,
            count <= 1 ? 0 : (double)index / (count - 1),
            Math.Min(Math.Max(distinct - 2, 0) / 3.0, 1.0),
            Math.Min(sentence.Length / 400.0, 1.5),
            firstKey == fromKey ? 1 : 0,
            firstKey == toKey ? 1 : 0,
        ];
    }

    /// <summary>
    /// Judges the relations a sentence added from <paramref name="first"/> on: each becomes a candidate with its
    /// features; with a sink every candidate is handed to it and kept, else those the acceptor rejects are removed.
    /// </summary>
    private static void JudgeCandidates(
        int first, HashSet<(RelationKind, string, string)> frameKeys, List<(RelationKind Kind, string From, string To, bool Passive)> structureReadings,
        int offset, string sentence, string skeleton, IReadOnlyList<ProseMention> mentions, IReadOnlyList<MoneyMention> money,
        string? filer, int index, int count, CompanyResolver resolver, RelationReaderOptions options, List<ProseRelation> relations)
    {
        var sink = CandidateSink;
        var acceptor = sink is null ? options.Acceptor ?? (AcceptorOn ? RelationAcceptor.Shipped : null) : null;
        if (sink is null && acceptor is null)
        {
            return;
        }

        for (var i = relations.Count - 1; i >= first; i--)
        {
            var r = relations[i];
            var key = (r.Kind, resolver.Resolve(r.From), resolver.Resolve(r.To));
            var reading = structureReadings.FirstOrDefault(s => (s.Kind, s.From, s.To) == key);
            var features = CandidateFeatures(
                r, frameKeys.Contains(key), reading.From is not null, reading.Passive, offset, sentence, skeleton, mentions, money, filer, index, count, resolver, options);
            var candidate = new RelationCandidate(r.Kind, r.From, r.To, r.Quote, features);
            if (sink is not null)
            {
                sink(candidate);
            }
            else if (!acceptor!.Accepts(candidate))
            {
                relations.RemoveAt(i);
            }
        }
    }
}
