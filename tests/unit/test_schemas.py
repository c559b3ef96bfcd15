from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from workers import codec
from workers.errors import EncodingError, ParseError, SchemaError
from workers.models import Article


def test_checked_in_schemas_match_the_models(tmp_path: Path) -> None:
    for written in codec.write_schemas(tmp_path):
        assert written.read_bytes() == (codec.SCHEMA_DIR / written.name).read_bytes(), (
            f"schemas/{written.name} is stale: run `newswire schemas`"
        )


def _article() -> dict[str, object]:
    return {
        "schema": "newswire.article/1",
        "uri": "urn:x:1",
        "headline": "h",
        "body_text": "b",
        "source": {"feed_id": "f", "format": "agency-text", "parser": "agency-text/1"},
        "fetched_at": "2026-01-01T00:00:00Z",
        "content_hash": "0" * 64,
    }


def test_a_valid_article_round_trips() -> None:
    article = codec.decode(orjson.dumps(_article()), Article)
    assert codec.decode(codec.encode(article), Article) == article


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ({"schema": "newswire.enriched/1"}, "schema field"),
        ({"headline": ""}, "headline"),
        ({"content_hash": "xyz"}, "content_hash"),
        ({"urgency": 12}, "urgency"),
        ({"unexpected": 1}, "unexpected"),
        ({"fetched_at": "yesterday"}, "fetched_at"),
        ({"source": {"feed_id": "f", "format": "rss"}}, "parser"),
    ],
)
def test_schema_violations_name_the_field(change: dict[str, object], needle: str) -> None:
    with pytest.raises(SchemaError, match=needle):
        codec.decode(orjson.dumps({**_article(), **change}), Article)


def test_bad_bytes_are_named() -> None:
    with pytest.raises(EncodingError, match="UTF-8"):
        codec.decode(b'{"a": "\xff"}', Article)
    with pytest.raises(ParseError, match="JSON"):
        codec.decode(b"{not json", Article)
    with pytest.raises(SchemaError, match="object"):
        codec.decode(b"[1, 2]", Article)
