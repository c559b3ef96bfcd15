"""The local stack against real servers. Servers found running (another checkout's, a
colleague's) are reused and never stopped here."""

from __future__ import annotations

import signal
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

from devstack.stack import (
    ALL_SERVICES,
    ServiceState,
    ServiceStatus,
    StackError,
    down,
    kafka_cluster,
    postgres_dsn,
    status,
    up,
)
from workers.settings import Settings

pytestmark = pytest.mark.integration

Running = dict[str, ServiceStatus]


def _unavailable(reason: str) -> None:
    """A server the tests need is missing: a failure, never a skip."""
    pytest.fail(reason)


@pytest.fixture(scope="module")
def stack_settings() -> Settings:
    return Settings()


@pytest.fixture(scope="module")
def running(stack_settings: Settings) -> Running:
    try:
        statuses = up(stack_settings, ALL_SERVICES)
    except StackError as exc:
        _unavailable(f"local stack unavailable: {exc}")
    return {s.name: s for s in statuses}


def test_every_service_answers(running: Running) -> None:
    assert set(running) == set(ALL_SERVICES)
    assert all(s.running for s in running.values()), running


@pytest.fixture
def topic(stack_settings: Settings, running: Running) -> Iterator[str]:
    name = f"stack-test-{uuid.uuid4().hex}"
    admin = KafkaAdminClient(bootstrap_servers=stack_settings.kafka_bootstrap)
    admin.create_topics([NewTopic(name, num_partitions=1, replication_factor=1)])
    try:
        yield name
    finally:
        admin.delete_topics([name])
        admin.close()


def _round_trip(bootstrap: str, topic: str) -> None:
    payload = uuid.uuid4().bytes
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", retries=10)
    producer.send(topic, key=b"k", value=payload).get(timeout=60)
    producer.close()
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=30_000,
    )
    try:
        received = next(((m.key, m.value) for m in consumer if m.value == payload), None)
    finally:
        consumer.close()
    assert received == (b"k", payload)


def test_kafka_round_trip(stack_settings: Settings, topic: str) -> None:
    _round_trip(stack_settings.kafka_bootstrap, topic)


def test_redis_answers(stack_settings: Settings, running: Running) -> None:
    client = redis.Redis.from_url(stack_settings.redis_url.get_secret_value())
    key = f"stack-test:{uuid.uuid4().hex}"
    try:
        assert client.ping()
        client.set(key, "1", ex=60)
        assert client.get(key) == b"1"
    finally:
        client.delete(key)
        client.close()


def test_postgres_accepts_the_newswire_role(stack_settings: Settings, running: Running) -> None:
    with psycopg.connect(postgres_dsn(stack_settings), connect_timeout=10) as conn:
        row = conn.execute("SELECT current_user, current_database(), version()").fetchone()
    assert row is not None
    assert row[:2] == ("newswire", "newswire")
    assert row[2].startswith("PostgreSQL ")


def test_prometheus_is_ready(running: Running) -> None:
    url = f"http://{running['prometheus'].endpoint}/-/ready"
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200


def test_up_again_is_quick_and_starts_nothing(stack_settings: Settings, running: Running) -> None:
    before = {s.name: s.pid for s in status(stack_settings)}
    started = time.monotonic()
    again = up(stack_settings, ALL_SERVICES)
    assert time.monotonic() - started < 15
    assert all(s.running for s in again)
    assert {s.name: s.pid for s in again if before[s.name] is not None} == {
        name: pid for name, pid in before.items() if pid is not None
    }


def test_another_run_dir_reuses_and_never_stops(
    stack_settings: Settings, running: Running, tmp_path: Path
) -> None:
    up(stack_settings, ALL_SERVICES)
    elsewhere = stack_settings.model_copy(
        update={"stack": stack_settings.stack.model_copy(update={"run_dir": tmp_path})}
    )
    statuses = up(elsewhere, ALL_SERVICES)
    assert {s.state for s in statuses} == {ServiceState.EXTERNAL}
    assert down(elsewhere) == []
    assert all(s.running for s in status(stack_settings))


def test_three_node_cluster_survives_a_killed_broker(tmp_path: Path) -> None:
    """On its own ports and files, so it never touches the shared single-node broker.
    The ports lie below Linux's ephemeral range (32768-60999): a client socket of
    another test could otherwise hold one of them when a broker binds."""
    base = Settings()
    settings = base.model_copy(
        update={
            "stack": base.stack.model_copy(
                update={"run_dir": tmp_path, "kafka_cluster_base_port": 29192}
            )
        }
    )
    cluster = kafka_cluster(settings, 3)
    try:
        bootstrap = cluster.up()
    except StackError as exc:
        cluster.down()
        _unavailable(f"three-node Kafka cluster unavailable: {exc}")
    try:
        name = f"stack-cluster-{uuid.uuid4().hex}"
        admin = KafkaAdminClient(bootstrap_servers=bootstrap)
        admin.create_topics([NewTopic(name, num_partitions=1, replication_factor=3)])
        admin.close()
        assert cluster.stop_node(2, signal.SIGKILL) is not None
        assert cluster.pid(2) is None
        _round_trip(bootstrap, name)
        cluster.start_node(2)
        cluster.wait_ready()
        assert cluster.pid(2) is not None
    finally:
        assert len(cluster.down()) >= 2
    assert all(cluster.pid(n.node_id) is None for n in cluster.nodes)
