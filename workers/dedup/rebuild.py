"""Rebuilding the dedup window in Redis from storage.

Redis keeps the state in an append-only file, so a restart keeps it. A Redis
that comes back empty (a lost node, a flushed database) has no `epoch` key: the
script then decides nothing, and one worker (holding a lock) rebuilds the state
from what storage keeps of the window's articles: their roles, dedup keys,
stories, signatures and content hashes. It first waits until storage has
written everything already decided (the storage group has no lag), so that no
decision made before the loss is missing from what it reads.

`newswire dedup rebuild` runs the same by hand."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import redis

from workers import metrics
from workers.dedup.lookup import bucket_expires_at, bucket_of
from workers.dedup.minhash import band_fields, band_layout
from workers.errors import ServiceUnavailable, TransientError
from workers.settings import DedupSettings

log = logging.getLogger(__name__)

LOCK_SECONDS = 60
WRITE_CHUNK = 500
STATE_KEYS = ("u:", "a:", "x:", "b:", "seq")


@dataclass(frozen=True)
class StoredIdentity:
    """What storage keeps of one uri of the window, as the dedup state needs it."""

    uri: str
    canonical: str | None
    """The canonical uri of an alias; None for a canonical article."""
    role_seq: int
    story_id: str
    key: str
    stored_at: datetime
    content_hashes: tuple[str, ...]
    normalized_hash: str | None = None
    signature: bytes | None = None
    similarity: float | None = None
    method: str | None = None
    split: bool = False


class WindowSource(Protocol):
    def dedup_window(self, since: datetime) -> Iterator[StoredIdentity]:
        """Every uri stored since `since`, canonical articles and aliases."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class RebuildResult:
    uris: int
    canonicals: int
    epoch: str
    seconds: float


Progress = Callable[[str, int], None]


def _no_progress(_what: str, _count: int) -> None:
    """Nobody is watching."""


class Rebuilder:
    """Rebuilds the state under `prefix` (the dedup key space) from `source`."""

    def __init__(
        self,
        client: redis.Redis[bytes],
        prefix: str,
        settings: DedupSettings,
        source: Callable[[], WindowSource],
        wait_drained: Callable[[Callable[[], None]], None],
    ) -> None:
        """`wait_drained(keep_alive)` returns once storage has written everything
        already decided, calling `keep_alive` at least every few seconds."""
        self._client = client
        self._prefix = prefix
        self._settings = settings
        self._source = source
        self._wait_drained = wait_drained
        self._token = uuid.uuid4().hex

    def rebuild(
        self, *, force: bool = False, progress: Progress = _no_progress
    ) -> RebuildResult | None:
        """Rebuild unless the state is complete (`force`: always, after dropping the
        epoch so that no worker decides meanwhile). None when there was nothing to
        do; `TransientError` when another process holds the rebuild lock."""
        try:
            return self._rebuild(force, progress)
        except redis.RedisError as exc:
            raise TransientError(f"rebuilding the dedup state: {exc}", "redis") from exc
        except ServiceUnavailable as exc:
            raise TransientError(f"rebuilding the dedup state: {exc}", "database") from exc

    def _rebuild(self, force: bool, progress: Progress) -> RebuildResult | None:
        lock = self._prefix + "rebuild"
        if not self._client.set(lock, self._token, nx=True, ex=LOCK_SECONDS):
            raise TransientError("another worker is rebuilding the dedup state", "redis")
        started = time.monotonic()
        try:
            epoch_key = self._prefix + "epoch"
            if force:
                self._client.delete(epoch_key)
            elif self._client.exists(epoch_key):
                return None
            log.warning("dedup state is empty: rebuilding it from storage")
            progress("waiting for storage to write what was decided", 0)
            self._wait_drained(self._keep_lock)
            self._clear(progress)
            uris, canonicals, last_seq = self._restore(progress)
            epoch = uuid.uuid4().hex
            self._client.set(self._prefix + "seq", last_seq)
            self._client.set(epoch_key, epoch)
        finally:
            self._release_lock()
        metrics.DEDUP_REBUILDS.inc()
        seconds = time.monotonic() - started
        log.warning(
            "dedup state rebuilt: %d uris (%d canonical) in %.1fs", uris, canonicals, seconds
        )
        return RebuildResult(uris, canonicals, epoch, seconds)

    def _keep_lock(self) -> None:
        lock = self._prefix + "rebuild"
        if self._client.get(lock) != self._token.encode():
            raise TransientError("lost the dedup rebuild lock", "redis")
        self._client.expire(lock, LOCK_SECONDS)

    def _release_lock(self) -> None:
        lock = self._prefix + "rebuild"
        if self._client.get(lock) == self._token.encode():
            self._client.delete(lock)

    def _clear(self, progress: Progress) -> None:
        """Delete what is left of the state (one pass over the prefix's keys)."""
        spaces = tuple(f"{self._prefix}{space}".encode() for space in STATE_KEYS)
        removed = 0
        batch: list[bytes] = []
        for key in self._client.scan_iter(match=f"{self._prefix}*", count=1000):
            if key.startswith(spaces):
                batch.append(key)
            if len(batch) >= WRITE_CHUNK:
                removed += self._client.delete(*batch)
                batch = []
                progress("clearing the old state", removed)
        if batch:
            removed += self._client.delete(*batch)
        self._keep_lock()

    def _restore(self, progress: Progress) -> tuple[int, int, int]:
        now = datetime.now(UTC)
        since = now - timedelta(seconds=self._settings.window_seconds)
        writer = StateWriter(self._prefix, self._settings, now)
        pipe = self._client.pipeline(transaction=False)
        uris = canonicals = last_seq = 0
        source = self._source()
        try:
            for identity in source.dedup_window(since):
                writer.write(pipe, identity)
                uris += 1
                canonicals += identity.canonical is None
                last_seq = max(last_seq, identity.role_seq)
                if uris % WRITE_CHUNK == 0:
                    pipe.execute()
                    self._keep_lock()
                    progress("restoring the window", uris)
        finally:
            source.close()
        pipe.execute()
        progress("restoring the window", uris)
        return uris, canonicals, last_seq


