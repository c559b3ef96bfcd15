"""The language and dateline steps."""

from __future__ import annotations

from workers.models import EnrichedArticle, evolve
from workers.parsers.located import place
from workers.text.dateline import extract_dateline
from workers.text.language import decide_language, detect_article_language


def tag_language(article: EnrichedArticle) -> EnrichedArticle:
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


def tag_dateline(article: EnrichedArticle) -> EnrichedArticle:
    """The dateline of the lead; its place also fills `located` when the source left it empty."""
    dateline = extract_dateline(article.body_text)
    if dateline is None:
        return article
    update: dict[str, object] = {"dateline": dateline}
    if not article.located and place(dateline.place):
        update["located"] = place(dateline.place)
    return evolve(article, update)
