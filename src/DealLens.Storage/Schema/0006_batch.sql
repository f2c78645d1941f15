-- DealLens schema, version 6: scheduled batch runs (`deallens batch`).
--
-- A batch run is a Runs row (Command 'batch') with its RunDocuments, like analyze. These tables add what must
-- outlive a run: which filings and files were seen, and what became of each, so that the next run picks up exactly
-- what is new or unfinished. Each document's outcome (its analysis, its BatchItems row and its RunDocuments row) is
-- committed in one transaction, so a run killed at any point leaves every document either done or still to do.

-- Filings seen in a feed, by accession number. 'listed': the filing index was read and its documents are in
-- BatchItems; the index is never fetched again. 'quarantined': the index could not be read (LastError says why);
-- retried by later runs while Attempts <= 1 + the run's --max-retries.
CREATE TABLE BatchFilings (
    AccessionNumber  TEXT    NOT NULL PRIMARY KEY,
    Cik              TEXT    NULL,
    Company          TEXT    NULL,
    FormType         TEXT    NOT NULL,
    IndexUrl         TEXT    NOT NULL,
    Status           TEXT    NOT NULL CHECK (Status IN ('listed', 'quarantined')),
    Attempts         INTEGER NOT NULL DEFAULT 0,
    LastError        TEXT    NULL,
    FirstSeenAt      TEXT    NOT NULL,
    UpdatedAt        TEXT    NOT NULL,
    LastRunId        INTEGER NULL REFERENCES Runs (Id)
) STRICT;

-- One row per document a batch has to handle. SourceKey: the full path of an inbox file, or the URL of a filing
-- document. 'pending': to do. 'done': analysed, or its content was already stored (Sha256 is what was seen).
-- 'quarantined': failed (LastError says why); retried by later runs while Attempts <= 1 + --max-retries. An inbox
-- file whose content changes goes back to 'pending' with Attempts 0.
CREATE TABLE BatchItems (
    Id               INTEGER PRIMARY KEY,
    Source           TEXT    NOT NULL CHECK (Source IN ('inbox', 'feed')),
    SourceKey        TEXT    NOT NULL UNIQUE,
    AccessionNumber  TEXT    NULL REFERENCES BatchFilings (AccessionNumber),
    -- Feed documents: the EDGAR document type (EX-10.1, 8-K, ...). NULL for inbox files.
    DocumentType     TEXT    NULL,
    -- Inbox: the file itself. Feed: the file in the downloads folder (written whole, then renamed into place).
    LocalPath        TEXT    NOT NULL,
    Sha256           TEXT    NULL,
    Status           TEXT    NOT NULL CHECK (Status IN ('pending', 'done', 'quarantined')),
    Attempts         INTEGER NOT NULL DEFAULT 0,
    LastError        TEXT    NULL,
    FirstSeenAt      TEXT    NOT NULL,
    UpdatedAt        TEXT    NOT NULL,
    LastRunId        INTEGER NULL REFERENCES Runs (Id)
) STRICT;

CREATE INDEX IX_BatchItems_Status ON BatchItems (Status, Id);

-- The full summary of each batch run (counts, quarantined documents, new high-severity flags) as printed by --json.
CREATE TABLE BatchRuns (
    RunId        INTEGER NOT NULL PRIMARY KEY REFERENCES Runs (Id) ON DELETE CASCADE,
    SummaryJson  TEXT    NOT NULL
) STRICT;
