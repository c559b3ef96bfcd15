"""The table rows an article becomes. Shared by every backend: the SQL differs
by dialect, the rows do not (which rows a batch writes is `workers.storage.plan`)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson

from workers.codec import dump
from workers.dedup.minhash import decode_signature
from workers.dedup.order import version_order
from workers.models import EnrichedArticle
from workers.storage.plan import MakeAlias
from workers.times import utc

TimeAdapter = Callable[[datetime | None], Any]


def sort_time(article: EnrichedArticle) -> datetime:
    """The time used by date filters and recency ordering."""
    return utc(article.versioncreated or article.firstcreated or article.fetched_at)


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


PAYLOAD_OMITS = ("signature",)
"""Kept in a column of its own (for rebuilding the dedup state), not in the payload."""


class Encoded:
    """The payload and the enrichment hash of each article of a batch, both taken
    from one dump of the article (the text of `codec.encode` without the fields
    stored apart, and the same hash as `enrichment_hash`), each computed once
    however often the batch asks; and from the same dump, the article as a read
    of the store gives it, for the cache."""

    def __init__(self) -> None:
        self._done: dict[int, tuple[EnrichedArticle, dict[str, Any], str, str]] = {}

    def _encode(self, article: EnrichedArticle) -> tuple[EnrichedArticle, dict[str, Any], str, str]:
        found = self._done.get(id(article))
        if found is None:
            dumped = dump(article)
            for name in PAYLOAD_OMITS:
                dumped.pop(name, None)
            payload = orjson.dumps(dumped).decode()
            found = (article, dumped, payload, _enrichment_digest(dumped))
            self._done[id(article)] = found
        return found

    def payload(self, article: EnrichedArticle) -> str:
        return self._encode(article)[2]

    def enrichment_hash(self, article: EnrichedArticle) -> str:
        return self._encode(article)[3]

    def stored(self, article: EnrichedArticle, number: int) -> bytes:
        """The JSON of `article` stored as version `number`: its payload, numbered
        as the store numbers it (what `get` reads back)."""
        _, dumped, payload, _ = self._encode(article)
        if dumped["version"] == number:
            return payload.encode()
        return orjson.dumps({**dumped, "version": number})


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
    "role_seq",
    "dedup_key",
    "split",
)
"""Every backend's article columns; each adds those of its full-text index."""


@dataclass(frozen=True)
class Role:
    """What makes an article row canonical: the decision, the dedup key, a split."""

    seq: int
    key: str
    split: bool = False


def article_row(
    article: EnrichedArticle,
    number: int,
    role: Role,
    stored_at: Any,
    ts: TimeAdapter,
    encoded: Encoded,
) -> tuple[Any, ...]:
    """The values of `ARTICLE_COLUMNS` for the current version `article`, stored as
    version `number`; `stored_at` is already a database time."""
    return (
        article.uri,
        number,
        article.content_hash,
        version_order(article),
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
        role.seq,
        role.key,
        role.split,
    )


VERSION_COLUMNS = (
    "uri",
    "content_hash",
    "version",
    "precedence",
    "versioncreated",
    "fetched_at",
    "stored_at",
    "enrichment_hash",
    "normalized_hash",
    "signature",
    "payload",
)


def version_row(
    article: EnrichedArticle,
    number: int,
    order: str,
    stored_at: Any,
    ts: TimeAdapter,
    encoded: Encoded,
) -> tuple[Any, ...]:
    """A content of a uri; its payload keeps the version number the source gave
    (`number` is the stored one)."""
    return (
        article.uri,
        article.content_hash,
        number,
        order,
        ts(article.versioncreated),
        ts(article.fetched_at),
        stored_at,
        encoded.enrichment_hash(article),
        article.normalized_hash,
        decode_signature(article.signature) if article.signature else None,
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


ALIAS_COLUMNS = (
    "alias_uri",
    "canonical_uri",
    "similarity",
    "method",
    "created_at",
    "stored_at",
    "role_seq",
    "dedup_key",
)


def alias_row(alias: MakeAlias, stored_at: Any) -> tuple[Any, ...]:
    """`stored_at` (a database time) is also the creation time of a new alias."""
    return (
        alias.uri,
        alias.canonical,
        alias.similarity,
        alias.method,
        stored_at,
        stored_at,
        alias.seq,
        alias.key,
    )
