"""The story state shared in Redis: workers agree, a replay keeps its story,
every key expires (started by the local stack when not already running)."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from typing import Any

import pytest
import redis.asyncio as aioredis

from tests.dedup_support import drop_keys, enricher, own_redis_prefix
from tests.eval.stories.corpus import ARTICLES
from workers.enrich.engine import EnrichResult
from workers.enrich.resources import Resources
from workers.settings import Settings
from workers.stories.linking import STORY_KEY_SPACE, match_rules, redis_story_state
from workers.stories.memory_state import MemoryStoryState
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


def crowded_requests(count: int, seed: int) -> list[LinkRequest]:
    """Reports over three days drawn from small pools of people, places, numbers and
    words (one place held by every report, more than a feature lists), some of them
    copies and related texts of earlier ones, some delivered twice."""
    rng = random.Random(seed)
    people = [f"candidate:person {i}" for i in range(12)]
    words = [f"word{i}" for i in range(60)]
    requests: list[LinkRequest] = []
    for i in range(count):
        if requests and rng.random() < 0.05:
            requests.append(rng.choice(requests))
            continue
        signature = EventSignature(
            uri=f"report-{i}",
            time=1_700_000_000 + rng.uniform(0, 72 * 3600),
            people=frozenset(rng.sample(people, rng.randint(0, 2))),
            organisations=frozenset(),
            places=frozenset({"geonames:1", f"geonames:{rng.randint(2, 9)}"}),
            dateline=None,
            topic=f"medtop:{rng.randint(1, 3)}",
            words=frozenset(rng.sample(words, 8)),
            numbers=frozenset(str(rng.randint(5, 40)) for _ in range(2)),
            slots=frozenset(),
        )
        anchor = rng.choice(requests).uri if requests and rng.random() < 0.1 else None
        requests.append(
            LinkRequest(
                signature,
                anchor=anchor,
                related=anchor is not None and rng.random() < 0.5,
                indexed=anchor is None or rng.random() < 0.5,
            )
        )
    return requests


async def test_the_redis_state_places_batches_as_the_memory_state_does(
    settings: Settings,
) -> None:
    (client,) = await workers(settings, 1)
    try:
        redis_state = redis_story_state(settings, client)
        memory_state = MemoryStoryState(match_rules(settings.stories))
        requests = crowded_requests(300, seed=12)
        placed: list[tuple[list[str], list[str]]] = []
        start = 0
        for size in (1, 7, 50, 100, 3, 100, 39):
            batch = requests[start : start + size]
            start += size
            placed.append((await redis_state.link(batch), await memory_state.link(batch)))
        assert start == len(requests)
        assert [by_redis for by_redis, _ in placed] == [by_memory for _, by_memory in placed]
        stories = {story for by_redis, _ in placed for story in by_redis}
        assert 10 < len(stories) < len({r.uri for r in requests})
    finally:
        await client.aclose()
