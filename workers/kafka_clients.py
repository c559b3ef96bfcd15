"""Kafka client construction from settings, shared by every kafka-python user."""

from __future__ import annotations

import contextlib
import socket
import time
from typing import Any

from kafka import KafkaAdminClient, KafkaProducer
from kafka.admin import NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from workers.errors import ServiceUnavailable
from workers.settings import Settings


def client_options(settings: Settings) -> dict[str, Any]:
    """Bootstrap and security options in kafka-python's spelling."""
    sec = settings.kafka_security
    options: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap.split(","),
        "security_protocol": sec.protocol,
    }
    if sec.sasl_mechanism:
        options["sasl_mechanism"] = sec.sasl_mechanism
        options["sasl_plain_username"] = sec.sasl_username
        if sec.sasl_password is not None:
            options["sasl_plain_password"] = sec.sasl_password.get_secret_value()
    if sec.ssl_cafile:
        options["ssl_cafile"] = sec.ssl_cafile
    return options


def unavailable(settings: Settings) -> ServiceUnavailable:
    return ServiceUnavailable("Kafka", settings.kafka_bootstrap, "NEWSWIRE_KAFKA_BOOTSTRAP")


def require_reachable(settings: Settings, timeout: float = 5.0) -> None:
    """Fail at once, in one line, when no bootstrap server accepts a connection.

    kafka-python would otherwise retry for half a minute and log every attempt."""
    for hostport in settings.kafka_bootstrap.split(","):
        host, _, port = hostport.strip().rpartition(":")
        try:
            with socket.create_connection((host.strip("[]") or "127.0.0.1", int(port)), timeout):
                return
        except (OSError, ValueError):
            continue
    raise unavailable(settings)


def admin_client(settings: Settings) -> KafkaAdminClient:
    require_reachable(settings)
    try:
        return KafkaAdminClient(
            client_id="newswire-admin", request_timeout_ms=15000, **client_options(settings)
        )
    except KafkaError as exc:
        raise unavailable(settings) from exc


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
    require_reachable(settings)
    try:
        return KafkaProducer(**options)
    except KafkaError as exc:
        raise unavailable(settings) from exc


def ensure_topics(settings: Settings, topics: list[str] | None = None) -> list[str]:
    """Create missing topics; return the ones created."""
    wanted = topics if topics is not None else settings.topics.all()
    admin = admin_client(settings)
    try:
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
    finally:
        admin.close()


def _await_leaders(admin: KafkaAdminClient, topics: list[str], timeout: float = 15.0) -> None:
    """New partitions answer NotLeaderForPartition until a leader is elected."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        described = admin.describe_topics(topics)
        partitions = [p for t in described for p in t.get("partitions", [])]
        if partitions and all(p.get("leader_id", -1) >= 0 for p in partitions):
            return
        time.sleep(0.2)
