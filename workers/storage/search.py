"""The search query model and the snippet shown with each hit."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from workers.storage.tokens import QueryWords, query_groups

HIGHLIGHT_OPEN = "«"
HIGHLIGHT_CLOSE = "»"


MAX_OFFSET = 1000
"""Ranking looks at the most recent matches only (the stores' rank window), so
pages go no deeper than this."""


class SearchQuery(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = ""
    lang: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    entity: str | None = None
    topic: str | None = None
    source: str | None = None
    limit: int = Field(default=20, ge=1, le=1000)
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET)
    """Hits skipped, best first: the next page of the same query."""

    def groups(self) -> list[tuple[str, ...]]:
        return query_groups(self.text)


def snippet(text: str, groups: list[tuple[str, ...]], width: int = 30) -> str:
    """About `width` words of `text` around the first word answering the query,
    those words wrapped in « »."""
    spans = text.split()
    if not spans:
        return ""
    query = QueryWords(groups)
    first = next((i for i, word in enumerate(spans) if query.matches(word)), 0) if query else 0
    start = max(0, first - width // 3)
    end = min(len(spans), start + width)
    parts = [
        f"{HIGHLIGHT_OPEN}{word}{HIGHLIGHT_CLOSE}" if query and query.matches(word) else word
        for word in spans[start:end]
    ]
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(spans) else ""
    return prefix + " ".join(parts) + suffix
