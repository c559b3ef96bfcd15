"""The analysis of an article's text (normalized tokens tied to the original),
made once per article and handed to the steps that read it: entities, topics and
the dedup fingerprint all read the headline and body joined by a newline."""

from __future__ import annotations

from collections.abc import Sequence

from newswire_text import Analysis, EntityFinder, PhraseMatcher, analyze, analyze_later

__all__ = ["AnalysesAhead", "Analysis", "analyze_article", "article_text"]


def article_text(headline: str, body_text: str) -> str:
    """The text the tagging steps read: offsets of entity mentions count in it."""
    return f"{headline}\n{body_text}"


def analyze_article(headline: str, body_text: str) -> Analysis:
    """The analysis the enrichment steps and the fingerprint of an article read."""
    return analyze(article_text(headline, body_text))


class AnalysesAhead:
    """The analyses of some articles' texts, made in order on a thread of the compiled
    core (without the GIL) while the caller does other work; `take` hands over the
    next ones as soon as they are made."""

    def __init__(
        self,
        texts: Sequence[tuple[str, str]],
        finder: EntityFinder | None = None,
        matcher: PhraseMatcher | None = None,
    ) -> None:
        """With a `finder` or `matcher`, the thread also matches each text, and their
        `find` and `weigh` give its results without matching on the caller's thread."""
        self._pending = analyze_later([article_text(h, b) for h, b in texts], finder, matcher)

    def take(self, count: int) -> list[Analysis]:
        """The next `count` analyses, in order, once made."""
        return self._pending.take(count)
