-- DealLens schema, version 8, PostgreSQL dialect of ../0008_document_origin_and_roles.sql: each document's kind and
-- filer, and every role its parties hold.

CREATE TABLE DocumentOrigins (
    DocumentId          BIGINT  PRIMARY KEY REFERENCES Documents (Id) ON DELETE CASCADE,
    Kind                TEXT    NOT NULL,
    Filer               TEXT    NULL,
    SelfReferencesJson  TEXT    NOT NULL,
    EvidenceJson        TEXT    NOT NULL
);

CREATE TABLE PartyRoles (
    DocumentId  BIGINT  NOT NULL REFERENCES Documents (Id) ON DELETE CASCADE,
    Position    BIGINT  NOT NULL,
    Name        TEXT    NOT NULL,
    Role        TEXT    NOT NULL,
    Parent      TEXT    NULL,
    Page        BIGINT  NOT NULL,
    Start       BIGINT  NOT NULL,
    "End"       BIGINT  NOT NULL,
    Quote       TEXT    NOT NULL,
    PRIMARY KEY (DocumentId, Position)
);

CREATE INDEX IX_PartyRoles_Name ON PartyRoles (Name);
