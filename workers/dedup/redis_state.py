"""Dedup state in Redis: one script call per chunk of articles, the calls for a
group of articles written at once and their answers read when the caller needs
them. Every Redis failure is a `TransientError` (the stage pauses and retries);
a state that came back empty is `StateLost` (it is rebuilt from storage first)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import NoScriptError, RedisError, ResponseError

from workers.dedup.decision import Decision
from workers.dedup.lookup import MAX_CANDIDATES, bucket_seconds, lookback_buckets
from workers.dedup.minhash import HASH_BYTES, band_layout
from workers.dedup.script import DECIDE, SPLIT
from workers.dedup.state import DedupRequest, StateLost
from workers.errors import TransientError
from workers.settings import DedupSettings, Settings

CHUNK_SIZE = 100
"""Articles per script call: bounds how long one call holds Redis."""

DEPENDENCY = "redis"
DEDUP_KEY_SPACE = "dedup:"


def dedup_prefix(settings: Settings) -> str:
    """Where the dedup state's keys live in Redis."""
    return settings.redis_prefix + DEDUP_KEY_SPACE


class RedisDedupState:
    """The `DedupState` of the workers: the rules decided by one Redis script
    (`workers.dedup.script`), which must pass the same cases as the specification
    (`workers.dedup.memory_state`)."""

    def __init__(self, redis: aioredis.Redis[Any], settings: DedupSettings, prefix: str) -> None:
        if settings.window_seconds < 1:
            raise ValueError("dedup window_seconds must be at least 1")
        self._redis = redis
        self._prefix = prefix
        self._window = settings.window_seconds
        self._sha = hashlib.sha1(DECIDE.encode()).hexdigest()
        layout = band_layout(settings.num_perm, settings.bands, settings.band_rows)
        self._header: list[Any] = [
            prefix,
            settings.window_seconds,
            repr(settings.near_threshold),
            repr(settings.related_threshold),
            bucket_seconds(settings),
            lookback_buckets(settings),
            layout.bands,
            layout.rows * HASH_BYTES,
            MAX_CANDIDATES,
        ]

    @classmethod
    def of(cls, redis: aioredis.Redis[Any], settings: Settings) -> RedisDedupState:
        """The state of this deployment, under its Redis prefix."""
        return cls(redis, settings.dedup, dedup_prefix(settings))

    async def epoch(self) -> str | None:
        try:
            token = await self._redis.get(self._prefix + "epoch")
        except RedisError as exc:
            raise _unavailable(exc) from exc
        return None if token is None else bytes(token).decode()

    async def submit(self, requests: Sequence[DedupRequest]) -> ScriptCalls:
        """Send the script calls deciding `requests` and return once Redis has them
        all, so that it decides while the caller goes on computing; the answers are
        read by `ScriptCalls.decisions`. (A pipelined call in a task of its own would
        not do: its write is only finished at the caller's next await, and Redis
        would start on it only then.)"""
        calls = [
            self._args(requests[i : i + CHUNK_SIZE]) for i in range(0, len(requests), CHUNK_SIZE)
        ]
        commands = [("EVALSHA", self._sha, 0, *args) for args in calls]
        submitted = ScriptCalls(self._redis, commands, len(requests))
        if commands:
            await submitted.send()
        return submitted

    async def reserve_role(self) -> int:
        return await self._split_script("", "")

    async def split(self, uri: str, role_seq: int) -> None:
        await self._split_script(uri, role_seq)

    async def _split_script(self, uri: str, role_seq: int | str) -> int:
        args = (self._prefix, self._window, uri, role_seq)
        try:
            return int(await self._redis.eval(SPLIT, 0, *args))  # type: ignore[no-untyped-call]
        except ResponseError as exc:
            raise _lost_or_unavailable(exc) from exc
        except RedisError as exc:
            raise _unavailable(exc) from exc

    def _args(self, requests: Sequence[DedupRequest]) -> list[Any]:
        args = list(self._header)
        for r in requests:
            fp = r.fingerprint
            args += (r.uri, r.content_hash, fp.normalized_hash, r.key, fp.signature)
        return args


class ScriptCalls:
    """Script calls written to one connection of the pool, their answers not yet read."""

    def __init__(
        self, redis: aioredis.Redis[Any], commands: list[tuple[Any, ...]], count: int
    ) -> None:
        self._redis = redis
        self._commands = commands
        self._count = count
        self._conn: Any = None
        self._reloaded = False

    async def send(self) -> None:
        try:
            self._conn = await self._redis.connection_pool.get_connection()
            await self._conn.send_packed_command(self._conn.pack_commands(self._commands))
        except RedisError as exc:
            await self._release(broken=True)
            raise _unavailable(exc) from exc

    async def decisions(self) -> list[Decision]:
        """The decisions, in request order; raise `TransientError` when Redis fails."""
        if not self._commands:
            return []
        try:
            replies = await self._receive()
        except NoScriptError:
            # Redis lost its scripts (a restart, SCRIPT FLUSH): load it and decide again.
            await self._release(broken=True)
            if self._reloaded:
                raise TransientError(
                    "dedup script: Redis does not keep it loaded", DEPENDENCY
                ) from None
            self._reloaded = True
            try:
                await self._redis.script_load(DECIDE)  # type: ignore[no-untyped-call]
            except RedisError as exc:
                raise _unavailable(exc) from exc
            await self.send()
            return await self.decisions()
        except ResponseError as exc:
            await self._release(broken=False)
            raise _lost_or_unavailable(exc) from exc
        except RedisError as exc:
            await self._release(broken=True)
            raise _unavailable(exc) from exc
        except BaseException:
            await self._release(broken=True)
            raise
        await self._release(broken=False)
        decisions = [Decision.from_json(raw) for reply in replies for raw in reply]
        if len(decisions) != self._count:
            raise TransientError(
                f"dedup script answered {len(decisions)} of {self._count} articles", DEPENDENCY
            )
        return decisions

    async def abandon(self) -> None:
        """Give the connection back unread (its answers are dropped with it)."""
        await self._release(broken=True)

    async def _receive(self) -> list[list[bytes | str]]:
        """Every answer is read before an error is raised, so that the connection
        stays in step for its next user."""
        replies: list[Any] = []
        first_error: RedisError | None = None
        for _ in self._commands:
            try:
                replies.append(await self._conn.read_response())
            except ResponseError as exc:
                first_error = first_error or exc
        if first_error is not None:
            raise first_error
        return replies

    async def _release(self, broken: bool) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        if broken:
            await conn.disconnect()
        await self._redis.connection_pool.release(conn)


def _lost_or_unavailable(exc: ResponseError) -> TransientError:
    if str(exc).startswith("NOEPOCH"):
        return StateLost(f"dedup state in Redis: {exc}", DEPENDENCY)
    return _unavailable(exc)


def _unavailable(exc: RedisError) -> TransientError:
    return TransientError(f"dedup state in Redis: {type(exc).__name__}: {exc}", DEPENDENCY)
