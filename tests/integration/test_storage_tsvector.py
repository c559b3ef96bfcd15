"""The tsvectors the PostgreSQL store writes are those the server computes from
the same index text."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import sql

from tests.integration.storage_fixtures import article, pg_schema, storage_services
from workers.storage.postgres import PostgresStore, text_search_config
from workers.storage.tokens import index_text

pytestmark = pytest.mark.integration

__all__ = ["pg_schema", "storage_services"]

LONG_BODY = " ".join(f"war{n % 300} and the peace" for n in range(4200))
ARTICLES = (
    article(
        "ar",
        "قالت مصادر إنّ اشتباكاتٍ اندلعت في مدينة الرَّقَّة وبالرقة، والقوات تقدمت نحو إدلب.",
        headline="اشتباكات في الرقة",
        language="ar",
    ),
    article("en", "The cats were sitting on the mats; it's 3.5 km — e-mail AT&T.", headline="Cats"),
    article(
        "fr",
        "Les électeurs se sont rendus aux urnes à Beyrouth.",
        headline="Le vote",
        language="fr",
    ),
    article("xx", "Ein Wort und noch eins", headline="Wort", language="de"),
    article("en-long", LONG_BODY, headline="the war " * 300),
    article("en-empty", "the of and", headline="the"),
)


def test_written_tsvectors_equal_the_servers(pg_schema: tuple[str, str]) -> None:
    dsn, schema = pg_schema
    store = PostgresStore(dsn, schema=schema)
    try:
        store.migrate()
        store.write_batch(ARTICLES, [])
    finally:
        store.close()
    with psycopg.connect(dsn) as conn:
        for a in ARTICLES:
            config = text_search_config(a.language)
            query = sql.SQL(
                "SELECT tsv::text, (setweight(to_tsvector({c}::regconfig, %s), 'A') "
                "|| setweight(to_tsvector({c}::regconfig, %s), 'B'))::text "
                "FROM {t} WHERE uri = %s"
            ).format(c=sql.Literal(config), t=sql.Identifier(schema, "articles"))
            row = conn.execute(
                query, (index_text(a.headline), index_text(a.body_text), a.uri)
            ).fetchone()
            assert row is not None
            written, computed = row
            assert written == computed, a.uri
