from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone

import orjson

from workers.codec import encode
from workers.dedup.minhash import encode_signature
from workers.models import EnrichedArticle, EntityTag, Source, Subject
from workers.storage.records import (
    VERSION_COLUMNS,
    Encoded,
    enrichment_hash,
    entity_rows,
    sort_time,
    subject_rows,
    version_row,
)
from workers.times import iso

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
    message = orjson.loads(encode(article))
    del message["signature"]
    assert orjson.loads(encoded.payload(article)) == message
    assert encoded.enrichment_hash(article) == enrichment_hash(article)


def test_the_signature_is_stored_beside_the_payload_not_in_it() -> None:
    signature = bytes(range(16))
    article = make().model_copy(
        update={"signature": encode_signature(signature), "normalized_hash": "n" * 64}
    )
    row = dict(
        zip(VERSION_COLUMNS, version_row(article, 3, "order", "now", iso, Encoded()), strict=True)
    )
    assert row["signature"] == signature and row["normalized_hash"] == "n" * 64
    assert row["version"] == 3
    payload = orjson.loads(row["payload"])
    assert "signature" not in payload and payload["version"] == 1
