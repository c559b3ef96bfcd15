"""What every feed parser takes and yields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from workers.models import Article


@dataclass(frozen=True)
class FeedContext:
    """Where the bytes came from; parsers copy it into `Article.source`."""

    feed_id: str
    fetched_at: datetime
    feed_url: str | None = None
    link: str | None = None
    provider: str | None = None
    language: str | None = None
    """The feed's language as configured: the article's language when nothing is declared."""
    content_language: str | None = None
    """HTTP `Content-Language` of the response or push: the declaration of items without one."""


@dataclass(frozen=True)
class ItemFailure:
    """One item (or the whole document) that could not become an Article.

    The producer sends it to the dead-letter topic with `reason` and goes on."""

    error_type: str
    reason: str
    payload: bytes


ParseResult = Article | ItemFailure


class FeedParser(Protocol):
    name: str

    def sniff(self, data: bytes) -> bool:
        """True when `data` looks like this format (used by `--format auto`)."""
        ...

    def parse(self, data: bytes, ctx: FeedContext) -> Iterator[ParseResult]:
        """Yield one result per item; a broken item never stops the others."""
        ...
