"""Which version of an article wins, and the table rows an article becomes.

Shared by every backend: the SQL differs by dialect, the rules do not.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson

from workers.codec import dump
from workers.models import DuplicateNotice, EnrichedArticle

TimeAdapter = Callable[[datetime | None], Any]


def utc(value: datetime) -> datetime:
    """Aware UTC time; a naive time is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def iso(value: datetime | None) -> str | None:
    """Fixed-width UTC text that sorts like the times it stands for."""
    return None if value is None else utc(value).isoformat(timespec="microseconds")


def sort_time(article: EnrichedArticle) -> datetime:
    """The time used by date filters and recency ordering."""
    return utc(article.versioncreated or article.firstcreated or article.fetched_at)


def precedence(article: EnrichedArticle) -> str:
    """Orders two different contents of the same version: the later
    versioncreated, then the later fetch, then the content hash (so that the
    outcome never depends on arrival order)."""
    return f"{iso(article.versioncreated) or ''}|{iso(article.fetched_at)}|{article.content_hash}"


ENRICHMENT_FIELDS = frozenset(
    {
        "language",
        "language_confidence",
        "located",
        "dateline",
        "place",
        "organisation",
        "person",
        "subject",
        "keywords",
        "story_id",
    }
)


def enrichment_hash(article: EnrichedArticle) -> str:
    """What enrichment made of the content. It changes when a replay through a
    changed enrichment (a new gazetteer, say) tags the same version differently."""
    return _enrichment_digest(article.model_dump(mode="json", include=set(ENRICHMENT_FIELDS)))


def _enrichment_digest(dumped: Mapping[str, Any]) -> str:
    fields = sorted((name, dumped[name]) for name in ENRICHMENT_FIELDS)
    return hashlib.sha256(repr(fields).encode()).hexdigest()


@dataclass(frozen=True)
class Current:
    """What the store holds for a uri, as far as picking a winner needs."""

    version: int
    content_hash: str
    precedence: str
    enrichment_hash: str = ""


def supersedes(new: EnrichedArticle, old: Current) -> bool:
    if new.version != old.version:
        return new.version > old.version
    return new.content_hash != old.content_hash and precedence(new) > old.precedence


HashOf = Callable[[EnrichedArticle], str]


def re_enriches(new: EnrichedArticle, old: Current, hash_of: HashOf = enrichment_hash) -> bool:
    """The same version and content, enriched differently: refresh the tags in place."""
    return (
        new.version == old.version
        and new.content_hash == old.content_hash
        and hash_of(new) != old.enrichment_hash
    )


def replaces(new: EnrichedArticle, old: Current, hash_of: HashOf = enrichment_hash) -> bool:
    return supersedes(new, old) or re_enriches(new, old, hash_of)


def current_of(article: EnrichedArticle) -> Current:
    return Current(
        article.version, article.content_hash, precedence(article), enrichment_hash(article)
    )


def latest_per_uri(articles: Iterable[EnrichedArticle]) -> dict[str, EnrichedArticle]:
    """The article each uri would end with if the batch were applied one by one."""
    latest: dict[str, EnrichedArticle] = {}
    for article in articles:
        held = latest.get(article.uri)
        if held is None or replaces(article, current_of(held)):
            latest[article.uri] = article
    return latest


def distinct_versions(articles: Iterable[EnrichedArticle]) -> list[EnrichedArticle]:
    seen: dict[tuple[str, int, str], EnrichedArticle] = {}
    for article in articles:
        seen.setdefault((article.uri, article.version, article.content_hash), article)
    return list(seen.values())


