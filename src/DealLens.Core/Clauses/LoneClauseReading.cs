namespace DealLens.Core.Clauses;

/// <summary>How one clause type decides in a contract, as far as reading a lone clause needs it.</summary>
/// <param name="Veto">The type's decision in a contract needs a rule of the type and the model's agreement (cross-validation chose the model's veto over its rules).</param>
/// <param name="Threshold">The model's own threshold for the type (the model alone reports a span at or above it).</param>
/// <param name="ModeThreshold">The probability threshold that goes with the type's decision mode (for a veto: what the model must give a ruled span).</param>
public readonly record struct LoneTypeDecision(bool Veto, double Threshold, double ModeThreshold);

/// <summary>One type's evidence on one span of a lone clause.</summary>
/// <param name="Probability">The model's calibrated probability of the type.</param>
/// <param name="RuleHit">A rule of the type matched the span.</param>
/// <param name="LongEnough">The span has at least <see cref="EmbeddedClauseExtractorOptions.MinWords"/> words.</param>
/// <param name="Usual">The type's usual (contract) decision reports the span.</param>
public readonly record struct LoneSpanEvidence(double Probability, bool RuleHit, bool LongEnough, bool Usual);

/// <summary>
/// The lone-clause path: in a document of at most <see cref="EmbeddedClauseExtractorOptions.ShortDocumentSpans"/>
/// spans (a clause pasted alone), which spans each type also reports besides its usual decision. A lone clause has no
/// neighbours, heading or position for the model to read, so the model's threshold is scaled and a rule of the type
/// may be enough; the settings below keep that from adding readings the product's own clauses cannot afford.
/// </summary>
public static class LoneClauseReading
{
    /// <summary>
    /// The settings <c>deallens eval --cross-validate --single-clauses --compare-short-documents</c> scores after the
    /// one given on the command line, fixed before they were first run (docs/single-clauses.md): off, the rule/model
    /// union at half the threshold as first measured, and that path with the mode threshold scaled, misses filled
    /// only, one reading per span, the veto kept, in combinations.
    /// </summary>
    public static IReadOnlyList<EmbeddedClauseExtractorOptions> Grid { get; } =
    [
        new() { ShortDocumentSpans = 0 },
        Lone(0.5),
        Lone(0.5) with { ShortDocumentFillsMisses = true },
        Lone(0.5) with { ShortDocumentFillsMisses = true, ShortDocumentOneReading = true },
        Lone(0.5) with { ShortDocumentScalesModeThreshold = true },
        Lone(0.5) with { ShortDocumentScalesModeThreshold = true, ShortDocumentFillsMisses = true },
        Lone(0.5) with { ShortDocumentScalesModeThreshold = true, ShortDocumentFillsMisses = true, ShortDocumentOneReading = true },
        Lone(0.25) with { ShortDocumentScalesModeThreshold = true, ShortDocumentFillsMisses = true, ShortDocumentOneReading = true },
        Lone(0.5) with { ShortDocumentScalesModeThreshold = true, ShortDocumentKeepsVeto = true, ShortDocumentFillsMisses = true, ShortDocumentOneReading = true },
    ];

    private static EmbeddedClauseExtractorOptions Lone(double factor)
        => new()
        {
            ShortDocumentSpans = 8,
            ShortDocumentRules = true,
            ShortDocumentThresholdFactor = factor,
            ShortDocumentScalesModeThreshold = false,
            ShortDocumentKeepsVeto = false,
            ShortDocumentFillsMisses = false,
            ShortDocumentOneReading = false,
        };

    /// <summary>The short-document settings of <paramref name="options"/> in words, for eval's lines.</summary>
    public static string Describe(EmbeddedClauseExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ShortDocumentSpans == 0)
        {
            return "short documents off";
        }

