"""PostgreSQL schema, version by version.

Full-text search uses one tsvector per article (`articles.tsv`), that of the
text-search configuration of the article's language (`newswire_ts_config`) over
the normalized, proclitic-expanded words of its headline (weight A) and body
(weight B). Up to version 3 the server computed it from two text columns;
from version 4 the application writes it (`workers.storage.tsvector`, the same
vector from the server's own lexemes).
"""

from __future__ import annotations

from workers.storage.migrations import Migration

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, versions, entities, subjects, lineage, aliases, full-text index",
        """
CREATE OR REPLACE FUNCTION newswire_ts_config(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE lang
        WHEN 'ar' THEN 'pg_catalog.arabic'::regconfig
        WHEN 'en' THEN 'pg_catalog.english'::regconfig
        WHEN 'fr' THEN 'pg_catalog.french'::regconfig
        ELSE 'pg_catalog.simple'::regconfig
    END
$$;

CREATE TABLE articles (
    uri text PRIMARY KEY,
    version integer NOT NULL,
    content_hash text NOT NULL,
    precedence text NOT NULL,
    language text,
    headline text NOT NULL,
    source_feed_id text NOT NULL,
    story_id text,
    firstcreated timestamptz,
    versioncreated timestamptz,
    fetched_at timestamptz NOT NULL,
    sort_time timestamptz NOT NULL,
    stored_at timestamptz NOT NULL,
    search_headline text NOT NULL,
    search_body text NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(newswire_ts_config(language), search_headline), 'A')
        || setweight(to_tsvector(newswire_ts_config(language), search_body), 'B')
    ) STORED
);
CREATE INDEX articles_tsv ON articles USING gin (tsv);
CREATE INDEX articles_sort_time ON articles (sort_time);
CREATE INDEX articles_language_time ON articles (language, sort_time);
CREATE INDEX articles_source_time ON articles (source_feed_id, sort_time);

CREATE TABLE article_versions (
    uri text NOT NULL,
    version integer NOT NULL,
    content_hash text NOT NULL,
    versioncreated timestamptz,
    fetched_at timestamptz NOT NULL,
    stored_at timestamptz NOT NULL,
    payload jsonb NOT NULL,
    PRIMARY KEY (uri, version, content_hash)
);

CREATE TABLE article_entities (
    uri text NOT NULL,
    entity_id text NOT NULL,
    entity_type text NOT NULL,
    mentions integer NOT NULL,
    PRIMARY KEY (uri, entity_id, entity_type)
);
CREATE INDEX article_entities_entity ON article_entities (entity_id);

CREATE TABLE article_subjects (
    uri text NOT NULL,
    code text NOT NULL,
    scheme text NOT NULL,
    name text,
    score double precision NOT NULL,
    PRIMARY KEY (uri, code, scheme)
);
CREATE INDEX article_subjects_code ON article_subjects (code);

CREATE TABLE article_lineage (
    uri text NOT NULL,
    version integer NOT NULL,
    position integer NOT NULL,
    stage text NOT NULL,
    topic text NOT NULL,
    partition_no integer NOT NULL,
    offset_no bigint NOT NULL,
    at timestamptz NOT NULL,
    PRIMARY KEY (uri, version, position)
);

CREATE TABLE aliases (
    alias_uri text PRIMARY KEY,
    canonical_uri text NOT NULL,
    similarity double precision NOT NULL,
    method text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX aliases_canonical ON aliases (canonical_uri);
""",
    ),
    Migration(
        2,
        "narrow article rows: long text and tsvectors stored out of line",
        # Searches visit the heap row of every match; with the long columns
        # toasted, far more rows fit a page. Applies to rows written from now on.
        "ALTER TABLE articles SET (toast_tuple_target = 128);",
    ),
    Migration(
        3,
        "enrichment hash: a replay through changed enrichment refreshes the tags",
        "ALTER TABLE articles ADD COLUMN enrichment_hash TEXT NOT NULL DEFAULT '';",
    ),
    Migration(
        4,
        "tsvector written by the application; the indexed text columns go",
        # Stored vectors keep their values: the application builds the same ones.
        """
ALTER TABLE articles ALTER COLUMN tsv DROP EXPRESSION;
ALTER TABLE articles ALTER COLUMN tsv SET NOT NULL;
ALTER TABLE articles DROP COLUMN search_headline, DROP COLUMN search_body;
""",
    ),
    Migration(
        5,
        "payloads stored as text",
        # Parsing a payload into jsonb cost about as much as the rest of its
        # version row, and only the body of the hits is ever read out of it.
        "ALTER TABLE article_versions ALTER COLUMN payload TYPE text;",
    ),
    Migration(
        6,
        "payloads and tsvectors compressed with lz4",
        # pglz costs about a third of a version row's insert and a sixth of an
        # article row's when its tsvector is compressed; lz4 a fraction of that,
        # and it decompresses faster for ranking. Applies to rows written
        # from now on; a server built without lz4 keeps pglz.
        """
DO $$
BEGIN
    ALTER TABLE article_versions ALTER COLUMN payload SET COMPRESSION lz4;
    ALTER TABLE articles ALTER COLUMN tsv SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available: payloads and tsvectors stay compressed with pglz';
END
$$;
""",
    ),
    Migration(
        7,
        "every content a version row (aliases keep their text), roles in decision order",
        # Version rows are keyed by content: numbers follow the source's order and
        # may change when an older version arrives late. The precedence of rows
        # stored before is their old number, which kept their order.
        """
DELETE FROM article_versions a USING article_versions b
WHERE a.uri = b.uri AND a.content_hash = b.content_hash AND a.version < b.version;
ALTER TABLE article_versions DROP CONSTRAINT article_versions_pkey;
ALTER TABLE article_versions ADD PRIMARY KEY (uri, content_hash);
ALTER TABLE article_versions
    ADD COLUMN precedence text,
    ADD COLUMN enrichment_hash text NOT NULL DEFAULT '',
    ADD COLUMN normalized_hash text,
    ADD COLUMN signature bytea;
UPDATE article_versions v SET precedence = lpad(v.version::text, 10, '0') || '|'
    || coalesce(
        to_char(v.versioncreated AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'), '')
    || '|' || to_char(v.fetched_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')
    || '|' || v.content_hash,
    enrichment_hash = coalesce((SELECT a.enrichment_hash FROM articles a
        WHERE a.uri = v.uri AND a.content_hash = v.content_hash), '');
ALTER TABLE article_versions ALTER COLUMN precedence SET NOT NULL;
ALTER TABLE articles
    ADD COLUMN role_seq bigint NOT NULL DEFAULT 0,
    ADD COLUMN dedup_key text NOT NULL DEFAULT '',
    ADD COLUMN split boolean NOT NULL DEFAULT false;
ALTER TABLE aliases
    ADD COLUMN stored_at timestamptz,
    ADD COLUMN role_seq bigint NOT NULL DEFAULT 0,
    ADD COLUMN dedup_key text NOT NULL DEFAULT '';
UPDATE aliases SET stored_at = created_at;
ALTER TABLE aliases ALTER COLUMN stored_at SET NOT NULL;
CREATE INDEX articles_stored_at ON articles (stored_at);
CREATE INDEX aliases_stored_at ON aliases (stored_at);
""",
    ),
    Migration(
        8,
        "stories: an article's story is looked up by its id",
        "CREATE INDEX articles_story ON articles (story_id);",
    ),
)
