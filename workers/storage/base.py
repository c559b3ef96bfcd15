"""What every article store offers, and what its calls return."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from workers.models import DuplicateNotice, EnrichedArticle
from workers.storage.search import SearchQuery


@dataclass(frozen=True)
class WriteResult:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    aliases: int = 0
    changed: tuple[EnrichedArticle, ...] = ()
    """The articles now current for each uri the batch inserted or updated."""
    changed_json: tuple[bytes, ...] = ()
    """The JSON of each of `changed` as a read of the store gives it, when the
    store has it at hand (the cache keeps it)."""
    new_aliases: tuple[tuple[str, str], ...] = field(default=())
    """(alias uri, canonical uri) for each alias the batch added or changed."""
    demoted: tuple[str, ...] = ()
    """Uris that were canonical articles and became aliases."""
    numbers: dict[tuple[str, str], int] = field(default_factory=dict)
    """The stored version number of each (uri, content_hash) the batch brought."""

    @property
    def changed_uris(self) -> list[str]:
        return [a.uri for a in self.changed]


@dataclass(frozen=True)
class StoreCounts:
    articles: int
    versions: int
    aliases: int


@dataclass(frozen=True)
class StoredVersion:
    version: int
    content_hash: str
    versioncreated: datetime | None
    stored_at: datetime


@dataclass(frozen=True)
class Duplicate:
    uri: str
    similarity: float
    method: str
    since: datetime


@dataclass(frozen=True)
class StoryArticle:
    article: EnrichedArticle
    versions: tuple[StoredVersion, ...]
    duplicates: tuple[Duplicate, ...]


@dataclass(frozen=True)
class Story:
    story_id: str
    articles: tuple[StoryArticle, ...]


class SearchHit(BaseModel):
    model_config = ConfigDict(frozen=True)

    uri: str
    headline: str
    language: str | None
    source: str
    time: datetime
    score: float
    snippet: str


class ArticleStore(Protocol):
    def migrate(self) -> None: ...

    def write_batch(
        self, articles: Sequence[EnrichedArticle], aliases: Sequence[DuplicateNotice]
    ) -> WriteResult: ...

    def get(self, uri: str, *, own: bool = False) -> EnrichedArticle | None: ...

    def split(self, uri: str, seq: int) -> EnrichedArticle: ...

    def search(self, query: SearchQuery) -> list[SearchHit]: ...

    def story(self, story_id: str) -> Story: ...

    def iter_articles(self) -> Iterator[EnrichedArticle]: ...

    def counts(self) -> StoreCounts: ...

    def close(self) -> None: ...
