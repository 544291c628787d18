-- The submissions schema in PostgreSQL's dialect; sqlite.sql is the same tables in SQLite's.
-- Run at every start, so each statement must be safe to run again.

-- 意见: comments on draft regulations. fingerprint is a hash of what was said (article, text, name,
-- contact, identity), so a retry under the same Idempotency-Key can be told from a different comment.
CREATE TABLE IF NOT EXISTS comments (
    id BIGSERIAL PRIMARY KEY,
    receipt TEXT NOT NULL UNIQUE,
    draft TEXT NOT NULL,
    article TEXT NULL,
    text TEXT NOT NULL,
    name TEXT NULL,
    contact TEXT NULL,
    identity TEXT NULL,
    participant TEXT NOT NULL,
    idempotency_key TEXT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    fingerprint TEXT NULL,
    text_key TEXT NULL,
    channel TEXT NULL
);
-- Databases created before fingerprints existed.
ALTER TABLE comments ADD COLUMN IF NOT EXISTS fingerprint TEXT NULL;
-- text_key: CommentGroups.Key of the text (what duplicate grouping compares), stored at write time so
-- stats count exact groups in SQL; null in rows stored before it existed (computed when read).
-- channel: how an opinion reached the office (来信, 座谈会 … from an offline import); null is online.
ALTER TABLE comments ADD COLUMN IF NOT EXISTS text_key TEXT NULL;
ALTER TABLE comments ADD COLUMN IF NOT EXISTS channel TEXT NULL;
CREATE INDEX IF NOT EXISTS ix_comments_text_key ON comments (draft, text_key);
CREATE UNIQUE INDEX IF NOT EXISTS ux_comments_idempotency ON comments (draft, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_comments_draft ON comments (draft, article);
