"""The store's tables. `FORMAT` changes whenever these do; a store of another format is rebuilt."""

from __future__ import annotations

FORMAT = 2

TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    path TEXT PRIMARY KEY, kind TEXT NOT NULL, item_id TEXT NOT NULL,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, digest TEXT NOT NULL, problems TEXT NOT NULL
);
CREATE TABLE topics (
    id TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE, title TEXT NOT NULL, ord INTEGER NOT NULL,
    rank INTEGER NOT NULL, sort_title TEXT NOT NULL, summary TEXT NOT NULL, aliases TEXT NOT NULL,
    claim_count INTEGER NOT NULL, difference_count INTEGER NOT NULL
);
CREATE INDEX topics_reading ON topics (rank, ord, sort_title, path);
-- Apart from the outline's columns, so reading the outline never pages through claims.
CREATE TABLE bodies (id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE sources (id TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE, record TEXT NOT NULL);
CREATE TABLE cites (
    topic_id TEXT NOT NULL, source_id TEXT NOT NULL, claims INTEGER NOT NULL,
    differences INTEGER NOT NULL, lines TEXT NOT NULL, PRIMARY KEY (topic_id, source_id)
) WITHOUT ROWID;
CREATE INDEX cites_source ON cites (source_id);
-- The search index (briefing.store.search_index): documents, postings as compressed bitsets,
-- the vocabulary's typo keys and stems, each kind's documents, and corpus statistics.
CREATE TABLE sdocs (doc INTEGER PRIMARY KEY, path TEXT NOT NULL, kind TEXT NOT NULL, topic_id TEXT,
                    body TEXT NOT NULL);
CREATE INDEX sdocs_path ON sdocs (path);
CREATE INDEX sdocs_topic ON sdocs (topic_id) WHERE kind = 'topic';
CREATE TABLE sterms (term TEXT PRIMARY KEY, df INTEGER NOT NULL, bits BLOB NOT NULL, word INTEGER NOT NULL,
                     stem TEXT);
CREATE INDEX sterms_stem ON sterms (stem) WHERE stem IS NOT NULL;
CREATE TABLE styped (key TEXT NOT NULL, term TEXT NOT NULL);
CREATE INDEX styped_key ON styped (key);
CREATE TABLE skinds (kind TEXT PRIMARY KEY, bits BLOB NOT NULL);
CREATE TABLE sstate (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
