"""Helpers for the tagging tests: articles built in memory, tags looked up by id."""

from __future__ import annotations

from datetime import UTC, datetime

from newswire_text import analyze

from workers.enrich.resources import Resources
from workers.enrich.steps.entities import find_entities
from workers.models import EnrichedArticle, EntityTag, Source
from workers.text.dateline import extract_dateline


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
    resources: Resources, text: str, language: str | None = None, dateline: bool = False
) -> dict[str, EntityTag]:
    """The tags of `text`; with `dateline`, the dateline its body (after the first
    line) opens with is read as the enrichment reads it."""
    lead = extract_dateline(text.split("\n", 1)[-1]) if dateline else None
    found = find_entities(
        resources.gazetteer, resources.tag_templates, analyze(text), language, lead
    )
    return {tag.id: tag for tag in found}
