"""The story state shared in Redis: workers agree, a replay keeps its story,
every key expires (started by the local stack when not already running)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
import redis.asyncio as aioredis

from tests.dedup_support import drop_keys, enricher, own_redis_prefix
from tests.eval.stories.corpus import ARTICLES
from workers.enrich.engine import EnrichResult
from workers.enrich.resources import Resources
from workers.settings import Settings
from workers.stories.linking import STORY_KEY_SPACE, redis_story_state
from workers.stories.signature import EventSignature
from workers.stories.state import LinkRequest

pytestmark = pytest.mark.integration

SAME_EVENT = ("en_malatya_quake_reuters", "en_malatya_quake_ap")
TEMPLATED = ("en_tokyo_close_mon", "en_tokyo_close_tue")


@pytest.fixture
async def settings(redis_base: Settings) -> AsyncIterator[Settings]:
    base = own_redis_prefix(redis_base)
    isolated_settings = base.model_copy(
        update={"stories": base.stories.model_copy(update={"enabled": True})}
    )
    yield isolated_settings
    client: aioredis.Redis[Any] = aioredis.Redis.from_url(redis_base.redis_url.get_secret_value())
    await drop_keys(client, isolated_settings.redis_prefix)
    await client.aclose()


async def workers(settings: Settings, count: int) -> list[aioredis.Redis[Any]]:
    """One client per worker: each has its own connections, as processes would."""
    url = settings.redis_url.get_secret_value()
    return [aioredis.Redis.from_url(url) for _ in range(count)]


async def story_of(
    resources: Resources, settings: Settings, client: aioredis.Redis[Any], name: str
) -> str:
    (result,) = await enricher(settings, client, resources).process_batch([ARTICLES[name]])
    assert isinstance(result, EnrichResult), result
    assert result.article.story_id is not None
    return result.article.story_id


async def test_reports_of_one_event_decided_by_two_workers_share_its_story(
    settings: Settings, resources: Resources
) -> None:
    first, second = await workers(settings, 2)
    try:
        assert await story_of(resources, settings, first, SAME_EVENT[0]) == SAME_EVENT[0]
        assert await story_of(resources, settings, second, SAME_EVENT[1]) == SAME_EVENT[0]
        assert await story_of(resources, settings, second, TEMPLATED[0]) == TEMPLATED[0]
        assert await story_of(resources, settings, first, TEMPLATED[1]) == TEMPLATED[1]
    finally:
        await asyncio.gather(first.aclose(), second.aclose())


async def test_a_replayed_article_keeps_its_story_on_any_worker(
    settings: Settings, resources: Resources
) -> None:
    first, second = await workers(settings, 2)
    try:
        for name in SAME_EVENT:
            await story_of(resources, settings, first, name)
        for client in (first, second):
            for name in SAME_EVENT:
                assert await story_of(resources, settings, client, name) == SAME_EVENT[0]
    finally:
        await asyncio.gather(first.aclose(), second.aclose())


def signatures() -> list[EventSignature]:
    """Twelve reports of one event, each sharing the event's facts."""
    return [
        EventSignature(
            uri=f"report-{i}",
            time=1_700_000_000 + 60 * i,
            people=frozenset({"candidate:ali yerlikaya"}),
            organisations=frozenset(),
            places=frozenset({"geonames:304922"}),
            dateline=None,
            topic="medtop:03000000",
            words=frozenset({"earthquake", "malatya", "yesilyurt", "aftershocks"}),
            numbers=frozenset({"5.9", "41"}),
            slots=frozenset(),
        )
        for i in range(12)
    ]


async def test_reports_of_one_event_decided_at_the_same_instant_by_many_workers_start_one_story(
    settings: Settings,
) -> None:
    clients = await workers(settings, 6)
    try:
        states = [redis_story_state(settings, client) for client in clients]
        reports = signatures()
        placed = await asyncio.gather(
            *(
                states[i % len(states)].link([LinkRequest(signature)])
                for i, signature in enumerate(reports)
            )
        )
        assert len({story for (story,) in placed}) == 1
        again = await states[0].link([LinkRequest(s) for s in reports])
        assert set(again) == {placed[0][0]}
    finally:
        await asyncio.gather(*(client.aclose() for client in clients))


async def test_every_story_key_expires_within_the_window(
    settings: Settings, resources: Resources
) -> None:
    (client,) = await workers(settings, 1)
    try:
        for name in SAME_EVENT:
            await story_of(resources, settings, client, name)
        keys = [
            key
            async for key in client.scan_iter(match=f"{settings.redis_prefix}{STORY_KEY_SPACE}*")
        ]
        assert any(b":u:" in k for k in keys) and any(b":s:" in k for k in keys)
        assert any(b":f:" in k for k in keys)
        for key in keys:
            assert 0 < await client.ttl(key) <= settings.stories.window_seconds
    finally:
        await client.aclose()
