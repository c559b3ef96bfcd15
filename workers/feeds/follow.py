"""`newswire produce --follow`: every feed polled on its own interval, in its
own asyncio task, so that a slow, hanging or broken feed delays nobody else.

Each poll: fetch (conditional GET for URLs, size and mtime for files), parse,
drop items already published unchanged, raise the version of changed ones,
publish, wait for Kafka's acknowledgement, then remember the items and the
feed's validators. Validators are only kept when everything reached Kafka, so
a failed publish is retried with the next poll instead of being lost behind a
304. Errors back off exponentially per feed; SIGTERM lets in-flight polls
finish and then stops."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import aiohttp

from workers import metrics
from workers.errors import NewswireError
from workers.feeds.config import FeedConfig
from workers.feeds.delivery import Deliverer
from workers.feeds.http_fetch import Fetched, FetchError, FetchTooLarge, Validators, fetch
from workers.feeds.state import FeedState
from workers.parsers.base import FeedContext, ItemFailure
from workers.producer.ingest import Document, parse_document
from workers.producer.publisher import Publisher
from workers.settings import Settings

log = logging.getLogger(__name__)

SHUTDOWN_GRACE_SECONDS = 5.0


@dataclass
class PollOutcome:
    feed: str
    status: str
    published: int = 0
    new_versions: int = 0
    unchanged: int = 0
    dead_lettered: int = 0
    failed_uris: list[str] = field(default_factory=list)


def backoff_seconds(
    failures: int, interval: float, ceiling: float, retry_after: float | None = None
) -> float:
    """interval x 2^failures, capped; a server's Retry-After is never undercut."""
    delay = min(ceiling, interval * (2.0 ** min(failures, 20)))
    return max(delay, retry_after or 0.0)


def jittered(delay: float, fraction: float) -> float:
    return max(0.0, delay * (1.0 + random.uniform(-fraction, fraction)))


