-- DealLens schema, version 15: what analyze, batch and review need of each unchanged document, without its deal risk.
-- The scoring stage they run stores every concentration and cycle but only the deal risk of the documents it read
-- again (a deal's risk depends on its document alone), so for every other row it needs the graph facts and revenue
-- shares (ScoringJson: Core DocumentScoringFacts, FactsJson less its deal) and whether its deal is high-risk
-- (DealSeverity, counted in SQL). `risk`, `report` and `graph` still read FactsJson, which lists every deal.
-- Rows written before this version hold '' in both and are read again.
ALTER TABLE RiskFacts ADD COLUMN DealSeverity TEXT NOT NULL DEFAULT '';
ALTER TABLE RiskFacts ADD COLUMN ScoringJson TEXT NOT NULL DEFAULT '';
