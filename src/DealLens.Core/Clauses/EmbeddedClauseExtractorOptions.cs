namespace DealLens.Core.Clauses;

/// <summary>Settings for <see cref="EmbeddedClauseExtractor"/>: how model-scored spans become clauses.</summary>
public sealed record EmbeddedClauseExtractorOptions
{
    /// <summary>Spans with fewer words ("(a) [***]", a bare heading) are never reported by the model.</summary>
    public int MinWords { get; init; } = 4;

    /// <summary>
    /// A reported span grows over neighbouring spans whose probability is at least this share of the type's
    /// threshold: gold clauses often run over several sentences. On CUAD cross-validation 0.8 rather than 0.5
    /// raises clause precision (core 12 pooled, mean of three seeds, 0.606 to 0.619) for a little snippet
    /// recall (0.653 to 0.645; Minimum Commitment 0.712 to 0.711).
    /// </summary>
    public double MergeFactor { get; init; } = 0.8;

    /// <summary>
    /// A reported span also grows over the rest of its sentence (neighbours the segmenter cut off at a semicolon:
    /// list items of one sentence, "; provided that ..."), whatever their score: gold clauses are whole sentences
    /// more often than half ones. On CUAD cross-validation this finds more Minimum Commitment snippets (0.543 to
    /// 0.566) for a little clause precision (core 12 pooled 0.634 to 0.623) and leaves document-level F1 unchanged.
    /// </summary>
    public bool CompleteSentences { get; init; } = true;

    /// <summary>A reported span also grows over neighbouring spans that a rule of the same type matched (off: on CUAD it costs more clause precision than it adds snippet recall).</summary>
    public bool MergeRuleMatches { get; init; }

    /// <summary>Merged clauses stay clause-sized: never longer than this many characters.</summary>
    public int MaxClauseLength { get; init; } = 1500;

    /// <summary>
    /// A document of at most this many spans (a clause pasted alone, a short letter) is read as a lone clause (0 =
    /// never): besides the type's usual decision, a span is also reported by <see cref="LoneClauseReading"/> under
    /// <see cref="ShortDocumentRules"/>, <see cref="ShortDocumentThresholdFactor"/> and the switches below. Contracts
    /// have hundreds of spans, so this never changes them. The defaults were chosen on cross-validation of single CUAD
    /// clauses among a grid fixed in advance, with the product's one-sentence commitments as a precision check
    /// (docs/single-clauses.md).
    /// </summary>
    public int ShortDocumentSpans { get; init; } = 8;

    /// <summary>In a short document, a rule of the type matching a span reports it whatever the model says.</summary>
    public bool ShortDocumentRules { get; init; } = true;

    /// <summary>
    /// In a short document, these rules count as rules of their types besides the model's own (issue 19: the catalog's
    /// <c>scope: lone</c> rules, written as structure over named word lists). They are not model features and never
    /// read a contract, so the model and every contract figure are untouched by them. Null = none.
    /// </summary>
    public Rules.ClauseRuleSet? ShortDocumentLoneRules { get; init; } = Rules.ClauseRuleSet.Lone;

    /// <summary>In a short document, the model alone reports a span at this share of the type's threshold (1 = as in a contract).</summary>
    public double ShortDocumentThresholdFactor { get; init; } = 0.5;

    /// <summary>
    /// In a short document, a type whose decision mode is a veto (cross-validation chose to let its model overrule its
    /// rules) keeps the veto: a rule alone is not enough, only the threshold is scaled (<see cref="LoneClauseReading"/>).
    /// </summary>
    public bool ShortDocumentKeepsVeto { get; init; }

    /// <summary>
    /// In a short document, the model alone reports a span at <see cref="ShortDocumentThresholdFactor"/> times the
    /// threshold its type's decision gives the model alone in a contract (the mode threshold of a union or model-only
    /// type), rather than times the model-only threshold calibration found before the mode was chosen. A union type
    /// such as minimum_commitment has its rules for recall and a raised model bar (0.35 against 0.11 in the shipped
    /// model): scaling the lower bar let a lone sentence through at a sixth of the bar contracts use. A veto type's
    /// model never reports alone in a contract, so its lone bar stays the model-only threshold.
    /// </summary>
    public bool ShortDocumentScalesModeThreshold { get; init; } = true;

    /// <summary>In a short document, the lone path reads only spans no type's usual decision reported (it fills misses, it adds no second reading).</summary>
    public bool ShortDocumentFillsMisses { get; init; } = true;

    /// <summary>
    /// Diagnostic only (never a product setting): no rule matches anywhere, as on a text whose wording no rule knows.
    /// The model then scores every span without rule features, and no decision sees a rule hit; cross-validated with
    /// it, the figure says how much of the model stands without the rules (docs/representation.md).
    /// </summary>
    public bool RulesSilent { get; init; }

    /// <summary>In a short document, a span gets at most one lone reading: the type whose probability stands highest over its threshold.</summary>
    public bool ShortDocumentOneReading { get; init; }
}
