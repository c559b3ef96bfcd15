"""The language step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workers.models import EnrichedArticle, evolve
from workers.text.analysis import Analysis
from workers.text.language import decide_language, detect_article_language

if TYPE_CHECKING:
    from workers.enrich.resources import Resources


def tag_language(
    article: EnrichedArticle, analysis: Analysis, resources: Resources
) -> EnrichedArticle:
    """The stored language weighs the source's declaration (or, without one, the
    feed's configured language) against detection; both and the reason are kept."""
    found = detect_article_language(article.headline, article.body_text)
    decision = decide_language(article.declared_language or article.language, found)
    if decision is None:
        return article
    return evolve(
        article,
        {
            "language": decision.code,
            "language_reason": decision.reason,
            "detected_language": found.code if found else None,
            "language_confidence": found.confidence if found else None,
        },
    )
