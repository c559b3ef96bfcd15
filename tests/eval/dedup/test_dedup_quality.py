"""Precision and recall of duplicate decisions on the labeled articles of this
directory, through the real `Enricher` and Redis.

Two readings: labeled pairs (b decided right after a, alone in the state) and
the whole corpus streamed in batches (every article a candidate for every
later one)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import redis.asyncio as aioredis

from tests.dedup_support import (
    drop_keys,
    enricher,
    final_roles,
    make_article,
    own_redis_prefix,
)
from workers.enrich.engine import EnrichFailure, EnrichResult
from workers.enrich.resources import Resources
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


async def test_labeled_pairs(
    redis_base: Settings, redis_client: aioredis.Redis[Any], resources: Resources
) -> None:
    """b is decided right after a: said to be a duplicate when b became a's alias,
    or took a over (b is the earlier copy)."""
    score = Score()
    for pair in LABELS["pair"]:
        settings = own_redis_prefix(redis_base)
        decide = enricher(settings, redis_client, resources)
        await decide.process_batch([ARTICLES[pair["a"]]])
        (b,) = decided(await decide.process_batch([ARTICLES[pair["b"]]]))
        await drop_keys(redis_client, settings.redis_prefix)
        said_duplicate = (b.outcome in DUPLICATE and b.article.duplicate_of == pair["a"]) or any(
            t.uri == pair["a"] for t in b.article.takes_over
        )
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


async def test_streamed_corpus(
    redis_base: Settings, redis_client: aioredis.Redis[Any], resources: Resources
) -> None:
    """Every article streamed in batches, then judged by where the decisions leave
    it: an alias of a member of its own group is right, of another group's wrong,
    and each group should end with one canonical article."""
    firsts = [members[0] for members in LABELS["groups"].values()]
    rest = [m for members in LABELS["groups"].values() for m in members[1:]]
    order = firsts + rest
    settings = own_redis_prefix(redis_base)
    decide = enricher(settings, redis_client, resources)
    results: list[EnrichResult] = []
    for i in range(0, len(order), 8):
        results += decided(await decide.process_batch([ARTICLES[n] for n in order[i : i + 8]]))
    await drop_keys(redis_client, settings.redis_prefix)
    roles = final_roles(results)
    score = Score()
    for name in order:
        canonical = roles[name]
        if canonical == name:
            continue
        if GROUP_OF[canonical] == GROUP_OF[name]:
            score.tp += 1
        else:
            score.fp += 1
            score.misses.append(f"false: {name} -> {canonical}")
    for group, members in LABELS["groups"].items():
        canonicals = [m for m in members if roles[m] == m]
        score.fn += max(0, len(canonicals) - 1)
        if len(canonicals) > 1:
            score.misses.append(f"missed: {group} has {len(canonicals)} canonical articles")
    print(f"corpus: P={score.precision:.3f} R={score.recall:.3f} {score.misses}")
    assert score.precision >= MIN_PRECISION, score.misses
    assert score.recall >= MIN_RECALL, score.misses
