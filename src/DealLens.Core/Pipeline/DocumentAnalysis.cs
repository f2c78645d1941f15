using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;

namespace DealLens.Core.Pipeline;

/// <summary>Everything DealLens learned from one document: its text, clauses, deal terms and who is speaking.</summary>
public sealed record DocumentAnalysis(
    string SourcePath,
    string Sha256,
    DocumentText Document,
    IReadOnlyList<Clause> Clauses,
    DealTerms Deal,
    IReadOnlyList<string> Warnings,
    string Extractor)
{
    /// <summary>Who is speaking: the document's kind and its filer (see <see cref="DocumentOriginReader"/>).</summary>
    public DocumentOrigin Origin { get; init; } = DocumentOrigin.Unknown;
}
