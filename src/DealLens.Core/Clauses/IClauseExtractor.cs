using DealLens.Core.Documents;

namespace DealLens.Core.Clauses;

/// <summary>Finds clauses in a document. Every clause it returns must be a verbatim quote at its offsets.</summary>
public interface IClauseExtractor
{
    /// <summary>Name recorded on every clause this extractor finds ("rules", "llm").</summary>
    string Name { get; }

    Task<IReadOnlyList<Clause>> ExtractAsync(DocumentText document, CancellationToken cancellationToken);

    /// <summary>
    /// The clauses plus warnings about how they were found (an LLM extractor that fell back to the embedded one says
    /// so here). Extractors that have nothing to report keep this default.
    /// </summary>
    async Task<ClauseExtraction> ExtractWithWarningsAsync(DocumentText document, CancellationToken cancellationToken)
        => new(await ExtractAsync(document, cancellationToken), []);
}

/// <summary>What <see cref="IClauseExtractor.ExtractWithWarningsAsync"/> found, and what the document should be warned about.</summary>
public sealed record ClauseExtraction(IReadOnlyList<Clause> Clauses, IReadOnlyList<string> Warnings);
