"""Getting parse results into Kafka exactly once per content: unchanged items
are skipped, changed ones go out as the next version, and an item is only
remembered once Kafka has acknowledged it. Shared by following and push."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from workers import metrics
from workers.feeds.state import FeedState
from workers.models import Article
from workers.parsers.base import ItemFailure, ParseResult
from workers.producer.ingest import STAGE, publish_results
from workers.producer.publisher import Publisher


@dataclass
class Delivery:
    published: list[Article] = field(default_factory=list)
    unchanged: list[Article] = field(default_factory=list)
    new_versions: int = 0
    dead_lettered: int = 0
    failed_uris: set[str] = field(default_factory=set)

    @property
    def complete(self) -> bool:
        return not self.failed_uris


class Deliverer:
    def __init__(self, publisher: Publisher, state: FeedState) -> None:
        self.publisher = publisher
        self.state = state

    async def deliver(self, results: list[ParseResult], key: str) -> Delivery:
        delivery = Delivery()
        to_send: list[ParseResult] = []
        for result in results:
            if isinstance(result, ItemFailure):
                to_send.append(result)
                delivery.dead_lettered += 1
                continue
            decision = await self.state.decide(result)
            if decision.action == "unchanged":
                delivery.unchanged.append(result)
                continue
            if decision.action == "new_version":
                delivery.new_versions += 1
                metrics.ARTICLES.labels(STAGE, "new_version").inc()
            to_send.append(decision.article)
        delivery.failed_uris = await self._send(to_send, key)
        for result in to_send:
            if isinstance(result, Article) and result.uri not in delivery.failed_uris:
                await self.state.remember(result)
                delivery.published.append(result)
        return delivery

    async def _send(self, results: list[ParseResult], key: str) -> set[str]:
        """Send and wait for Kafka's acknowledgement; return the uris Kafka refused."""
        if not results:
            return set()
        sent = await asyncio.to_thread(publish_results, results, self.publisher, key)
        await asyncio.to_thread(self.publisher.flush)
        return {uri for uri, future in sent.items() if not future.succeeded()}