class Encoded:
    """The payload and the enrichment hash of each article of a batch, both taken
    from one dump of the article (the same text as `codec.encode` and the same hash
    as `enrichment_hash`), each computed once however often the batch asks."""

    def __init__(self) -> None:
        self._done: dict[int, tuple[EnrichedArticle, str, str]] = {}

    def _encode(self, article: EnrichedArticle) -> tuple[EnrichedArticle, str, str]:
        found = self._done.get(id(article))
        if found is None:
            dumped = dump(article)
            found = (article, orjson.dumps(dumped).decode(), _enrichment_digest(dumped))
            self._done[id(article)] = found
        return found

    def payload(self, article: EnrichedArticle) -> str:
        return self._encode(article)[1]

    def enrichment_hash(self, article: EnrichedArticle) -> str:
        return self._encode(article)[2]


ARTICLE_COLUMNS = (
    "uri",
    "version",
    "content_hash",
    "precedence",
    "language",
    "headline",
    "source_feed_id",
    "story_id",
    "firstcreated",
    "versioncreated",
    "fetched_at",
    "sort_time",
    "stored_at",
    "enrichment_hash",
)
"""Every backend's article columns; each adds those of its full-text index."""


def article_row(
    article: EnrichedArticle, stored_at: Any, ts: TimeAdapter, encoded: Encoded
) -> tuple[Any, ...]:
    """The values of `ARTICLE_COLUMNS`; `stored_at` is already a database time."""
    return (
        article.uri,
        article.version,
        article.content_hash,
        precedence(article),
        article.language,
        article.headline,
        article.source.feed_id,
        article.story_id,
        ts(article.firstcreated),
        ts(article.versioncreated),
        ts(article.fetched_at),
        ts(sort_time(article)),
        stored_at,
        encoded.enrichment_hash(article),
    )


VERSION_COLUMNS = (
    "uri",
    "version",
    "content_hash",
    "versioncreated",
    "fetched_at",
    "stored_at",
    "payload",
)


def version_row(
    article: EnrichedArticle, stored_at: Any, ts: TimeAdapter, encoded: Encoded
) -> tuple[Any, ...]:
    return (
        article.uri,
        article.version,
        article.content_hash,
        ts(article.versioncreated),
        ts(article.fetched_at),
        stored_at,
        encoded.payload(article),
    )


ENTITY_COLUMNS = ("uri", "entity_id", "entity_type", "mentions")


def entity_rows(article: EnrichedArticle) -> list[tuple[Any, ...]]:
    tags = [*article.place, *article.organisation, *article.person]
    unique = {(tag.id, tag.type): tag.count for tag in tags}
    return [(article.uri, eid, etype, count) for (eid, etype), count in unique.items()]


SUBJECT_COLUMNS = ("uri", "code", "scheme", "name", "score")


def subject_rows(article: EnrichedArticle) -> list[tuple[Any, ...]]:
    unique = {(s.code, s.scheme): s for s in article.subject}
    return [(article.uri, code, scheme, s.name, s.score) for (code, scheme), s in unique.items()]


LINEAGE_COLUMNS = (
    "uri",
    "version",
    "position",
    "stage",
    "topic",
    "partition_no",
    "offset_no",
    "at",
)


def lineage_rows(article: EnrichedArticle, ts: TimeAdapter) -> list[tuple[Any, ...]]:
    return [
        (article.uri, article.version, i, e.stage, e.topic, e.partition, e.offset, ts(e.timestamp))
        for i, e in enumerate(article.lineage)
    ]


@dataclass(frozen=True)
class Alias:
    alias_uri: str
    canonical_uri: str
    similarity: float
    method: str


ALIAS_COLUMNS = ("alias_uri", "canonical_uri", "similarity", "method", "created_at")


def aliases_of(notices: Sequence[DuplicateNotice]) -> dict[str, Alias]:
    """One alias per duplicate uri (the last notice wins); self-references dropped."""
    found: dict[str, Alias] = {}
    for n in notices:
        if n.article.uri != n.duplicate_of:
            found[n.article.uri] = Alias(n.article.uri, n.duplicate_of, n.similarity, n.method)
    return found


def alias_row(alias: Alias, created_at: datetime, ts: TimeAdapter) -> tuple[Any, ...]:
    return (alias.alias_uri, alias.canonical_uri, alias.similarity, alias.method, ts(created_at))
