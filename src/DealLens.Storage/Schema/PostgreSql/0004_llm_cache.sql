-- DealLens schema, version 4, PostgreSQL dialect of ../0004_llm_cache.sql: model replies by passage, prompt and model.

CREATE TABLE LlmCache (
    PassageHash  TEXT NOT NULL,
    PromptHash   TEXT NOT NULL,
    Model        TEXT NOT NULL,
    Reply        TEXT NOT NULL,
    CreatedAt    TEXT NOT NULL,
    PRIMARY KEY (PassageHash, PromptHash, Model)
);
