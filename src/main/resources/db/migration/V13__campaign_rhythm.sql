-- The daily rhythm of campaigns: one row per kind and local day once its messages are queued, in the same
-- transaction, so a restart neither repeats nor skips a run.
CREATE TABLE campaign_rhythm_runs (
    kind      TEXT    NOT NULL CHECK (kind IN ('evening', 'morning', 'digest')),
    day       TEXT    NOT NULL,                 -- YYYY-MM-DD, local date of the slot
    slot_at   INTEGER NOT NULL,                 -- epoch ms of the configured time that day
    ran_at    INTEGER NOT NULL,
    campaigns TEXT    NOT NULL,                 -- codes of the campaigns running that day, comma-separated
    messages  INTEGER NOT NULL,                 -- messages queued
    unreached INTEGER NOT NULL,                 -- people Zalo would not let the OA message
    PRIMARY KEY (kind, day)
);
