-- DealLens schema, version 14: batch runs on several machines work one queue at the same time.
--
-- Until now one batch ran per database at a time (a run-level lock), so a second machine waited. Now each run claims
-- one document at a time: ClaimRunId is the run working on it and ClaimExpiresAt the end of its lease, which the run
-- renews while it lives (a heartbeat). A claim whose lease ran out, or whose run is no longer 'running' (found dead by
-- its liveness lock), is taken over by the next run that asks. Committing a document's outcome clears its claim in the
-- same transaction, and only the run that holds the claim may commit it: a run that lost its claim discards its work.
--
-- RetryAfterRunId: a failed document is retried only by runs that started after the failure (a higher run id), so the
-- runs already working the queue do not each try it again. SizeBytes: the inbox file's size when it was queued, so the
-- runs take the largest documents first (NULL for a filing document not downloaded yet).
ALTER TABLE BatchItems ADD COLUMN ClaimRunId INTEGER NULL;
ALTER TABLE BatchItems ADD COLUMN ClaimExpiresAt TEXT NULL;
ALTER TABLE BatchItems ADD COLUMN RetryAfterRunId INTEGER NULL;
ALTER TABLE BatchItems ADD COLUMN SizeBytes INTEGER NULL;

CREATE INDEX IX_BatchItems_ClaimRunId ON BatchItems (ClaimRunId) WHERE ClaimRunId IS NOT NULL;
