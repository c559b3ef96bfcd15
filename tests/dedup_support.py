"""Articles for dedup and enrichment tests."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import redis.asyncio as aioredis

from workers.models import Article, Source
from workers.parsers.article_builder import content_hash
from workers.settings import Settings


def make_article(
    uri: str, headline: str, body: str, *, version: int = 1, language: str | None = None
) -> Article:
    return Article(
        uri=uri,
        version=version,
        headline=headline,
        body_text=body,
        language=language,
        source=Source(feed_id="test", format="agency_text", parser="test"),
        fetched_at=datetime(2017, 10, 14, 12, 0, tzinfo=UTC),
        content_hash=content_hash(headline, body),
    )


def stack_redis_settings() -> Settings:
    """Settings whose Redis is up: the local stack starts it when nothing answers.

    A Redis that cannot be started raises, so the tests needing it fail rather than skip."""
    from workers.stack import up

    settings = Settings()
    up(settings, services=("redis",))
    return settings


def isolated(base: Settings, **dedup: Any) -> Settings:
    """`base` with its own Redis key prefix and, optionally, other dedup settings."""
    return base.model_copy(
        update={
            "redis_prefix": f"test:{uuid.uuid4().hex[:10]}:",
            "dedup": base.dedup.model_copy(update=dedup),
        }
    )


async def drop_keys(client: aioredis.Redis[Any], prefix: str) -> None:
    keys = [key async for key in client.scan_iter(match=f"{prefix}*", count=1000)]
    if keys:
        await client.delete(*keys)
