namespace DealLens.Core.Evaluation;

/// <summary>One contract of the CUAD labels file: its id, PDF (relative to the data folder), type and labels by CUAD category.</summary>
public sealed record CuadContract(string Id, string File, string Type, IReadOnlyDictionary<string, CuadLabel> Labels);
