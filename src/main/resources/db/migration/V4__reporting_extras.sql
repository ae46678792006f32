-- A short, stable number per member ("TV12") so admins can name a person in chat without a Zalo id.
ALTER TABLE members ADD COLUMN member_no INTEGER;
CREATE UNIQUE INDEX members_no ON members (member_no);
-- Last failed attempt to fetch the display name; the fetch job retries later instead of hammering Zalo.
ALTER TABLE members ADD COLUMN name_checked_at INTEGER;

-- At most one unconfirmed report per user: a one-line report waiting for #xacnhan or a guided flow in
-- progress. Nothing here counts until confirmed; expired drafts are deleted.
CREATE TABLE report_drafts (
    user_id      TEXT PRIMARY KEY,
    unit_code    TEXT    NOT NULL REFERENCES units (code),
    week_start   TEXT    NOT NULL,             -- ISO week's Monday, YYYY-MM-DD
    draft_values TEXT    NOT NULL,             -- JSON object: indicator code -> value
    step         INTEGER,                      -- guided flow: index of the indicator being asked; NULL = waiting for #xacnhan
    warned       INTEGER NOT NULL DEFAULT 0,   -- plausibility warnings shown; "#xacnhan chắc chắn" now confirms
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);

-- Every reminder round: scheduled ones are keyed by their slot, so a restart neither repeats nor skips one.
CREATE TABLE reminder_runs (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    slot_at    INTEGER UNIQUE,                 -- epoch ms of the scheduled slot; NULL for #nhac
    kind       TEXT    NOT NULL CHECK (kind IN ('scheduled', 'manual')),
    actor      TEXT,                           -- user id for #nhac
    scope      TEXT    NOT NULL,               -- unit code, or '*' for every unit
    week_start TEXT    NOT NULL,
    ran_at     INTEGER NOT NULL,
    missing    INTEGER NOT NULL,               -- reporting units without a report
    messages   INTEGER NOT NULL,
    unreached  INTEGER NOT NULL                -- units nobody could be told about
);

-- Who each round messaged and why; also keeps #nhac from nagging the same person twice within the hour.
CREATE TABLE reminder_messages (
    run_id  INTEGER NOT NULL REFERENCES reminder_runs (id),
    user_id TEXT    NOT NULL,
    kind    TEXT    NOT NULL CHECK (kind IN ('remind', 'escalate', 'both')),
    units   TEXT    NOT NULL                   -- unit codes concerned, comma-separated
);
CREATE INDEX reminder_messages_user ON reminder_messages (user_id);
