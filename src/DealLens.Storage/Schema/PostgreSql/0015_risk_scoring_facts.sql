-- DealLens schema, version 15, PostgreSQL dialect of ../0015_risk_scoring_facts.sql: each stored document's graph
-- facts and revenue shares without its deal risk (ScoringJson), and its deal's severity (DealSeverity), for the scoring
-- stage of analyze, batch and review.
ALTER TABLE RiskFacts ADD COLUMN DealSeverity TEXT NOT NULL DEFAULT '';
ALTER TABLE RiskFacts ADD COLUMN ScoringJson TEXT NOT NULL DEFAULT '';
