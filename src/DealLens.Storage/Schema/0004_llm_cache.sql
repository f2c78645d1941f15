-- DealLens schema, version 4: model replies kept by (passage hash, prompt hash, model), so re-analysing an
-- unchanged document costs no model call. Reply is the model's raw text (never a key or a request).

CREATE TABLE LlmCache (
    PassageHash  TEXT NOT NULL,
    PromptHash   TEXT NOT NULL,
    Model        TEXT NOT NULL,
    Reply        TEXT NOT NULL,
    CreatedAt    TEXT NOT NULL,
    PRIMARY KEY (PassageHash, PromptHash, Model)
) STRICT;
