-- DealLens schema, version 14: the severity of each stored document's deal risk in a column of RiskFacts, so the
-- scoring stage run by analyze, batch and review counts the store's high-risk deals without parsing every row's
-- FactsJson (it parses only the graph part of each row, and the deal risk of the documents it read again). Rows
-- written before this version hold '' and are read again with the next build of the readers.
ALTER TABLE RiskFacts ADD COLUMN DealSeverity TEXT NOT NULL DEFAULT '';
