-- Excel exports served at /exports/{token}. Only the SHA-256 of the token is stored, so a copy of the database
-- does not give working links. The file is kept until it expires; the row a while longer so an old link gets
-- "expired" rather than "unknown".
CREATE TABLE summary_exports (
    token_hash TEXT PRIMARY KEY,               -- lowercase hex SHA-256 of the base64url token
    created_by TEXT    NOT NULL,               -- user id
    created_at INTEGER NOT NULL,               -- epoch ms
    expires_at INTEGER NOT NULL,               -- epoch ms
    scope      TEXT    NOT NULL,               -- unit code ('*' = the whole tree)
    week_start TEXT    NOT NULL,
    file_name  TEXT    NOT NULL,
    content    BLOB                            -- NULL once expired
);
CREATE INDEX summary_exports_expiry ON summary_exports (expires_at);

-- One row per weekly digest slot that has run, written in the same transaction as the digests it queued:
-- a restart never sends a slot twice.
CREATE TABLE summary_digest_runs (
    slot       TEXT PRIMARY KEY,               -- local date-time of the slot, e.g. 2026-11-23T14:00
    week_start TEXT    NOT NULL,
    ran_at     INTEGER NOT NULL,
    sent       INTEGER NOT NULL,
    deferred   INTEGER NOT NULL
);

-- A digest waiting for a secretariat member outside Zalo's messaging window; delivered (freshly computed)
-- after their next message. Only the newest week is kept per member.
CREATE TABLE summary_pending_digests (
    user_id    TEXT PRIMARY KEY,
    week_start TEXT    NOT NULL,
    slot       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

-- Current reports of a week with their values, read by every summary.
CREATE INDEX summary_report_values_cover ON report_values (report_id, indicator, value);
