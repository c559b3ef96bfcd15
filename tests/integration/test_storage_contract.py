"""One contract for every storage backend (SQLite and PostgreSQL): versions,
aliases, replays, search in Arabic, English and French, the Redis cache."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from prometheus_client import REGISTRY

from tests.integration.storage_fixtures import (
    T0,
    article,
    open_backend,
    pg_schema,
    redis_cache,
    storage_services,
    store,
)
from workers.errors import TransientError
from workers.models import DuplicateNotice
from workers.storage.cache import CachedStore, RedisCache, redis_client
from workers.storage.postgres import PostgresStore
from workers.storage.search import SearchQuery
from workers.storage.sqlite import SqliteStore

pytestmark = pytest.mark.integration

__all__ = ["pg_schema", "redis_cache", "storage_services", "store"]

Store = SqliteStore | PostgresStore

RAQQA = article(
    "ar-raqqa",
    "قالت مصادر محلية إنّ اشتباكاتٍ عنيفة اندلعت في مدينة الرَّقَّة شمال سوريا، "
    "وإنّ القوات تقدمت نحو إدلب.",
    headline="اشتباكات في الرقة",
    language="ar",
    places=("geo:raqqa", "geo:idlib"),
    topics=("medtop:16000000",),
    feed="wire-ar",
)
ELECTION = article(
    "en-election",
    "Voters in Lebanon went to the polls on Sunday in parliamentary elections "
    "seen as a test for the reform movement.",
    headline="Lebanon holds parliamentary elections",
    language="en",
    organisations=("org:un",),
    topics=("medtop:11000000",),
    feed="wire-en",
    versioncreated=T0 + timedelta(days=1),
)
FRENCH = article(
    "fr-elections",
    "Les électeurs libanais se sont rendus aux urnes dimanche pour des élections "
    "législatives très attendues à Beyrouth.",
    headline="Le Liban vote pour ses législatives",
    language="fr",
    places=("geo:beirut",),
    topics=("medtop:11000000",),
    feed="wire-fr",
    versioncreated=T0 + timedelta(days=2),
)
CORPUS = (RAQQA, ELECTION, FRENCH)


def notice(duplicate_uri: str, canonical: str, similarity: float = 1.0) -> DuplicateNotice:
    copy = article(duplicate_uri, "copy of " + canonical)
    method = "exact" if similarity == 1.0 else "near"
    return DuplicateNotice(
        article=copy, duplicate_of=canonical, similarity=similarity, method=method
    )


def cache_count(cache: str, result: str) -> float:
    value = REGISTRY.get_sample_value(
        "newswire_cache_requests_total", {"cache": cache, "result": result}
    )
    return value or 0.0


def uris(store: Any, **query: Any) -> list[str]:
    return [hit.uri for hit in store.search(SearchQuery(**query))]


# --- migrations -----------------------------------------------------------------


def test_migrations_apply_once(store: Store) -> None:
    store.migrate()
    store.migrate()
    assert store.applied_migrations() == [m.version for m in store.migrations]


# --- versions -------------------------------------------------------------------


def test_insert_then_replay_changes_nothing(store: Store) -> None:
    first = store.write_batch(CORPUS, [notice("dup-1", RAQQA.uri)])
    assert (first.inserted, first.updated, first.unchanged, first.aliases) == (3, 0, 0, 1)
    assert sorted(first.changed_uris) == sorted(a.uri for a in CORPUS)
    counts = store.counts()

    replay = store.write_batch(CORPUS, [notice("dup-1", RAQQA.uri)])
    assert (replay.inserted, replay.updated, replay.unchanged, replay.aliases) == (0, 0, 4, 0)
    assert replay.changed == ()
    assert store.counts() == counts == type(counts)(articles=3, versions=4, aliases=1)


def test_higher_version_wins_and_every_version_is_kept(store: Store) -> None:
    v1 = article("story", "first text", version=1)
    v2 = article("story", "second text", version=2)
    v3 = article("story", "third text", version=3)
    store.write_batch([v1], [])
    assert store.write_batch([v3], []).updated == 1
    late = store.write_batch([v2], [])  # an older version arriving late
    assert (late.updated, late.changed) == (0, ())

    current = store.get("story")
    assert current is not None and current.version == 3 and current.body_text == "third text"
    assert [v for v, _ in store.version_history("story")] == [1, 2, 3]
    assert store.counts().articles == 1 and store.counts().versions == 3


def test_versions_within_one_batch(store: Store) -> None:
    v1 = article("story", "first text", version=1)
    v2 = article("story", "second text", version=2)
    result = store.write_batch([v2, v1], [])
    assert (result.inserted, result.unchanged) == (1, 0)
    current = store.get("story")
    assert current is not None and current.version == 2
    assert store.counts().versions == 2


def test_same_version_same_content_is_a_no_op(store: Store) -> None:
    store.write_batch([article("story", "text")], [])
    refetched = article("story", "text", fetched_at=T0 + timedelta(hours=5))
    refetched = refetched.model_copy(update={"versioncreated": refetched.versioncreated})
    result = store.write_batch([refetched], [])
    assert (result.updated, result.unchanged) == (0, 1)
    stored = store.get("story")
    assert stored is not None and stored.fetched_at == T0 + timedelta(minutes=1)


def test_re_enriched_same_version_refreshes_tags_in_place(store: Store) -> None:
    store.write_batch([article("story", "text", places=("Q1",))], [])
    before = store.counts()
    replayed = article("story", "text", places=("Q1",), organisations=("Q2",))
    result = store.write_batch([replayed], [])
    assert (result.inserted, result.updated) == (0, 1)
    assert store.counts() == before
    stored = store.get("story")
    assert stored is not None and [t.id for t in stored.organisation] == ["Q2"]
    assert uris(store, entity="Q2") == ["story"]
    again = store.write_batch([replayed], [])
    assert (again.updated, again.unchanged) == (0, 1)


@pytest.mark.parametrize("order", ["earlier first", "later first"])
def test_same_version_different_content_keeps_the_later(store: Store, order: str) -> None:
    earlier = article("story", "earlier text", versioncreated=T0)
    later = article("story", "corrected text", versioncreated=T0 + timedelta(minutes=3))
    batches = [earlier, later] if order == "earlier first" else [later, earlier]
    for a in batches:
        store.write_batch([a], [])
    current = store.get("story")
    assert current is not None and current.body_text == "corrected text"
    assert store.counts().versions == 2


def test_entities_topics_and_lineage_follow_the_current_version(store: Store) -> None:
    store.write_batch([article("s", "text one", places=("geo:a",), topics=("medtop:1",))], [])
    store.write_batch(
        [article("s", "text two", version=2, places=("geo:b",), topics=("medtop:2",))], []
    )
    assert uris(store, entity="geo:a") == []
    assert uris(store, entity="geo:b") == ["s"]
    assert uris(store, topic="medtop:1") == []
    assert uris(store, topic="medtop:2") == ["s"]
    stored = store.get("s")
    assert stored is not None and [e.offset for e in stored.lineage] == [2]


def test_iter_articles_lists_current_versions(store: Store) -> None:
    many = [article(f"u{n:03d}", f"text {n}") for n in range(7)]
    store.write_batch([*many, article("u003", "new text", version=2)], [notice("c", "u001")])
    listed = list(store.iter_articles(page=3))
    assert [a.uri for a in listed] == [a.uri for a in many]
    assert listed[3].version == 2


# --- aliases --------------------------------------------------------------------


def test_alias_resolves_to_the_canonical_article(store: Store) -> None:
    store.write_batch([RAQQA], [notice("copy-a", RAQQA.uri), notice("copy-b", RAQQA.uri, 0.91)])
    for uri in ("copy-a", "copy-b", RAQQA.uri):
        found = store.get(uri)
        assert found is not None and found.uri == RAQQA.uri
    assert store.get("nowhere") is None
    assert store.counts().aliases == 2
    assert store.write_batch([], [notice("copy-a", RAQQA.uri)]).aliases == 0


def test_alias_arriving_before_its_canonical(store: Store) -> None:
    store.write_batch([], [notice("copy-a", ELECTION.uri)])
    assert store.get("copy-a") is None
    store.write_batch([ELECTION], [])
    found = store.get("copy-a")
    assert found is not None and found.uri == ELECTION.uri


# --- failures -------------------------------------------------------------------


def test_a_failed_batch_is_never_half_applied(store: Store, monkeypatch: Any) -> None:
    store.write_batch([RAQQA], [])
    before = store.counts()

    def broken(*args: Any) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_write_canonicals", broken)
    with pytest.raises(RuntimeError):
        store.write_batch([ELECTION, article(RAQQA.uri, "new", version=2)], [notice("c", "x")])
    monkeypatch.undo()
    assert store.counts() == before
    current = store.get(RAQQA.uri)
    assert current is not None and current.version == 1


def test_a_transient_failure_is_reported_once_and_never_retried_here(
    store: Store, monkeypatch: Any
) -> None:
    """The stage's retry policy decides when to try again: the store tries once."""
    transient = store_transient_error(store)
    original = store._write
    calls = {"n": 0}

    def flaky(*args: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            raise transient
        return original(*args)

    monkeypatch.setattr(store, "_write", flaky)
    with pytest.raises(TransientError) as failed:
        store.write_batch([ELECTION], [])
    assert calls["n"] == 1 and failed.value.dependency == "database"
    assert store.counts().articles == 0
    assert store.write_batch([ELECTION], []).inserted == 1


def store_transient_error(store: Store) -> Exception:
    if isinstance(store, SqliteStore):
        import sqlite3

        return sqlite3.OperationalError("database is locked")
    import psycopg

    return psycopg.OperationalError("server closed the connection unexpectedly")


# --- search ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "الرقة",  # as written
        "الرقه",  # teh marbuta as heh
        "بالرقة",  # preposition + article
        "والرقة",  # conjunction + article
        "للرقة",  # ل + ال written لل
        "الرَّقَّة",  # with diacritics
        "رقة",  # no article
        "ادلب",  # hamza dropped (text has إدلب)
        "أدلب",  # another hamza form
        "اشتباكات الرقة",  # several words
    ],
)
def test_arabic_search_ignores_spelling_variants(store: Store, query: str) -> None:
    store.write_batch(CORPUS, [])
    assert uris(store, text=query) == [RAQQA.uri]


