"""The cache's failure behaviour, without any server: an unreachable Redis."""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest
from prometheus_client import REGISTRY

from workers.models import EnrichedArticle, Source
from workers.settings import Settings
from workers.storage.cache import CachedStore, RedisCache, redis_client
from workers.storage.factory import open_store
from workers.storage.search import SearchQuery
from workers.storage.sqlite import SqliteStore

DEAD = "redis://127.0.0.1:1/0"


def make(uri: str, body: str) -> EnrichedArticle:
    return EnrichedArticle(
        uri=uri,
        headline="Talks in Beirut",
        body_text=body,
        language="en",
        fetched_at=datetime(2026, 3, 1, tzinfo=UTC),
        source=Source(feed_id="f", format="agency-text", parser="p"),
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
    )


def misses(cache: str) -> float:
    labels = {"cache": cache, "result": "miss"}
    return REGISTRY.get_sample_value("newswire_cache_requests_total", labels) or 0.0


@pytest.fixture
def cached(tmp_path: Path) -> CachedStore:
    store = SqliteStore(tmp_path / "a.db")
    store.migrate()
    return CachedStore(store, RedisCache(redis_client(DEAD, timeout_seconds=0.1), 60))


def test_unreachable_redis_means_misses_and_right_answers(
    cached: CachedStore, caplog: pytest.LogCaptureFixture
) -> None:
    article_misses, search_misses = misses("article"), misses("search")
    with caplog.at_level(logging.WARNING):
        assert cached.write_batch([make("a", "talks resumed")], []).inserted == 1
        assert cached.get("a") == make("a", "talks resumed")
        assert cached.get("b") is None
        assert [h.uri for h in cached.search(SearchQuery(text="talks"))] == ["a"]
    assert misses("article") - article_misses == 2
    assert misses("search") - search_misses == 1
    outage_lines = [r for r in caplog.records if "redis cache unavailable" in r.getMessage()]
    assert len(outage_lines) == 1
    cached.close()


def test_open_store_works_without_redis(tmp_path: Path) -> None:
    settings = Settings(sqlite_path=tmp_path / "db" / "n.db", redis_url=DEAD)  # type: ignore[arg-type]
    store = open_store(settings)
    try:
        store.write_batch([make("a", "body")], [])
        assert store.counts().articles == 1
        found = store.get("a")
        assert found is not None and found.uri == "a"
    finally:
        store.close()


def test_keys_carry_the_prefix() -> None:
    cache = RedisCache(redis_client(DEAD), 60, prefix="newswire:")
    assert cache.article_key("urn:x") == "newswire:article:urn:x"
