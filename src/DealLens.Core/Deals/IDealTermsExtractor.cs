using DealLens.Core.Documents;

namespace DealLens.Core.Deals;

/// <summary>The deal-terms stage of the pipeline: the embedded rules, or a model grounded by them.</summary>
public interface IDealTermsExtractor
{
    Task<DealTermsResult> ExtractAsync(DocumentText document, CancellationToken cancellationToken);
}
