-- Units from the CSV named in bot-config.yaml. Never deleted: a unit missing from the CSV is deactivated.
CREATE TABLE units (
    code           TEXT PRIMARY KEY,
    name           TEXT    NOT NULL,
    parent_code    TEXT,                       -- not a foreign key: the CSV may list children first
    kind           TEXT    NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1,
    created_at     INTEGER NOT NULL,           -- epoch ms
    deactivated_at INTEGER                     -- epoch ms; a unit deactivated before a week is not expected that week
);
CREATE INDEX units_parent ON units (parent_code);

-- Enrolled Zalo users. Anyone not here (or revoked) is a citizen.
CREATE TABLE members (
    user_id      TEXT PRIMARY KEY,
    unit_code    TEXT    NOT NULL REFERENCES units (code),
    role         TEXT    NOT NULL CHECK (role IN ('member', 'leader', 'secretariat', 'admin')),
    display_name TEXT,                         -- fetched once from /v3.0/oa/user/detail
    enrolled_at  INTEGER NOT NULL,
    active       INTEGER NOT NULL DEFAULT 1,
    revoked_at   INTEGER
);
CREATE INDEX members_unit ON members (unit_code, active);

-- One-time enrolment codes bound to a unit and a role.
CREATE TABLE invites (
    code       TEXT PRIMARY KEY,
    unit_code  TEXT    NOT NULL REFERENCES units (code),
    role       TEXT    NOT NULL CHECK (role IN ('member', 'leader', 'secretariat', 'admin')),
    created_by TEXT    NOT NULL,               -- user id, or 'cli'
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_by    TEXT,
    used_at    INTEGER
);

-- Who did what: role changes, revocations, summaries and exports.
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      INTEGER NOT NULL,
    actor   TEXT    NOT NULL,                  -- user id or 'cli'
    action  TEXT    NOT NULL,
    subject TEXT,
    detail  TEXT
);
CREATE INDEX audit_at ON audit_log (at);

-- Confirmed weekly reports. A unit has one current report per week (superseded_by IS NULL); older ones
-- stay as history. week_start is the ISO week's Monday (YYYY-MM-DD, Asia/Ho_Chi_Minh).
CREATE TABLE reports (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_code             TEXT    NOT NULL REFERENCES units (code),
    week_start            TEXT    NOT NULL,
    submitted_by          TEXT    NOT NULL,    -- user id
    submitted_at          INTEGER NOT NULL,    -- epoch ms of confirmation
    late                  INTEGER NOT NULL DEFAULT 0,
    plausibility_override INTEGER NOT NULL DEFAULT 0,  -- the sender confirmed a warned value
    superseded_by         INTEGER REFERENCES reports (id),
    superseded_at         INTEGER,
    source_inbox_id       INTEGER UNIQUE       -- the confirming message: a replayed event cannot add a second report
);
CREATE UNIQUE INDEX reports_current ON reports (unit_code, week_start) WHERE superseded_by IS NULL;
CREATE INDEX reports_week ON reports (week_start, unit_code);

CREATE TABLE report_values (
    report_id INTEGER NOT NULL REFERENCES reports (id),
    indicator TEXT    NOT NULL,
    value     INTEGER NOT NULL CHECK (value >= 0),
    PRIMARY KEY (report_id, indicator)
);
