"""The dateline step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workers.models import EnrichedArticle, evolve
from workers.parsers.located import place
from workers.text.analysis import Analysis
from workers.text.dateline import extract_dateline

if TYPE_CHECKING:
    from workers.enrich.resources import Resources


def tag_dateline(
    article: EnrichedArticle, analysis: Analysis, resources: Resources
) -> EnrichedArticle:
    """The dateline of the lead; its place also fills `located` when the source left it empty."""
    dateline = extract_dateline(article.body_text)
    if dateline is None:
        return article
    update: dict[str, object] = {"dateline": dateline}
    if not article.located and place(dateline.place):
        update["located"] = place(dateline.place)
    return evolve(article, update)
