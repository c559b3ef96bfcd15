"""Opaque cursors of search pages: where the next page starts, tied to the query
that made it, so that a cursor of one query is never applied to another."""

from __future__ import annotations

import base64
import hashlib

import orjson

from workers.storage.search import SearchQuery


class BadCursor(ValueError):
    pass


def _fingerprint(query: SearchQuery) -> str:
    fields = query.model_dump(mode="json", exclude={"offset", "limit"})
    return hashlib.sha256(orjson.dumps(fields, option=orjson.OPT_SORT_KEYS)).hexdigest()[:16]


def encode(query: SearchQuery, offset: int) -> str:
    raw = orjson.dumps({"q": _fingerprint(query), "o": offset})
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(query: SearchQuery, cursor: str) -> int:
    """The offset a cursor stands for; `BadCursor` if it is not one of this query's."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = orjson.loads(base64.urlsafe_b64decode(padded.encode()))
        offset = data["o"]
        fingerprint = data["q"]
    except (ValueError, TypeError, KeyError) as exc:
        raise BadCursor("not a cursor this service gave") from exc
    if fingerprint != _fingerprint(query) or not isinstance(offset, int) or offset < 0:
        raise BadCursor("the cursor belongs to another query")
    return offset
