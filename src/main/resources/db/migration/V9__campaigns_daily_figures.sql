-- Daily figures during a campaign are reports about one day: day = YYYY-MM-DD, inside the ISO week of week_start.
-- A weekly report has day NULL. One current report per unit and week (day NULL) and per unit and day.
ALTER TABLE reports ADD COLUMN day TEXT;
DROP INDEX reports_current;
CREATE UNIQUE INDEX reports_current ON reports (unit_code, week_start, COALESCE(day, '')) WHERE superseded_by IS NULL;
CREATE INDEX reports_day ON reports (day, unit_code) WHERE day IS NOT NULL;

-- A draft may be for one day instead of a week.
ALTER TABLE report_drafts ADD COLUMN day TEXT;

-- Campaigns: a named span of days with indicators and a target per unit and indicator. Never deleted: an ended
-- campaign stays readable. code is short and typed in chat (CD1, CD2 …).
CREATE TABLE campaigns (
    code        TEXT PRIMARY KEY,
    name        TEXT    NOT NULL,
    first_day   TEXT    NOT NULL,              -- YYYY-MM-DD, local date
    last_day    TEXT    NOT NULL,
    indicators  TEXT    NOT NULL,              -- indicator codes, comma-separated, in the configured order
    created_by  TEXT    NOT NULL,              -- user id or 'cli'
    created_at  INTEGER NOT NULL,
    CHECK (first_day <= last_day)
);

-- The current target of each unit and indicator; every change is also in audit_log (campaign.target).
CREATE TABLE campaign_targets (
    campaign_code TEXT    NOT NULL REFERENCES campaigns (code),
    unit_code     TEXT    NOT NULL,
    indicator     TEXT    NOT NULL,
    target        INTEGER NOT NULL CHECK (target >= 0),
    set_by        TEXT    NOT NULL,
    set_at        INTEGER NOT NULL,
    PRIMARY KEY (campaign_code, unit_code, indicator)
);
