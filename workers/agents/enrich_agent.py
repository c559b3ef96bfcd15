"""The enrichment agent: `articles.raw` in, `articles.enriched` or
`articles.duplicates` out, failures to `articles.dlq`."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import faust

from workers import codec, metrics
from workers.agents.events import DeadLetterSink, Received, decode_events
from workers.agents.retry import with_backoff
from workers.enrich.pipeline import Enricher, EnrichFailure, EnrichResult, prepare_process
from workers.errors import TransientError
from workers.models import Article, Stage
from workers.redis_client import async_client
from workers.settings import Settings

STAGE: Stage = "enrich"
FORWARDED_HEADERS = ("source", "trace_id", "fetched_at")


def forwarded_headers(event: Any) -> dict[str, bytes]:
    headers = event.message.headers or {}
    items = headers.items() if isinstance(headers, dict) else headers
    return {k: v for k, v in items if k in FORWARDED_HEADERS}


class EnrichBatchHandler:
    """One batch: decode, enrich (Redis retried with backoff), route, count."""

    def __init__(self, app: faust.App, settings: Settings, enricher: Enricher) -> None:
        self.enricher = enricher
        self.enriched = app.topic(settings.topics.enriched)
        self.duplicates = app.topic(settings.topics.duplicates)
        self.sink = DeadLetterSink(app, settings.topics.dlq, STAGE)

    async def __call__(self, events: Sequence[Any]) -> None:
        started = time.perf_counter()
        received = await decode_events(events, lambda _topic: Article, self.sink)
        if not received:
            return
        articles = [r.message for r in received]
        try:
            results = await with_backoff(
                lambda: self.enricher.process_batch(articles), what="enrichment batch"
            )
        except TransientError as exc:
            for item in received:
                await self.sink.send(item.event, "transient", f"enrichment gave up: {exc}")
            return
        for item, result in zip(received, results, strict=True):
            await self._route(item, result)
        per_article = (time.perf_counter() - started) / len(received)
        for _ in received:
            metrics.STAGE_SECONDS.labels(STAGE).observe(per_article)

    async def _route(self, item: Received[Article], result: EnrichResult | EnrichFailure) -> None:
        if isinstance(result, EnrichFailure):
            await self.sink.send(item.event, result.error_type, result.reason)
            return
        article = result.article.model_copy(
            update={"lineage": [*result.article.lineage, item.lineage]}
        )
        key = article.uri.encode()
        headers = forwarded_headers(item.event)
        if result.notice is not None:
            notice = result.notice.model_copy(update={"article": article})
            await self.duplicates.send(key=key, value=codec.encode(notice), headers=headers)
        else:
            await self.enriched.send(key=key, value=codec.encode(article), headers=headers)
        metrics.ARTICLES.labels(STAGE, result.outcome).inc()


def register(app: faust.App, settings: Settings) -> None:
    raw = app.topic(settings.topics.raw)

    @app.agent(raw, name="enrich")
    async def enrich(stream: Any) -> None:
        redis = await async_client(settings)
        prepare_process()
        handler = EnrichBatchHandler(app, settings, Enricher(settings, redis))
        async for events in stream.take_events(
            settings.enrich_batch_size, within=settings.batch_seconds
        ):
            await handler(events)
