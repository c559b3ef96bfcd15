"""EnrichedArticle -> IPTC ninjs 3.1 document (a pure mapping).

ninjs 3 allows no properties of its own, so everything maps onto standard
ones: entity tags become `places` / `organisations` / `people`, subject codes
`subjects` (IPTC vocabularies as their cv.iptc.org URIs, with relevance
0-100), source keywords `subjects` with rel `keyword`, and identifiers that
ninjs has no field for (the guid when it is not a URI, the feed, the story)
`altIds`."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import quote

from workers.models import EnrichedArticle, EntityTag, Subject

NINJS_VERSION = "3.1"
NINJS_SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
NEWS_TYPES = frozenset(
    {"text", "audio", "video", "picture", "graphic", "composite", "component", "event", "planning"}
)
IPTC_CV = {"medtop": "mediatopic", "subj": "subjectcode", "genre": "genre"}
_ABSOLUTE_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+$")

Json = dict[str, Any]


def is_absolute_uri(value: str) -> bool:
    return bool(_ABSOLUTE_URI.match(value))


def ninjs_uri(uri: str) -> str:
    """ninjs requires a URI; a bare guid becomes a urn (the guid itself goes to altIds)."""
    return uri if is_absolute_uri(uri) else f"urn:newswire:guid:{quote(uri, safe='')}"


def _date(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _subject(subject: Subject) -> Json:
    entry: Json = {
        "creator": subject.origin,
        "relevance": max(0, min(100, round(subject.score * 100))),
    }
    if subject.name:
        entry["name"] = subject.name
    vocabulary = IPTC_CV.get(subject.scheme)
    if vocabulary:
        entry["uri"] = f"http://cv.iptc.org/newscodes/{vocabulary}/{quote(subject.code)}"
    elif subject.scheme == "uri" and is_absolute_uri(subject.code):
        entry["uri"] = subject.code
    else:
        entry["literal"] = f"{subject.scheme}:{subject.code}"
    return entry


def _keyword(keyword: str) -> Json:
    return {"name": keyword, "literal": keyword, "rel": "keyword", "creator": "source"}


def _entity(tag: EntityTag, language: str | None) -> Json:
    name = tag.names.get(language or "") or next(iter(tag.names.values()), None)
    entry: Json = {"rel": "mentioned", "literal": tag.id}
    if name or tag.surface_forms:
        entry["name"] = name or tag.surface_forms[0]
    if is_absolute_uri(tag.id) and tag.id.startswith(("http://", "https://")):
        entry["uri"] = tag.id
    return entry


def _alt_ids(article: EnrichedArticle) -> list[Json]:
    ids = [{"role": "feed", "value": article.source.feed_id}]
    if not is_absolute_uri(article.uri):
        ids.insert(0, {"role": "guid", "value": article.uri})
    if article.story_id:
        ids.append({"role": "story", "value": article.story_id})
    return ids


def to_ninjs(article: EnrichedArticle) -> Json:
    language = article.language
    document: Json = {
        "uri": ninjs_uri(article.uri),
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA_URI},
        "type": article.type if article.type in NEWS_TYPES else "text",
        "representationType": "full",
        "version": str(article.version),
        "firstCreated": _date(article.firstcreated),
        "versionCreated": _date(article.versioncreated),
        "pubStatus": "usable",
        "urgency": article.urgency,
        "language": language,
        "headlines": [{"role": "main", "contentType": "text/plain", "value": article.headline}],
        "bodies": [
            {
                "role": "main",
                "contentType": "text/plain",
                "charCount": len(article.body_text),
                "wordCount": len(article.body_text.split()),
                "value": article.body_text,
            }
        ],
        "by": article.byline,
        "located": article.located or (article.dateline.place if article.dateline else None),
        "subjects": [_subject(s) for s in article.subject]
        + [_keyword(k) for k in article.keywords],
        "places": [_entity(t, language) for t in article.place],
        "organisations": [_entity(t, language) for t in article.organisation],
        "people": [_entity(t, language) for t in article.person],
        "infoSources": [{"name": article.provider, "role": "originator"}]
        if article.provider
        else [],
        "altIds": _alt_ids(article),
    }
    return {key: value for key, value in document.items() if value not in (None, [])}
