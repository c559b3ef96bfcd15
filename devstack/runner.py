"""`python -m devstack run`: the producer and both workers as separate processes, and
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
from pydantic import BaseModel, SecretStr

from workers.kafka_clients import admin_client
from workers.kafka_offsets import group_lag, topic_partitions, watermarks
from workers.settings import ENV_PREFIX, Settings
from workers.storage.base import StoreCounts
from workers.storage.factory import open_store
from workers.topology import topology


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


def devstack_command(*args: str) -> list[str]:
    """`python -m devstack ARGS`, to run in the checkout (`REPO_ROOT`)."""
    return [sys.executable, "-m", "devstack", *args]


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


def pipeline_lag(settings: Settings, stages: Sequence[str] | None = None) -> int:
    """Messages the consumer groups of `stages` (every worker stage by default)
    have not committed yet."""
    flow = topology(settings)
    chosen = [flow.stage(name) for name in stages] if stages is not None else flow.workers
    total = 0
    with admin_client(settings) as admin:
        for stage in chosen:
            lag: dict[TopicPartition, int] = group_lag(admin, stage.group, list(stage.inputs))
            total += sum(lag.values())
    return total


def settings_env(model: BaseModel, prefix: str = ENV_PREFIX) -> dict[str, str]:
    """`model` as the environment variables that `Settings()` reads back: nested
    models with `__`, secrets in the clear (an environment is not a command line:
    other users cannot read it), unset values left out."""
    env: dict[str, str] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        key = f"{prefix}{name.upper()}"
        if value is None:
            continue
        if isinstance(value, BaseModel):
            env.update(settings_env(value, f"{key}__"))
        elif isinstance(value, SecretStr):
            env[key] = value.get_secret_value()
        elif isinstance(value, bool):
            env[key] = "true" if value else "false"
        else:
            env[key] = str(value)
    return env


def child_env(settings: Settings) -> dict[str, str]:
    """The environment in which a child `newswire` process sees `settings`."""
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(ENV_PREFIX)}
    return {**inherited, **settings_env(settings)}


def last_line(log: Path) -> str:
    """The last line a process wrote to its log (its error, when it failed)."""
    try:
        lines = log.read_text(errors="replace").strip().splitlines()
    except OSError:
        return "no log"
    return lines[-1].strip() if lines else "nothing logged"


class Pipeline:
    """The worker processes; stopped with SIGTERM so they commit and exit cleanly."""

    def __init__(self, log_dir: Path, env: dict[str, str] | None = None) -> None:
        self.log_dir = log_dir
        self.env = env
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        """A `newswire` command as process `name` (its log is `name.log`)."""
        return self.start_process(name, newswire_command(*args))

    def start_process(self, name: str, argv: list[str]) -> subprocess.Popen[bytes]:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = (self.log_dir / f"{name}.log").open("ab")
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=self.env)
        self.processes[name] = proc
        return proc

    def start_workers(self, settings: Settings) -> None:
        for name in topology(settings).worker_names:
            self.start(name, "worker", name)

    def stages_running(self, settings: Settings) -> list[str]:
        """The worker stages this pipeline started processes for (named after the
        stage, or `stage-N` for several)."""
        started = {name.split("-")[0] for name in self.processes}
        return [name for name in topology(settings).worker_names if name in started]

    def check_alive(self) -> None:
        """Raise if a worker process (anything but the producer) has exited."""
        for name, proc in self.processes.items():
            code = proc.poll()
            if code is not None and name != "produce":
                log = self.log_dir / f"{name}.log"
                raise RuntimeError(
                    f"the {name} worker exited with code {code}: {last_line(log)}; see {log}"
                )

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
        lag = pipeline_lag(settings, pipeline.stages_running(settings))
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
