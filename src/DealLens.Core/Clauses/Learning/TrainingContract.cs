using DealLens.Core.Documents;
using DealLens.Core.Evaluation;

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
    string? Group = null)
{
    /// <summary>
    /// A training contract from CUAD labels and the text DealLens extracted from the contract's file: each mapped
    /// category's snippets under its primary clause type, grouped by file stem without trailing digits, so the pieces
    /// of one filing ("...Agreement1.pdf", "...Agreement2.pdf") share a fold.
    /// </summary>
    public static TrainingContract FromCuad(CuadContract gold, DocumentText document)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(document);
        var snippets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var category in CuadCategories.Mapped)
        {
            if (gold.Labels.TryGetValue(category, out var label))
            {
                snippets[CuadCategories.PrimaryClauseType(category)] = label.Snippets;
            }
        }

        return new TrainingContract(gold.Id, document, snippets, GroupOf(gold.File));
    }

    internal static string GroupOf(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file.Replace('\\', '/').Trim()).Trim();
        return stem.TrimEnd("0123456789".ToCharArray());
    }
}
