"""The enrichment steps: each a function of the article, the analysis of its
headline and body (made once per article by the engine) and the resources it
reads, returning the article with what it adds (docs/ARCHITECTURE.md, Tagging)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workers.enrich.steps.dateline import tag_dateline
from workers.enrich.steps.entities import tag_entities
from workers.enrich.steps.language import tag_language
from workers.enrich.steps.topics import tag_topics
from workers.models import EnrichedArticle
from workers.text.analysis import Analysis, analyze_article

if TYPE_CHECKING:
    from workers.enrich.resources import Resources

StepFunction = Callable[[EnrichedArticle, Analysis, "Resources"], EnrichedArticle]


@dataclass(frozen=True, slots=True)
class Step:
    """A step and what it reads, which tells the engine what to match in the
    article's text ahead, together with its analysis."""

    name: str
    run: StepFunction
    finds_entities: bool = False
    """Reads the gazetteer's matches (`Resources.gazetteer.finder`)."""
    weighs_topics: bool = False
    """Reads the topic lexicon's matches (`Resources.lexicon.matcher`)."""


LANGUAGE = Step("tag_language", tag_language)
DATELINE = Step("tag_dateline", tag_dateline)
ENTITIES = Step("tag_entities", tag_entities, finds_entities=True)
TOPICS = Step("tag_topics", tag_topics, weighs_topics=True)


def default_steps() -> list[Step]:
    """Language, dateline, then entities and topics."""
    return [LANGUAGE, DATELINE, ENTITIES, TOPICS]


def run_steps(
    steps: Sequence[Step], article: EnrichedArticle, resources: Resources
) -> EnrichedArticle:
    """The steps over one article on its own (evaluation, tools); a worker's batches
    go through `workers/enrich/engine.py`, which analyses their texts ahead."""
    analysis = analyze_article(article.headline, article.body_text)
    for step in steps:
        article = step.run(article, analysis, resources)
    return article


__all__ = [
    "DATELINE",
    "ENTITIES",
    "LANGUAGE",
    "TOPICS",
    "Step",
    "StepFunction",
    "default_steps",
    "run_steps",
]
