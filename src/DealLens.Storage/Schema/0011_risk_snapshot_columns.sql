-- DealLens schema, version 11: risk snapshots in columns. Until now RiskSnapshots.ScoreJson held each score as the CLI
-- serialised it, and the review queue parsed that JSON by the CLI's property names (renaming a record property emptied
-- the queue's cycles). Each snapshot now states what it is about in typed columns (Core: RiskSnapshots.From):
--   Severity  high / medium / low
--   Score     deal: DealRisk.Score; concentration: top customer's share (binding basis, else headline);
--             cycle: circularity ratio; revenue_concentration: the disclosed percent
--   Amount    deal: headline value; concentration: contracted total on that basis; cycle: purchases committed
--   Currency  deal: the deal's currency
--   Label     concentration: provider name; cycle: its kind; revenue_concentration: the customer as written
-- with the companies (key and name, in order: a cycle's loop, a provider, a filer and its customer) and the documents
-- it rests on in two child tables. REAL as in version 10 (see 0010_numeric_amounts.sql).
--
-- Existing rows are converted from their JSON (snake_case names as the CLI wrote them); a row whose JSON cannot be read
-- keeps its kind, subject and time with empty columns. The JSON column is dropped.

CREATE TABLE RiskSnapshots_v11 (
    Id          INTEGER PRIMARY KEY,
    ComputedAt  TEXT NOT NULL,
    Kind        TEXT NOT NULL,
    Subject     TEXT NOT NULL,
    Severity    TEXT NULL,
    Score       REAL NULL,
    Amount      REAL NULL,
    Currency    TEXT NULL,
    Label       TEXT NULL
) STRICT;

INSERT INTO RiskSnapshots_v11 (Id, ComputedAt, Kind, Subject, Severity, Score, Amount, Currency, Label)
SELECT Id, ComputedAt, Kind, Subject, ScoreJson ->> '$.severity',
    CAST(CASE Kind
        WHEN 'deal' THEN ScoreJson ->> '$.score'
        WHEN 'cycle' THEN ScoreJson ->> '$.circularity_ratio'
        WHEN 'concentration' THEN coalesce(ScoreJson ->> '$.binding.top1_share', ScoreJson ->> '$.headline.top1_share')
        WHEN 'revenue_concentration' THEN ScoreJson ->> '$.percent' END AS REAL),
    CAST(CASE Kind
        WHEN 'deal' THEN ScoreJson ->> '$.headline_value'
        WHEN 'cycle' THEN ScoreJson ->> '$.purchases_committed'
        WHEN 'concentration' THEN CASE WHEN ScoreJson ->> '$.binding.top1_share' IS NOT NULL
            THEN ScoreJson ->> '$.binding.total' ELSE ScoreJson ->> '$.headline.total' END END AS REAL),
    CASE Kind WHEN 'deal' THEN ScoreJson ->> '$.currency' END,
    CASE Kind
        WHEN 'concentration' THEN ScoreJson ->> '$.name'
        WHEN 'cycle' THEN ScoreJson ->> '$.kind'
        WHEN 'revenue_concentration' THEN ScoreJson ->> '$.customer' END
FROM RiskSnapshots WHERE json_valid(ScoreJson);

INSERT INTO RiskSnapshots_v11 (Id, ComputedAt, Kind, Subject)
SELECT Id, ComputedAt, Kind, Subject FROM RiskSnapshots WHERE NOT json_valid(ScoreJson);

CREATE TABLE RiskSnapshotCompanies_v11 (
    SnapshotId   INTEGER NOT NULL,
    Position     INTEGER NOT NULL,
    CompanyKey   TEXT    NOT NULL,
    CompanyName  TEXT    NOT NULL,
    PRIMARY KEY (SnapshotId, Position)
) STRICT;

CREATE TABLE RiskSnapshotDocuments_v11 (
    SnapshotId  INTEGER NOT NULL,
    Position    INTEGER NOT NULL,
    Document    TEXT    NOT NULL,
    PRIMARY KEY (SnapshotId, Position)
) STRICT;

-- A cycle's loop: companies[i] with names[i].
INSERT INTO RiskSnapshotCompanies_v11 (SnapshotId, Position, CompanyKey, CompanyName)
SELECT s.Id, c.key, c.value, coalesce(json_extract(s.ScoreJson, '$.names[' || c.key || ']'), c.value)
FROM (SELECT Id, ScoreJson FROM RiskSnapshots WHERE Kind = 'cycle' AND json_valid(ScoreJson)) s, json_each(s.ScoreJson, '$.companies') c;

-- A provider's concentration: the provider.
INSERT INTO RiskSnapshotCompanies_v11 (SnapshotId, Position, CompanyKey, CompanyName)
SELECT Id, 0, ScoreJson ->> '$.provider', coalesce(ScoreJson ->> '$.name', ScoreJson ->> '$.provider')
FROM RiskSnapshots WHERE Kind = 'concentration' AND json_valid(ScoreJson) AND ScoreJson ->> '$.provider' IS NOT NULL;

-- A disclosed revenue share: the filer, when known.
INSERT INTO RiskSnapshotCompanies_v11 (SnapshotId, Position, CompanyKey, CompanyName)
SELECT Id, 0, ScoreJson ->> '$.company', coalesce(ScoreJson ->> '$.company_name', ScoreJson ->> '$.company')
FROM RiskSnapshots WHERE Kind = 'revenue_concentration' AND json_valid(ScoreJson) AND ScoreJson ->> '$.company' IS NOT NULL;

INSERT INTO RiskSnapshotDocuments_v11 (SnapshotId, Position, Document)
SELECT s.Id, d.key, d.value
FROM (SELECT Id, ScoreJson FROM RiskSnapshots WHERE Kind = 'cycle' AND json_valid(ScoreJson)) s, json_each(s.ScoreJson, '$.documents') d;

INSERT INTO RiskSnapshotDocuments_v11 (SnapshotId, Position, Document)
SELECT Id, 0, ScoreJson ->> '$.document'
FROM RiskSnapshots WHERE Kind = 'deal' AND json_valid(ScoreJson) AND ScoreJson ->> '$.document' IS NOT NULL;

INSERT INTO RiskSnapshotDocuments_v11 (SnapshotId, Position, Document)
SELECT Id, 0, ScoreJson ->> '$.evidence.document'
FROM RiskSnapshots WHERE Kind = 'revenue_concentration' AND json_valid(ScoreJson) AND ScoreJson ->> '$.evidence.document' IS NOT NULL;

DROP TABLE RiskSnapshots;
ALTER TABLE RiskSnapshots_v11 RENAME TO RiskSnapshots;
CREATE INDEX IX_RiskSnapshots_Kind_Subject ON RiskSnapshots (Kind, Subject, ComputedAt);
CREATE INDEX IX_RiskSnapshots_ComputedAt ON RiskSnapshots (ComputedAt);

-- The child tables are made again now that their parent has its final name, so their foreign keys name it.
CREATE TABLE RiskSnapshotCompanies (
    SnapshotId   INTEGER NOT NULL REFERENCES RiskSnapshots (Id) ON DELETE CASCADE,
    Position     INTEGER NOT NULL,
    CompanyKey   TEXT    NOT NULL,
    CompanyName  TEXT    NOT NULL,
    PRIMARY KEY (SnapshotId, Position)
) STRICT;

CREATE TABLE RiskSnapshotDocuments (
    SnapshotId  INTEGER NOT NULL REFERENCES RiskSnapshots (Id) ON DELETE CASCADE,
    Position    INTEGER NOT NULL,
    Document    TEXT    NOT NULL,
    PRIMARY KEY (SnapshotId, Position)
) STRICT;

INSERT INTO RiskSnapshotCompanies SELECT SnapshotId, Position, CompanyKey, CompanyName FROM RiskSnapshotCompanies_v11;
INSERT INTO RiskSnapshotDocuments SELECT SnapshotId, Position, Document FROM RiskSnapshotDocuments_v11;
DROP TABLE RiskSnapshotCompanies_v11;
DROP TABLE RiskSnapshotDocuments_v11;
