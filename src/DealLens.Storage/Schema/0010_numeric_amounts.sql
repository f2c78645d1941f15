-- DealLens schema, version 10: deal amounts, capacity and prepayment share are numbers, so `ORDER BY Amount` (and sums,
-- and comparisons) in sqlite3 work numerically; version 1 held them as decimal text, which sorts "9" after "10".
--
-- REAL, not integer cents: a column a reader can query as it is ("Amount > 1e9") beats exact cents nobody reads, and
-- REAL is exact enough here. A double holds 15-17 significant digits; DealLens reads the value back through its
-- shortest round-trip text (StorageFormat.Number), which gives back exactly any amount with at most two decimals below
-- 2^52 / 100 (about $45 trillion: above the $10 trillion the deal readers accept), because two different cent values
-- that far down never share a double. MW and percentages have few digits and round-trip the same way.
--
-- STRICT columns cannot change type in place, so the table is rebuilt and its rows copied, text cast to REAL.

CREATE TABLE DealTerms_v10 (
    DocumentId     INTEGER PRIMARY KEY REFERENCES Documents (Id) ON DELETE CASCADE,
    Provider       TEXT    NULL,
    Customer       TEXT    NULL,
    Amount         REAL    NULL,
    Currency       TEXT    NULL,
    Binding        INTEGER NULL CHECK (Binding IN (0, 1)),
    Redacted       INTEGER NULL CHECK (Redacted IN (0, 1)),
    TermMonths     INTEGER NULL,
    EffectiveDate  TEXT    NULL,
    EndDate        TEXT    NULL,
    CapacityMw     REAL    NULL,
    GpuCount       INTEGER NULL,
    ChipsJson      TEXT    NOT NULL,
    PrepaymentPct  REAL    NULL,
    EvidenceJson   TEXT    NOT NULL,
    CHECK ((Binding IS NULL) = (Redacted IS NULL))
) STRICT;

INSERT INTO DealTerms_v10 (DocumentId, Provider, Customer, Amount, Currency, Binding, Redacted, TermMonths, EffectiveDate,
                           EndDate, CapacityMw, GpuCount, ChipsJson, PrepaymentPct, EvidenceJson)
SELECT DocumentId, Provider, Customer, CAST(Amount AS REAL), Currency, Binding, Redacted, TermMonths, EffectiveDate,
       EndDate, CAST(CapacityMw AS REAL), GpuCount, ChipsJson, CAST(PrepaymentPct AS REAL), EvidenceJson
FROM DealTerms;

DROP TABLE DealTerms;
ALTER TABLE DealTerms_v10 RENAME TO DealTerms;

CREATE INDEX IX_DealTerms_Amount ON DealTerms (Amount);
