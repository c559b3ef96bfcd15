"""ninjs as systems send it: items identified by `uri` or `guid`, alone, in lists or
in API envelopes, never confused with their associations."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import orjson
import pytest

from workers.models import Article
from workers.parsers.base import FeedContext, ItemFailure, ParseResult
from workers.parsers.registry import get_parser, sniff_format
from workers.producer.ingest import Document, parse_document

CTX = FeedContext(feed_id="ninjs", fetched_at=datetime(2017, 10, 14, tzinfo=UTC))


def item(identity: dict[str, str], headline: str = "Convoy leaves Raqqa") -> dict[str, Any]:
    return {
        **identity,
        "type": "text",
        "version": "2",
        "language": "en",
        "headline": headline,
        "body_html": "<p>BEIRUT (AP) — A convoy of buses left Raqqa on Saturday.</p>",
    }


def auto(document: object) -> list[ParseResult]:
    data = orjson.dumps(document)
    return list(parse_document(Document(data, CTX, "auto"), max_item_bytes=1 << 20))


def uris(results: list[ParseResult]) -> list[str]:
    return [r.uri for r in results if isinstance(r, Article)]


def test_an_item_identified_by_guid_alone_is_ninjs_under_auto_and_keeps_its_guid() -> None:
    guid = "urn:newsml:newsroom.example:2017:7d1c6a3e"
    results = auto(item({"guid": guid}))
    assert uris(results) == [guid]
    assert isinstance(results[0], Article) and results[0].source.format == "ninjs"


def test_uri_is_the_identifier_when_an_item_has_both() -> None:
    assert uris(auto(item({"uri": "http://x.example/1", "guid": "g-1"}))) == ["http://x.example/1"]


@pytest.mark.parametrize("version", ["1.x", "2.x", "3.x"])
def test_every_ninjs_generation_is_sniffed(version: str) -> None:
    documents = {
        "1.x": {"uri": "u", "headline": "H", "body_text": "B"},
        "2.x": {"guid": "g", "headlines": [{"value": "H"}], "bodies": [{"value": "B"}]},
        "3.x": {"uri": "u", "headlines": [{"value": "H"}], "versionCreated": "2017-10-14T10:00Z"},
    }
    assert sniff_format(orjson.dumps(documents[version])) == "ninjs"


def test_associations_are_never_taken_for_the_item_nor_for_items() -> None:
    story = item({"guid": "story-1"})
    story["associations"] = {
        "featuremedia": {"uri": "http://x.example/picture-1", "type": "picture", "headline": "P"},
        "related": {"uri": "http://x.example/story-2", "headline": "Other", "body_text": "B"},
    }
    results = auto(story)
    assert uris(results) == ["story-1"]
    assert isinstance(results[0], Article) and results[0].headline == "Convoy leaves Raqqa"


def test_an_item_without_an_identifier_is_not_sniffed_from_its_associations() -> None:
    story = {"headline": "H", "body_text": "B", "associations": {"pic": {"uri": "http://x/p"}}}
    data = orjson.dumps(story)
    [failure] = parse_document(Document(data, CTX, "auto"), max_item_bytes=1 << 20)
    assert isinstance(failure, ItemFailure) and failure.error_type == "unknown_format"
    [article] = get_parser("ninjs").parse(data, CTX)
    assert isinstance(article, Article) and article.uri.startswith("urn:newswire:ninjs:")


ENVELOPES = {
    "a list": lambda items: items,
    "item": lambda items: {"total": len(items), "item": items},
    "items": lambda items: {"items": items, "next": None},
    "data": lambda items: {"data": items},
    "_items": lambda items: {"_items": items, "_meta": {"total": len(items)}},
    "data.items[].item": lambda items: {
        "api_version": "2",
        "data": {"items": [{"meta": {"score": 1}, "item": i} for i in items]},
    },
}


@pytest.mark.parametrize("shape", ENVELOPES)
def test_every_item_of_an_envelope_is_read(shape: str) -> None:
    items = [item({"guid": "a"}, "First"), item({"uri": "http://x/b"}, "Second")]
    assert uris(auto(ENVELOPES[shape](items))) == ["a", "http://x/b"]


@pytest.mark.parametrize("shape", ENVELOPES)
def test_a_broken_item_of_an_envelope_fails_alone(shape: str) -> None:
    broken = {"guid": "b", "type": "text", "body_text": "no headline"}
    items = [item({"guid": "a"}), broken, item({"guid": "c"})]
    results = auto(ENVELOPES[shape](items))
    assert [type(r).__name__ for r in results] == ["Article", "ItemFailure", "Article"]
    failure = results[1]
    assert isinstance(failure, ItemFailure) and "headline" in failure.reason
    assert orjson.loads(failure.payload) == broken


def test_an_empty_envelope_is_ninjs_with_nothing_in_it() -> None:
    assert auto({"total": 0, "item": []}) == []


@pytest.mark.parametrize(
    "document",
    [{"guid": "g", "colour": "blue"}, {"headline": "no identifier", "body_text": "B"}, [1, 2]],
    ids=["identifier without ninjs fields", "ninjs fields without identifier", "numbers"],
)
def test_json_that_is_no_ninjs_item_is_not_sniffed_as_ninjs(document: object) -> None:
    assert not get_parser("ninjs").sniff(orjson.dumps(document))
