"""The two orders that decide what a user sees, whatever order messages arrive in
(docs/ARCHITECTURE.md, Deduplication):

* among copies of a story, the canonical is the earliest: by `firstcreated`,
  then `versioncreated`, then uri (`dedup_key`);
* among versions of an article, the current is the source's latest: by its own
  version number where it gives one, else `versioncreated` (`version_order`).

Where a source gives no time, the time newswire fetched the item stands in: it
travels in the message, so a replay orders items as the first pass did."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from workers.times import iso


class Dated(Protocol):
    @property
    def uri(self) -> str: ...

    @property
    def version(self) -> int: ...

    @property
    def firstcreated(self) -> datetime | None: ...

    @property
    def versioncreated(self) -> datetime | None: ...

    @property
    def fetched_at(self) -> datetime: ...

    @property
    def content_hash(self) -> str: ...


def dedup_key(article: Dated) -> str:
    """Text that sorts copies of a story earliest first (the canonical first)."""
    first = article.firstcreated or article.versioncreated or article.fetched_at
    latest = article.versioncreated or first
    return f"{iso(first)}|{iso(latest)}|{article.uri}"


VERSION_DIGITS = 10


def version_order(article: Dated) -> str:
    """Text that sorts the contents of one uri oldest version first: the source's
    version number, then `versioncreated`, then the fetch time, then the content
    hash (so that two contents never tie)."""
    when = iso(article.versioncreated) or ""
    return (
        f"{article.version:0{VERSION_DIGITS}d}|{when}|{iso(article.fetched_at)}"
        f"|{article.content_hash}"
    )


def source_version(order: str) -> int:
    """The source's version number inside a `version_order` text."""
    return int(order[:VERSION_DIGITS])


def version_numbers(orders: Sequence[str]) -> list[int]:
    """The stored version number of each content of one uri, given their
    `version_order` texts: in that order, each is the source's number or one more
    than the previous, whichever is higher. Numbers depend only on which contents
    are known, never on the order they arrived in."""
    numbers = [0] * len(orders)
    previous = 0
    for index in sorted(range(len(orders)), key=orders.__getitem__):
        previous = max(source_version(orders[index]), previous + 1)
        numbers[index] = previous
    return numbers
