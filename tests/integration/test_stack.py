"""The local stack against real servers. Servers found running (another checkout's, a
colleague's) are reused and never stopped here."""

from __future__ import annotations

import os
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import redis
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.admin import NewTopic

from workers.settings import Settings, StackSettings
from workers.stack import (
    ALL_SERVICES,
    ServiceState,
    ServiceStatus,
    StackError,
    down,
    postgres_dsn,
    status,
    up,
)

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="module")
def stack(settings: Settings) -> dict[str, ServiceStatus]:
    try:
        statuses = up(settings, ALL_SERVICES)
    except StackError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"local stack unavailable: {exc}")
        pytest.skip(f"local stack unavailable: {exc}")
    return {s.name: s for s in statuses}


def test_every_service_answers(stack: dict[str, ServiceStatus]) -> None:
    assert set(stack) == set(ALL_SERVICES)
    assert all(s.running for s in stack.values()), stack


@pytest.fixture
def topic(settings: Settings, stack: dict[str, ServiceStatus]) -> Iterator[str]:
    name = f"stack-test-{uuid.uuid4().hex}"
    admin = KafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap)
    admin.create_topics([NewTopic(name, num_partitions=1, replication_factor=1)])
    try:
        yield name
    finally:
        admin.delete_topics([name])
        admin.close()


def test_kafka_round_trip(settings: Settings, topic: str) -> None:
    payload = uuid.uuid4().bytes
    producer = KafkaProducer(bootstrap_servers=settings.kafka_bootstrap, acks="all")
    producer.send(topic, key=b"k", value=payload).get(timeout=30)
    producer.close()
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=settings.kafka_bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=30_000,
    )
    try:
        received = next(iter(consumer))
    finally:
        consumer.close()
    assert (received.key, received.value) == (b"k", payload)


def test_redis_answers(settings: Settings, stack: dict[str, ServiceStatus]) -> None:
    client = redis.Redis.from_url(settings.redis_url.get_secret_value())
    key = f"stack-test:{uuid.uuid4().hex}"
    try:
        assert client.ping()
        client.set(key, "1", ex=60)
        assert client.get(key) == b"1"
    finally:
        client.delete(key)
        client.close()


def test_postgres_accepts_the_newswire_role(
    settings: Settings, stack: dict[str, ServiceStatus]
) -> None:
    with psycopg.connect(postgres_dsn(settings), connect_timeout=10) as conn:
        row = conn.execute("SELECT current_user, current_database(), version()").fetchone()
    assert row is not None
    assert row[:2] == ("newswire", "newswire")
    assert row[2].startswith("PostgreSQL ")


def test_prometheus_is_ready(settings: Settings, stack: dict[str, ServiceStatus]) -> None:
    url = f"http://{stack['prometheus'].endpoint}/-/ready"
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200


def test_up_again_is_quick_and_changes_nothing(
    settings: Settings, stack: dict[str, ServiceStatus]
) -> None:
    started = time.monotonic()
    again = {s.name: s for s in up(settings, ALL_SERVICES)}
    assert time.monotonic() - started < 15
    assert {n: (s.state, s.pid) for n, s in again.items()} == {
        n: (s.state, s.pid) for n, s in stack.items()
    }
    assert {s.name for s in status(settings) if s.running} == set(ALL_SERVICES)


def test_another_run_dir_reuses_and_never_stops(
    settings: Settings, stack: dict[str, ServiceStatus], tmp_path: Path
) -> None:
    elsewhere = settings.model_copy(
        update={"stack": StackSettings(**{**settings.stack.model_dump(), "run_dir": tmp_path})}
    )
    statuses = up(elsewhere, ALL_SERVICES)
    assert {s.state for s in statuses} == {ServiceState.EXTERNAL}
    assert down(elsewhere) == []
    assert all(s.running for s in status(settings))
