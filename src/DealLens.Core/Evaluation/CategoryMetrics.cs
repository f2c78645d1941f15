namespace DealLens.Core.Evaluation;

/// <summary>
/// Scores of one CUAD category over all evaluated documents. Every ratio is 0 when its denominator is 0 (no
/// predictions means precision 0, no gold means recall 0, P+R = 0 means F1 0), so the counts are kept beside them.
/// </summary>
/// <param name="Category">The CUAD category name.</param>
/// <param name="IsCore">One of <see cref="CuadCategories.Core"/>.</param>
/// <param name="Documents">Documents evaluated.</param>
/// <param name="GoldPositiveDocuments">Documents whose label has <c>present</c> true.</param>
/// <param name="PredictedPositiveDocuments">Documents with at least one predicted clause of a type mapped to this category.</param>
/// <param name="TruePositives">Documents gold- and predicted-positive.</param>
/// <param name="FalsePositives">Documents predicted- but not gold-positive.</param>
/// <param name="FalseNegatives">Documents gold- but not predicted-positive.</param>
/// <param name="Precision">Document level: TP / (TP + FP).</param>
/// <param name="Recall">Document level: TP / (TP + FN).</param>
/// <param name="F1">Document level: 2PR / (P + R).</param>
/// <param name="SnippetParts">Gold snippet parts (split at &lt;omitted&gt;) that have at least one word.</param>
/// <param name="SnippetPartsFound">Parts of which one predicted clause covers at least half of the words.</param>
/// <param name="SnippetRecall">SnippetPartsFound / SnippetParts.</param>
/// <param name="PredictedClauses">Predicted clauses of a type mapped to this category.</param>
/// <param name="CorrectClauses">Predicted clauses of which at least half of the words lie in one gold part of this category.</param>
/// <param name="ClausePrecision">CorrectClauses / PredictedClauses.</param>
/// <param name="HighConfidenceClauses">Predicted clauses with confidence at or above the evaluator's threshold.</param>
/// <param name="HighConfidenceCorrectClauses">Of those, the correct ones.</param>
/// <param name="GroundedClauses">Predicted clauses whose text equals the document text at their offsets.</param>
public sealed record CategoryMetrics(
    string Category,
    bool IsCore,
    int Documents,
    int GoldPositiveDocuments,
    int PredictedPositiveDocuments,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives,
    double Precision,
    double Recall,
    double F1,
    int SnippetParts,
    int SnippetPartsFound,
    double SnippetRecall,
    int PredictedClauses,
    int CorrectClauses,
    double ClausePrecision,
    int HighConfidenceClauses,
    int HighConfidenceCorrectClauses,
    int GroundedClauses);
