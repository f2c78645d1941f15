namespace DealLens.Core.Clauses.Rules;

/// <summary>
/// One way of recognising a clause of <see cref="Type"/> in a clause-sized span of text.
/// </summary>
/// <remarks>
/// A span matches when it contains at least one of <see cref="Keywords"/> (a cheap, case-insensitive
/// substring check that keeps the regexes off most spans), every one of <see cref="Patterns"/> matches and
/// none of <see cref="Exclusions"/> does. Patterns are .NET regexes, matched case-insensitively; a plain
/// space in a pattern stands for any run of white space and <c>" ?"</c> for optional white space, so wording
/// broken across lines by PDF extraction still matches.
/// </remarks>
/// <param name="Type">The clause type this rule finds, one of <see cref="ClauseTypes"/>.</param>
/// <param name="Name">A short name for diagnostics and tests, unique within a rule set.</param>
/// <param name="Confidence">How often a span this rule matches really is such a clause, in [0, 1].</param>
/// <param name="Patterns">Regexes that must all match.</param>
public sealed record ClauseRule(string Type, string Name, double Confidence, IReadOnlyList<string> Patterns)
{
    /// <summary>Substrings of which the span must contain at least one; empty means no prefilter.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Regexes of which none may match (hard negatives such as "subject to availability").</summary>
    public IReadOnlyList<string> Exclusions { get; init; } = [];

    /// <summary>
    /// The span must be able to bind a party (<see cref="ObligationReader.CanBind"/>): never an instruction to the
    /// reader or talk about a commitment. Set for every rule of a type whose catalog entry says <c>requires: obligation</c>.
    /// </summary>
    public bool RequiresObligation { get; init; }

    /// <summary>
    /// The rule reads lone clauses only (catalog <c>scope: lone</c>): it is not in <see cref="ClauseRuleSet.Default"/>,
    /// so it is no feature of the model and no evidence in a contract, and not part of the model's rule fingerprint;
    /// the embedded extractor adds its matches only in a document read as a lone clause
    /// (<see cref="EmbeddedClauseExtractorOptions.ShortDocumentSpans"/>), through <see cref="ClauseRuleSet.Lone"/>.
    /// </summary>
    public bool LoneOnly { get; init; }
}
