"""SQLite schema, version by version. Times are fixed-width UTC ISO text."""

from __future__ import annotations

from workers.storage.migrations import Migration

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, versions, entities, subjects, lineage, aliases, full-text index",
        """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    uri TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    precedence TEXT NOT NULL,
    language TEXT,
    headline TEXT NOT NULL,
    source_feed_id TEXT NOT NULL,
    story_id TEXT,
    firstcreated TEXT,
    versioncreated TEXT,
    fetched_at TEXT NOT NULL,
    sort_time TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    search_headline TEXT NOT NULL,
    search_body TEXT NOT NULL
);
CREATE INDEX articles_sort_time ON articles (sort_time);
CREATE INDEX articles_language_time ON articles (language, sort_time);
CREATE INDEX articles_source_time ON articles (source_feed_id, sort_time);

CREATE TABLE article_versions (
    uri TEXT NOT NULL,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    versioncreated TEXT,
    fetched_at TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (uri, version, content_hash)
);

CREATE TABLE article_entities (
    uri TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (uri, entity_id, entity_type)
);
CREATE INDEX article_entities_entity ON article_entities (entity_id);

CREATE TABLE article_subjects (
    uri TEXT NOT NULL,
    code TEXT NOT NULL,
    scheme TEXT NOT NULL,
    name TEXT,
    score REAL NOT NULL,
    PRIMARY KEY (uri, code, scheme)
);
CREATE INDEX article_subjects_code ON article_subjects (code);

CREATE TABLE article_lineage (
    uri TEXT NOT NULL,
    version INTEGER NOT NULL,
    position INTEGER NOT NULL,
    stage TEXT NOT NULL,
    topic TEXT NOT NULL,
    partition_no INTEGER NOT NULL,
    offset_no INTEGER NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (uri, version, position)
);

CREATE TABLE aliases (
    alias_uri TEXT PRIMARY KEY,
    canonical_uri TEXT NOT NULL,
    similarity REAL NOT NULL,
    method TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX aliases_canonical ON aliases (canonical_uri);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    search_headline,
    search_body,
    content = 'articles',
    content_rowid = 'id',
    tokenize = 'porter ascii'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, search_headline, search_body)
    VALUES (new.id, new.search_headline, new.search_body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, search_headline, search_body)
    VALUES ('delete', old.id, old.search_headline, old.search_body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, search_headline, search_body)
    VALUES ('delete', old.id, old.search_headline, old.search_body);
    INSERT INTO articles_fts (rowid, search_headline, search_body)
    VALUES (new.id, new.search_headline, new.search_body);
END;
""",
    ),
    Migration(
        2,
        "enrichment hash: a replay through changed enrichment refreshes the tags",
        "ALTER TABLE articles ADD COLUMN enrichment_hash TEXT NOT NULL DEFAULT '';",
    ),
)
