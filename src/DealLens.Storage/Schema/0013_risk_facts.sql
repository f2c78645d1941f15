-- DealLens schema, version 13: scoring as a stage. Each current document's risk facts (Core DocumentRiskFacts: the
-- relations its clauses and prose state, its parties' keys, its deal risk and disclosed revenue shares) are stored
-- when it is scored, so the money graph and the scores are assembled from these rows, not re-read from every
-- document's text. A row holds while its stamps match: the document's AnalyzedAt, its review decisions
-- (ReviewStamp = count and summed versions of its clause and deal-terms review items), the build of the readers
-- (ReaderVersion) and the alias table (AliasStamp); otherwise the document is read again. Removing or re-analysing
-- a document deletes its row (ON DELETE CASCADE).
CREATE TABLE RiskFacts (
    DocumentId     INTEGER PRIMARY KEY REFERENCES Documents (Id) ON DELETE CASCADE,
    Sha256         TEXT    NOT NULL,
    AnalyzedAt     TEXT    NOT NULL,
    ReviewStamp    TEXT    NOT NULL,
    ReaderVersion  TEXT    NOT NULL,
    AliasStamp     TEXT    NOT NULL,
    FactsJson      TEXT    NOT NULL
) STRICT;
