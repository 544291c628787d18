-- The submissions schema in SQLite's dialect; postgresql.sql is the same tables in PostgreSQL's.
-- Run at every start, so each statement must be safe to run again.

-- 意见: comments on draft regulations. fingerprint is a hash of what was said (article, text, name,
-- contact, identity), so a retry under the same Idempotency-Key can be told from a different comment.
-- removed_at: deleted at the commenter's request (Privacy/PersonalData.cs; text is then blank, name,
-- contact and identity null), kept so the receipt lookup can say so.
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
    -- How an opinion reached the office: 来信, 座谈会 … from an offline import, or null for online.
    channel TEXT NULL,
    removed_at TEXT NULL,
    -- An offline view's 基层立法联系点 (contact point) and 人数 (people who gave it), from the import sheet.
    contact_point TEXT NULL,
    people INTEGER NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_comments_idempotency ON comments (draft, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_comments_draft ON comments (draft, article);
-- Files from before text_key get the column from SqliteCommentStore (no ADD COLUMN IF NOT EXISTS),
-- which then creates ix_comments_text_key ON comments (draft, text_key).

-- 留言: messages to a deputy (recipient_kind 'deputy') or a liaison station ('station'). station is
-- the deputy's station when the message was sent, so the office can route it. contact is never
-- published; publish_consent is the sender's yes to publishing, office_public the office's (both
-- are needed). status, unit, reply, replied_on and office_public are the latest of message_events,
-- kept here so lists and figures need no join. removed_at: deleted at the sender's request (text,
-- name and contact are then blank).
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    receipt TEXT NOT NULL UNIQUE,
    recipient_kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    station TEXT NULL,
    text TEXT NOT NULL,
    name TEXT NULL,
    contact TEXT NULL,
    publish_consent INTEGER NOT NULL DEFAULT 0,
    participant TEXT NOT NULL,
    idempotency_key TEXT NULL,
    fingerprint TEXT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'received',
    unit TEXT NULL,
    reply TEXT NULL,
    replied_on TEXT NULL,
    office_public INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NULL,
    removed_at TEXT NULL,
    -- 希望工作人员联系我答复: the sender asked to be contacted with the answer.
    wants_reply INTEGER NOT NULL DEFAULT 0
);
-- Files from before wants_reply get the column from SqliteMessageStore (no ADD COLUMN IF NOT EXISTS).
CREATE UNIQUE INDEX IF NOT EXISTS ux_messages_idempotency ON messages (recipient_kind, recipient, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_messages_recipient ON messages (recipient_kind, recipient, created_at);
CREATE INDEX IF NOT EXISTS ix_messages_created ON messages (created_at);

-- The status history of a message (已收到 is the message itself; each later step is an event):
-- status 'referred' 已转办, 'in-progress' 办理中, 'answered' 已答复, 'closed' 已办结; unit 承办单位,
-- reply 答复内容, replied_on 答复日期, office_public 是否公开 (null: not said), recorded_at when the office's
-- update was applied, source what it came from (an import file's name).
CREATE TABLE IF NOT EXISTS message_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id INTEGER NOT NULL REFERENCES messages (id),
    status TEXT NOT NULL,
    unit TEXT NULL,
    reply TEXT NULL,
    replied_on TEXT NULL,
    office_public INTEGER NULL,
    recorded_at TEXT NOT NULL,
    source TEXT NULL
);
CREATE INDEX IF NOT EXISTS ix_message_events_message ON message_events (message_id, id);

-- 个人信息处理记录: who corrected or deleted a submission at its author's request, or purged expired
-- contact details, and when (Privacy/PrivacyLog.cs). Never the text that was removed.
CREATE TABLE IF NOT EXISTS privacy_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    staff TEXT NOT NULL,
    action TEXT NOT NULL,
    receipt TEXT NULL,
    detail TEXT NULL
);
CREATE INDEX IF NOT EXISTS ix_privacy_log_receipt ON privacy_log (receipt);

-- 线下意见导入批次: the comments each offline import stored (Import/ImportBatches.cs), one row per
-- comment it added (not those an earlier import had stored), so one mistaken import can be undone
-- exactly; undone_at is set when it was, and the batch's comments are then deleted.
CREATE TABLE IF NOT EXISTS comment_imports (
    batch TEXT NOT NULL,
    receipt TEXT NOT NULL,
    draft TEXT NOT NULL,
    file TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    undone_at TEXT NULL,
    PRIMARY KEY (batch, receipt)
);

-- 意见导出记录: when a draft's comments were exported (`site export` or the staff's HTTP export), so
-- undoing an import can tell that its comments may already be in a sheet the office passed on.
CREATE TABLE IF NOT EXISTS comment_exports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    draft TEXT NOT NULL,
    at TEXT NOT NULL,
    how TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_comment_exports_draft ON comment_exports (draft, at);
