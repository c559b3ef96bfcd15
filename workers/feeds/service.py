"""The long-running producer: following feeds, listening for pushes, or both,
sharing one Redis state and one Kafka publisher, until SIGTERM or SIGINT."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Coroutine, Mapping
from typing import Any

import aiohttp

from workers import redis_client
from workers.feeds import push_server
from workers.feeds.config import FeedConfig
from workers.feeds.delivery import Deliverer
from workers.feeds.follow import Follower
from workers.feeds.state import FeedState
from workers.producer.publisher import Publisher
from workers.settings import Settings


def install_signal_handlers(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)


async def run(
    settings: Settings,
    publisher: Publisher,
    environ: Mapping[str, str],
    *,
    feeds: list[FeedConfig] | None = None,
    listen: bool = False,
    once: bool = False,
    stop: asyncio.Event | None = None,
) -> None:
    """Follow `feeds` (each polled once with `once`) and/or serve pushes.

    Without `stop`, SIGTERM and SIGINT end it: in-flight polls and requests finish first."""
    if stop is None:
        stop = asyncio.Event()
        install_signal_handlers(stop)
    client = await redis_client.async_client(settings)
    state = FeedState(client, settings.redis_prefix, settings.feed_seen_ttl_seconds)
    try:
        async with aiohttp.ClientSession() as session:
            jobs: list[Coroutine[Any, Any, None]] = []
            if feeds is not None:
                follower = Follower(settings, publisher, state, session, environ)
                jobs.append(follower.run(feeds, stop, once))
            if listen:
                jobs.append(push_server.serve(settings, Deliverer(publisher, state), stop))
            await asyncio.gather(*jobs)
    finally:
        await client.aclose()  # type: ignore[attr-defined]  # redis>=5; stubs lag behind
