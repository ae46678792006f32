-- The editor role (knowledge base) for members and invites. SQLite cannot change a CHECK constraint, so both
-- tables are rebuilt with the same columns; nothing references them.
CREATE TABLE members_new (
    user_id         TEXT PRIMARY KEY,
    unit_code       TEXT    NOT NULL REFERENCES units (code),
    role            TEXT    NOT NULL CHECK (role IN ('member', 'leader', 'secretariat', 'editor', 'admin')),
    display_name    TEXT,
    enrolled_at     INTEGER NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1,
    revoked_at      INTEGER,
    member_no       INTEGER,
    name_checked_at INTEGER
);
INSERT INTO members_new (user_id, unit_code, role, display_name, enrolled_at, active, revoked_at, member_no, name_checked_at)
    SELECT user_id, unit_code, role, display_name, enrolled_at, active, revoked_at, member_no, name_checked_at FROM members;
DROP TABLE members;
ALTER TABLE members_new RENAME TO members;
CREATE INDEX members_unit ON members (unit_code, active);
CREATE UNIQUE INDEX members_no ON members (member_no);

CREATE TABLE invites_new (
    code       TEXT PRIMARY KEY,
    unit_code  TEXT    NOT NULL REFERENCES units (code),
    role       TEXT    NOT NULL CHECK (role IN ('member', 'leader', 'secretariat', 'editor', 'admin')),
    created_by TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_by    TEXT,
    used_at    INTEGER
);
INSERT INTO invites_new SELECT code, unit_code, role, created_by, created_at, expires_at, used_by, used_at FROM invites;
DROP TABLE invites;
ALTER TABLE invites_new RENAME TO invites;

-- What a citizen wrote after tapping "Chưa đúng", in their own words, for the editors.
ALTER TABLE kb_feedback ADD COLUMN comment TEXT;

-- A "Chưa đúng" waiting for the citizen's explanation: their next plain message is kept as the comment
-- instead of being searched.
CREATE TABLE kb_pending_comment (
    user_id     TEXT PRIMARY KEY,
    feedback_id INTEGER NOT NULL,
    asked_at    INTEGER NOT NULL              -- epoch ms
);

-- Weekly digests sent to editors, one row per slot, so a restart never sends one twice.
CREATE TABLE kb_digest_runs (
    slot   TEXT PRIMARY KEY,                  -- local date-time of the slot
    ran_at INTEGER NOT NULL,
    sent   INTEGER NOT NULL
);
