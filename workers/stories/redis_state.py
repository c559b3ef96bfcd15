"""The story state in Redis, shared by every enrichment worker.

Keys, under the prefix (each lives one window after its last write):

* `u:{uri}`: the story of a member (an article placed with its signature).
* `s:{story}` list: the signatures of the story's latest members (JSON).
* `f:{feature}` sorted set: story -> time of its latest member holding the feature.

A batch is one optimistic transaction: the uris, the anchors and every feature
key of the batch are watched, what the whole batch needs is read (one script
call, then the candidates' members in one pipeline), the articles are placed in
order (`workers.stories.batch`), and every placement is written by one script
call in MULTI/EXEC. When another worker wrote any watched key meanwhile (it
placed one of the uris, or an article sharing a feature), the write is refused
and the batch decided again on what that worker wrote: two reports of one event
decided at the same instant never start two stories. Every Redis failure is a
`TransientError` (the stage pauses and retries)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import NoScriptError, RedisError, WatchError

from workers.errors import TransientError
from workers.stories.batch import Held, Holders, Placing, Read
from workers.stories.match import MatchRules
from workers.stories.script import READ, WRITE
from workers.stories.signature import EventSignature
from workers.stories.state import (
    CANDIDATES_PER_FEATURE,
    MAX_MEMBERS,
    LinkRequest,
    window_bounds,
)

DEPENDENCY = "redis"
MAX_ATTEMPTS = 20
"""Transactions refused in a row before the batch is given up as a transient
failure (the stage retries it)."""


@lru_cache(maxsize=8192)
def _member(raw: bytes) -> EventSignature:
    """A member's signature, decoded once: a story's members are read by every
    article that finds it among its candidates."""
    return EventSignature.from_json(raw)


def _members(listed: Sequence[bytes]) -> list[EventSignature]:
    return [_member(raw) for raw in listed]


def _sha(script: str) -> str:
    return hashlib.sha1(script.encode()).hexdigest()


READ_SHA, WRITE_SHA = _sha(READ), _sha(WRITE)


@dataclass(frozen=True, slots=True)
class _Batch:
    """The batch's features named once (`table`), each article's as indexes into it."""

    table: list[str]
    encoded: list[bytes]
    """The table as sent: encoded once for the read, the write and the watch."""
    indexes: list[list[int]]
    listed: list[str]
    """Each article's indexes as the scripts take them."""
    windows: list[tuple[float, float]]

    @classmethod
    def of(cls, requests: Sequence[LinkRequest], rules: MatchRules) -> _Batch:
        position: dict[str, int] = {}
        indexes = [
            [position.setdefault(f, len(position)) for f in r.signature.features()]
            for r in requests
        ]
        return cls(
            list(position),
            [f.encode() for f in position],
            indexes,
            [",".join(map(str, (i + 1 for i in listed))) for listed in indexes],
            [window_bounds(r.signature, rules) for r in requests],
        )


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
        if not requests:
            return []
        try:
            return await self._link(requests)
        except RedisError as exc:
            raise TransientError(f"story state: {exc}", DEPENDENCY) from exc

    async def _load(self) -> None:
        for script in (READ, WRITE):
            await self._redis.script_load(script)  # type: ignore[no-untyped-call]
        self._loaded = True

    async def _link(self, requests: Sequence[LinkRequest]) -> list[str]:
        if not self._loaded:
            await self._load()
        batch = _Batch.of(requests, self._rules)
        indexed = any(r.indexed for r in requests)
        for _ in range(MAX_ATTEMPTS):
            async with self._redis.pipeline(transaction=True) as tx:
                if indexed:
                    await tx.watch(*self._watched(requests, batch))
                try:
                    placing = await self._placing(requests, batch)
                except NoScriptError:
                    await self._load()
                    continue
                stories = [p.story for p in placing.placed]
                recorded = [(p, i) for i, p in enumerate(placing.placed) if p.recorded]
                if not recorded:
                    return stories
                tx.multi()
                tx.evalsha(WRITE_SHA, 0, *self._write_args(recorded, batch))
                try:
                    await tx.execute()
                except WatchError:
                    continue
                except NoScriptError:
                    await self._load()
                    continue
                return stories
        raise TransientError("story state: the batch's keys kept changing under it", DEPENDENCY)

    def _watched(self, requests: Sequence[LinkRequest], batch: _Batch) -> list[str | bytes]:
        prefix = self._prefix
        keys: list[str | bytes] = [f"{prefix}u:{r.uri}" for r in requests if r.indexed]
        keys += [f"{prefix}u:{r.anchor}" for r in requests if r.anchor is not None]
        features = f"{prefix}f:".encode()
        keys += [features + f for f in batch.encoded]
        return keys

    async def _placing(self, requests: Sequence[LinkRequest], batch: _Batch) -> Placing:
        args: list[Any] = [self._prefix, CANDIDATES_PER_FEATURE, MAX_MEMBERS, len(requests)]
        for request, listed, (low, high) in zip(requests, batch.listed, batch.windows, strict=True):
            uri = request.uri if request.indexed else ""
            args += (uri, request.anchor or "", repr(low), repr(high), listed)
        answers: list[Any] = await self._redis.evalsha(  # type: ignore[no-untyped-call]
            READ_SHA, 0, *args, *batch.encoded
        )
        members: dict[str, Sequence[EventSignature]] = {}
        reads = self._reads(requests, batch, answers, members)
        placing = Placing(requests, reads, self._rules, members)
        while missing := sorted(placing.run()):
            pipe = self._redis.pipeline(transaction=False)
            for story in missing:
                pipe.lrange(f"{self._prefix}s:{story}", -MAX_MEMBERS, -1)
            for story, listed in zip(missing, await pipe.execute(), strict=True):
                members[story] = _members(listed)
        return placing

    def _reads(
        self,
        requests: Sequence[LinkRequest],
        batch: _Batch,
        answers: list[Any],
        members: dict[str, Sequence[EventSignature]],
    ) -> list[Read]:
        reads: list[Read] = []
        held: list[dict[str, Held]] = []
        holding: list[list[int]] = [[] for _ in batch.table]
        for a, (request, answer) in enumerate(zip(requests, answers, strict=False)):
            features: dict[str, Held] = {}
            held.append(features)
            if answer[0]:
                reads.append(Read(known=answer[0].decode()))
                continue
            anchored = answer[1].decode() if answer[1] else None
            reads.append(Read(None, anchored, features))
            if request.indexed:
                members.setdefault(request.uri, _members(answer[2]))
            if request.anchor is not None:
                members.setdefault(anchored or request.anchor, _members(answer[3]))
            for index in batch.indexes[a]:
                holding[index].append(a)
        for index, answer in enumerate(answers[len(requests) :]):
            articles = holding[index]
            if not articles:
                continue
            feature = batch.table[index]
            kind, listed = answer
            if kind == 0:
                stories = frozenset(s.decode() for s in listed)
                shared = Held(len(stories), stories)
                for a in articles:
                    held[a][feature] = shared
            elif kind == 1:
                holders = Holders(
                    {s.decode(): float(t) for s, t in zip(listed[::2], listed[1::2], strict=True)}
                )
                for a in articles:
                    held[a][feature] = holders.within(*batch.windows[a])
            else:
                for k, a in enumerate(articles):
                    count, own = listed[2 * k], listed[2 * k + 1]
                    stories = frozenset(s.decode() for s in own[::2])
                    limited = stories if count <= CANDIDATES_PER_FEATURE else None
                    held[a][feature] = Held(count, limited)
        return reads

    def _write_args(self, recorded: list[tuple[Any, int]], batch: _Batch) -> list[Any]:
        args: list[Any] = [self._prefix, self._ttl, MAX_MEMBERS, len(recorded)]
        oldest = 2 * self._rules.window_seconds
        for placed, a in recorded:
            signature = placed.request.signature
            args += (
                signature.uri,
                placed.story,
                repr(signature.time),
                repr(signature.time - oldest),
                signature.to_json(),
                batch.listed[a],
            )
        return [*args, *batch.encoded]
