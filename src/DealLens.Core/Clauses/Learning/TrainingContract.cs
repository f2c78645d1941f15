using DealLens.Core.Documents;

namespace DealLens.Core.Clauses.Learning;

/// <summary>
/// One labelled contract for training. <see cref="Snippets"/> maps a DealLens clause type to the clause texts
/// annotators marked (a snippet may contain "&lt;omitted&gt;" where a middle part was cut out); a type with no
/// snippets, or missing, is a negative for the whole contract. <see cref="Group"/> keeps related contracts
/// (pieces of one filing, restated agreements) in the same cross-validation fold.
/// </summary>
public sealed record TrainingContract(
    string Id,
    DocumentText Document,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Snippets,
    string? Group = null);
