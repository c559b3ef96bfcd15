"""Articles for dedup and enrichment tests."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import redis.asyncio as aioredis

from tests.dedup_table import applied_roles
from workers.dedup.redis_state import RedisDedupState, dedup_prefix
from workers.enrich.engine import Enricher, EnrichResult
from workers.enrich.resources import Resources
from workers.enrich.steps import Step
from workers.models import Article, Source
from workers.parsers.article_builder import content_hash
from workers.settings import Settings
from workers.stories.linking import redis_story_state

T0 = datetime(2017, 10, 14, 12, 0, tzinfo=UTC)


def make_article(
    uri: str,
    headline: str,
    body: str,
    *,
    version: int = 1,
    language: str | None = None,
    minutes: int | None = None,
) -> Article:
    """An article fetched at one fixed time; `minutes` gives it a firstcreated that
    many minutes after it (copies without one are ordered by uri)."""
    created = None if minutes is None else T0 + timedelta(minutes=minutes)
    return Article(
        uri=uri,
        version=version,
        headline=headline,
        body_text=body,
        language=language,
        firstcreated=created,
        versioncreated=created,
        source=Source(feed_id="test", format="agency_text", parser="test"),
        fetched_at=T0,
        content_hash=content_hash(headline, body),
    )


class StartEmpty:
    """The dedup state's restore when no storage stands behind it: an empty (or
    lost) state starts afresh. Counts its calls."""

    def __init__(self, client: aioredis.Redis[Any], settings: Settings) -> None:
        self._client = client
        self._epoch = f"{dedup_prefix(settings)}epoch"
        self.calls = 0

    async def __call__(self) -> None:
        self.calls += 1
        await self._client.set(self._epoch, "test", nx=True)


def enricher(
    settings: Settings,
    client: aioredis.Redis[Any],
    resources: Resources,
    steps: Sequence[Step] | None = None,
) -> Enricher:
    state = RedisDedupState.of(client, settings)
    stories = redis_story_state(settings, client) if settings.stories.enabled else None
    return Enricher(settings, resources, state, StartEmpty(client, settings), steps, stories)


def final_roles(results: Iterable[EnrichResult]) -> dict[str, str]:
    """Each uri's canonical once every decision is applied in decision order, as
    storage applies them (a canonical maps to itself)."""
    return applied_roles(
        (
            r.article.uri,
            r.article.role_seq or 0,
            r.article.duplicate_of,
            [t.uri for t in r.article.takes_over],
        )
        for r in results
    )


def stack_redis_settings() -> Settings:
    """Settings whose Redis is up: the local stack starts it when nothing answers.

    A Redis that cannot be started raises, so the tests needing it fail rather than skip."""
    from devstack.stack import up

    settings = Settings()
    up(settings, services=("redis",))
    return settings


def own_redis_prefix(base: Settings, **dedup: Any) -> Settings:
    """`base` with its own Redis key prefix and, optionally, other dedup settings."""
    return base.model_copy(
        update={
            "redis_prefix": f"test:{uuid.uuid4().hex[:10]}:",
            "dedup": base.dedup.model_copy(update=dedup),
        }
    )


async def drop_keys(client: aioredis.Redis[Any], prefix: str) -> None:
    keys = [key async for key in client.scan_iter(match=f"{prefix}*", count=1_000_000)]
    if keys:
        await client.delete(*keys)
