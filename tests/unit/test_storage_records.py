from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone

import orjson

from workers.codec import encode
from workers.models import DuplicateNotice, EnrichedArticle, EntityTag, Source, Subject
from workers.storage.records import (
    Current,
    Encoded,
    aliases_of,
    current_of,
    distinct_versions,
    enrichment_hash,
    entity_rows,
    iso,
    latest_per_uri,
    sort_time,
    subject_rows,
    supersedes,
)

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def make(
    uri: str = "u",
    body: str = "text",
    version: int = 1,
    versioncreated: datetime | None = T0,
    fetched_at: datetime = T0,
) -> EnrichedArticle:
    return EnrichedArticle(
        uri=uri,
        version=version,
        headline="h",
        body_text=body,
        versioncreated=versioncreated,
        fetched_at=fetched_at,
        source=Source(feed_id="f", format="agency-text", parser="p"),
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
    )


def test_higher_version_supersedes_lower_never() -> None:
    assert supersedes(make(version=2), current_of(make(version=1)))
    assert not supersedes(make(version=1, body="other"), current_of(make(version=2)))


def test_same_version_same_content_never_supersedes() -> None:
    old = current_of(make(fetched_at=T0))
    assert not supersedes(make(fetched_at=T0 + timedelta(hours=1)), old)


def test_same_version_new_content_needs_a_later_time() -> None:
    old = current_of(make(body="a", versioncreated=T0))
    assert supersedes(make(body="b", versioncreated=T0 + timedelta(seconds=1)), old)
    assert not supersedes(make(body="b", versioncreated=T0 - timedelta(seconds=1)), old)


def test_outcome_does_not_depend_on_arrival_order() -> None:
    a = make(body="a")
    b = make(body="b")  # same version and times: the content hash decides
    assert latest_per_uri([a, b])["u"] == latest_per_uri([b, a])["u"]


def test_latest_per_uri_and_distinct_versions() -> None:
    v1, v2, v1_again = make(version=1), make(version=2, body="x"), make(version=1)
    assert latest_per_uri([v2, v1, v1_again])["u"] is v2
    assert len(distinct_versions([v1, v2, v1_again])) == 2


def test_iso_is_fixed_width_utc_and_sorts_like_time() -> None:
    plus_two = timezone(timedelta(hours=2))
    assert iso(datetime(2026, 3, 1, 10, 0, tzinfo=plus_two)) == iso(T0)
    assert iso(datetime(2026, 3, 1, 8, 0)) == iso(T0)  # naive taken as UTC
    times = [T0 + timedelta(microseconds=n * 999_999) for n in range(5)]
    texts = [iso(t) for t in times]
    assert sorted(texts) == texts and len({len(t or "") for t in texts}) == 1
    assert iso(None) is None


def test_sort_time_falls_back_to_fetch_time() -> None:
    assert sort_time(make(versioncreated=None, fetched_at=T0)) == T0


def test_child_rows_are_deduplicated() -> None:
    article = make().model_copy(
        update={
            "place": [EntityTag(id="geo:1", type="place"), EntityTag(id="geo:1", type="place")],
            "subject": [Subject(code="medtop:1"), Subject(code="medtop:1")],
        }
    )
    assert entity_rows(article) == [("u", "geo:1", "place", 1)]
    assert len(subject_rows(article)) == 1


def test_aliases_of_drops_self_references() -> None:
    notices = [
        DuplicateNotice(article=make("a"), duplicate_of="b", similarity=1.0, method="exact"),
        DuplicateNotice(article=make("c"), duplicate_of="c", similarity=1.0, method="exact"),
    ]
    assert list(aliases_of(notices)) == ["a"]


def test_current_of() -> None:
    assert current_of(make(version=3)).version == 3
    assert isinstance(current_of(make()), Current)


def test_encoded_payload_is_the_message_and_its_hash_the_enrichment_hash() -> None:
    article = make(body="Raqqa, الرقة — 3.5 km").model_copy(
        update={
            "language": "ar",
            "language_confidence": 0.9375,
            "place": [EntityTag(id="geo:raqqa", type="place", count=2, confidence=0.1)],
            "subject": [Subject(code="medtop:16000000", score=0.1)],
        }
    )
    encoded = Encoded()
    assert orjson.loads(encoded.payload(article)) == orjson.loads(encode(article))
    assert encoded.enrichment_hash(article) == enrichment_hash(article)
