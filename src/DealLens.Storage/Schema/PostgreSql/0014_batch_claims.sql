-- DealLens schema, version 14, PostgreSQL dialect of ../0014_batch_claims.sql: per-document claims, so batch runs on
-- several machines work one queue at the same time.
ALTER TABLE BatchItems
    ADD COLUMN ClaimRunId BIGINT NULL,
    ADD COLUMN ClaimExpiresAt TEXT NULL,
    ADD COLUMN RetryAfterRunId BIGINT NULL,
    ADD COLUMN SizeBytes BIGINT NULL;

CREATE INDEX IX_BatchItems_ClaimRunId ON BatchItems (ClaimRunId) WHERE ClaimRunId IS NOT NULL;
