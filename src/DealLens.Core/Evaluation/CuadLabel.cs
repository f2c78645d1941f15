namespace DealLens.Core.Evaluation;

/// <summary>
/// The annotators' answer for one CUAD category of one contract. <see cref="Snippets"/> may contain the
/// <see cref="CuadLabels.OmittedMarker"/>; <see cref="Parts"/> splits them.
/// </summary>
public sealed record CuadLabel(bool Present, IReadOnlyList<string> Snippets, string Answer)
{
    /// <summary>Every snippet split at <c>&lt;omitted&gt;</c>, each part trimmed, empty parts dropped, in order.</summary>
    public IReadOnlyList<string> Parts() => [.. Snippets.SelectMany(CuadLabels.SplitSnippet)];
}
