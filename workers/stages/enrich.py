"""The enrichment stage: articles from `articles.raw`, enriched and decided, on
to `articles.enriched` (canonical articles and new versions) or
`articles.duplicates` (exact and near duplicates)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from workers import codec, redis_client
from workers.dedup.redis_state import RedisDedupState
from workers.enrich.engine import (
    Enricher,
    EnrichFailure,
    EnrichmentRun,
    EnrichResult,
    prepare_process,
)
from workers.enrich.resources import Resources
from workers.models import Article, evolve
from workers.runtime.batch import Handled, Incoming, Output, Rejected, Result
from workers.settings import Settings
from workers.stages.dedup_state import rebuilder
from workers.stories.linking import redis_story_state

FORWARDED_HEADERS = ("source", "trace_id", "fetched_at")


def forwarded(headers: Mapping[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in headers.items() if k in FORWARDED_HEADERS}


def route(item: Incoming[Article], result: EnrichResult | EnrichFailure) -> Result:
    """Where an enriched article goes: a duplicate to `duplicates` (with its own
    text), anything else to `enriched`; a failed one to the dead letters."""
    if isinstance(result, EnrichFailure):
        return Rejected(result.error_type, result.reason)
    article = evolve(result.article, {"lineage": [*result.article.lineage, item.lineage]})
    key = article.uri.encode()
    headers = forwarded(item.record.headers)
    if result.notice is not None:
        notice = result.notice.model_copy(update={"article": article})
        return Handled(result.outcome, (Output("duplicates", key, codec.encode(notice), headers),))
    return Handled(result.outcome, (Output("enriched", key, codec.encode(article), headers),))


class EnrichJob:
    def __init__(self, run: EnrichmentRun, items: Sequence[Incoming[Article]]) -> None:
        self._run = run
        self._items = items

    async def run(self) -> list[Result]:
        results = await self._run.results()
        return [route(item, result) for item, result in zip(self._items, results, strict=True)]


class EnrichHandler:
    def __init__(self, enricher: Enricher) -> None:
        self._enricher = enricher

    def model_for(self, topic: str) -> type[BaseModel]:
        return Article

    def begin(self, items: Sequence[Incoming[Any]]) -> EnrichJob:
        return EnrichJob(self._enricher.begin([item.message for item in items]), items)


class RebuildFromStorage:
    """Restores the dedup state from storage when Redis came back empty."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    async def __call__(self) -> None:
        await asyncio.to_thread(lambda: rebuilder(self._settings).rebuild())


def build(settings: Settings) -> Callable[[], Awaitable[EnrichHandler]]:
    """Build the steps' resources and load the language model now (before the worker
    joins its group); the handler itself is made inside the worker's event loop."""
    resources = Resources.of(settings)
    prepare_process()

    async def create() -> EnrichHandler:
        redis = await redis_client.async_client(settings, check=False)
        state = RedisDedupState.of(redis, settings)
        stories = redis_story_state(settings, redis) if settings.stories.enabled else None
        return EnrichHandler(
            Enricher(settings, resources, state, RebuildFromStorage(settings), stories=stories)
        )

    return create