        var extras = (options.ShortDocumentScalesModeThreshold ? ", mode threshold" : "")
            + (options.ShortDocumentKeepsVeto ? ", veto kept" : "")
            + (options.ShortDocumentFillsMisses ? ", misses only" : "")
            + (options.ShortDocumentOneReading ? ", one reading" : "");
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"short documents <= {options.ShortDocumentSpans} spans (rules {(options.ShortDocumentRules ? "on" : "off")}, threshold x{options.ShortDocumentThresholdFactor:0.##}{extras})");
    }

    /// <summary>
    /// Whether the lone path alone reports a span as a type (its usual decision aside): for a type whose decision is
    /// a veto and <see cref="EmbeddedClauseExtractorOptions.ShortDocumentKeepsVeto"/>, a rule of the type still needs
    /// the model's agreement (at the scaled threshold of its mode); otherwise a rule is enough (when
    /// <see cref="EmbeddedClauseExtractorOptions.ShortDocumentRules"/>) or the model at the scaled threshold.
    /// </summary>
    public static bool Selects(LoneTypeDecision type, LoneSpanEvidence span, EmbeddedClauseExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var factor = options.ShortDocumentThresholdFactor;
        if (options.ShortDocumentKeepsVeto && type.Veto)
        {
            return span.RuleHit && span.Probability >= type.ModeThreshold * factor;
        }

        var modelBar = options.ShortDocumentScalesModeThreshold && !type.Veto ? type.ModeThreshold : type.Threshold;
        return (options.ShortDocumentRules && span.RuleHit) || (span.LongEnough && span.Probability >= modelBar * factor);
    }

    /// <summary>
    /// The spans the lone path reports, per type (<c>[type][span]</c>, true = report it besides the usual decision).
    /// <paramref name="evidence"/> is indexed <c>[type][span]</c>; <paramref name="canBind"/> says per span whether its
    /// grammar can bind a party (an instruction or a description never gets a lone reading); <paramref name="read"/>
    /// says per span whether a clause the model does not score (a rule-only type) was already reported over it.
    /// With <see cref="EmbeddedClauseExtractorOptions.ShortDocumentFillsMisses"/> the path reads only spans no type's
    /// usual decision reported: it fills misses, it does not add a second, broader reading to a span already read.
    /// With <see cref="EmbeddedClauseExtractorOptions.ShortDocumentOneReading"/> a span gets one lone reading at most:
    /// the type whose probability stands highest over its own threshold.
    /// </summary>
    public static bool[][] Select(
        IReadOnlyList<LoneTypeDecision> types,
        IReadOnlyList<IReadOnlyList<LoneSpanEvidence>> evidence,
        IReadOnlyList<bool> canBind,
        IReadOnlyList<bool> read,
        EmbeddedClauseExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(canBind);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(options);
        if (evidence.Count != types.Count)
        {
            throw new ArgumentException("One row of evidence per type is needed.", nameof(evidence));
        }

        var spans = canBind.Count;
        if (read.Count != spans || evidence.Any(row => row.Count != spans))
        {
            throw new ArgumentException("Evidence, canBind and read must cover the same spans.", nameof(evidence));
        }

        var selected = new bool[types.Count][];
        for (var t = 0; t < types.Count; t++)
        {
            selected[t] = new bool[spans];
        }

        for (var s = 0; s < spans; s++)
        {
            if (!canBind[s] || (options.ShortDocumentFillsMisses && (read[s] || Enumerable.Range(0, types.Count).Any(t => evidence[t][s].Usual))))
            {
                continue;
            }

            var best = -1;
            var bestStrength = double.NegativeInfinity;
            for (var t = 0; t < types.Count; t++)
            {
                var span = evidence[t][s];
                if (span.Usual || !Selects(types[t], span, options))
                {
                    continue;
                }

                selected[t][s] = true;
                var strength = span.Probability / Math.Max(types[t].Threshold, 1e-6);
                if (strength > bestStrength)
                {
                    best = t;
                    bestStrength = strength;
                }
            }

            if (options.ShortDocumentOneReading && best >= 0)
            {
                for (var t = 0; t < types.Count; t++)
                {
                    selected[t][s] = t == best;
                }
            }
        }

        return selected;
    }
}
