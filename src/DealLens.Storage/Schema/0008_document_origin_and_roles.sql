-- DealLens schema, version 8: who is speaking in each document (its kind and filer) and every role its parties hold.
--
-- DocumentOrigins: one row per document analysed since this version (an older document has none and loads as kind
-- 'other' with no filer). Kind is one of DocumentKinds ('contract', 'current_report', 'periodic_report',
-- 'registration_statement', 'press_release', 'other'); SelfReferencesJson is a JSON array of the words the document
-- uses for its filer ("the Company", "we"); EvidenceJson the FieldEvidence list it was read from.
CREATE TABLE DocumentOrigins (
    DocumentId          INTEGER PRIMARY KEY REFERENCES Documents (Id) ON DELETE CASCADE,
    Kind                TEXT    NOT NULL,
    Filer               TEXT    NULL,
    SelfReferencesJson  TEXT    NOT NULL,
    EvidenceJson        TEXT    NOT NULL
) STRICT;

-- DealTerms.Roles in order: a party's name, its role (PartyRoles: landlord, lessee, lender, guarantor, ...), its
-- parent company when the text gives one, and the quote at Text[Start..End] that states the role.
CREATE TABLE PartyRoles (
    DocumentId  INTEGER NOT NULL REFERENCES Documents (Id) ON DELETE CASCADE,
    Position    INTEGER NOT NULL,
    Name        TEXT    NOT NULL,
    Role        TEXT    NOT NULL,
    Parent      TEXT    NULL,
    Page        INTEGER NOT NULL,
    Start       INTEGER NOT NULL,
    "End"       INTEGER NOT NULL,
    Quote       TEXT    NOT NULL,
    PRIMARY KEY (DocumentId, Position)
) STRICT;

CREATE INDEX IX_PartyRoles_Name ON PartyRoles (Name);
