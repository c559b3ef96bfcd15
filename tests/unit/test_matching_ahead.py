"""Gazetteer and topic matches made on the analysis thread are the ones the
tagging steps would make themselves, whatever language the article turns out in."""

from __future__ import annotations

from newswire_text import PhraseMatcher, analyze, analyze_later

from tests.conftest import SEEDS
from workers.enrich.resources import Resources

TEXTS = [
    (SEEDS / "000_cc6b534295ab8a14.txt").read_text(encoding="utf-8"),
    (SEEDS / "001_en_raqqa_evacuation.txt").read_text(encoding="utf-8"),
    (SEEDS / "002_fr_raqqa_evacuation.txt").read_text(encoding="utf-8"),
    "Le Premier ministre Jean Castex a déclaré jeudi. Prince Albert said, "
    "and President Emmanuel Macron said Paul Martin left Beirut.",
    "",
]


def test_matches_made_ahead_equal_matches_made_now(resources: Resources) -> None:
    finder, matcher = resources.gazetteer.finder, resources.lexicon.matcher
    ahead = analyze_later(TEXTS, finder, matcher).take(len(TEXTS))
    for text, early in zip(TEXTS, ahead, strict=True):
        now = analyze(text)
        for language in (None, "ar", "en", "fr"):
            assert finder.find(early, language) == finder.find(now, language)
        assert matcher.weigh(early) == matcher.weigh(now)


def test_the_language_decides_which_triggers_name_people_after_matching_ahead(
    resources: Resources,
) -> None:
    finder = resources.gazetteer.finder
    (early,) = analyze_later([TEXTS[3]], finder).take(1)
    people = {
        language: {p.name for p in finder.find(early, language).people}
        for language in (None, "en", "fr")
    }
    assert people == {
        None: {"jean castex", "paul martin"},
        "en": {"paul martin"},
        "fr": {"jean castex"},
    }


def test_another_matcher_does_not_take_the_results_made_for_the_first(
    resources: Resources,
) -> None:
    lexicon = resources.lexicon.matcher
    other = PhraseMatcher(["raqqa", "beirut"], weights=[[(0, 1.0)], [(1, 5.0)]])
    (early,) = analyze_later([TEXTS[3]], None, lexicon).take(1)
    assert other.weigh(early) == [0.0, 5.0]
