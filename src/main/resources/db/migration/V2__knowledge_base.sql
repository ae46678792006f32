-- Questions the knowledge base could not answer with confidence (it offered choices or said it does not
-- know), kept for the editors who write articles. Deleted with the user's other data on user_withdraw.
CREATE TABLE kb_unanswered (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    inbox_id    INTEGER UNIQUE,               -- the message: a replayed event is not logged twice
    user_id     TEXT    NOT NULL,
    question    TEXT    NOT NULL,
    decision    TEXT    NOT NULL CHECK (decision IN ('clarify', 'fallback')),
    top_article TEXT,                         -- best match, even if not good enough
    confidence  REAL    NOT NULL,
    asked_at    INTEGER NOT NULL              -- epoch ms
);
CREATE INDEX kb_unanswered_asked ON kb_unanswered (asked_at);

-- "Hữu ích" / "Chưa đúng" presses. For a "Chưa đúng" the question that led to the article is kept.
CREATE TABLE kb_feedback (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    inbox_id   INTEGER UNIQUE,
    user_id    TEXT    NOT NULL,
    article_id TEXT    NOT NULL,
    helpful    INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    question   TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX kb_feedback_article ON kb_feedback (article_id, helpful);

-- Each user's latest question and the article shown for it, so feedback can be tied to the question.
CREATE TABLE kb_last_question (
    user_id    TEXT PRIMARY KEY,
    question   TEXT    NOT NULL,
    article_id TEXT,
    asked_at   INTEGER NOT NULL
);
