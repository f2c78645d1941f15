-- DealLens schema, version 2: stored results of `deallens eval`, so extractors, models and prompts can be
-- compared over time. ReportJson holds the full per-category report; the headline numbers are columns.

CREATE TABLE EvalRuns (
    Id                   INTEGER PRIMARY KEY,
    RanAt                TEXT    NOT NULL,
    Extractor            TEXT    NOT NULL,
    ModelVersion         TEXT    NULL,
    PromptVersion        TEXT    NULL,
    Labels               TEXT    NOT NULL,
    CrossValidated       INTEGER NOT NULL CHECK (CrossValidated IN (0, 1)),
    Documents            INTEGER NOT NULL,
    FailedDocuments      INTEGER NOT NULL,
    MacroF1Core          REAL    NOT NULL,
    MinimumCommitmentF1  REAL    NOT NULL,
    ClausePrecisionCore  REAL    NOT NULL,
    Grounding            REAL    NOT NULL,
    ReportJson           TEXT    NOT NULL
) STRICT;
