using DealLens.Core.Documents;

namespace DealLens.Core.Deals;

/// <summary>Reads the headline deal terms (parties, value, term, capacity, chips) from a document's text.</summary>
public sealed class DealTermsExtractor
{
    public DealTermsResult Extract(DocumentText document)
    {
        ArgumentNullException.ThrowIfNull(document);
        // Placeholder until the rule set lands.
        return new DealTermsResult(DealTerms.Empty, []);
    }
}
