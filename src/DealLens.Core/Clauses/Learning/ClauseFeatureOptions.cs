namespace DealLens.Core.Clauses.Learning;

/// <summary>How a span is turned into hashed features. Saved in the model so scoring featurises as training did.</summary>
public sealed record ClauseFeatureOptions
{
    /// <summary>
    /// The settings the shipped clause model is trained with, and what `deallens train` and `eval` use unless told
    /// otherwise: the defaults plus 128 token vector dimensions at norm 2 (chosen by cross-validation on the
    /// unlocked part of cuad-dev, confirmed once on the locked part; docs/representation.md). The record's own
    /// defaults stay without token vectors, so a model from before format 5 loads as it was trained.
    /// </summary>
    public static ClauseFeatureOptions Shipped { get; } = new() { TokenVectorDims = 128, TokenVectorWeight = 2f };

    /// <summary>Number of hash buckets is 2^HashBits.</summary>
    public int HashBits { get; init; } = 18;

    public bool Bigrams { get; init; } = true;

    public bool Trigrams { get; init; }

    /// <summary>Unigrams of the previous and next span, weighted by <see cref="ContextWeight"/>.</summary>
    public bool Context { get; init; } = true;

    /// <summary>Words of the nearest heading above the span ("Assignment", "Term and Termination").</summary>
    public bool Headings { get; init; } = true;

    public float ContextWeight { get; init; } = 0.5f;

    public float HeadingWeight { get; init; } = 1f;

    /// <summary>
    /// Stacking: each rule that matches a span (and each type with a matching rule on it or its neighbours) is a
    /// feature, so the model learns which hand-written rules to trust.
    /// </summary>
    public bool RuleFeatures { get; init; } = true;

    /// <summary>Value of a rule feature; rule features are not length-normalised.</summary>
    public float RuleWeight { get; init; } = 1f;

    /// <summary>Only the first this-many words of a span are featurised; the rest add little and cost time.</summary>
    public int MaxSpanWords { get; init; } = 256;

    /// <summary>
    /// Dimensions of the static token vectors (<see cref="TokenVectors"/>) averaged over the span's words and
    /// appended as dense features; 0 = none. At most the table's dimensions (PCA order: the first are the strongest).
    /// </summary>
    public int TokenVectorDims { get; init; }

    /// <summary>L2 norm of the appended span vector (the hashed part has norm 1).</summary>
    public float TokenVectorWeight { get; init; } = 1f;

    /// <summary>Also append the mean token vector of the nearest heading above the span (a second block).</summary>
    public bool TokenVectorHeading { get; init; }

    /// <summary>Dense features after the 2^HashBits hashed buckets.</summary>
    public int DenseCount => TokenVectorDims * (TokenVectorHeading ? 2 : 1);
}
