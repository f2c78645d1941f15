-- DealLens schema, version 5: analyst review.
--
-- Decisions are keyed by the document's content hash and the clause's stable id (DealPipeline.ClauseId: a hash of
-- document, type and span), never by Documents.Id: re-analysing a document replaces its Documents, Clauses and
-- DealTerms rows, and a reviewer's decision must outlive them. When a re-analysis no longer produces the clause,
-- the item is re-bound to a clause that still matches its quote (ClauseId, Start, "End" updated) or marked
-- 'no_longer_found' — never dropped.

-- One row per item a reviewer has touched. An item with no row is 'open' (unreviewed).
-- Kind 'clause': ClauseId is set; Quote/Start/"End"/ClauseType are the clause as first reviewed.
-- Kind 'deal_terms': the deal terms of the document; ClauseId is NULL.
-- Kind 'cycle': a circular-financing cycle; DocumentSha256 is NULL and ItemKey is the cycle's subject.
CREATE TABLE ReviewItems (
    Id              INTEGER PRIMARY KEY,
    Kind            TEXT    NOT NULL CHECK (Kind IN ('clause', 'deal_terms', 'cycle')),
    DocumentSha256  TEXT    NULL,
    -- 'clause': the clause id at the time of the first decision; 'deal_terms': 'deal_terms'; 'cycle': the subject.
    -- Never changes, so (Kind, DocumentSha256, ItemKey) names the item for good.
    ItemKey         TEXT    NOT NULL,
    -- The clause this item is bound to now (re-bound after re-analysis); NULL when no longer found.
    ClauseId        TEXT    NULL,
    ClauseType      TEXT    NULL,
    Quote           TEXT    NULL,
    Start           INTEGER NULL,
    "End"           INTEGER NULL,
    Status          TEXT    NOT NULL CHECK (Status IN ('open', 'accepted', 'rejected', 'edited', 'no_longer_found')),
    Assignee        TEXT    NULL,
    -- The reviewer's corrections (ReviewOverrides), snake_case JSON with nulls left out ('{}' when none), e.g.
    -- {"type":"take_or_pay","amount":250000000,"currency":"USD"} for a clause,
    -- {"amount":1000000000,"term_months":60,"parties":["A","B"],"binding":false} for deal terms.
    OverridesJson   TEXT    NOT NULL DEFAULT '{}',
    -- Optimistic concurrency: an update names the version it read and fails if another reviewer moved it on.
    -- Every action (and every re-binding) adds one audit row and one version, so Version = the item's audit rows.
    Version         INTEGER NOT NULL DEFAULT 1,
    UpdatedAt       TEXT    NOT NULL,
    UpdatedBy       TEXT    NOT NULL,
    UNIQUE (Kind, DocumentSha256, ItemKey)
) STRICT;

CREATE INDEX IX_ReviewItems_Document ON ReviewItems (DocumentSha256, ClauseId);

-- UNIQUE above treats NULLs as distinct, so a cycle (DocumentSha256 NULL) needs its own uniqueness.
CREATE UNIQUE INDEX UX_ReviewItems_Cycle ON ReviewItems (ItemKey) WHERE DocumentSha256 IS NULL;

-- The queue filtered by status or assignee starts from the few reviewed items, not from every clause.
CREATE INDEX IX_ReviewItems_Status ON ReviewItems (Status, Assignee);

-- Reviewers type clause ids (or prefixes of them) with no document: find them without a scan of every clause.
CREATE INDEX IX_Clauses_Id ON Clauses (Id);

-- Every review action, appended and never changed: who, when, what, before -> after.
CREATE TABLE ReviewAudit (
    Id            INTEGER PRIMARY KEY,
    ReviewItemId  INTEGER NOT NULL REFERENCES ReviewItems (Id),
    At            TEXT    NOT NULL,
    Actor         TEXT    NOT NULL,
    Action        TEXT    NOT NULL,
    BeforeJson    TEXT    NULL,
    AfterJson     TEXT    NULL,
    Comment       TEXT    NULL
) STRICT;

CREATE INDEX IX_ReviewAudit_Item ON ReviewAudit (ReviewItemId, Id);

CREATE TRIGGER ReviewAudit_NoUpdate BEFORE UPDATE ON ReviewAudit
BEGIN
    SELECT RAISE(ABORT, 'the review audit trail is append-only');
END;

CREATE TRIGGER ReviewAudit_NoDelete BEFORE DELETE ON ReviewAudit
BEGIN
    SELECT RAISE(ABORT, 'the review audit trail is append-only');
END;
