"""Fixtures for the storage contract suite: real PostgreSQL and Redis from the
local stack (`devstack.stack`), a fresh schema and key prefix per test.

Set NEWSWIRE_TEST_DATABASE_URL to use an existing PostgreSQL instead; with
NEWSWIRE_REDIS_URL / NEWSWIRE_DATABASE_URL pointing at running servers the stack
starts nothing. Under CI=true a server that cannot be had fails the test.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, NoReturn

import psycopg
import pytest
import redis
from psycopg import sql

from devstack.stack import ServiceState, StackError, down, postgres_dsn, status, up
from workers.errors import NewswireError
from workers.models import EnrichedArticle, EntityTag, LineageEntry, Source, Subject, Takeover
from workers.settings import Settings
from workers.storage.cache import RedisCache, redis_client
from workers.storage.postgres import PostgresStore
from workers.storage.sqlite import SqliteStore

BACKENDS = ("sqlite", "postgres")
T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def unavailable(reason: str) -> NoReturn:
    """A server the suite needs is missing: that is a failure, never a skip."""
    pytest.fail(reason)


@dataclass(frozen=True)
class Services:
    database_url: str | None
    redis_url: str | None
    error: str | None = None

    def require(self, value: str | None, what: str) -> str:
        if value is None:
            unavailable(f"{what} is not available: {self.error}")
        return value


@pytest.fixture(scope="session")
def storage_services() -> Iterator[Services]:
    """PostgreSQL and Redis, started by the local stack when not already running;
    stopped at the end only if started here."""
    settings = Settings()
    database_url = os.environ.get("NEWSWIRE_TEST_DATABASE_URL")
    wanted = ["redis"] if database_url else ["redis", "postgres"]
    before = {s.name: s.state for s in status(settings, wanted)}
    try:
        up(settings, wanted)
    except (StackError, NewswireError, OSError, psycopg.Error) as exc:
        yield Services(None, None, f"cannot start {', '.join(wanted)}: {exc}")
        return
    if database_url is None:
        database_url = (
            settings.database_url.get_secret_value()
            if settings.database_url is not None
            else postgres_dsn(settings)
        )
    try:
        yield Services(database_url, settings.redis_url.get_secret_value())
    finally:
        started = [name for name, state in before.items() if state == ServiceState.DOWN]
        if started:
            down(settings, started)


@pytest.fixture
def pg_schema(storage_services: Services) -> Iterator[tuple[str, str]]:
    """(database url, a fresh schema name), the schema dropped afterwards."""
    dsn = storage_services.require(storage_services.database_url, "PostgreSQL")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    yield dsn, schema
    try:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
    except psycopg.Error:
        pass


def open_backend(
    name: str, request: pytest.FixtureRequest, tmp_path: Any
) -> SqliteStore | PostgresStore:
    if name == "sqlite":
        return SqliteStore(tmp_path / "articles.db")
    dsn, schema = request.getfixturevalue("pg_schema")
    try:
        return PostgresStore(dsn, schema=schema)
    except NewswireError as exc:
        unavailable(str(exc))


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[SqliteStore | PostgresStore]:
    backend = open_backend(request.param, request, tmp_path)
    backend.migrate()
    yield backend
    backend.close()


@pytest.fixture
def redis_cache(storage_services: Services) -> Iterator[RedisCache]:
    """A cache on the real Redis under a fresh key prefix, its keys removed afterwards."""
    url = storage_services.require(storage_services.redis_url, "Redis")
    client = redis_client(url)
    try:
        client.ping()
    except (redis.RedisError, OSError) as exc:
        unavailable(f"Redis at {url}: {exc}")
    prefix = f"test:{uuid.uuid4().hex[:12]}:"
    yield RedisCache(client, ttl_seconds=300, prefix=prefix)
    keys = list(client.scan_iter(match=f"{prefix}*", count=1_000_000))
    if keys:
        client.delete(*keys)
    client.close()


def article(
    uri: str,
    body: str,
    *,
    headline: str = "headline",
    language: str = "en",
    version: int = 1,
    versioncreated: datetime | None = None,
    fetched_at: datetime | None = None,
    feed: str = "wire-a",
    places: tuple[str, ...] = (),
    organisations: tuple[str, ...] = (),
    people: tuple[str, ...] = (),
    topics: tuple[str, ...] = (),
    role_seq: int | None = None,
    takes_over: tuple[str, ...] = (),
) -> EnrichedArticle:
    fetched = fetched_at or T0 + timedelta(minutes=version)
    return EnrichedArticle(
        uri=uri,
        version=version,
        language=language,
        headline=headline,
        body_text=body,
        versioncreated=versioncreated or fetched,
        fetched_at=fetched,
        source=Source(feed_id=feed, format="agency-text", parser="agency-text/1"),
        content_hash=hashlib.sha256(f"{headline}\n{body}".encode()).hexdigest(),
        place=[EntityTag(id=p, type="place") for p in places],
        organisation=[EntityTag(id=o, type="organisation") for o in organisations],
        person=[EntityTag(id=p, type="person") for p in people],
        subject=[Subject(code=t) for t in topics],
        role_seq=role_seq,
        takes_over=[Takeover(uri=u, similarity=1.0, method="exact") for u in takes_over],
        lineage=[
            LineageEntry(
                stage="enrich",
                topic="articles.enriched",
                partition=0,
                offset=version,
                timestamp=fetched,
            )
        ],
    )
