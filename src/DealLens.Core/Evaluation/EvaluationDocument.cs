using DealLens.Core.Clauses;

namespace DealLens.Core.Evaluation;

/// <summary>One contract to score: its CUAD labels, the text DealLens extracted, and the clauses predicted on that text.</summary>
public sealed record EvaluationDocument(CuadContract Gold, string DocumentText, IReadOnlyList<Clause> Predicted);
