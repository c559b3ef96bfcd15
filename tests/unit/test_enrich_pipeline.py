from __future__ import annotations

from pathlib import Path

import pytest

from tests.dedup_support import make_article
from workers.dedup.decision import Decision, Takeover
from workers.dedup.minhash import encode_signature, fingerprint
from workers.enrich.engine import EDGE_GROUP, GROUP_SIZE, apply_decision, groups, to_enriched
from workers.enrich.resources import Resources
from workers.enrich.steps import (
    DATELINE,
    ENTITIES,
    LANGUAGE,
    TOPICS,
    default_steps,
    run_steps,
)
from workers.models import Article, EnrichedArticle
from workers.settings import Settings

article = make_article
SEEDS = Path(__file__).resolve().parents[2] / "seeds"

AR = article(
    "ar1", "التحالف يعلن اتفاق إجلاء من الرقة", "عواصم - (وكالات): اعلن التحالف الدولي عن اتفاق."
)
EN = article(
    "en1", "Convoy to leave Raqqa", "BEIRUT, Oct 14 (Reuters) - A convoy will leave Raqqa."
)
FR = article(
    "fr1", "Un convoi va quitter Raqqa", "BEYROUTH, 14 oct (AFP) - Un convoi quittera Raqqa."
)


@pytest.mark.parametrize(
    "count", [0, 1, EDGE_GROUP, EDGE_GROUP + 1, 2 * EDGE_GROUP + 1, GROUP_SIZE, 2 * GROUP_SIZE + 7]
)
def test_groups_cover_a_batch_in_order_with_short_first_and_last_groups(count: int) -> None:
    found = groups(count)
    assert [i for g in found for i in g] == list(range(count))
    assert all(0 < len(g) <= GROUP_SIZE for g in found)
    if found:
        assert len(found[0]) <= EDGE_GROUP and len(found[-1]) <= EDGE_GROUP


def test_to_enriched_keeps_every_field() -> None:
    enriched = to_enriched(EN)
    assert isinstance(enriched, EnrichedArticle)
    assert enriched.schema_ == "newswire.enriched/1"
    dumped = enriched.model_dump(by_alias=True)
    for key, value in EN.model_dump(by_alias=True).items():
        if key != "schema":
            assert dumped[key] == value
    EnrichedArticle.model_validate(dumped)


@pytest.mark.parametrize(
    ("raw", "language", "place", "agency"),
    [(AR, "ar", "عواصم", "وكالات"), (EN, "en", "BEIRUT", "Reuters"), (FR, "fr", "BEYROUTH", "AFP")],
)
def test_language_and_dateline_steps(
    raw: Article, language: str, place: str, agency: str, resources: Resources
) -> None:
    enriched = run_steps([LANGUAGE, DATELINE], to_enriched(raw), resources)
    assert enriched.language == language
    assert enriched.language_confidence is not None and enriched.language_confidence > 0.5
    assert enriched.dateline is not None
    assert (enriched.dateline.place, enriched.dateline.agency) == (place, agency)
    assert enriched.located == place
    assert enriched.body_text == raw.body_text


def test_source_language_kept_when_detection_is_unsure(resources: Resources) -> None:
    raw = article("x", "PSG-OM", "2-1", language="fr")
    assert run_steps([LANGUAGE], to_enriched(raw), resources).language == "fr"


def test_located_from_source_is_kept(resources: Resources) -> None:
    raw = EN.model_copy(update={"located": "Beirut, Lebanon"})
    assert run_steps([DATELINE], to_enriched(raw), resources).located == "Beirut, Lebanon"


def test_default_steps_order() -> None:
    assert default_steps() == [LANGUAGE, DATELINE, ENTITIES, TOPICS]


def test_only_the_entity_and_topic_steps_ask_for_matches_made_ahead() -> None:
    assert [(s.finds_entities, s.weighs_topics) for s in default_steps()] == [
        (False, False),
        (False, False),
        (True, False),
        (False, True),
    ]


def test_default_steps_on_the_seed_story(resources: Resources) -> None:
    story = next(SEEDS.glob("000_*.txt")).read_text("utf-8")
    raw = to_enriched(article("seed", "اتفاق على اجلاء من الرقة", story))
    enriched = run_steps(default_steps(), raw, resources)
    assert (enriched.language, enriched.located) == ("ar", "عواصم")
    assert enriched.dateline is not None and enriched.dateline.agency == "وكالات"
    assert enriched.place and enriched.organisation
    assert any(s.origin == "enrichment" for s in enriched.subject)


def test_apply_decision() -> None:
    enriched = to_enriched(EN)
    fp = fingerprint(EN.headline, EN.body_text, Settings().dedup)
    dup = Decision("near_duplicate", "en0", 7, "en0", 0.9, "near")
    result = apply_decision(enriched, fp, dup)
    assert result.outcome == "near_duplicate"
    assert result.notice is not None and result.notice.method == "near"
    assert result.notice.duplicate_of == "en0" and result.notice.similarity == 0.9
    assert (
        result.article.duplicate_of == "en0"
        and result.article.normalized_hash == fp.normalized_hash
    )
    assert result.article.role_seq == 7 and result.notice.article.role_seq == 7
    assert result.article.signature == encode_signature(fp.signature)
    taking = Decision("ok", "en1", 8, takes_over=(Takeover("en0", 0.95, "near"),))
    fresh = apply_decision(enriched, fp, taking)
    assert fresh.notice is None and fresh.article.story_id == "en1"
    assert fresh.article.version == EN.version, "the source's version number is kept"
    assert [(t.uri, t.method) for t in fresh.article.takes_over] == [("en0", "near")]
