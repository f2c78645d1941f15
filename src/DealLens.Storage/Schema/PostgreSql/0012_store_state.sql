-- DealLens schema, version 12, PostgreSQL dialect of ../0012_store_state.sql: small facts about the stored data itself
-- (the review flag rules the stored flag ranks were computed with).
CREATE TABLE StoreState (
    Key    TEXT NOT NULL PRIMARY KEY,
    Value  TEXT NOT NULL
);
