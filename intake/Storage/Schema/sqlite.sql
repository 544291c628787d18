-- The submissions schema in SQLite's dialect; postgresql.sql is the same tables in PostgreSQL's.
-- Run at every start, so each statement must be safe to run again.

-- 意见: comments on draft regulations. fingerprint is a hash of what was said (article, text, name,
-- contact, identity), so a retry under the same Idempotency-Key can be told from a different comment.
CREATE TABLE IF NOT EXISTS comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    receipt TEXT NOT NULL UNIQUE,
    draft TEXT NOT NULL,
    article TEXT NULL,
    text TEXT NOT NULL,
    name TEXT NULL,
    contact TEXT NULL,
    identity TEXT NULL,
    participant TEXT NOT NULL,
    idempotency_key TEXT NULL,
    created_at TEXT NOT NULL,
    fingerprint TEXT NULL,
    -- CommentGroups.Key of the text, for duplicate grouping (null in rows stored before it existed).
    text_key TEXT NULL,
    -- How an opinion reached the office (来信, 座谈会 … from an offline import); null is online.
    channel TEXT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_comments_idempotency ON comments (draft, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_comments_draft ON comments (draft, article);
-- Files from before text_key get the column from SqliteCommentStore (no ADD COLUMN IF NOT EXISTS),
-- which then creates ix_comments_text_key ON comments (draft, text_key).
