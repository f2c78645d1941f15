using DealLens.Core.Documents;

namespace DealLens.Core.Clauses;

/// <summary>The embedded offline extractor: no network, no key.</summary>
public sealed class RuleBasedClauseExtractor : IClauseExtractor
{
    public string Name => "rules";

    public IReadOnlyList<Clause> Extract(DocumentText document)
    {
        ArgumentNullException.ThrowIfNull(document);
        // Placeholder until the rule set lands.
        return [];
    }

    public Task<IReadOnlyList<Clause>> ExtractAsync(DocumentText document, CancellationToken cancellationToken)
        => Task.FromResult(Extract(document));
}
