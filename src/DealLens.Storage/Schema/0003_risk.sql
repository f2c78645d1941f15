-- DealLens schema, version 3: company aliases and risk snapshots.

-- The user's alias table (`deallens companies merge/split`). Alias is the normalised key (CompanyNames.Normalize) of
-- the spelling being merged; CompanyName is the company it stands for, as the user wrote it.
CREATE TABLE CompanyAliases (
    Alias        TEXT NOT NULL PRIMARY KEY,
    CompanyName  TEXT NOT NULL
) STRICT;

-- Risk scores recomputed after each analyze, kept so risk can be followed over time. Kind is 'concentration',
-- 'cycle' or 'deal'; Subject the provider id, the cycle's company ids joined by '>', or the document path;
-- ScoreJson the full score with its inputs and evidence. ComputedAt is UTC in the round-trip format.
CREATE TABLE RiskSnapshots (
    Id          INTEGER PRIMARY KEY,
    ComputedAt  TEXT NOT NULL,
    Kind        TEXT NOT NULL,
    Subject     TEXT NOT NULL,
    ScoreJson   TEXT NOT NULL
) STRICT;

CREATE INDEX IX_RiskSnapshots_Kind_Subject ON RiskSnapshots (Kind, Subject, ComputedAt);
