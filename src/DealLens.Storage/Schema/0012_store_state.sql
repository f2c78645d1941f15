-- DealLens schema, version 12: small facts about the stored data itself. The first is 'review_flag_rules': the
-- ReviewFlagger.RulesFingerprint the stored Clauses.FlagRank values were computed with. A DealLens whose flag rules
-- differ (a type's severity changed) recomputes every rank before it ranks the review queue by them; until now ranks
-- went stale (version 8 corrected them by hand in SQL). No row yet: the first queue after this version recomputes.
CREATE TABLE StoreState (
    Key    TEXT NOT NULL PRIMARY KEY,
    Value  TEXT NOT NULL
) STRICT;
