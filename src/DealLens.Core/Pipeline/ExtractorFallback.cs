namespace DealLens.Core.Pipeline;

/// <summary>
/// Recognises the warning a model-backed extractor records when it could not use the model for a document and read
/// it with the embedded extractor instead ("llm unavailable, used embedded extractor: ..."), so outputs can say per
/// document that a model was asked for and not used.
/// </summary>
public static class ExtractorFallback
{
    private const string Marker = ", used embedded ";

    public static bool IsFallbackWarning(string warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return warning.StartsWith("llm ", StringComparison.Ordinal) && warning.Contains(Marker, StringComparison.Ordinal);
    }

    /// <summary>The first fallback warning of <paramref name="analysis"/> (clauses before deal terms), or null when the model was used.</summary>
    public static string? ReasonIn(DocumentAnalysis? analysis)
        => analysis?.Warnings.FirstOrDefault(IsFallbackWarning);
}
