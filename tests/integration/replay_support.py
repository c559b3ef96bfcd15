"""Shared pieces of the replay and dead-letter integration tests: the real broker
from the local stack, fresh topics and groups per test, a consumer that commits."""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import typer
from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import KafkaError
from kafka.structs import TopicPartition

from workers.cli import dlq, monitor, replay
from workers.kafka_clients import client_options
from workers.settings import Settings, TopicSettings


def _need(reason: str) -> None:
    """A server the tests need is missing: a failure, never a skip."""
    pytest.fail(f"{reason} (integration tests run against the real stack)")


@pytest.fixture(scope="session")
def stack_kafka() -> Settings:
    """The local Kafka broker, started by the stack when nothing answers."""
    settings = Settings()
    try:
        from devstack.stack import up
    except ImportError as exc:
        _need(f"the local stack is not available: {exc}")
    try:
        up(settings, ("kafka",))
    except Exception as exc:
        _need(f"Kafka could not be started: {exc}")
    return settings


@pytest.fixture
def fresh(stack_kafka: Settings) -> Iterator[Settings]:
    """Settings with a topic prefix and a consumer-group prefix of their own."""
    tag = uuid.uuid4().hex[:10]
    settings = stack_kafka.model_copy(
        update={
            "topics": TopicSettings(prefix=f"t{tag}.", partitions=3),
            "consumer_group_prefix": f"g{tag}",
        }
    )
    topics = settings.topics.all()
    admin = KafkaAdminClient(client_id="newswire-test", **client_options(settings))
    try:
        admin.create_topics(
            [NewTopic(name=t, num_partitions=3, replication_factor=1) for t in topics],
            timeout_ms=30000,
        )
        yield settings
    finally:
        with contextlib.suppress(KafkaError):  # best effort: the names are unique anyway
            admin.delete_topics(topics, timeout_ms=30000)
        admin.close()


def cli_app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main(ctx: typer.Context) -> None:
        ctx.obj = ctx.obj or Settings()

    for group in (replay, dlq, monitor):
        group.register(app)
    return app


def produce(
    settings: Settings,
    topic: str,
    values: list[bytes],
    partition: int | None = None,
    timestamp_ms: int | None = None,
    key: bytes | None = None,
) -> None:
    producer = KafkaProducer(acks="all", **client_options(settings))
    for value in values:
        producer.send(
            topic, value=value, key=key, partition=partition, timestamp_ms=timestamp_ms
        ).get(timeout=30)
    producer.flush()
    producer.close()


def consumer(settings: Settings, group: str, topic: str, **extra: Any) -> KafkaConsumer:
    """A consumer of `topic` in `group`. Its metadata is refreshed every second: a
    group that joined before the broker had the topic's partitions (seen under
    load) would otherwise get them only after kafka-python's five-minute refresh."""
    options: dict[str, Any] = {"metadata_max_age_ms": 1000, **extra}
    c = KafkaConsumer(
        group_id=group,
        client_id=f"test-consumer-{group}",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        session_timeout_ms=10000,
        **client_options(settings),
        **options,
    )
    c.subscribe([topic])
    return c


def wait_assigned(c: KafkaConsumer, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not c.assignment():
        if time.monotonic() > deadline:
            raise AssertionError("consumer got no partitions")
        c.poll(timeout_ms=200)


def consume_all(
    settings: Settings, group: str, topic: str, expected: int | None = None, idle: float = 3.0
) -> list[bytes]:
    """Join `group`, read `expected` messages (or until `idle` seconds pass), commit, leave."""
    return [r.value for r in consume_records(settings, group, topic, expected, idle)]


def consume_records(
    settings: Settings, group: str, topic: str, expected: int | None = None, idle: float = 3.0
) -> list[Any]:
    """The group's records of the topic: `expected` of them (or what came before
    `idle` seconds without progress), or without `expected` every one up to the
    end offsets the topic had once the group was assigned."""
    c = consumer(settings, group, topic)
    seen: list[Any] = []
    deadline = time.monotonic() + 90
    last: float | None = None  # last progress, counted from the first assignment
    ends: dict[TopicPartition, int] | None = None
    try:
        while True:
            batch = c.poll(timeout_ms=300)
            for records in batch.values():
                seen.extend(records)
            if batch or (last is None and c.assignment()):
                last = time.monotonic()
            if ends is None and c.assignment():
                ends = c.end_offsets(list(c.assignment()))
            if batch:
                c.commit()
            if expected is not None and len(seen) >= expected:
                break
            if expected is None and ends is not None:
                if all(c.position(tp) >= end for tp, end in ends.items()):
                    break
                continue
            if last is not None and time.monotonic() - last > idle:
                break
            if time.monotonic() > deadline:
                raise AssertionError(f"{group} read {len(seen)} of {expected} messages in 90 s")
        c.commit()
    finally:
        c.close()
    return seen


def committed(settings: Settings, group: str, topic: str) -> dict[int, int]:
    admin = KafkaAdminClient(client_id="newswire-test", **client_options(settings))
    try:
        offsets = admin.list_group_offsets({group: None}).get(group, {})
    finally:
        admin.close()
    return {
        tp.partition: om.offset
        for tp, om in offsets.items()
        if isinstance(tp, TopicPartition) and tp.topic == topic and om.offset >= 0
    }
