-- DealLens schema, version 16, PostgreSQL dialect of ../0016_company_kinds.sql: the user's company kinds.
CREATE TABLE CompanyKinds (
    Company  TEXT NOT NULL PRIMARY KEY,
    Name     TEXT NOT NULL,
    Kind     TEXT NOT NULL,
    AddedAt  TEXT NOT NULL
);
