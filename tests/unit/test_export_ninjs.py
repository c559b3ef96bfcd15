"""Exported documents validate against IPTC's published ninjs 3.1 JSON Schema
(tests/data/ninjs-schema_3.1.json, from the iptc/newsinjson repository)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
from jsonschema import Draft202012Validator, FormatChecker

from workers.export.ninjs import to_ninjs
from workers.models import Dateline, EnrichedArticle, EntityTag, Subject

TESTS = Path(__file__).resolve().parents[1]
SCHEMA = orjson.loads((TESTS / "data" / "ninjs-schema_3.1.json").read_bytes())
GOLDEN = sorted((TESTS / "fixtures" / "feeds").glob("*/*.golden.json"))

FORMATS = FormatChecker(formats=())


def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or bool(re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S+$", value))


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$", value):
        return False
    datetime.fromisoformat(value)
    return True


FORMATS.checks("uri")(_is_uri)
FORMATS.checks("date-time")(_is_date_time)
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=FORMATS)


def stored_articles() -> list[dict[str, Any]]:
    articles = []
    for path in GOLDEN:
        for result in orjson.loads(path.read_bytes()):
            if "article" in result:
                articles.append(result["article"])
    return articles


def enriched(raw: dict[str, Any]) -> EnrichedArticle:
    data = {**raw, "schema": "newswire.enriched/1"}
    return EnrichedArticle.model_validate(
        {
            **data,
            "language_confidence": 0.98,
            "dateline": {"place": raw.get("located"), "raw": "x"} if raw.get("located") else None,
            "subject": [
                *raw["subject"],
                {"code": "medtop:16000000", "name": "conflict", "score": 0.87, "scheme": "medtop"},
            ],
            "place": [
                {"id": "geo:raqqa", "type": "place", "names": {"en": "Raqqa", "ar": "الرقة"}},
                {"id": "Q858", "type": "place", "names": {"en": "Syria", "ar": "سوريا"}},
            ],
            "organisation": [
                {"id": "org:isis", "type": "organisation", "names": {"en": "Islamic State"}}
            ],
            "person": [{"id": "https://www.wikidata.org/wiki/Q1", "type": "person",
                        "surface_forms": ["Someone"]}],
            "story_id": "story-1",
        }
    )  # fmt: skip


@pytest.mark.parametrize("raw", stored_articles(), ids=lambda a: a["uri"][-40:])
def test_every_stored_article_exports_as_valid_ninjs(raw: dict[str, Any]) -> None:
    document = to_ninjs(enriched(raw))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(document)]
    assert not errors
    assert document["headlines"][0]["value"] == raw["headline"]
    assert document["bodies"][0]["value"] == raw["body_text"]
    for subject in document["subjects"]:
        uri = subject.get("uri", "")
        if uri.startswith("http://cv.iptc.org/newscodes/mediatopic/"):
            assert re.fullmatch(r"http://cv\.iptc\.org/newscodes/mediatopic/\d{8}", uri), uri


def test_the_mapping() -> None:
    article = EnrichedArticle(
        uri="sloppy-1",
        version=3,
        language="ar",
        headline="عنوان",
        body_text="نص الخبر",
        byline="مراسل",
        urgency=2,
        provider="وكالة",
        source={"feed_id": "f", "format": "rss", "parser": "rss/1"},
        fetched_at=datetime.fromisoformat("2017-10-14T10:00:00+00:00"),
        versioncreated=datetime.fromisoformat("2017-10-14T10:00:00+03:00"),
        content_hash="0" * 64,
        subject=[
            Subject(code="16000000", score=0.5, scheme="medtop"),
            Subject(code="SY", name="Syria", scheme="geo", origin="source"),
        ],
        keywords=["الرقة"],
        dateline=Dateline(place="عواصم", agency="وكالات", raw="عواصم - (وكالات):"),
        place=[EntityTag(id="geo:raqqa", type="place", names={"ar": "الرقة", "en": "Raqqa"})],
    )
    document = to_ninjs(article)
    assert not list(VALIDATOR.iter_errors(document))
    assert document["uri"] == "urn:newswire:guid:sloppy-1"
    assert {"role": "guid", "value": "sloppy-1"} in document["altIds"]
    assert document["version"] == "3" and document["located"] == "عواصم"
    assert document["subjects"][0] == {
        "creator": "enrichment",
        "relevance": 50,
        "uri": "http://cv.iptc.org/newscodes/mediatopic/16000000",
    }
    assert document["subjects"][1]["literal"] == "geo:SY"
    assert document["subjects"][2] == {
        "name": "الرقة", "literal": "الرقة", "rel": "keyword", "creator": "source"
    }  # fmt: skip
    assert document["places"] == [{"rel": "mentioned", "literal": "geo:raqqa", "name": "الرقة"}]
    assert document["infoSources"] == [{"name": "وكالة", "role": "originator"}]
    assert "firstCreated" not in document and "people" not in document


def test_the_schema_rejects_what_ninjs_does_not_define() -> None:
    assert list(VALIDATOR.iter_errors({"uri": "urn:x", "body_text": "1.x field"}))
    assert list(VALIDATOR.iter_errors({"uri": "not a uri"}))


def enrichment_article(**tags: Any) -> EnrichedArticle:
    return EnrichedArticle(
        uri="urn:x:1",
        headline="H",
        body_text="B",
        source={"feed_id": "f", "format": "rss", "parser": "rss/1"},
        fetched_at=datetime.fromisoformat("2017-10-14T10:00:00+00:00"),
        content_hash="0" * 64,
        **tags,
    )


def test_media_topics_found_by_enrichment_export_as_their_cv_iptc_uri() -> None:
    article = enrichment_article(
        subject=[
            Subject(code="medtop:16000000", score=0.87, scheme="medtop"),
            Subject(code="04000000", scheme="medtop", origin="source"),
            Subject(code="subj:15000000", scheme="subj", origin="source"),
        ]
    )
    document = to_ninjs(article)
    assert not list(VALIDATOR.iter_errors(document))
    assert [s["uri"] for s in document["subjects"]] == [
        "http://cv.iptc.org/newscodes/mediatopic/16000000",
        "http://cv.iptc.org/newscodes/mediatopic/04000000",
        "http://cv.iptc.org/newscodes/subjectcode/15000000",
    ]


def test_wikidata_and_geonames_entities_export_as_uris_and_other_ids_as_literals() -> None:
    article = enrichment_article(
        place=[
            EntityTag(id="Q858", type="place", names={"en": "Syria"}),
            EntityTag(id="geonames:170794", type="place", names={"en": "Raqqa"}),
            EntityTag(id="iso3166:XK", type="place", names={"en": "Kosovo"}),
        ],
        person=[EntityTag(id="https://www.wikidata.org/wiki/Q1", type="person")],
    )
    document = to_ninjs(article)
    assert not list(VALIDATOR.iter_errors(document))
    assert document["places"] == [
        {"rel": "mentioned", "uri": "http://www.wikidata.org/entity/Q858", "name": "Syria"},
        {"rel": "mentioned", "uri": "https://sws.geonames.org/170794/", "name": "Raqqa"},
        {"rel": "mentioned", "literal": "iso3166:XK", "name": "Kosovo"},
    ]
    assert document["people"] == [{"rel": "mentioned", "uri": "http://www.wikidata.org/entity/Q1"}]
