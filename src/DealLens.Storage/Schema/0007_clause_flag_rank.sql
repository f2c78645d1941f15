-- DealLens schema, version 7: each clause's review-flag severity stored with it, so `review list` ranks and cuts a
-- queue of 100,000 clauses from an index instead of judging every clause on every call.
--
-- FlagRank is Severity.Rank of ReviewFlagger.Default's flag of the clause as extracted (3 high, 2 medium, 1 low, 0 not
-- flagged); SqliteAnalysisStore writes it on every save. The UPDATE below fills it for clauses stored before this
-- version with the same rules: risk weight of the type, chip access only subject to availability, a redacted amount,
-- confidence under 0.5.

ALTER TABLE Clauses ADD COLUMN FlagRank INTEGER NOT NULL DEFAULT 0;

UPDATE Clauses SET FlagRank = max(
    CASE Type
        WHEN 'take_or_pay' THEN 3 WHEN 'minimum_commitment' THEN 3 WHEN 'uncapped_liability' THEN 3 WHEN 'backstop' THEN 3
        WHEN 'equity_investment' THEN 2 WHEN 'warrant' THEN 2 WHEN 'loan' THEN 2 WHEN 'sale_leaseback' THEN 2
        WHEN 'prepayment' THEN 2 WHEN 'liquidated_damages' THEN 2 WHEN 'termination_for_convenience' THEN 2
        ELSE 0 END,
    CASE WHEN Type = 'chip_access' AND FieldsJson ->> '$.access' = 'subject_to_availability' THEN 2 ELSE 0 END,
    CASE WHEN FieldsJson ->> '$.redacted' = 1 THEN 2 ELSE 0 END,
    CASE WHEN Confidence < 0.5 THEN 1 ELSE 0 END);

-- Covers the ranking of the queue (FlagRank, then document and position), so it reads no clause rows.
CREATE INDEX IX_Clauses_FlagRank ON Clauses (FlagRank, DocumentId, Start, Id);
