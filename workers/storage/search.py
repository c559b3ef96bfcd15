"""The search query model and the snippet shown with each hit."""

from __future__ import annotations

import re
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from workers.storage.tokens import matches, query_groups, variants, words

HIGHLIGHT_OPEN = "«"
HIGHLIGHT_CLOSE = "»"


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

    def groups(self) -> list[tuple[str, ...]]:
        return query_groups(self.text)


_WORD = re.compile(r"\S+")


def snippet(text: str, groups: list[tuple[str, ...]], width: int = 30) -> str:
    """About `width` words of `text` around the first word matching the query,
    matching words wrapped in « »."""
    spans = [m for m in _WORD.finditer(text)]
    if not spans:
        return ""
    hits = [i for i, m in enumerate(spans) if groups and _word_matches(m.group(0), groups)]
    start = max(0, (hits[0] if hits else 0) - width // 3)
    end = min(len(spans), start + width)
    hit_set = set(hits)
    parts = []
    for i in range(start, end):
        word = spans[i].group(0)
        parts.append(f"{HIGHLIGHT_OPEN}{word}{HIGHLIGHT_CLOSE}" if i in hit_set else word)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(spans) else ""
    return prefix + " ".join(parts) + suffix


def _word_matches(raw: str, groups: list[tuple[str, ...]]) -> bool:
    return any(matches(variants(w), groups) for w in words(raw))
