"""Precision and recall of duplicate decisions on the labeled articles of this
directory, through the real `Enricher` and Redis.

Two readings: labeled pairs (b decided right after a, alone in the state) and
the whole corpus streamed in batches (every article a candidate for every
later one)."""

from __future__ import annotations

import tomllib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import redis.asyncio as aioredis

from tests.dedup_support import drop_keys, isolated, make_article, stack_redis_settings
from workers.enrich.pipeline import Enricher, EnrichFailure, EnrichResult
from workers.models import Article
from workers.settings import Settings

pytestmark = pytest.mark.integration

HERE = Path(__file__).parent
MIN_PRECISION = 0.97
MIN_RECALL = 0.90
DUPLICATE = ("duplicate", "near_duplicate")


def load_article(path: Path) -> Article:
    header, body = path.read_text("utf-8").split("\n\n", 1)
    assert header.startswith("Headline: "), path
    return make_article(path.stem, header.removeprefix("Headline: ").strip(), body.strip())


ARTICLES = {p.stem: load_article(p) for p in sorted((HERE / "articles").glob("*.txt"))}
LABELS = tomllib.loads((HERE / "labels.toml").read_text("utf-8"))
GROUP_OF = {member: group for group, members in LABELS["groups"].items() for member in members}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@pytest.fixture(scope="module")
def redis_base() -> Settings:
    return stack_redis_settings()


@pytest.fixture
async def client(redis_base: Settings) -> AsyncIterator[aioredis.Redis[Any]]:
    redis: aioredis.Redis[Any] = aioredis.Redis.from_url(redis_base.redis_url.get_secret_value())
    yield redis
    await redis.aclose()


def decided(items: list[EnrichResult | EnrichFailure]) -> list[EnrichResult]:
    assert all(isinstance(r, EnrichResult) for r in items), items
    return [r for r in items if isinstance(r, EnrichResult)]


def test_the_set_is_large_and_realistic() -> None:
    assert len(ARTICLES) >= 40
    assert {name[:2] for name in ARTICLES} == {"ar", "en", "fr"}
    for name, article in ARTICLES.items():
        words = len(article.body_text.split())
        assert 150 <= words <= 600, (name, words)
    assert set(GROUP_OF) == set(ARTICLES)
    kinds = {p["kind"] for p in LABELS["pair"]}
    for kind in ("translation", "same place and day", "later update", "paragraph added"):
        assert kind in kinds


async def test_labeled_pairs(redis_base: Settings, client: aioredis.Redis[Any]) -> None:
    score = Score()
    for pair in LABELS["pair"]:
        settings = isolated(redis_base)
        enricher = Enricher(settings, client)
        await enricher.process_batch([ARTICLES[pair["a"]]])
        (b,) = decided(await enricher.process_batch([ARTICLES[pair["b"]]]))
        await drop_keys(client, settings.redis_prefix)
        said_duplicate = b.outcome in DUPLICATE and b.article.duplicate_of == pair["a"]
        if said_duplicate and pair["duplicate"]:
            score.tp += 1
        elif said_duplicate:
            score.fp += 1
            score.misses.append(f"false duplicate ({pair['kind']}): {pair['a']} / {pair['b']}")
        elif pair["duplicate"]:
            score.fn += 1
            score.misses.append(
                f"missed ({pair['kind']}, {b.outcome} {b.article.similarity}): "
                f"{pair['a']} / {pair['b']}"
            )
    print(f"pairs: P={score.precision:.3f} R={score.recall:.3f} {score.misses}")
    assert score.precision >= MIN_PRECISION, score.misses
    assert score.recall >= MIN_RECALL, score.misses


async def test_streamed_corpus(redis_base: Settings, client: aioredis.Redis[Any]) -> None:
    firsts = [members[0] for members in LABELS["groups"].values()]
    rest = [m for members in LABELS["groups"].values() for m in members[1:]]
    order = firsts + rest
    settings = isolated(redis_base)
    enricher = Enricher(settings, client)
    results: list[EnrichResult] = []
    for i in range(0, len(order), 8):
        results += decided(await enricher.process_batch([ARTICLES[n] for n in order[i : i + 8]]))
    await drop_keys(client, settings.redis_prefix)
    score = Score()
    for name, result in zip(order, results, strict=True):
        is_copy = name not in firsts
        if result.outcome in DUPLICATE:
            assert result.article.duplicate_of is not None
            if GROUP_OF[result.article.duplicate_of] == GROUP_OF[name]:
                score.tp += 1
            else:
                score.fp += 1
                score.misses.append(f"false: {name} -> {result.article.duplicate_of}")
        elif is_copy:
            score.fn += 1
            score.misses.append(f"missed: {name} ({result.outcome} {result.article.similarity})")
    print(f"corpus: P={score.precision:.3f} R={score.recall:.3f} {score.misses}")
    assert score.precision >= MIN_PRECISION, score.misses
    assert score.recall >= MIN_RECALL, score.misses
