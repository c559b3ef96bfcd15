"""Kafka client construction from settings, shared by every kafka-python user."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import Any

from kafka import KafkaAdminClient, KafkaProducer
from kafka.admin import NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from workers import kafka_security
from workers.errors import ServiceUnavailable
from workers.kafka_probe import check_connection
from workers.settings import Settings


def client_options(settings: Settings) -> dict[str, Any]:
    """Bootstrap and security options in kafka-python's spelling."""
    security = settings.kafka_security
    options: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap.split(","),
        "security_protocol": security.protocol,
    }
    if security.uses_sasl:
        options["sasl_mechanism"] = security.sasl_mechanism
        options["sasl_plain_username"] = security.sasl_username
        options["sasl_plain_password"] = kafka_security.sasl_password(security)
    context = kafka_security.ssl_context(settings)
    if context is not None:
        options["ssl_context"] = context
    return options


def unavailable(settings: Settings) -> ServiceUnavailable:
    return kafka_security.unavailable(settings)


@contextlib.contextmanager
def admin_client(
    settings: Settings, client_id: str = "newswire-admin"
) -> Iterator[KafkaAdminClient]:
    """An admin client, closed on leaving. The broker is checked first
    (`workers.kafka_probe`): kafka-python would retry one it cannot use for half a
    minute, and then not say why."""
    check_connection(settings)
    try:
        admin = KafkaAdminClient(
            client_id=client_id,
            request_timeout_ms=15000,
            bootstrap_timeout_ms=15000,
            **client_options(settings),
        )
    except KafkaError as exc:
        raise unavailable(settings) from exc
    try:
        yield admin
    finally:
        admin.close()


def producer(settings: Settings, **overrides: Any) -> KafkaProducer:
    """An idempotent producer with acks=all; retries are safe because of idempotence.

    Batches are large and lz4-compressed: kafka-python's sender thread shares the
    GIL with the publishing thread, and every new batch wakes it up, so few large
    batches and a cheap codec (gzip cost about half the producer's CPU) keep the
    publisher's rate up; 20 ms of linger is nothing next to a wire item's age."""
    options: dict[str, Any] = {
        "acks": "all",
        "enable_idempotence": True,
        "linger_ms": 20,
        "batch_size": 1 << 20,
        "compression_type": "lz4",
        "max_request_size": settings.max_item_bytes * 2,
        "client_id": "newswire-producer",
        **client_options(settings),
        **overrides,
    }
    check_connection(settings)
    try:
        return KafkaProducer(**options)
    except KafkaError as exc:
        raise unavailable(settings) from exc


def ensure_topics(settings: Settings, topics: list[str] | None = None) -> list[str]:
    """Create missing topics; return the ones created."""
    wanted = topics if topics is not None else settings.topics.all()
    with admin_client(settings) as admin:
        existing = set(admin.list_topics())
        missing = [t for t in wanted if t not in existing]
        if missing:
            new = [
                NewTopic(
                    name=t,
                    num_partitions=settings.topics.partitions,
                    replication_factor=settings.topics.replication_factor,
                )
                for t in missing
            ]
            with contextlib.suppress(TopicAlreadyExistsError):
                admin.create_topics(new, timeout_ms=30000)
            _await_leaders(admin, missing)
        return missing


def _await_leaders(admin: KafkaAdminClient, topics: list[str], timeout: float = 15.0) -> None:
    """New partitions answer NotLeaderForPartition until a leader is elected."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        described = admin.describe_topics(topics)
        partitions = [p for t in described for p in t.get("partitions", [])]
        if partitions and all(p.get("leader_id", -1) >= 0 for p in partitions):
            return
        time.sleep(0.2)
