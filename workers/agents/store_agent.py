"""The storage agent: `articles.enriched` and `articles.duplicates` in,
batched transactional writes out, then the Redis article cache."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import faust
from pydantic import BaseModel

from workers import metrics
from workers.agents.events import DeadLetterSink, Received, decode_events
from workers.agents.retry import with_backoff
from workers.errors import TransientError
from workers.models import DuplicateNotice, EnrichedArticle, Stage
from workers.settings import Settings
from workers.storage.base import ArticleStore, WriteResult

STAGE: Stage = "store"


class StoreBatchHandler:
    def __init__(self, app: faust.App, settings: Settings, store: ArticleStore) -> None:
        self.settings = settings
        self.store = store
        self.sink = DeadLetterSink(app, settings.topics.dlq, STAGE)

    def model_for(self, topic: str) -> type[BaseModel]:
        return DuplicateNotice if topic == self.settings.topics.duplicates else EnrichedArticle

    async def __call__(self, events: Sequence[Any]) -> None:
        started = time.perf_counter()
        received = await decode_events(events, self.model_for, self.sink)
        if not received:
            return
        articles: list[EnrichedArticle] = []
        aliases: list[DuplicateNotice] = []
        for item in received:
            if isinstance(item.message, DuplicateNotice):
                aliases.append(item.message)
            else:
                articles.append(with_store_lineage(item))
        try:
            result = await with_backoff(
                lambda: asyncio.to_thread(self.store.write_batch, articles, aliases),
                what="storage batch",
            )
        except TransientError as exc:
            for item in received:
                await self.sink.send(item.event, "transient", f"storage gave up: {exc}")
            return
        self._count(articles, aliases, result, time.perf_counter() - started)

    def _count(
        self,
        articles: Sequence[EnrichedArticle],
        aliases: Sequence[DuplicateNotice],
        result: WriteResult,
        elapsed: float,
    ) -> None:
        now = datetime.now(UTC)
        for article in articles:
            metrics.ARTICLES.labels(STAGE, "new_version" if article.version > 1 else "ok").inc()
            metrics.END_TO_END_SECONDS.observe(max(0.0, (now - article.fetched_at).total_seconds()))
        for notice in aliases:
            outcome = "duplicate" if notice.method == "exact" else "near_duplicate"
            metrics.ARTICLES.labels(STAGE, outcome).inc()
        per_article = elapsed / max(1, len(articles) + len(aliases))
        for _ in range(len(articles) + len(aliases)):
            metrics.STAGE_SECONDS.labels(STAGE).observe(per_article)


def with_store_lineage(item: Received[Any]) -> EnrichedArticle:
    article: EnrichedArticle = item.message
    return article.model_copy(update={"lineage": [*article.lineage, item.lineage]})


def register(app: faust.App, settings: Settings, store: ArticleStore) -> None:
    """`store` is the cached store: each write also refreshes `article:{uri}` in Redis."""
    source = app.topic(settings.topics.enriched, settings.topics.duplicates)

    @app.agent(source, name="store")
    async def store_agent(stream: Any) -> None:
        handler = StoreBatchHandler(app, settings, store)
        async for events in stream.take_events(
            settings.store_batch_size, within=settings.batch_seconds
        ):
            await handler(events)
