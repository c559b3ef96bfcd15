"""Running the real worker processes of a test's isolated pipeline."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from devstack.runner import Pipeline, child_env
from tests.faults.observe import read_dead_letters
from workers.models import DeadLetter
from workers.settings import Settings


@contextmanager
def running_workers(
    settings: Settings, roles: tuple[str, ...] = ("enrich", "store")
) -> Iterator[Pipeline]:
    pipeline = Pipeline(settings.stack.run_dir / "logs", env=child_env(settings))
    for role in roles:
        pipeline.start(role, "worker", role)
    try:
        yield pipeline
    finally:
        pipeline.stop()


def wait_for(
    condition: Callable[[], bool], timeout: float, what: str, logs: Path, every: float = 0.3
) -> None:
    """Poll `condition` every `every` seconds; on timeout, fail with the workers' logs."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(every)
    tails = []
    for log in sorted(logs.glob("*.log")):
        tails.append(
            f"--- {log.name}\n" + "\n".join(log.read_text(errors="replace").splitlines()[-25:])
        )
    raise AssertionError(f"timed out after {timeout}s waiting for {what}\n" + "\n".join(tails))


def dead_letters(settings: Settings) -> list[DeadLetter]:
    """Every dead letter of the topic, read up to its end offsets (never a silence
    taken for the end on a slow broker)."""
    return read_dead_letters(settings)
