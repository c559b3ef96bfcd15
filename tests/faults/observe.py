"""What the pipeline left and how far it has come, read independently of the code
that wrote it: the store with plain SQL (SQLite file or PostgreSQL), the consumer
groups' committed offsets and the topics' end offsets with the Kafka admin API,
the dead letters by reading their topic, and a `Monitor` sampling the first two in
the background."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
from kafka import KafkaAdminClient, KafkaConsumer
from kafka.admin import OffsetSpec
from kafka.errors import KafkaError
from kafka.structs import TopicPartition

from workers import codec, kafka_clients
from workers.kafka_offsets import client_config, committed_offsets, group_state
from workers.models import DeadLetter
from workers.settings import Settings


@dataclass(frozen=True)
class StorageSample:
    """Row counts, and the sum of the current version numbers: it changes when a row
    is replaced by a later version, which leaves the counts as they were."""

    articles: int
    aliases: int
    versions: int
    version_sum: int

    @property
    def rows(self) -> int:
        return self.articles + self.aliases


@dataclass(frozen=True)
class StoredState:
    articles: dict[str, tuple[str, int]]
    """uri -> (content_hash, version) of `articles`."""
    aliases: dict[str, str]
    """alias_uri -> canonical_uri of `aliases`."""
    repeated_versions: list[tuple[str, str]]
    """(uri, content_hash) pairs with more than one row in `article_versions`."""


SAMPLE_SQL = (
    "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM aliases), "
    "(SELECT count(*) FROM article_versions), (SELECT coalesce(sum(version), 0) FROM articles)"
)
"""Only the tables and columns the pipeline's rewrite keeps."""


class StorageReader:
    """Plain SQL over the store of `settings` (SQLite file or PostgreSQL): what the
    pipeline left, independently of the code that wrote it."""

    def __init__(self, settings: Settings) -> None:
        self.dsn = settings.database_url.get_secret_value() if settings.database_url else None
        self.path = settings.sqlite_path

    @contextlib.contextmanager
    def _cursor(self) -> Iterator[Any]:
        if self.dsn is not None:
            with psycopg.connect(self.dsn, connect_timeout=2, autocommit=True) as pg:
                yield pg.cursor()
            return
        if not self.path.exists():
            raise sqlite3.OperationalError(f"{self.path} does not exist yet")
        lite = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=5.0)
        try:
            yield lite.cursor()
        finally:
            lite.close()

    def sample(self) -> StorageSample | None:
        """None while the store cannot be read (not created yet, or its server down)."""
        try:
            with self._cursor() as cur:
                cur.execute(SAMPLE_SQL)
                articles, aliases, versions, version_sum = cur.fetchone()
        except (sqlite3.Error, psycopg.Error):
            return None
        return StorageSample(int(articles), int(aliases), int(versions), int(version_sum))

    def state(self) -> StoredState:
        with self._cursor() as cur:
            cur.execute("SELECT uri, content_hash, version FROM articles")
            articles = {uri: (chash, int(version)) for uri, chash, version in cur.fetchall()}
            cur.execute("SELECT alias_uri, canonical_uri FROM aliases")
            aliases = dict(cur.fetchall())
            cur.execute(
                "SELECT uri, content_hash FROM article_versions "
                "GROUP BY uri, content_hash HAVING count(*) > 1"
            )
            repeated = [(uri, chash) for uri, chash in cur.fetchall()]
        return StoredState(articles, aliases, repeated)


@dataclass(frozen=True)
class OffsetsSample:
    committed: dict[tuple[str, TopicPartition], int]
    """(role, partition) -> committed offset (absent: nothing committed yet)."""
    ends: dict[TopicPartition, int]

    def position(self, role: str, tp: TopicPartition) -> int:
        return self.committed.get((role, tp), 0)

    def lag(self, roles: Sequence[str], topics: Mapping[str, Sequence[str]]) -> int:
        return sum(
            max(0, end - self.position(role, tp))
            for role in roles
            for tp, end in self.ends.items()
            if tp.topic in topics[role]
        )

    def done(self, role: str, topics: Sequence[str]) -> tuple[int, int]:
        """Messages of `topics` the role has committed, and messages in them."""
        tps = [tp for tp in self.ends if tp.topic in topics]
        return (
            sum(min(self.position(role, tp), self.ends[tp]) for tp in tps),
            sum(self.ends[tp] for tp in tps),
        )


