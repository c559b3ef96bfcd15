"""The analysis of an article's text (normalized tokens tied to the original),
made once per article and shared by the steps that read it: entities, topics and
the dedup fingerprint all read the headline and body joined by a newline."""

from __future__ import annotations

from collections.abc import Sequence

from newswire_text import Analysis, EntityFinder, PhraseMatcher, analyze, analyze_later

__all__ = ["RECENT_ARTICLES", "AnalysesAhead", "Analysis", "article_analysis", "article_text"]

RECENT_ARTICLES = 512
"""Analyses remembered: twice the articles the enrichment takes through its steps together."""

_recent: dict[tuple[int, int], tuple[str, str, Analysis]] = {}


def article_text(headline: str, body_text: str) -> str:
    """The text the tagging steps read: offsets of entity mentions count in it."""
    return f"{headline}\n{body_text}"


def article_analysis(headline: str, body_text: str) -> Analysis:
    """`analyze(article_text(headline, body_text))`, remembered for recent articles.

    Looked up by the identity of the two strings (the steps pass an article's own
    headline and body along), which costs nothing next to hashing 5 KB of text;
    the entry holds both strings, so their identities cannot be reused meanwhile."""
    found = _recent.get((id(headline), id(body_text)))
    if found is not None and found[0] is headline and found[1] is body_text:
        return found[2]
    made = analyze(article_text(headline, body_text))
    _remember(headline, body_text, made)
    return made


def _remember(headline: str, body_text: str, made: Analysis) -> None:
    if len(_recent) >= RECENT_ARTICLES:
        del _recent[next(iter(_recent))]
    _recent[(id(headline), id(body_text))] = (headline, body_text, made)


class AnalysesAhead:
    """The analyses of some articles' texts, made in order on a thread of the compiled
    core (without the GIL) while the caller does other work; `take` hands the next
    ones to `article_analysis` as soon as they are made."""

    def __init__(
        self,
        texts: Sequence[tuple[str, str]],
        finder: EntityFinder | None = None,
        matcher: PhraseMatcher | None = None,
    ) -> None:
        """With a `finder` or `matcher`, the thread also matches each text, and their
        `find` and `weigh` give its results without matching on the caller's thread."""
        self._texts = list(texts)
        self._taken = 0
        self._pending = analyze_later([article_text(h, b) for h, b in self._texts], finder, matcher)

    def take(self, count: int) -> None:
        """Wait for the next `count` analyses."""
        made = self._pending.take(count)
        texts = self._texts[self._taken : self._taken + count]
        for (headline, body_text), analysis in zip(texts, made, strict=True):
            _remember(headline, body_text, analysis)
        self._taken += count
