"""`newswire run`: the producer and both workers as separate processes, and
the wait until everything produced is stored or dead-lettered."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kafka.structs import TopicPartition

from workers.replay.kafka_ops import admin_client, group_lag, topic_partitions, watermarks
from workers.replay.lag import pipeline_groups
from workers.settings import Settings
from workers.storage.base import StoreCounts
from workers.storage.factory import open_store

WORKER_ROLES = ("enrich", "store")


@dataclass(frozen=True)
class Snapshot:
    raw_end: int
    dlq_end: int
    counts: StoreCounts


@dataclass(frozen=True)
class RunSummary:
    produced: int
    stored: int
    versions: int
    duplicates: int
    dead_letters: int
    seconds: float


def newswire_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "workers.cli.main", *args]


def _end_offset(settings: Settings, topic: str) -> int:
    with admin_client(settings) as admin:
        return sum(
            end for _, end in watermarks(admin, topic, topic_partitions(admin, topic)).values()
        )


def snapshot(settings: Settings) -> Snapshot:
    store = open_store(settings)
    try:
        store.migrate()
        counts = store.counts()
    finally:
        store.close()
    return Snapshot(
        raw_end=_end_offset(settings, settings.topics.raw),
        dlq_end=_end_offset(settings, settings.topics.dlq),
        counts=counts,
    )


def pipeline_lag(settings: Settings, roles: Sequence[str] = WORKER_ROLES) -> int:
    """Messages the consumer groups of `roles` have not committed yet."""
    groups = pipeline_groups(settings)
    total = 0
    with admin_client(settings) as admin:
        for role in roles:
            group = settings.group(role)
            lag: dict[TopicPartition, int] = group_lag(admin, group, groups[group])
            total += sum(lag.values())
    return total


def child_env(settings: Settings) -> dict[str, str]:
    """The environment in which a child `newswire` process sees `settings`."""
    m = settings.metrics
    env = {
        **os.environ,
        "NEWSWIRE_KAFKA_BOOTSTRAP": settings.kafka_bootstrap,
        "NEWSWIRE_REDIS_URL": settings.redis_url.get_secret_value(),
        "NEWSWIRE_REDIS_PREFIX": settings.redis_prefix,
        "NEWSWIRE_TOPICS__PREFIX": settings.topics.prefix,
        "NEWSWIRE_TOPICS__PARTITIONS": str(settings.topics.partitions),
        "NEWSWIRE_CONSUMER_GROUP_PREFIX": settings.consumer_group_prefix,
        "NEWSWIRE_SQLITE_PATH": str(settings.sqlite_path),
        "NEWSWIRE_METRICS__PRODUCE": str(m.produce),
        "NEWSWIRE_METRICS__ENRICH": str(m.enrich),
        "NEWSWIRE_METRICS__STORE": str(m.store),
        "NEWSWIRE_METRICS__ENRICH_WEB": str(m.enrich_web),
        "NEWSWIRE_METRICS__STORE_WEB": str(m.store_web),
        "NEWSWIRE_STACK__RUN_DIR": str(settings.stack.run_dir),
    }
    if settings.database_url is not None:
        env["NEWSWIRE_DATABASE_URL"] = settings.database_url.get_secret_value()
    if settings.gazetteer_path is not None:
        env["NEWSWIRE_GAZETTEER_PATH"] = str(settings.gazetteer_path)
    return env


class Pipeline:
    """The worker processes; stopped with SIGTERM so they commit and exit cleanly."""

    def __init__(self, log_dir: Path, env: dict[str, str] | None = None) -> None:
        self.log_dir = log_dir
        self.env = env
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, role: str, *args: str) -> subprocess.Popen[bytes]:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = (self.log_dir / f"{role}.log").open("ab")
        proc = subprocess.Popen(
            newswire_command(*args), stdout=log, stderr=subprocess.STDOUT, env=self.env
        )
        self.processes[role] = proc
        return proc

    def start_workers(self) -> None:
        for role in WORKER_ROLES:
            self.start(role, "worker", role)

    def check_alive(self) -> None:
        for role, proc in self.processes.items():
            code = proc.poll()
            if code is not None and role in WORKER_ROLES:
                log = self.log_dir / f"{role}.log"
                raise RuntimeError(f"the {role} worker exited with code {code}; see {log}")

    def stop(self, timeout: float = 30.0) -> None:
        for proc in self.processes.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for proc in self.processes.values():
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def wait_drained(
    settings: Settings,
    pipeline: Pipeline,
    timeout: float,
    on_lag: Callable[[int], None] | None = None,
    settle_polls: int = 3,
) -> None:
    """Until the pipeline groups have no lag for `settle_polls` polls in a row."""
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < settle_polls:
        if time.monotonic() > deadline:
            raise TimeoutError(
                f"the pipeline did not drain within {timeout:.0f}s; "
                f"see the logs in {pipeline.log_dir}"
            )
        pipeline.check_alive()
        lag = pipeline_lag(settings, [r for r in WORKER_ROLES if r in pipeline.processes])
        if on_lag is not None:
            on_lag(lag)
        quiet = quiet + 1 if lag == 0 else 0
        time.sleep(0.5)


def summarize(before: Snapshot, after: Snapshot, seconds: float) -> RunSummary:
    return RunSummary(
        produced=after.raw_end - before.raw_end,
        stored=after.counts.articles - before.counts.articles,
        versions=after.counts.versions - before.counts.versions,
        duplicates=after.counts.aliases - before.counts.aliases,
        dead_letters=after.dlq_end - before.dlq_end,
        seconds=seconds,
    )