def test_arabic_text_with_variants_is_found_by_plain_query(store: Store) -> None:
    variant = article(
        "ar-variant",
        "وصلت تعزيزات إلى الرقّة وبالرقة وللرقة اليوم",
        headline="تعزيزات",
        language="ar",
    )
    store.write_batch([variant], [])
    assert uris(store, text="الرقة") == ["ar-variant"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("parliamentary elections", ELECTION.uri),
        ("election Lebanon", ELECTION.uri),  # stemming: elections ~ election
        ("LEBANON", ELECTION.uri),
        ("élections législatives", FRENCH.uri),
        ("elections legislatives Beyrouth", FRENCH.uri),  # accents folded
        ("électeurs", FRENCH.uri),
    ],
)
def test_english_and_french_search(store: Store, query: str, expected: str) -> None:
    store.write_batch(CORPUS, [])
    assert uris(store, text=query) == [expected]


def test_search_hit_carries_snippet_and_metadata(store: Store) -> None:
    store.write_batch(CORPUS, [])
    [hit] = store.search(SearchQuery(text="بالرقة"))
    assert hit.headline == RAQQA.headline
    assert hit.language == "ar" and hit.source == "wire-ar"
    assert "«الرَّقَّة" in hit.snippet and hit.score > 0
    assert hit.time == RAQQA.versioncreated


