-- A targets file a secretariat member or admin sent in chat, read and previewed, waiting for them to choose the
-- campaign it applies to. One per user: a new file replaces the previous one. Erased on withdrawal.
CREATE TABLE target_uploads (
    user_id     TEXT    NOT NULL PRIMARY KEY,
    file_name   TEXT    NOT NULL,
    targets     TEXT    NOT NULL,               -- JSON: {unit_code: {indicator: target}}, in file order
    indicators  TEXT    NOT NULL,               -- indicator columns of the file, comma-separated
    inbox_id    INTEGER NOT NULL,               -- the event that brought the file
    received_at INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
