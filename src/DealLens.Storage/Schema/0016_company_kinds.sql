-- DealLens schema, version 16: the user's company kinds (`deallens companies kind`), read by analyze before the bundled
-- table (Deals/company-kinds.tsv) to fill a deal side the text leaves open. Company is the normalised key
-- (CompanyNames.Normalize) of the name; Name is the name as the user wrote it; Kind one of CompanyKinds.Known.
CREATE TABLE CompanyKinds (
    Company  TEXT NOT NULL PRIMARY KEY,
    Name     TEXT NOT NULL,
    Kind     TEXT NOT NULL,
    AddedAt  TEXT NOT NULL
) STRICT;
