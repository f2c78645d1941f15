-- DealLens schema, version 14, PostgreSQL dialect of ../0014_risk_fact_deal_severity.sql: the severity of each stored
-- document's deal risk in a column, counted without parsing every row's facts.
ALTER TABLE RiskFacts ADD COLUMN DealSeverity TEXT NOT NULL DEFAULT '';
