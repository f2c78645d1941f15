-- DealLens schema, version 8: document versions. A new version of a document already analysed (same source path,
-- new content, so a new Sha256) supersedes the old one: totals, the money graph, risk and the review queue read only
-- current documents (SupersededBy IS NULL), while the old version stays stored as history (`deallens documents list
-- --all`). SupersededBy is the Sha256 of the version that replaced it, SupersededAt when (round-trip UTC text).
-- Re-analysing an old content makes it current again and supersedes the others.

ALTER TABLE Documents ADD COLUMN SupersededBy TEXT NULL;
ALTER TABLE Documents ADD COLUMN SupersededAt TEXT NULL;

CREATE INDEX IX_Documents_SourcePath ON Documents (SourcePath);

-- Databases made before this version may hold several versions of one path: the newest analysis is current.
UPDATE Documents SET
    SupersededBy = (SELECT n.Sha256 FROM Documents n WHERE n.SourcePath = Documents.SourcePath
                    ORDER BY n.AnalyzedAt DESC, n.Id DESC LIMIT 1),
    SupersededAt = (SELECT max(n.AnalyzedAt) FROM Documents n WHERE n.SourcePath = Documents.SourcePath)
WHERE EXISTS (SELECT 1 FROM Documents n WHERE n.SourcePath = Documents.SourcePath
              AND (n.AnalyzedAt > Documents.AnalyzedAt OR (n.AnalyzedAt = Documents.AnalyzedAt AND n.Id > Documents.Id)));

-- The review flag (Clauses.FlagRank, version 7) no longer queues a low-confidence reading of a type that feeds no
-- score: rank 1 came only from low confidence, so those clauses drop to 0 unless their type has a risk weight or is
-- chip_access. (Headings and spans read under two types are left to the next analysis of their document.)
UPDATE Clauses SET FlagRank = 0
WHERE FlagRank = 1 AND Type NOT IN ('take_or_pay', 'minimum_commitment', 'uncapped_liability', 'backstop', 'equity_investment',
    'warrant', 'loan', 'sale_leaseback', 'prepayment', 'liquidated_damages', 'termination_for_convenience', 'chip_access');
