"""What the enrichment steps read besides the article: built once from `Settings`
when a worker starts, then passed to every step (docs/ARCHITECTURE.md, Tagging)."""

from __future__ import annotations

from dataclasses import dataclass

from workers.enrich.steps.entities import TagTemplates, tag_templates
from workers.enrich.steps.topics import TopicLexicon, packaged_lexicon
from workers.gazetteer import Gazetteer, build_gazetteer
from workers.settings import Settings


@dataclass(frozen=True, slots=True)
class Resources:
    gazetteer: Gazetteer
    """Known places, organisations and people, with the packaged data and
    `settings.gazetteer_path` on top."""
    tag_templates: TagTemplates
    """The gazetteer's entries as tags, made with it."""
    lexicon: TopicLexicon
    """The Media Topics lexicons of every language."""

    @classmethod
    def of(cls, settings: Settings) -> Resources:
        gazetteer = build_gazetteer(settings.gazetteer_path)
        return cls(gazetteer, tag_templates(gazetteer), packaged_lexicon())
