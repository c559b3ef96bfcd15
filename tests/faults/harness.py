"""One fault scenario end to end, and its report against the corpus' ground truth.

A scenario: start the worker processes (`devstack.runner.Pipeline`, one process
per worker), wait until their consumer groups are formed, produce the corpus
through the real producer path (`Publisher` + `ingest`, format ninjs) plus a few
schema-violating messages written straight to the raw topic, inject the fault
once the stage it hits is part-way through its input, wait until every group has
committed everything and the storage has stopped changing, then read the final
state with plain SQL and the dead letters from the topic, and compare.

Two measurements are taken from the samples of a `Monitor` (storage row counts
and the groups' committed offsets, polled in the background):

* `seconds_to_recover`: from the end of the fault (the server back up, or the
  worker killed) until the storage makes progress again. For faults that stop the
  enrichment (an enrichment worker, Redis, a broker of three), progress means the
  storage group committing a message that enrichment wrote *after* the fault
  ended, so a backlog stored meanwhile does not count as recovery. For the others
  it is any change of the stored rows.
* `failover_seconds` (one of two enrichment workers killed, not restarted): from
  the kill until the survivor has committed on every raw partition that the killed
  worker held (its member's assignment, missing from the group once it has
  rebalanced) and that still had uncommitted messages at the kill. Those
  partitions can only move once the survivor has taken them over. Resolution: the
  workers' commit interval (about 1 s) plus the poll interval.

The drain ends when both groups have committed everything and the stored rows
stopped changing; it gives up (`drained=False`) after the drain timeout, or once
nothing has moved for the stall timeout while messages are left. A killed worker
that was not meant to come back is not waited for; a worker that exits unplanned
is restarted, as a supervisor would, and counted."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from kafka.structs import TopicPartition

from devstack.runner import Pipeline, child_env
from tests.faults.corpus import FEED_ID, Corpus, WireItem
from tests.faults.observe import (
    KafkaReader,
    Monitor,
    OffsetsSample,
    StorageReader,
    StorageSample,
    read_dead_letters,
)
from tests.faults.report import Report, compare
from tests.faults.servers import (
    Database,
    PrivateServers,
    ServerName,
    isolated_settings,
    metrics_ports,
    private_servers,
)
from workers import kafka_clients
from workers.parsers.base import FeedContext
from workers.producer.ingest import Document, ingest
from workers.producer.publisher import Publisher
from workers.settings import Settings

RAW_BAD_MESSAGES: dict[bytes, bytes] = {
    b"raw-not-utf8": b'{"schema": "newswire.article/1", "uri": "\xff"}',
    b"raw-not-json": b"{this is not json",
    b"raw-schema": b'{"schema": "newswire.article/1", "uri": "u"}',
}
"""Written straight to the raw topic: the enrichment must dead-letter them under these keys."""
T = TypeVar("T")
MAX_RESTARTS = 10
"""Unplanned worker exits in one scenario before it is abandoned: a crash loop, not a fault."""
PORTABLE_SETTINGS = frozenset(
    f"NEWSWIRE_{name}"
    for name in (
        "KAFKA_BOOTSTRAP",
        "REDIS_URL",
        "REDIS_PREFIX",
        "DATABASE_URL",
        "SQLITE_PATH",
        "TOPICS__PREFIX",
        "TOPICS__PARTITIONS",
        "TOPICS__REPLICATION_FACTOR",
        "CONSUMER_GROUP_PREFIX",
        "METRICS__PRODUCE",
        "METRICS__ENRICH",
        "METRICS__STORE",
        "METRICS__ENRICH_WEB",
        "METRICS__STORE_WEB",
        "STACK__RUN_DIR",
    )
)


class Fault(StrEnum):
    NONE = "none"
    KILL_ENRICH = "kill-enrich"
    KILL_STORE = "kill-store"
    KILL_ONE_OF_TWO_ENRICH = "kill-one-of-two-enrich"
    REDIS_DOWN = "redis-down"
    REDIS_LOST = "redis-lost"
    POSTGRES_DOWN = "postgres-down"
    BROKER_RESTART = "broker-restart"
    ONE_OF_THREE_BROKERS = "one-of-three-brokers-down"


PRIVATE_SERVERS: dict[Fault, tuple[ServerName, ...]] = {
    Fault.REDIS_DOWN: ("redis",),
    Fault.REDIS_LOST: ("redis",),
    Fault.POSTGRES_DOWN: ("postgres",),
    Fault.BROKER_RESTART: ("kafka",),
    Fault.ONE_OF_THREE_BROKERS: ("cluster",),
}
ENRICH_SIDE = frozenset(
    {
        Fault.KILL_ENRICH,
        Fault.KILL_ONE_OF_TWO_ENRICH,
        Fault.REDIS_DOWN,
        Fault.REDIS_LOST,
        Fault.ONE_OF_THREE_BROKERS,
    }
)
"""Faults that stop the enrichment: injected once it is part-way through the raw topic,
recovery measured on messages it enriched after the fault."""


@dataclass(frozen=True)
class Scenario:
    name: str
    fault: Fault
    summary: str
    enrich_workers: int = 1
    newest_first: bool = False
    database: Database = "sqlite"

    @property
    def private(self) -> tuple[ServerName, ...]:
        return PRIVATE_SERVERS.get(self.fault, ())


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("enrich-killed", Fault.KILL_ENRICH, "enrichment worker kill -9, restarted"),
    Scenario("store-killed", Fault.KILL_STORE, "storage worker kill -9, restarted"),
    Scenario(
        "one-of-two-enrich-killed",
        Fault.KILL_ONE_OF_TWO_ENRICH,
        "one of two enrichment workers kill -9, not restarted",
        enrich_workers=2,
    ),
    Scenario("redis-down", Fault.REDIS_DOWN, "Redis kill -9, down for the outage, restarted"),
    Scenario("redis-lost", Fault.REDIS_LOST, "Redis kill -9, data deleted, restarted empty"),
    Scenario(
        "postgres-down",
        Fault.POSTGRES_DOWN,
        "PostgreSQL (the store) kill -9, down for the outage, restarted",
        database="postgres",
    ),
    Scenario("broker-restarted", Fault.BROKER_RESTART, "the Kafka broker kill -9, restarted"),
    Scenario(
        "one-of-three-brokers-down",
        Fault.ONE_OF_THREE_BROKERS,
        "one of three brokers kill -9 (replication factor 3), back after the outage",
    ),
    Scenario("two-enrich-no-fault", Fault.NONE, "no fault, two enrichment workers", 2),
    Scenario("one-worker-no-fault", Fault.NONE, "no fault, one worker per role"),
    Scenario(
        "versions-newest-first",
        Fault.NONE,
        "no fault, the versions of each updated item produced newest first",
        newest_first=True,
    ),
)
BY_NAME = {scenario.name: scenario for scenario in SCENARIOS}


@dataclass(frozen=True)
class Options:
    outage_seconds: float = 6.0
    """How long a killed server stays down before it is restarted (Redis lost: none)."""
    fault_at: float = 0.3
    """How far the stage the fault hits is when it comes: for the enrichment, messages
    written against messages in the raw topic; for the storage, uris stored."""
    drain_timeout: float = 240.0
    stall_seconds: float = 90.0
    """The drain gives up when no offset and no stored row has changed for this long
    (longer than a consumer group's slowest failover)."""
    ready_timeout: float = 90.0
    partitions: int = 3
    poll_seconds: float = 0.3
    supervise: bool = True
    """Restart a worker that exits unplanned, as a process supervisor would (counted)."""
    worker_env: Mapping[str, str] = field(default_factory=dict)
    """Added to the workers' environment (e.g. PYTHONPATH to run another checkout's)."""
    portable_env: bool = False
    """Pass the workers only the settings every version of them reads (`PORTABLE_SETTINGS`):
    an older checkout's settings models refuse fields they do not know."""


class Workers:
    """Named worker processes, each with its own metrics ports (two workers of one role
    on one machine must not share them) and its own log file."""

    def __init__(self, settings: Settings, log_dir: Path, options: Options) -> None:
        self.settings = settings
        self.log_dir = log_dir
        self.supervise = options.supervise
        self.portable = options.portable_env
        self.roles: dict[str, str] = {}
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.killed: set[str] = set()
        self.restarts = 0
        self.extra_env = dict(options.worker_env)

    def start(self, name: str, role: str) -> None:
        own = self.settings.model_copy(update={"metrics": metrics_ports()})
        env = child_env(own)
        if self.portable:
            env = {
                k: v
                for k, v in env.items()
                if not k.startswith("NEWSWIRE_") or k in PORTABLE_SETTINGS
            }
        pipeline = Pipeline(self.log_dir, env={**env, **self.extra_env})
        self.processes[name] = pipeline.start(name, "worker", role)
        self.roles[name] = role
        self.killed.discard(name)

    def kill(self, name: str) -> None:
        process = self.processes[name]
        process.send_signal(signal.SIGKILL)
        process.wait()
        self.killed.add(name)

    def check(self) -> list[str]:
        """Workers that exited unplanned; restarted when supervising."""
        exited = [
            name
            for name, process in self.processes.items()
            if name not in self.killed and process.poll() is not None
        ]
        for name in exited:
            self.restarts += 1
            if self.restarts > MAX_RESTARTS:
                raise RuntimeError(
                    f"workers exited {self.restarts} times unplanned; see {self.log_dir / name}.log"
                )
            if self.supervise:
                self.start(name, self.roles[name])
            else:
                self.killed.add(name)
        return exited

    def stop(self, timeout: float = 30.0) -> None:
        running = [p for p in self.processes.values() if p.poll() is None]
        for process in running:
            process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for process in running:
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def produce(settings: Settings, items: Sequence[WireItem], raw_bad: Mapping[bytes, bytes]) -> int:
    """Publish `items` in order through the producer's own path; the failed sends."""
    with Publisher(settings) as publisher:
        for item in items:
            ctx = FeedContext(feed_id=FEED_ID, fetched_at=datetime.now(UTC), link=item.key)
            ingest(Document(item.data, ctx, "ninjs"), publisher)
        publisher.flush()
    if raw_bad:
        producer = kafka_clients.producer(settings)
        try:
            for key, value in raw_bad.items():
                producer.send(settings.topics.raw, key=key, value=value)
            producer.flush()
        finally:
            producer.close()
    return publisher.counts.failed


def recent_epoch() -> datetime:
    """Corpus times a day old: inside any dedup window measured from now."""
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    return now - timedelta(days=1)


class ScenarioRun:
    def __init__(
        self,
        scenario: Scenario,
        corpus: Corpus,
        settings: Settings,
        servers: PrivateServers | None,
        options: Options,
        log_dir: Path,
        on_progress: Callable[[str, int, int], None],
    ) -> None:
        self.scenario = scenario
        self.corpus = corpus.newest_first() if scenario.newest_first else corpus
        self.settings = settings
        self.servers = servers
        self.options = options
        self.on_progress = on_progress
        self.workers = Workers(settings, log_dir, options)
        self.monitor = Monitor(settings, options.poll_seconds)
        self.kafka = KafkaReader(settings)
        """The main thread's own: an admin client is not shared between threads."""
        self.report = Report(scenario=scenario.name, log_dir=log_dir)
        self.invalid_keys = corpus.expected.invalid_keys | {k.decode() for k in RAW_BAD_MESSAGES}
        self.started = time.monotonic()

    def run(self) -> Report:
        self.started = time.monotonic()
        kafka_clients.ensure_topics(self.settings)
        names = [f"enrich-{i}" for i in range(1, self.scenario.enrich_workers + 1)]
        for name in names:
            self.workers.start(name, "enrich")
        self.workers.start("store-1", "store")
        try:
            self._await_groups({"enrich": len(names), "store": 1})
            self.on_progress("produce", 0, len(self.corpus.items))
            self.report.publish_failed = produce(self.settings, self.corpus.items, RAW_BAD_MESSAGES)
            self.report.produced = len(self.corpus.items) + len(RAW_BAD_MESSAGES)
            self.monitor.start()
            end = self._inject()
            self.report.drained = self._drain()
            if end is not None:
                self.report.seconds_to_recover = self._recovery(end)
        finally:
            self.monitor.stop()
            self.kafka.close()
            self.workers.stop()
        self.report.worker_restarts = self.workers.restarts
        letters = read_dead_letters(self.settings)
        state = StorageReader(self.settings).state()
        compare(self.corpus.expected, state, letters, self.invalid_keys, self.report)
        self.report.wall_seconds = time.monotonic() - self.started
        return self.report

    def _await_groups(self, members: Mapping[str, int]) -> None:
        deadline = time.monotonic() + self.options.ready_timeout
        while any(self.kafka.members(role) != n for role, n in members.items()):
            self.workers.check()
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"the worker groups did not form within {self.options.ready_timeout:.0f}s "
                    f"({self.workers.restarts} worker exits); see {self.workers.log_dir}"
                )
            time.sleep(0.3)

    # the fault

    def _stage_share(self) -> tuple[float, bool]:
        """How far the stage the fault hits has come (0..1), read afresh, and whether
        any of its input is still to do. The enrichment's progress is its output
        (enriched and duplicate messages against the raw ones): it runs ahead of the
        commits, which come in batches."""
        if self.scenario.fault in ENRICH_SIDE:
            offsets = self.kafka.sample()
            if offsets is None:
                return 0.0, True
            raw = self.settings.topics.raw
            done, total = offsets.done("enrich", [raw])
            output = sum(
                n for tp, n in offsets.ends.items() if tp.topic in self.kafka.topics["store"]
            )
            self.on_progress("enrich", output, total)
            return (output / total if total else 0.0), done < total
        storage = self.monitor.storage_reader.sample()
        stored = storage.rows if storage is not None else 0
        self.on_progress("store", stored, self._expected())
        return stored / self._expected(), stored < self._expected()

    def _expected(self) -> int:
        return len(self.corpus.expected.canonical_of)

    def _inject(self) -> _FaultEnd | None:
        fault = self.scenario.fault
        if fault == Fault.NONE:
            return None
        deadline = time.monotonic() + self.options.drain_timeout
        share, left = self._stage_share()
        while share < self.options.fault_at and left and time.monotonic() < deadline:
            self.workers.check()
            time.sleep(0.05)
            share, left = self._stage_share()
        self.report.fault_mid_stream = left
        self.on_progress(f"fault: {fault}", 0, 0)
        self._note(f"{fault} with the stage {share:.0%} through its input")
        end = self._apply(
            fault, PrivateServers(self.settings) if self.servers is None else self.servers
        )
        return end

    def _apply(self, fault: Fault, servers: PrivateServers) -> _FaultEnd:
        outage = self.options.outage_seconds
        if fault in (Fault.KILL_ENRICH, Fault.KILL_STORE):
            name = "enrich-1" if fault == Fault.KILL_ENRICH else "store-1"
            self.workers.kill(name)
            end = self._fault_ended()
            self.workers.start(name, self.workers.roles[name])
        elif fault == Fault.KILL_ONE_OF_TWO_ENRICH:
            before = self.kafka.assignments("enrich") or {}
            self.workers.kill("enrich-2")
            end = self._fault_ended()
            self.report.failover_seconds = self._failover(end, before)
        elif fault in (Fault.REDIS_DOWN, Fault.REDIS_LOST):
            redis = _need(servers.redis, "Redis")
            redis.kill()
            if fault == Fault.REDIS_LOST:
                redis.lose_data()
            else:
                self._sleep(outage)
            redis.restart()
            end = self._fault_ended()
        elif fault == Fault.POSTGRES_DOWN:
            postgres = _need(servers.postgres, "PostgreSQL")
            postgres.kill()
            self._sleep(outage)
            postgres.restart()
            end = self._fault_ended()
        elif fault == Fault.BROKER_RESTART:
            kafka = _need(servers.kafka, "Kafka broker")
            kafka.kill()
            self._sleep(outage)
            kafka.restart()
            end = self._fault_ended()
        else:
            cluster = _need(servers.cluster, "Kafka cluster")
            node = self._coordinator()
            self._note(f"killing Kafka node {node}")
            cluster.kill(node)
            end = self._fault_ended()
            self._sleep(outage)
            cluster.restart(node)
        return end

    def _note(self, text: str) -> None:
        self.report.notes.append(f"+{time.monotonic() - self.started:.1f}s {text}")

    def _sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.workers.check()
            time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))

    def _coordinator(self) -> int:
        """The enrichment group's coordinator (else node 2): its loss moves the group too."""
        node = self.kafka.coordinator(self.settings.group("enrich"))
        return 2 if node is None else node

    def _fault_ended(self) -> _FaultEnd:
        """The moment the fault ended, and the offsets and storage then: read afresh, or,
        while a broker cannot answer, the monitor's last samples from just before."""
        moment = time.monotonic()
        self._note("fault over")
        offsets = self.kafka.sample() or self.monitor.latest_offsets()
        storage = self.monitor.storage_reader.sample() or self.monitor.latest_storage()
        return _FaultEnd(moment, offsets, storage)

    def _recovery(self, end: _FaultEnd) -> float | None:
        """Seconds from the end of the fault until the storage progressed (module doc)."""
        if self.scenario.fault in ENRICH_SIDE and end.offsets is not None:
            topics = self.kafka.topics["store"]
            marks = {tp: n for tp, n in end.offsets.ends.items() if tp.topic in topics}
            for moment, offsets in self.monitor.offsets_since(end.moment):
                if any(offsets.position("store", tp) > mark for tp, mark in marks.items()):
                    return moment - end.moment
            return None
        baseline = end.storage
        for moment, storage in self.monitor.storage_since(end.moment):
            if baseline is None:
                baseline = storage
            elif storage != baseline:
                return moment - end.moment
        return None

    def _failover(self, end: _FaultEnd, before: dict[str, set[TopicPartition]]) -> float | None:
        """Seconds from the kill until the survivor committed on every partition of the
        killed worker that had messages left (module doc); waits for it at most the
        drain timeout. The killed worker's partitions are those of the member missing
        from the group once it has rebalanced; until that is known, and if it never
        is, every partition with messages left at the kill counts."""
        if end.offsets is None:
            self.report.notes.append("failover: no offsets at the kill")
            return None
        raw = self.settings.topics.raw
        pending = {
            tp: end.offsets.position("enrich", tp)
            for tp, mark in end.offsets.ends.items()
            if tp.topic == raw and end.offsets.position("enrich", tp) < mark
        }
        killed: set[TopicPartition] | None = None
        moved: dict[TopicPartition, float] = {}
        deadline = end.moment + self.options.drain_timeout
        while time.monotonic() < deadline:
            self.workers.check()
            if killed is None:
                killed = self._killed_partitions(before)
            for moment, sample in self.monitor.offsets_since(end.moment):
                for tp, start in pending.items():
                    if tp not in moved and sample.position("enrich", tp) > start:
                        moved[tp] = moment
            watched = set(pending) if killed is None else set(pending) & killed
            if killed is not None and watched <= set(moved):
                break
            time.sleep(self.options.poll_seconds)
        watched = set(pending) if killed is None else set(pending) & killed
        self.report.notes.append(
            "failover: killed worker's partitions "
            + (", ".join(str(tp.partition) for tp in sorted(killed)) if killed else "unknown")
            + "; left at the kill: "
            + ", ".join(f"{tp.partition}@{offset}" for tp, offset in sorted(pending.items()))
            + "; first commit after the kill: "
            + ", ".join(f"{tp.partition} +{t - end.moment:.1f}s" for tp, t in sorted(moved.items()))
        )
        if not watched or not watched <= set(moved):
            return None
        return max(moved[tp] for tp in watched) - end.moment

    def _killed_partitions(
        self, before: dict[str, set[TopicPartition]]
    ) -> set[TopicPartition] | None:
        now = self.kafka.assignments("enrich")
        if not before or not now or len(now) >= len(before) or not set(now) < set(before):
            return None
        return set().union(*(before[m] for m in set(before) - set(now)))

    # the drain

    def _drain(self) -> bool:
        """Until every group has committed everything and the storage stopped changing,
        in fresh reads (never the last sample taken before a server went away). False
        when that takes longer than the drain timeout, or when nothing has moved for
        the stall timeout while messages are left."""
        deadline = time.monotonic() + self.options.drain_timeout
        quiet, previous = 0, None
        moved_at, seen = time.monotonic(), None
        while time.monotonic() < deadline:
            self.workers.check()
            offsets = self.kafka.sample()
            storage = self.monitor.storage_reader.sample()
            if storage is not None:
                self.on_progress("drain", storage.rows, self._expected())
            lag = None if offsets is None else offsets.lag(["enrich", "store"], self.kafka.topics)
            quiet = quiet + 1 if lag == 0 and storage is not None and storage == previous else 0
            previous = storage
            if quiet >= 4:
                return True
            if (offsets, storage) != seen:
                moved_at, seen = time.monotonic(), (offsets, storage)
            elif time.monotonic() - moved_at > self.options.stall_seconds:
                self._note(
                    f"stalled: nothing moved for {self.options.stall_seconds:.0f}s, lag {lag}"
                )
                return False
            time.sleep(0.5)
        self._note(f"not drained within {self.options.drain_timeout:.0f}s")
        return False


@dataclass(frozen=True)
class _FaultEnd:
    moment: float
    offsets: OffsetsSample | None
    storage: StorageSample | None


def _need(server: T | None, what: str) -> T:
    if server is None:
        raise RuntimeError(f"this scenario has no private {what} to fault")
    return server


def _no_progress(_: str, __: int, ___: int) -> None:
    return None


def run_scenario(
    scenario: Scenario,
    corpus: Corpus,
    base: Settings,
    work_dir: Path,
    options: Options = Options(),
    on_progress: Callable[[str, int, int], None] = _no_progress,
) -> Report:
    """Run `scenario` over `corpus` with servers of `base` (the shared stack), its
    faulted servers private; files (the SQLite store, worker logs) under `work_dir`."""
    with contextlib.ExitStack() as stack:
        servers = None
        if scenario.private:
            on_progress("servers", 0, 0)
            servers = stack.enter_context(private_servers(base, scenario.private))
        settings = stack.enter_context(
            isolated_settings(
                base,
                work_dir,
                servers=servers,
                database=scenario.database,
                partitions=options.partitions,
            )
        )
        run = ScenarioRun(
            scenario, corpus, settings, servers, options, work_dir / "logs", on_progress
        )
        return run.run()
