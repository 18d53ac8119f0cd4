-- storyline store, schema version 2: stories. Each article belongs to at most one
-- story; a story keeps the bounded clustering state that lets later runs continue it
-- (running-sum lead vector, heaviest keywords, first and last publication time).

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    vector_sum BLOB NOT NULL,        -- float32 little-endian, the sum of member lead vectors
    count INTEGER NOT NULL,
    keywords TEXT NOT NULL,          -- JSON object: keyword bucket -> summed weight
    first_seen TEXT,
    last_seen TEXT,
    updated_at TEXT NOT NULL
);

CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    story_id TEXT NOT NULL REFERENCES stories(id),
    score REAL NOT NULL,
    started INTEGER NOT NULL,
    assigned_at TEXT NOT NULL
);

CREATE INDEX story_articles_story ON story_articles(story_id);
