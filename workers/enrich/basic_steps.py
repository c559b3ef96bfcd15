"""The language and dateline steps."""

from __future__ import annotations

from workers.models import EnrichedArticle, evolve
from workers.text.dateline import extract_dateline
from workers.text.language import detect_article_language

SOURCE_LANGUAGE_TRUST = 0.9
"""Below this detection confidence a language given by the source is kept."""


def tag_language(article: EnrichedArticle) -> EnrichedArticle:
    found = detect_article_language(article.headline, article.body_text)
    if found is None:
        return article
    if (
        article.language
        and found.code != article.language
        and found.confidence < SOURCE_LANGUAGE_TRUST
    ):
        return article
    return evolve(article, {"language": found.code, "language_confidence": found.confidence})


def tag_dateline(article: EnrichedArticle) -> EnrichedArticle:
    """The dateline of the lead; its place also fills `located` when the source left it empty."""
    dateline = extract_dateline(article.body_text)
    if dateline is None:
        return article
    update: dict[str, object] = {"dateline": dateline}
    if not article.located and dateline.place:
        update["located"] = dateline.place
    return evolve(article, update)
