"""Models built from schema-checked JSON without a second validation are the
models pydantic's validation builds from the same JSON."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from workers import codec
from workers.errors import SchemaError
from workers.model_builder import build
from workers.models import DeadLetter, DuplicateNotice, EnrichedArticle


def _enriched() -> dict[str, Any]:
    return {
        "schema": "newswire.enriched/1",
        "uri": "urn:x:1",
        "version": 2,
        "headline": "Raqqa",
        "body_text": "الرقة — 3.5 km",
        "source": {"feed_id": "f", "format": "agency-text", "parser": "agency-text/1"},
        "fetched_at": "2026-01-01T00:00:00Z",
        "versioncreated": "2026-01-01T02:00:00.5+02:00",
        "content_hash": "0" * 64,
        "language_confidence": 1,
        "dateline": {"raw": "BEIRUT, Oct 14", "place": "Beirut"},
        "place": [
            {"id": "geo:1", "type": "place", "names": {"ar": "الرقة"}, "count": 2},
            {"type": "place", "id": "geo:2", "confidence": 1, "surface_forms": ["Raqqa"]},
        ],
        "subject": [{"code": "medtop:1", "score": 1}],
        "takes_over": [{"uri": "urn:x:0", "similarity": 1, "method": "exact"}],
        "lineage": [
            {
                "stage": "enrich",
                "topic": "articles.raw",
                "partition": 0,
                "offset": 7,
                "timestamp": "2026-01-01T00:00:01.123Z",
            }
        ],
    }


def test_a_built_article_is_the_validated_one_and_dumps_the_same() -> None:
    validated = EnrichedArticle.model_validate(_enriched())
    built = codec.decode(orjson.dumps(_enriched()), EnrichedArticle)
    assert built == validated
    assert codec.encode(built) == codec.encode(validated)
    assert built.model_fields_set >= validated.model_fields_set


def test_numbers_take_their_field_type_whatever_json_wrote() -> None:
    built = codec.decode(orjson.dumps(_enriched()), EnrichedArticle)
    assert type(built.language_confidence) is float
    assert type(built.subject[0].score) is float
    assert type(built.takes_over[0].similarity) is float


def test_absent_fields_get_fresh_defaults_in_the_models_order() -> None:
    first = build(EnrichedArticle, dict(reversed(_enriched().items())))
    second = build(EnrichedArticle, _enriched())
    assert list(first.__dict__) == list(EnrichedArticle.model_fields)
    first.keywords.append("changed")
    assert second.keywords == []


def test_nested_models_are_built_in_every_message_shape() -> None:
    notice = {
        "schema": "newswire.duplicate/1",
        "article": _enriched(),
        "duplicate_of": "urn:x:0",
        "similarity": 0.9,
        "method": "near",
    }
    built = codec.decode(orjson.dumps(notice), DuplicateNotice)
    assert built == DuplicateNotice.model_validate(notice)
    assert built.article.lineage[0].timestamp.microsecond == 123000


@pytest.mark.parametrize("stamp", ["2026-01-01T00:00:00.1Z", "2026-01-01T00:00:00.1234567Z"])
def test_times_of_any_precision_read_as_the_model_reads_them(stamp: str) -> None:
    letter = {
        "schema": "newswire.deadletter/1",
        "stage": "store",
        "error_type": "schema",
        "reason": "r",
        "payload": "p",
        "failed_at": stamp,
    }
    assert codec.decode(orjson.dumps(letter), DeadLetter) == DeadLetter.model_validate(letter)


def test_a_message_the_schema_rejects_is_never_built() -> None:
    broken = _enriched()
    broken["place"][0]["count"] = "2"
    with pytest.raises(SchemaError, match="place/0/count"):
        codec.decode(orjson.dumps(broken), EnrichedArticle)
