namespace DealLens.Storage;

/// <summary>One stored `deallens eval` result: what was measured with what, and the headline numbers.</summary>
public sealed record EvalRun(
    long Id,
    DateTimeOffset RanAt,
    string Extractor,
    string? ModelVersion,
    string? PromptVersion,
    string Labels,
    bool CrossValidated,
    int Documents,
    int FailedDocuments,
    double MacroF1Core,
    double MinimumCommitmentF1,
    double ClausePrecisionCore,
    double Grounding,
    string ReportJson);
