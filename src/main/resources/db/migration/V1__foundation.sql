-- Events from Zalo, committed before the webhook answers 200. event_key is the dedupe key.
CREATE TABLE inbox (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    event_key    TEXT    NOT NULL UNIQUE,
    event_name   TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    received_at  INTEGER NOT NULL,            -- epoch ms
    status       TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    processed_at INTEGER,
    error        TEXT
);
CREATE INDEX inbox_pending ON inbox (status, id);
CREATE INDEX inbox_received ON inbox (received_at);

-- Replies, committed before they are sent. One row per Zalo message (long texts are split on enqueue).
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         TEXT    NOT NULL,
    inbox_id        INTEGER REFERENCES inbox (id) ON DELETE SET NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('text', 'image')),
    payload         TEXT    NOT NULL,          -- JSON: text, buttons, media id
    status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,          -- epoch ms
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    zalo_message_id TEXT,
    last_error      TEXT
);
CREATE INDEX outbox_pending ON outbox (status, user_id, id);

-- Images waiting to be uploaded; attachment ids are cached (Zalo keeps them 7 days).
CREATE TABLE media (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    png           BLOB    NOT NULL,
    attachment_id TEXT,
    uploaded_at   INTEGER,
    created_at    INTEGER NOT NULL
);

-- The current OA token pair (one row) and the previous pairs, newest first.
CREATE TABLE zalo_token (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    access_token  TEXT,
    refresh_token TEXT    NOT NULL,
    expires_at    INTEGER NOT NULL,            -- epoch ms
    updated_at    INTEGER NOT NULL,
    seed_hash     TEXT                          -- hash of the env refresh token this chain started from
);
CREATE TABLE zalo_token_history (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    access_token  TEXT,
    refresh_token TEXT    NOT NULL,
    replaced_at   INTEGER NOT NULL
);

-- Last time each user interacted (user_send_*, follow, user_submit_info): Zalo's 7-day messaging window.
CREATE TABLE user_activity (
    user_id          TEXT PRIMARY KEY,
    last_interaction INTEGER NOT NULL,
    followed         INTEGER NOT NULL DEFAULT 1
);
