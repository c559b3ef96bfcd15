"""`GET /health`: whether the store, Redis and Kafka answer, each with why not."""

from __future__ import annotations

from collections.abc import Callable

import redis
from pydantic import BaseModel

from workers.errors import NewswireError
from workers.kafka_probe import check_connection
from workers.settings import Settings
from workers.storage.base import ArticleStore


class Check(BaseModel):
    ok: bool
    detail: str = ""


class HealthReport(BaseModel):
    ok: bool
    checks: dict[str, Check]


class Health:
    def __init__(
        self, settings: Settings, store: ArticleStore, cache: redis.Redis[bytes] | None
    ) -> None:
        self._settings = settings
        self._store = store
        self._cache = cache

    def check(self) -> HealthReport:
        checks = {
            "store": _run(self._count),
            "redis": _run(self._ping_redis),
            "kafka": _run(lambda: check_connection(self._settings)),
        }
        return HealthReport(ok=all(c.ok for c in checks.values()), checks=checks)

    def _count(self) -> None:
        self._store.counts()

    def _ping_redis(self) -> None:
        if self._cache is None:
            raise NewswireError("no Redis cache configured")
        self._cache.ping()


def _run(probe: Callable[[], None]) -> Check:
    try:
        probe()
    except (NewswireError, redis.RedisError, OSError) as exc:
        return Check(ok=False, detail=str(exc))
    return Check(ok=True)
