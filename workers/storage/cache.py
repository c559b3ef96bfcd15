"""Redis read-through cache for `get` and repeated searches.

`article:{uri}` holds the current version of an article, written after every
store write and on a read miss. Searches are cached under a generation number
that every write with changes bumps, so a new version is never hidden behind
an older cached answer. Redis being down makes answers slower, never wrong or
failed: every Redis error counts as a miss and is logged once per outage.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Literal, TypeVar

import redis
from pydantic import TypeAdapter

from workers.codec import encode
from workers.metrics import CACHE_REQUESTS
from workers.models import DuplicateNotice, EnrichedArticle
from workers.storage.base import ArticleStore, SearchHit, StoreCounts, Story, WriteResult
from workers.storage.search import SearchQuery

log = logging.getLogger(__name__)

T = TypeVar("T")
CacheName = Literal["article", "search"]

_HITS = TypeAdapter(list[SearchHit])


class RedisCache:
    def __init__(
        self,
        client: redis.Redis[bytes],
        ttl_seconds: int,
        *,
        search_ttl_seconds: int = 600,
        prefix: str = "",
        retry_after_seconds: float = 5.0,
    ) -> None:
        self._client = client
        self._ttl = ttl_seconds
        self._search_ttl = min(search_ttl_seconds, ttl_seconds)
        self._prefix = prefix
        self._retry_after = retry_after_seconds
        self._down_until = 0.0
        self._outage_logged = False
        for cache in ("article", "search"):
            for result in ("hit", "miss"):
                CACHE_REQUESTS.labels(cache=cache, result=result)

    @property
    def client(self) -> redis.Redis[bytes]:
        return self._client

    def article_key(self, uri: str) -> str:
        return f"{self._prefix}article:{uri}"

    def _alias_key(self, uri: str) -> str:
        return f"{self._prefix}alias:{uri}"

    @property
    def _generation_key(self) -> str:
        return f"{self._prefix}search:generation"

    def _search_key(self, generation: int, query: SearchQuery) -> str:
        digest = hashlib.sha256(query.model_dump_json().encode()).hexdigest()[:32]
        return f"{self._prefix}search:{generation}:{digest}"

    # --- failure handling ---------------------------------------------------------

    def _safely(self, action: Callable[[], T]) -> T | None:
        """Run a Redis call; on any Redis failure return None and skip Redis for a while."""
        if time.monotonic() < self._down_until:
            return None
        try:
            value = action()
        except (redis.RedisError, OSError) as exc:
            self._down_until = time.monotonic() + self._retry_after
            if not self._outage_logged:
                log.warning("redis cache unavailable, reading from the database: %s", exc)
                self._outage_logged = True
            return None
        if self._outage_logged:
            log.info("redis cache available again")
            self._outage_logged = False
        return value

    @staticmethod
    def _count(cache: CacheName, hit: bool) -> None:
        CACHE_REQUESTS.labels(cache=cache, result="hit" if hit else "miss").inc()

    # --- articles -----------------------------------------------------------------

    def lookup(self, uri: str) -> EnrichedArticle | None:
        """The cached article for `uri` (directly or through its alias), counted."""

        def fetch() -> bytes | None:
            raw, canonical = self._client.mget([self.article_key(uri), self._alias_key(uri)])
            if raw is None and canonical is not None:
                raw = self._client.get(self.article_key(canonical.decode()))
            return raw

        raw = self._safely(fetch)
        self._count("article", raw is not None)
        return None if raw is None else EnrichedArticle.model_validate_json(raw)

    def remember(self, uri: str, article: EnrichedArticle) -> None:
        """Cache what a read found. NX: never overwrite a newer version a writer set
        between our database read and now."""

        def store() -> None:
            pipe = self._client.pipeline(transaction=False)
            pipe.set(self.article_key(article.uri), encode(article), ex=self._ttl, nx=True)
            if uri != article.uri:
                pipe.set(self._alias_key(uri), article.uri, ex=self._ttl)
            pipe.execute()

        self._safely(store)

    def written(self, result: WriteResult) -> None:
        """Cache the articles a write made current, forget those that became
        aliases, and invalidate cached searches."""
        if not result.changed and not result.new_aliases:
            return

        def store() -> None:
            pipe = self._client.pipeline(transaction=False)
            values = result.changed_json or tuple(encode(a) for a in result.changed)
            for article, value in zip(result.changed, values, strict=True):
                pipe.set(self.article_key(article.uri), value, ex=self._ttl)
            if result.demoted:
                pipe.delete(*[self.article_key(uri) for uri in result.demoted])
            for alias, canonical in result.new_aliases:
                pipe.set(self._alias_key(alias), canonical, ex=self._ttl)
            if result.changed or result.demoted:
                pipe.incr(self._generation_key)
            pipe.execute()

        self._safely(store)

    def split_off(self, uri: str, article: EnrichedArticle) -> None:
        """`uri`, an alias until now, is an article of its own."""

        def store() -> None:
            pipe = self._client.pipeline(transaction=False)
            pipe.delete(self._alias_key(uri))
            pipe.set(self.article_key(uri), encode(article), ex=self._ttl)
            pipe.incr(self._generation_key)
            pipe.execute()

        self._safely(store)

    # --- searches -----------------------------------------------------------------

    def _generation(self) -> int:
        value = self._client.get(self._generation_key)
        return int(value) if value is not None else 0

    def cached_search(self, query: SearchQuery) -> list[SearchHit] | None:
        def fetch() -> bytes | None:
            return self._client.get(self._search_key(self._generation(), query))

        raw = self._safely(fetch)
        self._count("search", raw is not None)
        return None if raw is None else _HITS.validate_json(raw)

    def remember_search(self, query: SearchQuery, hits: list[SearchHit]) -> None:
        def store() -> None:
            key = self._search_key(self._generation(), query)
            self._client.set(key, _HITS.dump_json(hits), ex=self._search_ttl)

        self._safely(store)

    def close(self) -> None:
        self._safely(self._client.close)


class CachedStore:
    """An `ArticleStore` that reads through, and writes into, a `RedisCache`."""

    def __init__(self, store: ArticleStore, cache: RedisCache) -> None:
        self.store = store
        self.cache = cache

    def migrate(self) -> None:
        self.store.migrate()

    def write_batch(
        self, articles: Sequence[EnrichedArticle], aliases: Sequence[DuplicateNotice]
    ) -> WriteResult:
        result = self.store.write_batch(articles, aliases)
        self.cache.written(result)
        return result

    def get(self, uri: str, *, own: bool = False) -> EnrichedArticle | None:
        """Through the cache; an alias's own text (`own`) is read from the database."""
        if own:
            return self.store.get(uri, own=True)
        cached = self.cache.lookup(uri)
        if cached is not None:
            return cached
        article = self.store.get(uri)
        if article is not None:
            self.cache.remember(uri, article)
        return article

    def split(self, uri: str, seq: int) -> EnrichedArticle:
        article = self.store.split(uri, seq)
        self.cache.split_off(uri, article)
        return article

    def search(self, query: SearchQuery) -> list[SearchHit]:
        cached = self.cache.cached_search(query)
        if cached is not None:
            return cached
        hits = self.store.search(query)
        self.cache.remember_search(query, hits)
        return hits

    def story(self, story_id: str) -> Story:
        return self.store.story(story_id)

    def iter_articles(self) -> Iterator[EnrichedArticle]:
        return self.store.iter_articles()

    def counts(self) -> StoreCounts:
        return self.store.counts()

    def close(self) -> None:
        self.store.close()
        self.cache.close()


def redis_client(url: str, timeout_seconds: float = 0.5, **options: Any) -> redis.Redis[bytes]:
    """A client that fails fast, so that an unreachable Redis costs little per call."""
    return redis.Redis.from_url(
        url, socket_connect_timeout=timeout_seconds, socket_timeout=timeout_seconds, **options
    )
