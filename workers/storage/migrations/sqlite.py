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
    Migration(
        3,
        "every content a version row (aliases keep their text), roles in decision order",
        # Version rows are keyed by content: numbers follow the source's order and
        # may change when an older version arrives late. The precedence of rows
        # stored before is their old number, which kept their order.
        """
CREATE TABLE article_versions_by_content (
    uri TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    version INTEGER NOT NULL,
    precedence TEXT NOT NULL,
    versioncreated TEXT,
    fetched_at TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    enrichment_hash TEXT NOT NULL DEFAULT '',
    normalized_hash TEXT,
    signature BLOB,
    payload TEXT NOT NULL,
    PRIMARY KEY (uri, content_hash)
);
INSERT OR IGNORE INTO article_versions_by_content
    (uri, content_hash, version, precedence, versioncreated, fetched_at, stored_at, payload)
SELECT uri, content_hash, version,
       printf('%010d|%s|%s|%s', version, coalesce(versioncreated, ''), fetched_at, content_hash),
       versioncreated, fetched_at, stored_at, payload
FROM article_versions ORDER BY version DESC;
DROP TABLE article_versions;
ALTER TABLE article_versions_by_content RENAME TO article_versions;
UPDATE article_versions SET enrichment_hash = coalesce(
    (SELECT a.enrichment_hash FROM articles a
     WHERE a.uri = article_versions.uri AND a.content_hash = article_versions.content_hash), '');
ALTER TABLE articles ADD COLUMN role_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN dedup_key TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN split INTEGER NOT NULL DEFAULT 0;
ALTER TABLE aliases ADD COLUMN stored_at TEXT NOT NULL DEFAULT '';
ALTER TABLE aliases ADD COLUMN role_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE aliases ADD COLUMN dedup_key TEXT NOT NULL DEFAULT '';
UPDATE aliases SET stored_at = created_at;
CREATE INDEX articles_stored_at ON articles (stored_at);
CREATE INDEX aliases_stored_at ON aliases (stored_at);
""",
    ),
    Migration(
        4,
        "stories: an article's story is looked up by its id",
        "CREATE INDEX articles_story ON articles (story_id);",
    ),
    Migration(
        5,
        "full-text index: new article rows indexed by one statement per batch",
        # The store indexes the rows it inserts itself (`SqliteStore._index_articles`):
        # one INSERT ... SELECT per batch costs less than the trigger run row by row.
        "DROP TRIGGER articles_fts_insert;",
    ),
)
