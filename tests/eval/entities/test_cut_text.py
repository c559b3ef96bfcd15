"""Enrichment never fails on text that ends or begins anywhere: a valid article whose
body a feed cut after any word must be tagged, not dead-lettered by an error of the
tagger reading past the last word or before the first."""

from __future__ import annotations

import re

from tests.eval.entities.scoring import LabeledArticle, enrich, load_articles
from workers.enrich.resources import Resources

WINDOW_WORDS = 8
"""Each window holds the words before a cut: enough for any name to run to the end."""


def _windows(article: LabeledArticle) -> list[str]:
    """The article's text cut after each of its words, the last `WINDOW_WORDS` words
    kept; with a comma after the cut as well."""
    words = re.split(r"\s+", article.body.strip())
    windows = []
    for end in range(1, len(words) + 1):
        window = " ".join(words[max(0, end - WINDOW_WORDS) : end])
        windows += [window, window + "،"]
    return windows


def test_every_labelled_article_cut_after_any_word_is_tagged_without_an_error(
    resources: Resources,
) -> None:
    failures = []
    for article in load_articles():
        for body in _windows(article):
            cut = LabeledArticle(
                article.id, article.set, article.language, article.headline, body,
                (), frozenset(), article.topic,
            )  # fmt: skip
            try:
                enrich(cut, resources)
            except Exception as error:
                failures.append(f"{article.id}: {body!r}: {error!r}")
    assert not failures, failures[:5]
