"""Publishing Articles and dead letters with kafka-python."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import orjson
from kafka.errors import KafkaError
from kafka.producer.future import FutureRecordMetadata

from workers import codec, kafka_clients, metrics
from workers.dead_letters import letter_output
from workers.errors import ServiceUnavailable
from workers.models import Article, DeadLetter
from workers.settings import Settings


@dataclass
class PublishCounts:
    published: int = 0
    dead_lettered: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def article_headers(article: Article, trace_id: str | None = None) -> list[tuple[str, bytes]]:
    return [
        ("source", article.source.feed_id.encode()),
        ("trace_id", (trace_id or uuid.uuid4().hex).encode()),
        ("fetched_at", article.fetched_at.isoformat().encode()),
    ]


class Publisher:
    """Sends to `articles.raw` keyed by uri (acks=all, idempotent) and to `articles.dlq`."""

    def __init__(self, settings: Settings, **producer_overrides: Any) -> None:
        self.settings = settings
        self.topics = settings.topics
        self._producer = kafka_clients.producer(settings, **producer_overrides)
        self.counts = PublishCounts()

    def publish(self, article: Article, trace_id: str | None = None) -> FutureRecordMetadata:
        """Send without waiting; the returned future tells whether Kafka acknowledged."""
        payload = codec.encode(article)
        codec.check(orjson.loads(payload), Article)
        future = self._producer.send(
            self.topics.raw,
            key=article.uri.encode(),
            value=payload,
            headers=article_headers(article, trace_id),
        )
        future.add_callback(self._on_published)
        future.add_errback(self._on_failed, article.uri)
        return future

    def dead_letter(self, letter: DeadLetter) -> None:
        """Sent like every stage's dead letters (`letter_output`), and counted alike."""
        output = letter_output(letter)
        future = self._producer.send(
            self.topics.dlq,
            key=output.key,
            value=output.value,
            headers=list(output.headers.items()),
        )
        metrics.count_dead_letter(letter.stage, letter.error_type)
        future.add_callback(self._on_dead_lettered)
        future.add_errback(self._on_failed, letter.key or "(no key)")

    def _on_published(self, _: Any) -> None:
        self.counts.published += 1
        metrics.ARTICLES.labels("produce", "ok").inc()

    def _on_dead_lettered(self, _: Any) -> None:
        self.counts.dead_lettered += 1

    def _on_failed(self, exc: BaseException, key: str) -> None:
        self.counts.failed += 1
        self.counts.errors.append(f"{key}: {exc}")
        metrics.ARTICLES.labels("produce", "failed").inc()

    def flush(self, timeout: float = 60.0) -> None:
        try:
            self._producer.flush(timeout=timeout)
        except KafkaError as exc:
            raise ServiceUnavailable(
                "Kafka", self.settings.kafka_bootstrap, "NEWSWIRE_KAFKA_BOOTSTRAP", str(exc)
            ) from exc

    def close(self, timeout: float = 30.0) -> None:
        self.flush(timeout)
        self._producer.close(timeout=timeout)

    def __enter__(self) -> Publisher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
