-- The commune a citizen said they live in (#xa), for handing their questions to that commune's team.
CREATE TABLE citizen_communes (
    user_id   TEXT PRIMARY KEY,
    unit_code TEXT    NOT NULL,
    set_at    INTEGER NOT NULL
);

-- A citizen's latest question and the bot's answer, kept until they ask for a person (or retention drops it).
-- wants_person: they asked for a person and the ticket waits for their commune; awaiting_commune: their next
-- plain message is the commune's name.
CREATE TABLE handoff_requests (
    user_id          TEXT PRIMARY KEY,
    question         TEXT,
    bot_answer       TEXT,
    wants_person     INTEGER NOT NULL DEFAULT 0,
    awaiting_commune INTEGER NOT NULL DEFAULT 0,
    at               INTEGER NOT NULL
);

-- A question handed to a person. status: open (nobody took it), claimed, closed. level: who was asked
-- (0 the commune's team, 1 leaders, 2 the secretariat); notified: whether that level has been messaged;
-- due_at: when an unclaimed ticket goes up a level. citizen_id and the texts are emptied on withdrawal and
-- after kb.keep_questions_days; the counts stay.
CREATE TABLE handoff_tickets (
    code             TEXT PRIMARY KEY,
    citizen_id       TEXT,
    unit_code        TEXT    NOT NULL,
    question         TEXT    NOT NULL,
    bot_answer       TEXT,
    status           TEXT    NOT NULL,
    level            INTEGER NOT NULL DEFAULT 0,
    notified         INTEGER NOT NULL DEFAULT 0,
    unreached_told   INTEGER NOT NULL DEFAULT 0,
    due_at           INTEGER NOT NULL,
    owner_id         TEXT,
    created_at       INTEGER NOT NULL,
    claimed_at       INTEGER,
    first_reply_at   INTEGER,
    closed_at        INTEGER,
    helped           INTEGER
);
CREATE INDEX handoff_tickets_status ON handoff_tickets (status, due_at);
CREATE INDEX handoff_tickets_citizen ON handoff_tickets (citizen_id);

-- Messages for a citizen that Zalo's window did not allow when they were written: delivered when they write again.
CREATE TABLE handoff_held (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    code       TEXT    NOT NULL,
    citizen_id TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    text       TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX handoff_held_citizen ON handoff_held (citizen_id);
