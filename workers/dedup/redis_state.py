"""Dedup state in Redis: one script call per chunk of articles, all chunks of a
batch in one pipelined round trip."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import NoScriptError, RedisError

from workers.dedup.decision import Decision
from workers.dedup.minhash import HASH_BYTES, Fingerprint, band_layout
from workers.dedup.script import DECIDE
from workers.errors import TransientError
from workers.settings import DedupSettings

CHUNK_SIZE = 100
"""Articles per script call: bounds how long one call holds Redis."""
BUCKETS_PER_WINDOW = 4
"""Band hashes per window: each lookup reads this many plus one; a band entry lives
at most a window and a bucket (the candidate's own key enforces the exact window)."""
MAX_CANDIDATES = 32
"""Signatures compared per article at most, those sharing most bands first: a near
duplicate shares about half the bands, an unrelated text rarely more than one."""


@dataclass(frozen=True, slots=True)
class DedupRequest:
    uri: str
    content_hash: str
    version: int
    """The version the source gave; the decision never goes below it."""
    fingerprint: Fingerprint


class DedupState:
    def __init__(self, redis: aioredis.Redis[Any], settings: DedupSettings, prefix: str) -> None:
        if settings.window_seconds < 1:
            raise ValueError("dedup window_seconds must be at least 1")
        self._redis = redis
        self._sha = hashlib.sha1(DECIDE.encode()).hexdigest()
        bucket_seconds = max(1, math.ceil(settings.window_seconds / BUCKETS_PER_WINDOW))
        layout = band_layout(settings.num_perm, settings.bands)
        self._header: list[Any] = [
            prefix,
            settings.window_seconds,
            repr(settings.near_threshold),
            repr(settings.related_threshold),
            bucket_seconds,
            math.ceil(settings.window_seconds / bucket_seconds),
            layout.bands,
            layout.rows * HASH_BYTES,
            MAX_CANDIDATES,
        ]

    async def decide(self, requests: Sequence[DedupRequest]) -> list[Decision]:
        """Decide every request in order; raise `TransientError` when Redis fails."""
        if not requests:
            return []
        calls = [
            self._args(requests[i : i + CHUNK_SIZE]) for i in range(0, len(requests), CHUNK_SIZE)
        ]
        try:
            replies = await self._run(calls)
        except RedisError as exc:
            raise TransientError(f"dedup state in Redis: {type(exc).__name__}: {exc}") from exc
        decisions = [Decision.from_json(raw) for reply in replies for raw in reply]
        if len(decisions) != len(requests):
            raise TransientError(
                f"dedup script answered {len(decisions)} of {len(requests)} articles"
            )
        return decisions

    def _args(self, requests: Sequence[DedupRequest]) -> list[Any]:
        args = list(self._header)
        for r in requests:
            fp = r.fingerprint
            args += (
                r.uri,
                r.content_hash,
                fp.normalized_hash,
                r.version,
                fp.signature,
            )
        return args

    async def _run(self, calls: list[list[Any]]) -> list[list[bytes | str]]:
        for attempt in range(2):
            try:
                if len(calls) == 1:
                    return [await self._redis.evalsha(self._sha, 0, *calls[0])]  # type: ignore[no-untyped-call]
                async with self._redis.pipeline(transaction=False) as pipe:
                    for args in calls:
                        pipe.evalsha(self._sha, 0, *args)
                    return list(await pipe.execute())
            except NoScriptError:
                if attempt:
                    raise
                await self._redis.script_load(DECIDE)  # type: ignore[no-untyped-call]
        raise AssertionError("unreachable")