class Follower:
    def __init__(
        self,
        settings: Settings,
        publisher: Publisher,
        state: FeedState,
        session: aiohttp.ClientSession,
        environ: Mapping[str, str],
    ) -> None:
        self.settings = settings
        self.publisher = publisher
        self.state = state
        self.session = session
        self.environ = environ
        self.deliverer = Deliverer(publisher, state)

    async def _read_file(self, feed: FeedConfig, validators: Validators) -> Fetched:
        assert feed.path is not None
        path: Path = feed.path
        try:
            stat = await asyncio.to_thread(path.stat)
        except OSError as exc:
            raise FetchError("error", f"cannot read {path}: {exc.strerror}") from exc
        marker = f"{stat.st_mtime_ns}-{stat.st_size}"
        if validators.etag == marker:
            return Fetched("not_modified", None, validators)
        limit = feed.max_bytes or self.settings.max_item_bytes
        if stat.st_size > limit:
            raise FetchTooLarge(f"{path} is {stat.st_size} bytes, over the limit of {limit}")
        body = await asyncio.to_thread(path.read_bytes)
        return Fetched("ok", body, Validators(etag=marker))

    async def _fetch(self, feed: FeedConfig, validators: Validators) -> Fetched:
        if feed.url is None:
            return await self._read_file(feed, validators)
        timeout = aiohttp.ClientTimeout(
            total=feed.timeout_seconds or self.settings.http_timeout_seconds,
            sock_connect=self.settings.http_connect_timeout_seconds,
        )
        return await fetch(
            self.session,
            feed.url,
            validators=validators,
            headers={"User-Agent": self.settings.user_agent, **feed.auth_headers(self.environ)},
            timeout=timeout,
            max_bytes=feed.max_bytes or self.settings.max_item_bytes,
        )

    async def poll(self, feed: FeedConfig) -> PollOutcome:
        """One fetch-parse-publish round; raises `FetchError` when it should be retried later."""
        try:
            fetched = await self._fetch(feed, await self.state.validators(feed.id))
        except FetchError as exc:
            metrics.FEED_FETCH.labels(feed.id, exc.status).inc()
            raise
        except FetchTooLarge as exc:
            metrics.FEED_FETCH.labels(feed.id, exc.status).inc()
            await self.deliverer.deliver([ItemFailure(exc.error_type, str(exc), b"")], feed.id)
            raise FetchError(exc.status, str(exc)) from exc
        metrics.FEED_FETCH.labels(feed.id, fetched.status).inc()
        metrics.FEED_LAST_SUCCESS.labels(feed.id).set(time.time())
        outcome = PollOutcome(feed.id, fetched.status)
        if fetched.body is None:
            return outcome
        ctx = FeedContext(
            feed_id=feed.id,
            fetched_at=datetime.now(UTC),
            feed_url=feed.location,
            provider=feed.provider,
            language=feed.language,
            content_language=fetched.content_language,
        )
        document = Document(fetched.body, ctx, feed.format)
        limit = feed.max_bytes or self.settings.max_item_bytes
        results = await asyncio.to_thread(lambda: list(parse_document(document, limit)))
        delivery = await self.deliverer.deliver(results, feed.id)
        outcome.published = len(delivery.published)
        outcome.unchanged = len(delivery.unchanged)
        outcome.new_versions = delivery.new_versions
        outcome.dead_lettered = delivery.dead_lettered
        outcome.failed_uris = sorted(delivery.failed_uris)
        if delivery.complete:
            await self.state.save_validators(feed.id, fetched.validators)
        return outcome

    async def follow_feed(self, feed: FeedConfig, stop: asyncio.Event, once: bool) -> None:
        failures = 0
        metrics.FEED_POLL_INTERVAL.labels(feed.id).set(feed.interval_seconds)
        for status in metrics.FEED_STATUSES:
            metrics.FEED_FETCH.labels(feed.id, status)
        first_delay = random.uniform(0, min(feed.interval_seconds, 5.0)) if not once else 0.0
        if await _sleep_unless_stopped(stop, jittered(first_delay, 0)):
            return
        while not stop.is_set():
            delay = feed.interval_seconds
            try:
                outcome = await self.poll(feed)
                failures = 0
                log.info("feed %s: %s", feed.id, outcome)
            except FetchError as exc:
                failures += 1
                delay = backoff_seconds(
                    failures,
                    feed.interval_seconds,
                    self.settings.feed_backoff_max_seconds,
                    exc.retry_after,
                )
                log.warning("feed %s: %s; retrying in %.1fs", feed.id, exc, delay)
            except (NewswireError, OSError) as exc:
                failures += 1
                delay = backoff_seconds(
                    failures, feed.interval_seconds, self.settings.feed_backoff_max_seconds
                )
                log.error("feed %s: %s; retrying in %.1fs", feed.id, exc, delay)
            if once:
                return
            pause = jittered(delay, self.settings.feed_jitter_fraction)
            if await _sleep_unless_stopped(stop, pause):
                return

    async def run(self, feeds: list[FeedConfig], stop: asyncio.Event, once: bool = False) -> None:
        tasks: list[asyncio.Task[object]] = [
            asyncio.create_task(self.follow_feed(feed, stop, once), name=f"feed:{feed.id}")
            for feed in feeds
        ]
        if not tasks:
            return
        stopping: asyncio.Task[object] = asyncio.create_task(_wait(stop))
        try:
            pending: set[asyncio.Task[object]] = set(tasks)
            while pending and not stop.is_set():
                done, pending = await asyncio.wait(
                    pending | {stopping}, return_when=asyncio.FIRST_COMPLETED
                )
                pending.discard(stopping)
                for task in done - {stopping}:
                    if not task.cancelled() and task.exception() is not None:
                        log.error("feed task %s died: %r", task.get_name(), task.exception())
            if pending:
                # In-flight polls finish (bounded by the fetch timeout plus a grace period).
                grace = self.settings.http_timeout_seconds + SHUTDOWN_GRACE_SECONDS
                _, still = await asyncio.wait(pending, timeout=grace)
                for task in still:
                    task.cancel()
                await asyncio.gather(*still, return_exceptions=True)
        finally:
            stopping.cancel()


async def _wait(stop: asyncio.Event) -> object:
    return await stop.wait()


async def _sleep_unless_stopped(stop: asyncio.Event, seconds: float) -> bool:
    """Sleep; True when told to stop meanwhile."""
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    except TimeoutError:
        return False
    return True
