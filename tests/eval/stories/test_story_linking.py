"""Stories across agencies on the labelled pairs of this directory, through the
real `Enricher` and Redis (`score.py` prints the same figures)."""

from __future__ import annotations

import pytest

from tests.eval.stories.corpus import ARTICLES, PAIRS
from tests.eval.stories.score import Reading, measure

pytestmark = pytest.mark.integration

MIN_SAME_EVENT_SHARED = 0.7


def test_the_set_is_large_and_realistic() -> None:
    kinds = [pair.kind for pair in PAIRS]
    assert kinds.count("same event") >= 12
    assert kinds.count("same place") >= 8
    assert kinds.count("templated") >= 10
    for language in ("ar", "en", "fr"):
        within = [p for p in PAIRS if p.kind == "same event" and p.a[:2] == p.b[:2] == language]
        assert len(within) >= 4, language
        assert any(p.kind == "templated" and p.a.startswith(language) for p in PAIRS), language
    for name, article in ARTICLES.items():
        assert 120 <= len(article.body_text.split()) <= 400, name
        assert article.firstcreated is not None, name


def check(reading: Reading) -> None:
    assert reading.rate("same event") >= MIN_SAME_EVENT_SHARED, reading.wrong
    assert reading.shared["same place"] == 0, reading.wrong
    assert reading.shared["templated"] == 0, reading.wrong


async def test_reports_of_one_event_share_a_story_and_other_events_never_do() -> None:
    alone, streamed = await measure(ARTICLES, PAIRS)
    print(alone.line("pairs alone"), streamed.line("streamed"), sep="\n")
    check(alone)
    check(streamed)
