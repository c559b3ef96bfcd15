"""The one retry policy of every stage: on a transient failure the stage pauses
(it takes no new batch) and tries the same work again, with capped exponential
backoff, for as long as the dependency is down; then it resumes by itself.

Nothing is retried anywhere else (a store, the dedup state and the senders fail
at once with `TransientError`), so attempts never multiply."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from workers import metrics
from workers.errors import TransientError
from workers.models import Stage

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Backoff:
    first_seconds: float = 0.2
    max_seconds: float = 10.0

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt `attempt` (1, 2, ...), jittered by ±50 %."""
        capped: float = min(self.max_seconds, self.first_seconds * 2.0 ** min(attempt - 1, 32))
        return capped * (0.5 + random.random())


class Retry:
    """Runs a stage's calls to its dependencies, pausing the stage while one is down."""

    def __init__(
        self,
        stage: Stage,
        dependencies: tuple[str, ...],
        backoff: Backoff | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.stage = stage
        self._backoff = backoff or Backoff()
        self._sleep = sleep
        self._down: set[str] = set()
        self._since = 0.0
        self.paused = False
        for dependency in dependencies:
            metrics.DEPENDENCY_UP.labels(stage, dependency).set(1)
            metrics.RETRIES.labels(stage, dependency)
        metrics.STAGE_PAUSED.labels(stage).set(0)

    async def run(self, call: Callable[[], Awaitable[T]]) -> T:
        """`await call()` until it does not raise `TransientError`; any other
        exception, and cancellation, go to the caller."""
        attempt = 0
        while True:
            try:
                result = await call()
            except TransientError as exc:
                attempt += 1
                self._failed(exc, attempt)
                await self._sleep(self._backoff.delay(attempt))
                continue
            if self._down or self.paused:
                self._recovered()
            return result

    def _failed(self, exc: TransientError, attempt: int) -> None:
        dependency = exc.dependency
        if not self.paused:
            self.paused = True
            self._since = time.monotonic()
            metrics.STAGE_PAUSED.labels(self.stage).set(1)
        if dependency not in self._down:
            self._down.add(dependency)
            metrics.DEPENDENCY_UP.labels(self.stage, dependency).set(0)
            log.warning("%s paused: %s is unavailable (%s); retrying", self.stage, dependency, exc)
        elif attempt % 10 == 0:
            log.warning(
                "%s still paused after %.0fs: %s", self.stage, time.monotonic() - self._since, exc
            )
        metrics.RETRIES.labels(self.stage, dependency).inc()

    def _recovered(self) -> None:
        for dependency in self._down:
            metrics.DEPENDENCY_UP.labels(self.stage, dependency).set(1)
        if self.paused:
            log.warning(
                "%s resumed after %.1fs (%s back)",
                self.stage,
                time.monotonic() - self._since,
                ", ".join(sorted(self._down)) or "dependency",
            )
            metrics.PAUSED_SECONDS.labels(self.stage).inc(time.monotonic() - self._since)
            metrics.STAGE_PAUSED.labels(self.stage).set(0)
        self._down.clear()
        self.paused = False
