-- Documents sent as Zalo files (kind 'file'). SQLite cannot change a CHECK constraint, so the outbox is rebuilt
-- with the same columns, rows and index; nothing references it.
CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         TEXT    NOT NULL,
    inbox_id        INTEGER REFERENCES inbox (id) ON DELETE SET NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('text', 'image', 'file')),
    payload         TEXT    NOT NULL,          -- JSON: text, buttons, media id, file name, the link sent if the file is refused
    status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,          -- epoch ms
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    zalo_message_id TEXT,
    last_error      TEXT
);
INSERT INTO outbox_new (id, user_id, inbox_id, kind, payload, status, attempts, next_attempt_at, created_at, sent_at,
                        zalo_message_id, last_error)
    SELECT id, user_id, inbox_id, kind, payload, status, attempts, next_attempt_at, created_at, sent_at,
           zalo_message_id, last_error FROM outbox;
-- Ids keep counting from where they were, so a purged id is never handed out again.
DELETE FROM sqlite_sequence WHERE name = 'outbox_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox_new', seq FROM sqlite_sequence WHERE name = 'outbox';
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox (status, user_id, id);

-- media now holds documents too: the bytes of a chart or a file, and for a file its name. attachment_id is then
-- the token /v2.0/oa/upload/file gave, cached and re-uploaded the same way.
ALTER TABLE media RENAME COLUMN png TO content;
ALTER TABLE media ADD COLUMN file_name TEXT;   -- NULL for a PNG chart
