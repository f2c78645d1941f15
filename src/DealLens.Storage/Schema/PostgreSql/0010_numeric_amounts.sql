-- DealLens schema, version 10, PostgreSQL dialect of ../0010_numeric_amounts.sql: deal amounts, capacity and prepayment
-- share become numbers (DOUBLE PRECISION, as SQLite's REAL; see that file for why a double and not cents). PostgreSQL
-- changes a column's type in place.

ALTER TABLE DealTerms
    ALTER COLUMN Amount TYPE DOUBLE PRECISION USING Amount::double precision,
    ALTER COLUMN CapacityMw TYPE DOUBLE PRECISION USING CapacityMw::double precision,
    ALTER COLUMN PrepaymentPct TYPE DOUBLE PRECISION USING PrepaymentPct::double precision;

CREATE INDEX IX_DealTerms_Amount ON DealTerms (Amount);