def test_headline_matches_rank_first(store: Store) -> None:
    in_body = article("body", "Talks about Lebanon resumed; nothing else.", headline="Talks")
    in_headline = article("head", "Talks resumed; nothing else.", headline="Lebanon talks")
    store.write_batch([in_body, in_headline], [])
    assert uris(store, text="lebanon") == ["head", "body"]


def test_search_filters(store: Store) -> None:
    store.write_batch(CORPUS, [])
    assert uris(store, text="elections", lang="fr") == [FRENCH.uri]
    assert sorted(uris(store, topic="medtop:11000000")) == sorted([ELECTION.uri, FRENCH.uri])
    assert uris(store, entity="geo:idlib") == [RAQQA.uri]
    assert uris(store, entity="org:un") == [ELECTION.uri]
    assert uris(store, source="wire-fr") == [FRENCH.uri]
    assert uris(store, since=T0 + timedelta(days=1)) == [FRENCH.uri, ELECTION.uri]
    assert uris(store, until=T0 + timedelta(hours=1)) == [RAQQA.uri]
    assert uris(store, since=T0 + timedelta(hours=12), until=T0 + timedelta(days=1, hours=1)) == [
        ELECTION.uri
    ]
    assert uris(store, text="elections", entity="geo:raqqa") == []
    assert len(uris(store, limit=2)) == 2
    assert uris(store, text="nothing-like-this") == []


