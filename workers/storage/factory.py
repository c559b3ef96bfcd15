"""Open the configured store: PostgreSQL when a database url is set, else SQLite."""

from __future__ import annotations

from workers.settings import Settings
from workers.storage.base import ArticleStore
from workers.storage.cache import CachedStore, RedisCache, redis_client
from workers.storage.postgres import PostgresStore
from workers.storage.sqlite import SqliteStore


def open_database(settings: Settings, *, migrate: bool = True) -> PostgresStore | SqliteStore:
    """The database store alone, schema migrated unless told otherwise."""
    store: PostgresStore | SqliteStore
    if settings.database_url is not None:
        store = PostgresStore(settings.database_url.get_secret_value())
    else:
        store = SqliteStore(settings.sqlite_path)
    if migrate:
        try:
            store.migrate()
        except BaseException:
            store.close()
            raise
    return store


def open_store(settings: Settings, *, cached: bool = True, migrate: bool = True) -> ArticleStore:
    """The store the workers and the command line use: the database behind the
    Redis cache (an unreachable Redis only makes it slower)."""
    store = open_database(settings, migrate=migrate)
    if not cached:
        return store
    cache = RedisCache(
        redis_client(settings.redis_url.get_secret_value()),
        settings.cache_ttl_seconds,
        prefix=settings.redis_prefix,
    )
    return CachedStore(store, cache)
