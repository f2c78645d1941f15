using DealLens.Core.Documents;

namespace DealLens.Core.Clauses;

/// <summary>Finds clauses in a document. Every clause it returns must be a verbatim quote at its offsets.</summary>
public interface IClauseExtractor
{
    /// <summary>Name recorded on every clause this extractor finds ("rules", "llm").</summary>
    string Name { get; }

    Task<IReadOnlyList<Clause>> ExtractAsync(DocumentText document, CancellationToken cancellationToken);
}
