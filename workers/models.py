"""Message shapes of every topic (docs/ARCHITECTURE.md, Topics). The JSON Schemas under `schemas/`
are generated from these models (`newswire schemas --write`) and checked in;
a unit test keeps the two identical."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

ARTICLE_SCHEMA = "newswire.article/1"
ENRICHED_SCHEMA = "newswire.enriched/1"
DUPLICATE_SCHEMA = "newswire.duplicate/1"
DEADLETTER_SCHEMA = "newswire.deadletter/1"

Stage = Literal["produce", "enrich", "store"]
EntityType = Literal["place", "organisation", "person"]
LanguageReason = Literal[
    "declared",
    "detected-agrees",
    "close-family",
    "detection-unsure",
    "detection-confident",
    "detected",
]
"""Why `EnrichedArticle.language` is what it is (`workers.text.language.decide_language`):
the source's language kept because nothing was detected, detection agreed, detection
found a close relative (nb/da, sr/hr) or was unsure; detection confidently disagreed
beyond the family; or the source declared nothing."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    feed_id: str
    feed_url: str | None = None
    format: str
    parser: str


class Subject(_Model):
    """A subject code: IPTC Media Topic from enrichment, or whatever the source gave."""

    code: str
    name: str | None = None
    score: float = 1.0
    scheme: str = "medtop"
    origin: Literal["source", "enrichment"] = "enrichment"


class Dateline(_Model):
    place: str | None = None
    agency: str | None = None
    date: str | None = None
    raw: str


class EntityTag(_Model):
    id: str
    type: EntityType
    names: dict[str, str] = Field(default_factory=dict)
    surface_forms: list[str] = Field(default_factory=list)
    count: int = 1
    first_offset: int = 0
    confidence: float = 1.0
    candidate: bool = False


class LineageEntry(_Model):
    stage: Stage
    topic: str
    partition: int
    offset: int
    timestamp: datetime


class Article(_Model):
    """A ninjs-shaped wire item as the producer publishes it to `articles.raw`."""

    schema_: Literal["newswire.article/1"] = Field(default="newswire.article/1", alias="schema")
    uri: str = Field(min_length=1, max_length=2048)
    version: int = Field(default=1, ge=1)
    type: str = "text"
    language: str | None = None
    declared_language: str | None = None
    """The language the source declared for the item (BCP 47 as declared, `nb-NO`):
    the item's own declaration, else the HTTP `Content-Language` it came with.
    `language` holds its primary subtag (or the feed's hint) until enrichment decides."""
    headline: str = Field(min_length=1)
    body_text: str = Field(min_length=1)
    byline: str | None = None
    located: str | None = None
    firstcreated: datetime | None = None
    versioncreated: datetime | None = None
    urgency: int | None = Field(default=None, ge=1, le=9)
    provider: str | None = None
    source: Source
    fetched_at: datetime
    content_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    subject: list[Subject] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Takeover(_Model):
    """A uri that became an alias of the article carrying this, in the same decision."""

    uri: str
    similarity: float = Field(ge=0.0, le=1.0)
    method: Literal["exact", "near"]


class EnrichedArticle(Article):
    """The article with what enrichment found. `version` stays the number the
    source gave; storage numbers the versions it keeps (docs/ARCHITECTURE.md,
    Versions)."""

    schema_: Literal["newswire.enriched/1"] = Field(  # type: ignore[assignment]
        default="newswire.enriched/1", alias="schema"
    )
    language_confidence: float | None = None
    """Confidence of `detected_language`."""
    detected_language: str | None = None
    language_reason: LanguageReason | None = None
    normalized_hash: str | None = None
    dateline: Dateline | None = None
    place: list[EntityTag] = Field(default_factory=list)
    organisation: list[EntityTag] = Field(default_factory=list)
    person: list[EntityTag] = Field(default_factory=list)
    story_id: str | None = None
    duplicate_of: str | None = None
    similarity: float | None = None
    signature: str | None = None
    """MinHash signature of the dedup text, base64: kept to rebuild the dedup state."""
    role_seq: int | None = None
    """Order of the dedup decision that gave the article its role: storage applies
    roles in this order, whatever order messages reach it in."""
    takes_over: list[Takeover] = Field(default_factory=list)
    """Articles that became aliases of this one when it was decided canonical."""
    lineage: list[LineageEntry] = Field(default_factory=list)


class DuplicateNotice(_Model):
    schema_: Literal["newswire.duplicate/1"] = Field(default="newswire.duplicate/1", alias="schema")
    article: EnrichedArticle
    duplicate_of: str
    similarity: float = Field(ge=0.0, le=1.0)
    method: Literal["exact", "near"]

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class DeadLetter(_Model):
    schema_: Literal["newswire.deadletter/1"] = Field(
        default="newswire.deadletter/1", alias="schema"
    )
    stage: Stage
    error_type: str
    reason: str
    payload: str
    payload_encoding: Literal["utf-8", "base64"] = "utf-8"
    key: str | None = None
    original_topic: str | None = None
    original_partition: int | None = None
    original_offset: int | None = None
    failed_at: datetime
    attempts: int = 1

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


M = TypeVar("M", bound=BaseModel)
_set = object.__setattr__
_every_field: dict[type[BaseModel], set[str]] = {}


def assemble(cls: type[M], values: dict[str, Any]) -> M:
    """An instance holding `values`, which must give every field, already valid, by
    field name: `model_construct` without validation and without its walk over the
    fields and their defaults. For the enrichment's hot path, which builds thousands
    of models a second from data it made itself. All instances of a class share one
    fields-set, holding every field (assigning a field can only add what it has)."""
    fields = _every_field.get(cls)
    if fields is None:
        fields = _every_field[cls] = set(cls.model_fields)
    model = cls.__new__(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", fields)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def evolve(model: M, update: dict[str, Any]) -> M:
    """`model.model_copy(update=update)` (shallow, not validated) for a fraction of its cost."""
    return assemble(type(model), {**model.__dict__, **update})
