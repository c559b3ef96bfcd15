"""The storage stage: enriched articles and duplicates in, one transaction per
batch, then the Redis article cache."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

from workers import metrics
from workers.errors import TransientError
from workers.models import DuplicateNotice, EnrichedArticle, evolve
from workers.runtime.batch import Handled, Incoming, Rejected, Result
from workers.settings import Settings
from workers.storage.base import ArticleStore, WriteResult
from workers.storage.factory import open_store

log = logging.getLogger(__name__)


def outcome(message: EnrichedArticle | DuplicateNotice, written: WriteResult) -> str:
    if isinstance(message, DuplicateNotice):
        return "duplicate" if message.method == "exact" else "near_duplicate"
    number = written.numbers.get((message.uri, message.content_hash), 1)
    return "new_version" if number > 1 else "ok"


def with_lineage(item: Incoming[Any]) -> EnrichedArticle | DuplicateNotice:
    message = item.message
    if isinstance(message, DuplicateNotice):
        article = message.article
        return message.model_copy(
            update={"article": evolve(article, {"lineage": [*article.lineage, item.lineage]})}
        )
    assert isinstance(message, EnrichedArticle)
    return evolve(message, {"lineage": [*message.lineage, item.lineage]})


class StoreJob:
    def __init__(self, store: ArticleStore, items: Sequence[Incoming[Any]]) -> None:
        self._store = store
        self._messages = [with_lineage(item) for item in items]

    async def run(self) -> list[Result]:
        try:
            written = await self._write(self._messages)
        except TransientError:
            raise
        except Exception as exc:
            if len(self._messages) == 1:
                return [Rejected("store", f"{type(exc).__name__}: {exc}")]
            log.warning("a batch failed to store (%s): storing its messages one by one", exc)
            return [result for m in self._messages for result in await self._alone(m)]
        self._observe(self._messages)
        return [Handled(outcome(m, written)) for m in self._messages]

    async def _alone(self, message: EnrichedArticle | DuplicateNotice) -> list[Result]:
        """A message that fails on its own, with the database up, is a dead letter."""
        try:
            written = await self._write([message])
        except TransientError:
            raise
        except Exception as exc:
            return [Rejected("store", f"{type(exc).__name__}: {exc}")]
        self._observe([message])
        return [Handled(outcome(message, written))]

    async def _write(self, messages: Sequence[EnrichedArticle | DuplicateNotice]) -> WriteResult:
        articles = [m for m in messages if isinstance(m, EnrichedArticle)]
        notices = [m for m in messages if isinstance(m, DuplicateNotice)]
        return await asyncio.to_thread(self._store.write_batch, articles, notices)

    @staticmethod
    def _observe(messages: Sequence[EnrichedArticle | DuplicateNotice]) -> None:
        now = datetime.now(UTC)
        for message in messages:
            article = message.article if isinstance(message, DuplicateNotice) else message
            seconds = (now - article.fetched_at).total_seconds()
            metrics.END_TO_END_SECONDS.observe(max(0.0, seconds))


class StoreHandler:
    def __init__(self, settings: Settings, store: ArticleStore) -> None:
        self._duplicates = settings.topics.duplicates
        self._store = store

    def model_for(self, topic: str) -> type[BaseModel]:
        return DuplicateNotice if topic == self._duplicates else EnrichedArticle

    def begin(self, items: Sequence[Incoming[Any]]) -> StoreJob:
        return StoreJob(self._store, items)


def build(settings: Settings) -> Callable[[], Awaitable[StoreHandler]]:
    """Open the store (the database behind the Redis cache) at worker start."""
    store = open_store(settings)

    async def create() -> StoreHandler:
        return StoreHandler(settings, store)

    return create