def test_search_sees_the_current_version_only(store: Store) -> None:
    store.write_batch([article("s", "the ceasefire holds", headline="Ceasefire")], [])
    store.write_batch([article("s", "the truce collapsed", headline="Truce", version=2)], [])
    assert uris(store, text="ceasefire") == []
    assert uris(store, text="truce") == ["s"]


def index_entries(sqlite: SqliteStore) -> list[tuple[Any, ...]]:
    """Every (term, row, column, offset) of the SQLite full-text index."""
    with sqlite._reader() as cur:
        cur.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.index_entries "
            "USING fts5vocab(main, articles_fts, instance)"
        )
        cur.execute("SELECT term, doc, col, offset FROM temp.index_entries ORDER BY 1, 2, 3, 4")
        return list(cur.fetchall())


def test_the_sqlite_text_index_is_a_rebuild_of_the_article_rows_after_every_kind_of_write(
    tmp_path: Any,
) -> None:
    sqlite = SqliteStore(tmp_path / "index.db")
    sqlite.migrate()
    try:
        sqlite.write_batch([*CORPUS, article("s", "the ceasefire holds", role_seq=1)], [])
        sqlite.write_batch([article("s", "the truce collapsed", version=2, role_seq=1)], [])
        demoted = article("fr-elections", FRENCH.body_text, headline=FRENCH.headline, role_seq=5)
        sqlite.write_batch(
            [], [DuplicateNotice(article=demoted, duplicate_of="s", similarity=0.9, method="near")]
        )
        sqlite.split("fr-elections", 9)
        written = index_entries(sqlite)
        with sqlite._reader() as cur:
            cur.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        assert written and written == index_entries(sqlite)
    finally:
        sqlite.close()


# --- cache ----------------------------------------------------------------------


def test_cache_counts_hits_and_misses(store: Store, redis_cache: RedisCache) -> None:
    cached = CachedStore(store, redis_cache)
    cached.write_batch([ELECTION], [notice("copy", ELECTION.uri)])
    misses, hits = cache_count("article", "miss"), cache_count("article", "hit")

    assert cached.get(ELECTION.uri) == ELECTION  # cached by the write
    assert cached.get("copy") == ELECTION  # alias cached by the write
    assert cached.get("unknown") is None
    assert cache_count("article", "hit") - hits == 2
    assert cache_count("article", "miss") - misses == 1


def test_read_through_fills_the_cache(store: Store, redis_cache: RedisCache) -> None:
    store.write_batch([FRENCH], [notice("copy", FRENCH.uri)])  # written around the cache
    cached = CachedStore(store, redis_cache)
    hits = cache_count("article", "hit")
    assert cached.get("copy") == FRENCH  # miss, read from the database
    assert cached.get("copy") == FRENCH  # now a hit
    assert cached.get(FRENCH.uri) == FRENCH
    assert cache_count("article", "hit") - hits == 2
    ttl = redis_cache._client.ttl(redis_cache.article_key(FRENCH.uri))
    assert 0 < ttl <= 300


