-- DealLens schema, version 7, PostgreSQL dialect of ../0007_clause_flag_rank.sql: each clause's review-flag severity
-- stored with it. SQLite's scalar max() is GREATEST here, and its JSON path '$.key' the jsonb operator ->> 'key'
-- (a JSON true reads 'true', where SQLite reads 1).

ALTER TABLE Clauses ADD COLUMN FlagRank BIGINT NOT NULL DEFAULT 0;

UPDATE Clauses SET FlagRank = GREATEST(
    CASE Type
        WHEN 'take_or_pay' THEN 3 WHEN 'minimum_commitment' THEN 3 WHEN 'uncapped_liability' THEN 3 WHEN 'backstop' THEN 3
        WHEN 'equity_investment' THEN 2 WHEN 'warrant' THEN 2 WHEN 'loan' THEN 2 WHEN 'sale_leaseback' THEN 2
        WHEN 'prepayment' THEN 2 WHEN 'liquidated_damages' THEN 2 WHEN 'termination_for_convenience' THEN 2
        ELSE 0 END,
    CASE WHEN Type = 'chip_access' AND FieldsJson::jsonb ->> 'access' = 'subject_to_availability' THEN 2 ELSE 0 END,
    CASE WHEN FieldsJson::jsonb ->> 'redacted' IN ('true', '1') THEN 2 ELSE 0 END,
    CASE WHEN Confidence < 0.5 THEN 1 ELSE 0 END);

CREATE INDEX IX_Clauses_FlagRank ON Clauses (FlagRank, DocumentId, Start, Id);
