"""The enrichment of a batch: pure steps per article, then one Redis round trip
that decides versions, duplicates and stories for the whole batch."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import redis.asyncio as aioredis

from workers.dedup.decision import Decision, Outcome
from workers.dedup.minhash import Fingerprint, fingerprint
from workers.dedup.redis_state import DedupRequest, DedupState
from workers.enrich.basic_steps import tag_dateline, tag_language
from workers.enrich.entities import tag_entities
from workers.enrich.topics import tag_topics
from workers.errors import TransientError
from workers.models import ENRICHED_SCHEMA, Article, DuplicateNotice, EnrichedArticle
from workers.settings import Settings

Step = Callable[[EnrichedArticle], EnrichedArticle]

DEDUP_KEY_SPACE = "dedup:"


@dataclass(frozen=True)
class EnrichResult:
    article: EnrichedArticle
    """Goes to `articles.enriched` unless `notice` is set."""
    outcome: Outcome
    notice: DuplicateNotice | None = None
    """Set for duplicates and near duplicates: goes to `articles.duplicates`."""


@dataclass(frozen=True)
class EnrichFailure:
    """One article a step could not enrich; the rest of its batch went on."""

    article_uri: str
    error_type: str
    reason: str
    index: int


def default_steps() -> list[Step]:
    """Language, dateline, then entities and topics."""
    return [tag_language, tag_dateline, tag_entities, tag_topics]


@cache
def _added_field_defaults() -> dict[str, Any]:
    return {
        name: field.get_default(call_default_factory=True)
        for name, field in EnrichedArticle.model_fields.items()
        if name not in Article.model_fields
    }


def to_enriched(article: Article) -> EnrichedArticle:
    """The article as an `EnrichedArticle` with nothing added yet, without re-validation.

    Every field is passed, defaults included: left to pydantic, each default
    factory costs a signature inspection per article."""
    fields = {k: copy.copy(v) for k, v in _added_field_defaults().items()}
    fields.update(article.__dict__)
    fields["schema_"] = ENRICHED_SCHEMA
    return EnrichedArticle.model_construct(**fields)


def _failure(article: Article, index: int, exc: Exception) -> EnrichFailure:
    error_type = str(getattr(exc, "error_type", "") or type(exc).__name__)
    return EnrichFailure(article.uri, error_type, f"{type(exc).__name__}: {exc}", index)


def apply_decision(article: EnrichedArticle, fp: Fingerprint, decision: Decision) -> EnrichResult:
    enriched = article.model_copy(
        update={
            "version": decision.version,
            "normalized_hash": fp.normalized_hash,
            "story_id": decision.story_id,
            "duplicate_of": decision.duplicate_of,
            "similarity": decision.similarity,
        }
    )
    notice = None
    if decision.is_duplicate and decision.duplicate_of is not None and decision.method is not None:
        notice = DuplicateNotice(
            article=enriched,
            duplicate_of=decision.duplicate_of,
            similarity=decision.similarity if decision.similarity is not None else 1.0,
            method=decision.method,
        )
    return EnrichResult(enriched, decision.outcome, notice)


class Enricher:
    """Enriches batches of articles; safe to run in any number of processes at once."""

    def __init__(
        self, settings: Settings, redis: aioredis.Redis[Any], steps: Sequence[Step] | None = None
    ) -> None:
        self._settings = settings
        self._steps: tuple[Step, ...] = tuple(default_steps() if steps is None else steps)
        self._state = DedupState(redis, settings.dedup, settings.redis_prefix + DEDUP_KEY_SPACE)

    def enrich(self, article: Article) -> tuple[EnrichedArticle, Fingerprint]:
        """The pure part for one article: every step, then its fingerprint."""
        enriched = to_enriched(article)
        for step in self._steps:
            enriched = step(enriched)
        return enriched, fingerprint(enriched.headline, enriched.body_text, self._settings.dedup)

    async def process_batch(
        self, articles: Sequence[Article]
    ) -> list[EnrichResult | EnrichFailure]:
        """One result per article, in order. A step failing on an article gives an
        `EnrichFailure` for it alone; Redis failing raises `TransientError` for the batch."""
        results: list[EnrichResult | EnrichFailure | None] = [None] * len(articles)
        pending: list[tuple[int, EnrichedArticle, Fingerprint]] = []
        for index, article in enumerate(articles):
            try:
                enriched, fp = self.enrich(article)
            except TransientError:
                raise
            except Exception as exc:
                results[index] = _failure(article, index, exc)
                continue
            pending.append((index, enriched, fp))
        decisions = await self._state.decide(
            [DedupRequest(e.uri, e.content_hash, e.version, fp) for _, e, fp in pending]
        )
        for (index, enriched, fp), decision in zip(pending, decisions, strict=True):
            results[index] = apply_decision(enriched, fp, decision)
        return [r for r in results if r is not None]
