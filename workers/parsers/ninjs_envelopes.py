"""Finding the ninjs items in a JSON document as systems send it.

A ninjs item is an object of ninjs fields identified by `uri` (every version
of the standard) or `guid` (what newsroom systems such as Superdesk write for
1.x and 2.x items). It comes alone, in a list, or in an API's envelope:
`{"total": 1, "item": [...]}`, `{"_items": [...]}`, `{"data": {"items":
[{"meta": {...}, "item": {...}}]}}`. Only the envelope is looked into: an
item's own `associations` (its pictures, its related stories) are never taken
for items, nor for the item itself."""

from __future__ import annotations

from typing import Any

IDENTITY_KEYS = ("uri", "guid")
CONTENT_KEYS = frozenset(
    {
        "headline", "headlines", "body_text", "body_html", "body_xhtml", "body_nitf",
        "bodies", "description_text", "description_html", "descriptions",
    }
)  # fmt: skip
NINJS_KEYS = CONTENT_KEYS | frozenset(
    {
        "type", "version", "versioncreated", "firstcreated", "contentcreated", "pubstatus",
        "urgency", "language", "byline", "by", "bylines", "located", "subject", "subjects",
        "renditions", "associations", "standard", "slugline", "copyrightholder",
        "infosources", "representationtype", "mimetype", "profile",
    }
)  # fmt: skip
ENVELOPE_KEYS = ("items", "item", "_items", "data", "results", "entries", "documents")
MAX_DEPTH = 4
"""Envelopes nest (`data` -> `items` -> each `item`), but not deeper than this."""

Json = dict[str, Any]


def lowered(obj: Json) -> Json:
    """ninjs 1.x/2.x keys are lower case, 3.x camelCase: one mapping reads them all."""
    return {str(k).lower(): v for k, v in obj.items()}


def identity(item: Json) -> str | None:
    """`uri`, else `guid`, of an item with lowered keys."""
    for key in IDENTITY_KEYS:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _is_item(obj: object) -> bool:
    return isinstance(obj, dict) and not CONTENT_KEYS.isdisjoint(lowered(obj))


def looks_like_ninjs(obj: object) -> bool:
    """An object with an identifier and ninjs fields besides it."""
    if not isinstance(obj, dict):
        return False
    item = lowered(obj)
    return identity(item) is not None and not NINJS_KEYS.isdisjoint(item)


def _envelope(obj: Json) -> object | None:
    item = lowered(obj)
    for key in ENVELOPE_KEYS:
        inner: object = item.get(key)
        if isinstance(inner, list | dict):
            return inner
    return None


def _unwrapped(element: object, depth: int) -> object:
    """A list element as the item it is or wraps (`{"meta": {...}, "item": {...}}`)."""
    if isinstance(element, dict) and not _is_item(element) and depth < MAX_DEPTH:
        inner = _envelope(element)
        if isinstance(inner, dict):
            return _unwrapped(inner, depth + 1)
    return element


def items_of(document: object, depth: int = 0) -> list[object] | None:
    """The items of a document, each still to be checked; None when it is no JSON
    object or array at all. An object that is neither an item nor an envelope is
    returned as the one item, to fail as such."""
    if isinstance(document, list):
        return [_unwrapped(element, depth + 1) for element in document]
    if not isinstance(document, dict):
        return None
    if not _is_item(document) and depth < MAX_DEPTH:
        inner = _envelope(document)
        if inner is not None:
            return items_of(inner, depth + 1)
    return [document]