class StateWriter:
    """The keys of one stored uri, as the decide script would have left them."""

    def __init__(self, prefix: str, settings: DedupSettings, now: datetime) -> None:
        self._prefix = prefix
        self._settings = settings
        self._window = settings.window_seconds
        self._layout = band_layout(settings.num_perm, settings.bands, settings.band_rows)
        self._now = now

    def write(self, pipe: Any, identity: StoredIdentity) -> None:
        p = self._prefix
        stored = identity.stored_at.timestamp()
        ttl = max(1, int(self._window - (self._now.timestamp() - stored)))
        fields: dict[str, Any] = {
            "rseq": identity.role_seq,
            "story": identity.story_id,
            "key": identity.key,
        }
        fields.update({f"c:{h}": 1 for h in identity.content_hashes})
        if identity.signature is not None:
            fields["sig"] = identity.signature
        if identity.split:
            fields["split"] = 1
        ukey = f"{p}u:{identity.uri}"
        if identity.canonical is not None:
            fields.update(
                {
                    "of": identity.canonical,
                    "sim": repr(identity.similarity if identity.similarity is not None else 1.0),
                    "how": identity.method or "near",
                }
            )
            pipe.sadd(f"{p}a:{identity.canonical}", identity.uri)
            pipe.expire(f"{p}a:{identity.canonical}", self._window)
        pipe.hset(ukey, mapping=fields)
        pipe.expire(ukey, ttl)
        if identity.normalized_hash:
            pipe.set(
                f"{p}x:{identity.normalized_hash}",
                identity.uri,
                ex=ttl,
                nx=identity.canonical is not None,
            )
        if identity.canonical is None and identity.signature is not None:
            bucket = bucket_of(stored, self._settings)
            key = f"{p}b:{bucket}"
            bands = band_fields(identity.signature, self._layout)
            pipe.hset(key, mapping=dict.fromkeys(bands, identity.uri))
            pipe.expireat(key, bucket_expires_at(bucket, self._settings))
