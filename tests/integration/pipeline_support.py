"""Running the real worker processes of a test's isolated pipeline."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from workers.runner import Pipeline
from workers.settings import Settings


def settings_env(settings: Settings) -> dict[str, str]:
    """Environment variables that make a child process see `settings`."""
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
    return env


@contextmanager
def running_workers(
    settings: Settings, roles: tuple[str, ...] = ("enrich", "store")
) -> Iterator[Pipeline]:
    pipeline = Pipeline(settings.stack.run_dir / "logs", env=settings_env(settings))
    for role in roles:
        pipeline.start(role, "worker", role)
    try:
        yield pipeline
    finally:
        pipeline.stop()


def wait_for(condition: Callable[[], bool], timeout: float, what: str, logs: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    tails = []
    for log in sorted(logs.glob("*.log")):
        tails.append(
            f"--- {log.name}\n" + "\n".join(log.read_text(errors="replace").splitlines()[-25:])
        )
    raise AssertionError(f"timed out after {timeout}s waiting for {what}\n" + "\n".join(tails))
