"""Open the configured store: PostgreSQL when a database url is set, else SQLite."""

from __future__ import annotations

from workers import redis_client as redis_connection
from workers.settings import Settings
from workers.storage.base import ArticleStore
from workers.storage.cache import CachedStore, RedisCache, redis_client
from workers.storage.postgres import PostgresStore, settings_dsn
from workers.storage.sqlite import SqliteStore


def open_database(settings: Settings, *, migrate: bool = True) -> PostgresStore | SqliteStore:
    """The database store alone, schema migrated unless told otherwise."""
    store: PostgresStore | SqliteStore
    if settings.database_url is not None:
        store = PostgresStore(settings_dsn(settings))
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
    Redis cache. An unreachable Redis only makes it slower; one that refuses the
    configured user or TLS fails here, naming the setting."""
    store = open_database(settings, migrate=migrate)
    if not cached:
        return store
    client = redis_client(
        settings.redis_url.get_secret_value(), **redis_connection.connection_options(settings)
    )
    try:
        redis_connection.require_access(settings, client)
    except BaseException:
        client.close()
        store.close()
        raise
    cache = RedisCache(client, settings.cache_ttl_seconds, prefix=settings.redis_prefix)
    return CachedStore(store, cache)
