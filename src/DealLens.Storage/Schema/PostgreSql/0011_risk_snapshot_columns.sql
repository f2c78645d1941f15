-- DealLens schema, version 11, PostgreSQL dialect of ../0011_risk_snapshot_columns.sql: risk snapshots in typed columns
-- with their companies and documents in two child tables; existing rows are converted from ScoreJson (a row whose JSON
-- cannot be read keeps its kind, subject and time with empty columns), then ScoreJson is dropped.

CREATE FUNCTION pg_temp.deallens_try_jsonb(value TEXT) RETURNS JSONB AS $$
BEGIN
    RETURN value::jsonb;
EXCEPTION WHEN others THEN
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

ALTER TABLE RiskSnapshots
    ADD COLUMN Severity TEXT NULL,
    ADD COLUMN Score DOUBLE PRECISION NULL,
    ADD COLUMN Amount DOUBLE PRECISION NULL,
    ADD COLUMN Currency TEXT NULL,
    ADD COLUMN Label TEXT NULL;

CREATE TABLE RiskSnapshotCompanies (
    SnapshotId   BIGINT NOT NULL REFERENCES RiskSnapshots (Id) ON DELETE CASCADE,
    Position     BIGINT NOT NULL,
    CompanyKey   TEXT   NOT NULL,
    CompanyName  TEXT   NOT NULL,
    PRIMARY KEY (SnapshotId, Position)
);

CREATE TABLE RiskSnapshotDocuments (
    SnapshotId  BIGINT NOT NULL REFERENCES RiskSnapshots (Id) ON DELETE CASCADE,
    Position    BIGINT NOT NULL,
    Document    TEXT   NOT NULL,
    PRIMARY KEY (SnapshotId, Position)
);

CREATE TEMPORARY TABLE SnapshotJson ON COMMIT DROP AS
SELECT Id, Kind, pg_temp.deallens_try_jsonb(ScoreJson) AS J FROM RiskSnapshots;

UPDATE RiskSnapshots r SET
    Severity = s.J ->> 'severity',
    Score = (CASE s.Kind
        WHEN 'deal' THEN s.J ->> 'score'
        WHEN 'cycle' THEN s.J ->> 'circularity_ratio'
        WHEN 'concentration' THEN coalesce(s.J #>> '{binding,top1_share}', s.J #>> '{headline,top1_share}')
        WHEN 'revenue_concentration' THEN s.J ->> 'percent' END)::double precision,
    Amount = (CASE s.Kind
        WHEN 'deal' THEN s.J ->> 'headline_value'
        WHEN 'cycle' THEN s.J ->> 'purchases_committed'
        WHEN 'concentration' THEN CASE WHEN s.J #>> '{binding,top1_share}' IS NOT NULL
            THEN s.J #>> '{binding,total}' ELSE s.J #>> '{headline,total}' END END)::double precision,
    Currency = CASE s.Kind WHEN 'deal' THEN s.J ->> 'currency' END,
    Label = CASE s.Kind
        WHEN 'concentration' THEN s.J ->> 'name'
        WHEN 'cycle' THEN s.J ->> 'kind'
        WHEN 'revenue_concentration' THEN s.J ->> 'customer' END
FROM SnapshotJson s
WHERE r.Id = s.Id AND s.J IS NOT NULL;

-- A cycle's loop: companies[i] with names[i].
INSERT INTO RiskSnapshotCompanies (SnapshotId, Position, CompanyKey, CompanyName)
SELECT s.Id, c.Ordinal - 1, c.Value, coalesce((s.J -> 'names') ->> ((c.Ordinal - 1)::int), c.Value)
FROM SnapshotJson s
CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(s.J -> 'companies') = 'array' THEN s.J -> 'companies' ELSE '[]'::jsonb END)
    WITH ORDINALITY AS c(Value, Ordinal)
WHERE s.Kind = 'cycle' AND s.J IS NOT NULL;

-- A provider's concentration: the provider.
INSERT INTO RiskSnapshotCompanies (SnapshotId, Position, CompanyKey, CompanyName)
SELECT Id, 0, J ->> 'provider', coalesce(J ->> 'name', J ->> 'provider')
FROM SnapshotJson WHERE Kind = 'concentration' AND J ->> 'provider' IS NOT NULL;

-- A disclosed revenue share: the filer, when known.
INSERT INTO RiskSnapshotCompanies (SnapshotId, Position, CompanyKey, CompanyName)
SELECT Id, 0, J ->> 'company', coalesce(J ->> 'company_name', J ->> 'company')
FROM SnapshotJson WHERE Kind = 'revenue_concentration' AND J ->> 'company' IS NOT NULL;

INSERT INTO RiskSnapshotDocuments (SnapshotId, Position, Document)
SELECT s.Id, d.Ordinal - 1, d.Value
FROM SnapshotJson s
CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(s.J -> 'documents') = 'array' THEN s.J -> 'documents' ELSE '[]'::jsonb END)
    WITH ORDINALITY AS d(Value, Ordinal)
WHERE s.Kind = 'cycle' AND s.J IS NOT NULL;

INSERT INTO RiskSnapshotDocuments (SnapshotId, Position, Document)
SELECT Id, 0, J ->> 'document'
FROM SnapshotJson WHERE Kind = 'deal' AND J ->> 'document' IS NOT NULL;

INSERT INTO RiskSnapshotDocuments (SnapshotId, Position, Document)
SELECT Id, 0, J #>> '{evidence,document}'
FROM SnapshotJson WHERE Kind = 'revenue_concentration' AND J #>> '{evidence,document}' IS NOT NULL;

ALTER TABLE RiskSnapshots DROP COLUMN ScoreJson;
CREATE INDEX IX_RiskSnapshots_ComputedAt ON RiskSnapshots (ComputedAt);
