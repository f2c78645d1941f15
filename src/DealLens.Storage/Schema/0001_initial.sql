-- DealLens schema, version 1. Applied once by SchemaMigrator inside a transaction; never edit after release,
-- add 0002_*.sql instead.
--
-- Table and column names equal the C# property names so Dapper maps rows with no configuration.
-- Tables are STRICT so a wrong type is an error, not a silent conversion.
--
-- Timestamps are TEXT in the round-trip format ('O', UTC, e.g. 2025-01-02T03:04:05.0000000+00:00);
-- dates are TEXT yyyy-MM-dd. Both sort correctly as text.
--
-- Decimals (amounts, MW, percentages) are TEXT holding the invariant-culture decimal string: REAL is a double
-- and loses exactness (11900000000.5 and 0.1 are not representable), and INTEGER cents cannot hold fractional
-- megawatts or percentages. Cast to REAL in ad-hoc SQL when a rough sum is enough.

CREATE TABLE Runs (
    Id          INTEGER PRIMARY KEY,
    Command     TEXT    NOT NULL,
    StartedAt   TEXT    NOT NULL,
    FinishedAt  TEXT    NULL,
    Status      TEXT    NOT NULL,
    Analyzed    INTEGER NOT NULL DEFAULT 0,
    Unchanged   INTEGER NOT NULL DEFAULT 0,
    Failed      INTEGER NOT NULL DEFAULT 0
) STRICT;

-- What happened to each input of a run. Keyed by the run, not the document: a failed input has no document,
-- and re-analysing a document (which replaces its Documents row) must not erase the run history.
CREATE TABLE RunDocuments (
    Id          INTEGER PRIMARY KEY,
    RunId       INTEGER NOT NULL REFERENCES Runs (Id) ON DELETE CASCADE,
    SourcePath  TEXT    NOT NULL,
    Sha256      TEXT    NULL,
    Status      TEXT    NOT NULL,
    Error       TEXT    NULL
) STRICT;

CREATE INDEX IX_RunDocuments_RunId ON RunDocuments (RunId);

CREATE TABLE Documents (
    Id                INTEGER PRIMARY KEY,
    Sha256            TEXT    NOT NULL UNIQUE,
    SourcePath        TEXT    NOT NULL,
    Format            TEXT    NOT NULL,
    PageCount         INTEGER NOT NULL,
    Text              TEXT    NOT NULL,
    Extractor         TEXT    NOT NULL,
    AnalyzedAt        TEXT    NOT NULL,
    RunId             INTEGER NOT NULL REFERENCES Runs (Id),
    -- DocumentAnalysis.Warnings (text extraction + deal terms).
    WarningsJson      TEXT    NOT NULL,
    -- DocumentText.Warnings (text extraction only), kept apart so a load gives back the same DocumentText.
    TextWarningsJson  TEXT    NOT NULL
) STRICT;

CREATE TABLE Pages (
    DocumentId  INTEGER NOT NULL REFERENCES Documents (Id) ON DELETE CASCADE,
    Number      INTEGER NOT NULL,
    Start       INTEGER NOT NULL,
    Length      INTEGER NOT NULL,
    PRIMARY KEY (DocumentId, Number)
) STRICT;

CREATE TABLE Clauses (
    Id          TEXT    NOT NULL,
    DocumentId  INTEGER NOT NULL REFERENCES Documents (Id) ON DELETE CASCADE,
    Type        TEXT    NOT NULL,
    Text        TEXT    NOT NULL,
    Page        INTEGER NOT NULL,
    Start       INTEGER NOT NULL,
    "End"       INTEGER NOT NULL,
    Confidence  REAL    NOT NULL,
    Extractor   TEXT    NOT NULL,
    -- ClauseFields as snake_case JSON with nulls left out; '{}' when the clause carries none.
    FieldsJson  TEXT    NOT NULL,
    PRIMARY KEY (DocumentId, Id)
) STRICT;

CREATE INDEX IX_Clauses_Type ON Clauses (Type);

-- One row per document. The deal value (DealValue) is present exactly when Binding is not NULL.
CREATE TABLE DealTerms (
    DocumentId     INTEGER PRIMARY KEY REFERENCES Documents (Id) ON DELETE CASCADE,
    Provider       TEXT    NULL,
    Customer       TEXT    NULL,
    Amount         TEXT    NULL,
    Currency       TEXT    NULL,
    Binding        INTEGER NULL CHECK (Binding IN (0, 1)),
    Redacted       INTEGER NULL CHECK (Redacted IN (0, 1)),
    TermMonths     INTEGER NULL,
    EffectiveDate  TEXT    NULL,
    EndDate        TEXT    NULL,
    CapacityMw     TEXT    NULL,
    GpuCount       INTEGER NULL,
    ChipsJson      TEXT    NOT NULL,
    PrepaymentPct  TEXT    NULL,
    EvidenceJson   TEXT    NOT NULL,
    CHECK ((Binding IS NULL) = (Redacted IS NULL))
) STRICT;

-- DealTerms.Parties in order. Role is 'provider' or 'customer' when the deal names the party as such.
CREATE TABLE Parties (
    DocumentId  INTEGER NOT NULL REFERENCES Documents (Id) ON DELETE CASCADE,
    Position    INTEGER NOT NULL,
    Name        TEXT    NOT NULL,
    Role        TEXT    NULL CHECK (Role IN ('provider', 'customer')),
    PRIMARY KEY (DocumentId, Position)
) STRICT;

CREATE INDEX IX_Parties_Name ON Parties (Name);
