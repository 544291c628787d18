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
    fingerprint TEXT NULL
);
-- Databases created before fingerprints existed.
ALTER TABLE comments ADD COLUMN IF NOT EXISTS fingerprint TEXT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS ux_comments_idempotency ON comments (draft, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_comments_draft ON comments (draft, article);

-- 个人信息处理记录: who corrected or deleted a submission at its author's request, or purged expired
-- contact details, and when (Privacy/PrivacyLog.cs). Never the text that was removed.
CREATE TABLE IF NOT EXISTS privacy_log (
    id BIGSERIAL PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    staff TEXT NOT NULL,
    action TEXT NOT NULL,
    receipt TEXT NULL,
    detail TEXT NULL
);
CREATE INDEX IF NOT EXISTS ix_privacy_log_receipt ON privacy_log (receipt);
