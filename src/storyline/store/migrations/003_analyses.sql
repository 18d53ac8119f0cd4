-- storyline store, schema version 3: stored analyses. What the extraction stages found in
-- an article and its sentence vectors, kept so a story that grows over later runs does
-- not re-parse the articles it already has. A row is used only by the same analysis
-- version (storyline's version and the shape of the records); any other is re-made.

CREATE TABLE analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    version TEXT NOT NULL,
    annotations TEXT NOT NULL,       -- JSON: the annotated article's records, article excepted
    sentence_vectors BLOB NOT NULL,  -- float32 little-endian, one row per sentence
    lead_vector BLOB NOT NULL,       -- float32 little-endian
    analysed_at TEXT NOT NULL
);
