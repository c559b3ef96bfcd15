"""Retrying transient failures with exponential backoff."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

from workers.errors import TransientError

T = TypeVar("T")
log = logging.getLogger(__name__)


async def with_backoff(
    call: Callable[[], Awaitable[T]],
    *,
    what: str,
    attempts: int = 5,
    base_delay: float = 0.2,
    max_delay: float = 5.0,
    transient: tuple[type[BaseException], ...] = (TransientError,),
) -> T:
    """Await `call()`, retrying `transient` errors; the last one is raised."""
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except transient as exc:
            if attempt == attempts:
                raise
            delay = min(max_delay, base_delay * 2 ** (attempt - 1)) * (0.5 + random.random())
            log.warning("%s failed (%s); retry %d/%d in %.2fs", what, exc, attempt, attempts, delay)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable")
