"""Per-item isolation and per-document guid uniqueness, shared by the multi-item parsers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from workers.errors import PermanentError
from workers.models import Article
from workers.parsers.base import ItemFailure, ParseResult

T = TypeVar("T")


def guarded(
    items: Iterable[T], build: Callable[[T], ParseResult], payload: Callable[[T], bytes]
) -> Iterator[ParseResult]:
    """Build each item on its own: a broken item becomes an ItemFailure, the rest go on."""
    for item in items:
        try:
            yield build(item)
        except PermanentError as exc:
            yield ItemFailure(exc.error_type, str(exc), payload(item))


def unique_by_uri(results: Iterable[ParseResult]) -> Iterator[ParseResult]:
    """One article per uri in a document: an exact repeat is dropped, a repeat
    with other content is a failure (which of the two is current is unknowable)."""
    seen: dict[str, str] = {}
    for result in results:
        if not isinstance(result, Article):
            yield result
            continue
        previous = seen.get(result.uri)
        if previous is None:
            seen[result.uri] = result.content_hash
            yield result
        elif previous != result.content_hash:
            yield ItemFailure(
                "duplicate_guid",
                f"guid {result.uri!r} appears more than once in one document with different "
                "content; the first was kept: the feed must give each item its own guid",
                result.model_dump_json(by_alias=True).encode(),
            )
