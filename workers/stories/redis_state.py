"""The story state in Redis, shared by every enrichment worker.

Keys, under the prefix (each lives one window after its last write):

* `u:{uri}`: the story of a member (an article placed with its signature).
* `s:{story}` list: the signatures of the story's latest members (JSON).
* `f:{feature}` sorted set: story -> time of its latest member holding the feature.

Each article is one optimistic transaction: its uri, its anchor and its features'
keys are watched, what its placement needs is read (one script call, then the
candidates' members) and the placement decided (`place`), then written by one
script call in MULTI/EXEC. When another worker wrote any watched key meanwhile
(it placed the same uri, or an article sharing a feature), the write is refused
and the article decided again on what that worker wrote: two reports of one
event decided at the same instant never start two stories. Every Redis failure
is a `TransientError` (the stage pauses and retries)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import NoScriptError, RedisError, WatchError

from workers.errors import TransientError
from workers.stories.match import MatchRules
from workers.stories.script import READ, WRITE
from workers.stories.signature import EventSignature
from workers.stories.state import (
    CANDIDATES_PER_FEATURE,
    MAX_MEMBERS,
    LinkRequest,
    Snapshot,
    candidates,
    place,
    window_bounds,
)

DEPENDENCY = "redis"
MAX_ATTEMPTS = 20
"""Transactions refused in a row before the article is given up as a transient
failure (the stage retries the batch)."""


@lru_cache(maxsize=8192)
def _member(raw: bytes) -> EventSignature:
    """A member's signature, decoded once: a story's members are read by every
    article that finds it among its candidates."""
    return EventSignature.from_json(raw)


def _sha(script: str) -> str:
    return hashlib.sha1(script.encode()).hexdigest()


class RedisStoryState:
    def __init__(
        self, redis: aioredis.Redis[Any], rules: MatchRules, prefix: str, ttl_seconds: int
    ) -> None:
        self._redis = redis
        self._rules = rules
        self._prefix = prefix
        self._ttl = max(1, ttl_seconds)
        self._loaded = False

    async def link(self, requests: Sequence[LinkRequest]) -> list[str]:
        try:
            return [await self._link(request) for request in requests]
        except RedisError as exc:
            raise TransientError(f"story state: {exc}", DEPENDENCY) from exc

    async def _load(self) -> None:
        for script in (READ, WRITE):
            await self._redis.script_load(script)  # type: ignore[no-untyped-call]
        self._loaded = True

    async def _link(self, request: LinkRequest) -> str:
        if not self._loaded:
            await self._load()
        features = sorted(request.signature.features())
        watched = [f"{self._prefix}u:{request.uri}"]
        if request.anchor is not None:
            watched.append(f"{self._prefix}u:{request.anchor}")
        watched += [f"{self._prefix}f:{f}" for f in features]
        for _ in range(MAX_ATTEMPTS):
            async with self._redis.pipeline(transaction=True) as tx:
                if request.indexed:
                    await tx.watch(*watched)
                try:
                    snapshot = await self._snapshot(request, features)
                except NoScriptError:
                    await self._load()
                    continue
                story = place(request, snapshot, self._rules)
                if snapshot.known is not None or not request.indexed:
                    return story
                tx.multi()
                tx.evalsha(_sha(WRITE), 0, *self._write_args(request, story, features))
                try:
                    await tx.execute()
                except WatchError:
                    continue
                except NoScriptError:
                    await self._load()
                    continue
                return story
        raise TransientError(f"story state: {request.uri} kept changing under it", DEPENDENCY)

    async def _snapshot(self, request: LinkRequest, features: list[str]) -> Snapshot:
        low, high = window_bounds(request.signature, self._rules)
        answers: list[Any] = await self._redis.evalsha(  # type: ignore[no-untyped-call]
            _sha(READ),
            0,
            self._prefix,
            repr(low),
            repr(high),
            CANDIDATES_PER_FEATURE,
            request.uri if request.indexed else "",
            request.anchor or "",
            *features,
        )
        known, anchored_raw = answers[0], answers[1]
        if known:
            return Snapshot(known=known.decode())
        anchored = None
        if request.anchor is not None:
            anchored = anchored_raw.decode() if anchored_raw else request.anchor
        frequency: dict[str, int] = {}
        holders: dict[str, list[str]] = {}
        for feature, count, stories in zip(features, answers[2::2], answers[3::2], strict=True):
            frequency[feature] = int(count)
            if stories:
                holders[feature] = [s.decode() for s in stories]
        chosen = candidates(request.signature, holders, frequency)
        if anchored is not None and anchored not in chosen:
            chosen.append(anchored)
        if not chosen:
            return Snapshot(None, anchored, {}, frequency)
        members = self._redis.pipeline(transaction=False)
        for story in chosen:
            members.lrange(f"{self._prefix}s:{story}", -MAX_MEMBERS, -1)
        signatures = await members.execute()
        stories = {
            story: [_member(raw) for raw in listed]
            for story, listed in zip(chosen, signatures, strict=True)
        }
        return Snapshot(None, anchored, stories, frequency)

    def _write_args(self, request: LinkRequest, story: str, features: list[str]) -> list[Any]:
        signature = request.signature
        return [
            self._prefix,
            self._ttl,
            request.uri,
            story,
            repr(signature.time),
            repr(signature.time - 2 * self._rules.window_seconds),
            MAX_MEMBERS,
            signature.to_json(),
            *features,
        ]
