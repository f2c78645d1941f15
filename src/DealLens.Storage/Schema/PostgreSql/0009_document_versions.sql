-- DealLens schema, version 9, PostgreSQL dialect of ../0009_document_versions.sql: document versions (SupersededBy,
-- SupersededAt), and the review flag no longer raised by low confidence alone on a type that feeds no score.

ALTER TABLE Documents ADD COLUMN SupersededBy TEXT NULL;
ALTER TABLE Documents ADD COLUMN SupersededAt TEXT NULL;

CREATE INDEX IX_Documents_SourcePath ON Documents (SourcePath);

UPDATE Documents SET
    SupersededBy = (SELECT n.Sha256 FROM Documents n WHERE n.SourcePath = Documents.SourcePath
                    ORDER BY n.AnalyzedAt DESC, n.Id DESC LIMIT 1),
    SupersededAt = (SELECT max(n.AnalyzedAt) FROM Documents n WHERE n.SourcePath = Documents.SourcePath)
WHERE EXISTS (SELECT 1 FROM Documents n WHERE n.SourcePath = Documents.SourcePath
              AND (n.AnalyzedAt > Documents.AnalyzedAt OR (n.AnalyzedAt = Documents.AnalyzedAt AND n.Id > Documents.Id)));

UPDATE Clauses SET FlagRank = 0
WHERE FlagRank = 1 AND Type NOT IN ('take_or_pay', 'minimum_commitment', 'uncapped_liability', 'backstop', 'equity_investment',
    'warrant', 'loan', 'sale_leaseback', 'prepayment', 'liquidated_damages', 'termination_for_convenience', 'chip_access');
