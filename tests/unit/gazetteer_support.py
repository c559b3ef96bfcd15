"""Helpers for the tagging tests: articles built in memory, tags looked up by id."""

from __future__ import annotations

from datetime import UTC, datetime

from newswire_text import analyze

from workers.enrich.resources import Resources
from workers.enrich.steps.entities import find_entities
from workers.models import EnrichedArticle, EntityTag, Source


def article(body: str, headline: str = "Headline", language: str | None = None) -> EnrichedArticle:
    return EnrichedArticle(
        uri="test:1",
        headline=headline,
        body_text=body,
        language=language,
        source=Source(feed_id="test", format="text", parser="test"),
        fetched_at=datetime(2024, 1, 1, tzinfo=UTC),
        content_hash="0" * 64,
    )


def tags(
    resources: Resources, text: str, language: str | None = None, dateline: str | None = None
) -> dict[str, EntityTag]:
    found = find_entities(
        resources.gazetteer, resources.tag_templates, analyze(text), language, dateline
    )
    return {tag.id: tag for tag in found}