class KafkaReader:
    """Committed offsets of the pipeline's groups and end offsets of its topics."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        topics = settings.topics
        self.topics: dict[str, list[str]] = {
            "enrich": [topics.raw],
            "store": [topics.enriched, topics.duplicates],
        }
        self.partitions = [
            TopicPartition(topic, p)
            for topic in (topics.raw, topics.enriched, topics.duplicates)
            for p in range(settings.topics.partitions)
        ]
        self._admin: KafkaAdminClient | None = None

    def _client(self) -> KafkaAdminClient:
        if self._admin is None:
            config = {
                **client_config(self.settings),
                "request_timeout_ms": 5000,
                "bootstrap_timeout_ms": 5000,
            }
            self._admin = KafkaAdminClient(client_id="faults-monitor", **config)
        return self._admin

    def sample(self) -> OffsetsSample | None:
        """None while the brokers cannot answer."""
        try:
            admin = self._client()
            found = admin.list_partition_offsets({tp: OffsetSpec.LATEST for tp in self.partitions})
            ends = {tp: int(found[tp].offset) for tp in self.partitions}
            committed: dict[tuple[str, TopicPartition], int] = {}
            for role in self.topics:
                for tp, offset in committed_offsets(admin, self.settings.group(role)).items():
                    committed[(role, tp)] = offset
        except (KafkaError, OSError, KeyError):
            self.close()
            return None
        return OffsetsSample(committed, ends)

    def assignments(self, role: str) -> dict[str, set[TopicPartition]] | None:
        """Each member's partitions of the role's input topics; None when unknown."""
        inputs = self.topics[role]
        try:
            described = self._client().describe_groups([self.settings.group(role)])
            members = described[self.settings.group(role)].get("members") or []
            return {
                str(m["member_id"]): {
                    TopicPartition(entry["topic"], p)
                    for entry in m["member_assignment"]["assigned_partitions"]
                    if entry["topic"] in inputs
                    for p in entry["partitions"]
                }
                for m in members
            }
        except (KafkaError, OSError, KeyError, TypeError):
            self.close()
            return None

    def coordinator(self, group: str) -> int | None:
        """The node coordinating `group`: the leader of its partition of the offsets
        topic, which Kafka picks as abs(Java hashCode of the group id) % partitions."""
        try:
            [described] = self._client().describe_topics(["__consumer_offsets"])
            partitions = {p["partition_index"]: p["leader_id"] for p in described["partitions"]}
        except (KafkaError, OSError, KeyError, ValueError):
            self.close()
            return None
        if not partitions:
            return None
        return int(partitions[java_hash_abs(group) % len(partitions)])

    def members(self, role: str) -> int | None:
        try:
            state = group_state(self._client(), self.settings.group(role))
        except (KafkaError, OSError):
            self.close()
            return None
        return len(state.members) if state.state == "Stable" else None

    def close(self) -> None:
        if self._admin is not None:
            with contextlib.suppress(Exception):
                self._admin.close()
            self._admin = None


def java_hash_abs(text: str) -> int:
    """Kafka's `Utils.abs(text.hashCode())` for a string of BMP characters."""
    h = 0
    for char in text:
        h = (31 * h + ord(char)) & 0xFFFFFFFF
    signed = h - (1 << 32) if h & 0x80000000 else h
    return 0 if signed == -(1 << 31) else abs(signed)


def read_dead_letters(settings: Settings, timeout: float = 60.0) -> list[DeadLetter]:
    """Every dead letter of the topic, read up to its end offsets."""
    consumer = KafkaConsumer(
        group_id=None, enable_auto_commit=False, **kafka_clients.client_options(settings)
    )
    try:
        tps = [TopicPartition(settings.topics.dlq, p) for p in range(settings.topics.partitions)]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        ends = consumer.end_offsets(tps)
        letters: list[DeadLetter] = []
        deadline = time.monotonic() + timeout
        while any(consumer.position(tp) < ends[tp] for tp in tps):
            if time.monotonic() > deadline:
                raise TimeoutError(f"dead letters of {settings.topics.dlq} not read in {timeout}s")
            for records in consumer.poll(timeout_ms=500).values():
                letters.extend(codec.decode(r.value, DeadLetter) for r in records)
        return letters
    finally:
        consumer.close()


class Monitor:
    """Samples the storage and the offsets in two threads (a down server only stalls
    its own sampler), keeping every sample with its monotonic time."""

    def __init__(self, settings: Settings, poll_seconds: float) -> None:
        self.storage_reader = StorageReader(settings)
        self.kafka_reader = KafkaReader(settings)
        self.poll = poll_seconds
        self.storage: list[tuple[float, StorageSample | None]] = []
        self.offsets: list[tuple[float, OffsetsSample | None]] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._run, args=(self._sample_storage,), daemon=True),
            threading.Thread(target=self._run, args=(self._sample_offsets,), daemon=True),
        ]

    def _run(self, sample: Callable[[], None]) -> None:
        while not self._stop.is_set():
            sample()
            self._stop.wait(self.poll)

    def _sample_storage(self) -> None:
        value = self.storage_reader.sample()
        with self._lock:
            self.storage.append((time.monotonic(), value))

    def _sample_offsets(self) -> None:
        value = self.kafka_reader.sample()
        with self._lock:
            self.offsets.append((time.monotonic(), value))

    def latest_storage(self) -> StorageSample | None:
        with self._lock:
            return next((s for _, s in reversed(self.storage) if s is not None), None)

    def latest_offsets(self) -> OffsetsSample | None:
        with self._lock:
            return next((s for _, s in reversed(self.offsets) if s is not None), None)

    def storage_since(self, moment: float) -> list[tuple[float, StorageSample]]:
        with self._lock:
            return [(t, s) for t, s in self.storage if t >= moment and s is not None]

    def offsets_since(self, moment: float) -> list[tuple[float, OffsetsSample]]:
        with self._lock:
            return [(t, s) for t, s in self.offsets if t >= moment and s is not None]

    def start(self) -> Monitor:
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            if thread.ident is not None:
                thread.join(10.0)
        self.kafka_reader.close()
