"""Primary IPTC Media Topic on the labelled articles whose misses are read (the base
set and the broad-news batches not held out), as the pipeline computes it: after the
entities, whose organisations are evidence. The held-out batches' topic figures are
in bench/RESULTS.md."""

from __future__ import annotations

import pytest

from tests.eval.entities.scoring import HELD_OUT_SETS, LANGUAGES, Result, load_articles, score
from workers.enrich.resources import Resources

MIN_TOPIC_ACCURACY = 0.90
MIN_ARTICLES = 120


@pytest.fixture(scope="module")
def by_language(resources: Resources) -> dict[str, Result]:
    articles = [a for a in load_articles() if a.set not in HELD_OUT_SETS]
    assert len(articles) >= MIN_ARTICLES
    return {
        lang: score([a for a in articles if a.language == lang], resources) for lang in LANGUAGES
    }


def test_the_primary_topic_is_right_for_nine_articles_in_ten(
    by_language: dict[str, Result],
) -> None:
    right = sum(r.topics_right for r in by_language.values())
    misses = [miss for r in by_language.values() for miss in r.topic_misses]
    assert right / (right + len(misses)) >= MIN_TOPIC_ACCURACY, misses


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_holds_the_topic_floor(by_language: dict[str, Result], language: str) -> None:
    result = by_language[language]
    assert result.topic_accuracy >= MIN_TOPIC_ACCURACY, result.topic_misses


def test_every_top_level_topic_is_the_primary_topic_of_some_labelled_article() -> None:
    assert {a.topic for a in load_articles()} == {f"{n:02d}000000" for n in range(1, 18)}
