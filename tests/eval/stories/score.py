"""Story linking measured on the labelled pairs, through the real `Enricher` and
Redis: `python -m tests.eval.stories.score [--held-out]`.

Two readings: each pair alone (a, then b, in a state of their own), and every
article of the set streamed in `firstcreated` order in batches of 8 through one
state, where every earlier article is a candidate."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import redis.asyncio as aioredis

from tests.dedup_support import drop_keys, enricher, own_redis_prefix, stack_redis_settings
from tests.eval.stories.corpus import (
    ARTICLES,
    HERE,
    KINDS,
    PAIRS,
    Kind,
    Pair,
    load_articles,
    load_pairs,
)
from workers.enrich.engine import EnrichResult
from workers.enrich.resources import Resources
from workers.models import Article
from workers.settings import Settings

BATCH = 8


@dataclass
class Reading:
    """For each kind of pair, how many of them ended in one story."""

    shared: dict[Kind, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    total: dict[Kind, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    wrong: list[str] = field(default_factory=list)

    def count(self, pair: Pair, stories: Mapping[str, str | None]) -> None:
        together = stories[pair.a] is not None and stories[pair.a] == stories[pair.b]
        self.total[pair.kind] += 1
        self.shared[pair.kind] += together
        if together != pair.must_share:
            self.wrong.append(f"{pair.kind}: {pair.a} / {pair.b}")

    def rate(self, kind: Kind) -> float:
        return self.shared[kind] / self.total[kind] if self.total[kind] else 0.0

    def line(self, name: str) -> str:
        parts = [f"{k} {self.shared[k]}/{self.total[k]} share" for k in KINDS]
        return f"{name}: " + ", ".join(parts)


async def _decide(
    resources: Resources,
    settings: Settings,
    client: aioredis.Redis[Any],
    articles: Sequence[Article],
) -> dict[str, str | None]:
    decide = enricher(settings, client, resources)
    stories: dict[str, str | None] = {}
    for start in range(0, len(articles), BATCH):
        for result in await decide.process_batch(articles[start : start + BATCH]):
            assert isinstance(result, EnrichResult), result
            stories[result.article.uri] = result.article.story_id
    return stories


async def pairs_alone(
    resources: Resources,
    base: Settings,
    client: aioredis.Redis[Any],
    articles: Mapping[str, Article],
    pairs: Sequence[Pair],
) -> Reading:
    reading = Reading()
    for pair in pairs:
        settings = own_redis_prefix(base)
        stories: dict[str, str | None] = {}
        for name in (pair.a, pair.b):
            stories.update(await _decide(resources, settings, client, [articles[name]]))
        await drop_keys(client, settings.redis_prefix)
        reading.count(pair, stories)
    return reading


def by_time(articles: Mapping[str, Article]) -> list[Article]:
    return sorted(articles.values(), key=lambda a: (a.firstcreated, a.uri))


async def streamed(
    resources: Resources,
    base: Settings,
    client: aioredis.Redis[Any],
    articles: Mapping[str, Article],
    pairs: Sequence[Pair],
) -> Reading:
    settings = own_redis_prefix(base)
    stories = await _decide(resources, settings, client, by_time(articles))
    await drop_keys(client, settings.redis_prefix)
    reading = Reading()
    for pair in pairs:
        reading.count(pair, stories)
    return reading


async def measure(
    articles: Mapping[str, Article], pairs: Sequence[Pair]
) -> tuple[Reading, Reading]:
    stack = stack_redis_settings()
    base = stack.model_copy(update={"stories": stack.stories.model_copy(update={"enabled": True})})
    resources = Resources.of(base)
    client: aioredis.Redis[Any] = aioredis.Redis.from_url(base.redis_url.get_secret_value())
    try:
        return (
            await pairs_alone(resources, base, client, articles, pairs),
            await streamed(resources, base, client, articles, pairs),
        )
    finally:
        await client.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--held-out", action="store_true", help="the held-out set")
    args = parser.parse_args()
    if args.held_out:
        folder = HERE / "held_out"
        articles, pairs = load_articles(folder / "articles"), load_pairs(folder / "labels.toml")
    else:
        articles, pairs = ARTICLES, PAIRS
    alone, stream = asyncio.run(measure(articles, pairs))
    for name, reading in (("pairs alone", alone), ("streamed", stream)):
        print(reading.line(name))
        for wrong in reading.wrong:
            print(f"  wrong: {wrong}")


if __name__ == "__main__":
    main()