def test_an_article_cached_by_a_write_reads_as_the_database_gives_it(
    store: Store, redis_cache: RedisCache
) -> None:
    cached = CachedStore(store, redis_cache)
    cached.write_batch([article("v", "first text", versioncreated=T0)], [])
    later = article("v", "second text", versioncreated=T0 + timedelta(hours=1))
    written = cached.write_batch([later], [])
    assert written.numbers[("v", later.content_hash)] == 2, "numbered past the source's 1"
    from_cache = redis_cache.lookup("v")
    assert from_cache is not None and from_cache == store.get("v")
    assert (from_cache.version, from_cache.body_text) == (2, "second text")


def test_new_version_invalidates_article_and_search_caches(
    store: Store, redis_cache: RedisCache
) -> None:
    cached = CachedStore(store, redis_cache)
    cached.write_batch([article("s", "the ceasefire holds", headline="Ceasefire")], [])
    query = SearchQuery(text="truce")
    assert cached.search(query) == []
    hits = cache_count("search", "hit")
    assert cached.search(query) == []
    assert cache_count("search", "hit") - hits == 1

    cached.write_batch([article("s", "the truce collapsed", headline="Truce", version=2)], [])
    fresh = cached.get("s")
    assert fresh is not None and fresh.version == 2
    assert [h.uri for h in cached.search(query)] == ["s"]

    replay = cached.write_batch([article("s", "the ceasefire holds", headline="Ceasefire")], [])
    assert replay.changed == ()
    again = cached.get("s")
    assert again is not None and again.version == 2


def test_redis_down_gives_correct_answers(store: Store) -> None:
    dead = RedisCache(redis_client("redis://127.0.0.1:1/0", timeout_seconds=0.2), 300)
    cached = CachedStore(store, dead)
    misses = cache_count("article", "miss")
    result = cached.write_batch(CORPUS, [notice("copy", RAQQA.uri)])
    assert result.inserted == 3
    assert cached.get("copy") == RAQQA
    assert cached.get(ELECTION.uri) == ELECTION
    assert [h.uri for h in cached.search(SearchQuery(text="بالرقة"))] == [RAQQA.uri]
    assert cache_count("article", "miss") - misses == 2
    cached.close()


def test_second_store_on_same_database(
    request: pytest.FixtureRequest, store: Store, tmp_path: Any
) -> None:
    """A restarted worker sees what the previous one wrote."""
    store.write_batch(CORPUS, [notice("copy", RAQQA.uri)])
    name = "sqlite" if isinstance(store, SqliteStore) else "postgres"
    other = open_backend(name, request, tmp_path)
    try:
        other.migrate()
        assert other.counts() == store.counts()
        assert other.get("copy") == RAQQA
    finally:
        other.close()


def test_postgres_store_reconnects_after_losing_its_connection(
    pg_schema: tuple[str, str],
) -> None:
    import psycopg

    dsn, schema = pg_schema
    pg = PostgresStore(dsn, schema=schema)
    try:
        pg.migrate()
        with psycopg.connect(dsn, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pg._conn.info.backend_pid,))
        with pytest.raises(TransientError):
            pg.write_batch([ELECTION], [])
        assert pg.write_batch([ELECTION], []).inserted == 1, "the next call reconnects"
        assert pg.get(ELECTION.uri) == ELECTION
    finally:
        pg.close()


def test_open_store_picks_postgres_from_the_database_url(
    pg_schema: tuple[str, str], redis_cache: RedisCache
) -> None:
    import psycopg
    from psycopg.conninfo import make_conninfo

    from workers.settings import Settings
    from workers.storage.factory import open_store

    dsn, schema = pg_schema
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    url = make_conninfo(dsn, options=f"-c search_path={schema}")
    settings = Settings(
        database_url=url,  # type: ignore[arg-type]
        redis_url=redis_url_of(redis_cache),  # type: ignore[arg-type]
        redis_prefix=redis_cache._prefix,  # the fixture removes these keys
    )
    store = open_store(settings)
    try:
        assert isinstance(store, CachedStore) and isinstance(store.store, PostgresStore)
        store.write_batch([FRENCH], [])
        assert store.get(FRENCH.uri) == FRENCH
    finally:
        store.close()


def redis_url_of(cache: RedisCache) -> str:
    kwargs = cache._client.connection_pool.connection_kwargs
    return f"redis://{kwargs['host']}:{kwargs['port']}/{kwargs.get('db', 0)}"
