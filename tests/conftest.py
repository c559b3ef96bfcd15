"""Shared fixtures: the real local stack (started once per session) and, per
test, settings isolated by uuid: own topics, consumer groups, Redis keys and
database file."""

from __future__ import annotations

import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import redis.asyncio as aioredis

from workers.enrich.resources import Resources
from workers.settings import MetricsPorts, Settings, TopicSettings

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


_HANDED_OUT: set[int] = set()


def free_port() -> int:
    """A port free now and never handed out before in this run: the kernel may give
    a released port again, and two servers of one test told the same port collide
    (a producer's push listener answering the enrich worker's /metrics)."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        if port not in _HANDED_OUT:
            _HANDED_OUT.add(port)
            return port


@pytest.fixture(scope="session")
def stack() -> Settings:
    """Kafka, Redis, PostgreSQL and Prometheus, started where not already running.

    A server that cannot be started fails the tests that need it; nothing is skipped."""
    from devstack.stack import up

    settings = Settings()
    up(settings, services=("kafka", "redis", "postgres", "prometheus"))
    return settings


def isolated(base: Settings, tmp_path: Path) -> Settings:
    tag = uuid.uuid4().hex[:10]
    return base.model_copy(
        update={
            "topics": TopicSettings(prefix=f"t{tag}.", partitions=3),
            "consumer_group_prefix": f"g{tag}",
            "redis_prefix": f"test:{tag}:",
            "sqlite_path": tmp_path / "newswire.db",
            "data_dir": tmp_path / "data",
            "metrics": MetricsPorts(
                produce=free_port(),
                enrich=free_port(),
                store=free_port(),
                enrich_web=free_port(),
                store_web=free_port(),
            ),
            "stack": base.stack.model_copy(update={"run_dir": tmp_path / "run"}),
        }
    )


@pytest.fixture
def settings(stack: Settings, tmp_path: Path) -> Iterator[Settings]:
    yield isolated(stack, tmp_path)


@pytest.fixture(scope="session")
def resources() -> Resources:
    """The enrichment steps' resources, built once for the whole session from the
    default settings (the gazetteer takes seconds to build)."""
    return Resources.of(Settings())


@pytest.fixture(scope="session")
def redis_base() -> Settings:
    """Settings whose Redis is up, for the tests that need Redis alone."""
    from tests.dedup_support import stack_redis_settings

    return stack_redis_settings()


@pytest.fixture
async def redis_client(redis_base: Settings) -> AsyncIterator[aioredis.Redis[Any]]:
    redis: aioredis.Redis[Any] = aioredis.Redis.from_url(redis_base.redis_url.get_secret_value())
    yield redis
    await redis.aclose()
