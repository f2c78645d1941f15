-- DealLens schema, version 13, PostgreSQL dialect of ../0013_risk_facts.sql: each current document's risk facts, what
-- the scoring stage assembles the money graph and the scores from, with the stamps that say when they still hold.
CREATE TABLE RiskFacts (
    DocumentId     BIGINT PRIMARY KEY REFERENCES Documents (Id) ON DELETE CASCADE,
    Sha256         TEXT   NOT NULL,
    AnalyzedAt     TEXT   NOT NULL,
    ReviewStamp    TEXT   NOT NULL,
    ReaderVersion  TEXT   NOT NULL,
    AliasStamp     TEXT   NOT NULL,
    FactsJson      TEXT   NOT NULL
);
