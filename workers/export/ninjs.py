"""EnrichedArticle -> IPTC ninjs 3.1 document (a pure mapping).

ninjs 3 allows no properties of its own, so everything maps onto standard
ones: entity tags become `places` / `organisations` / `people` (Wikidata and
GeoNames ids as their entity URIs in `uri`, other ids as `literal`), subject
codes `subjects` (IPTC vocabularies as their cv.iptc.org URIs, with relevance
0-100), source keywords `subjects` with rel `keyword`, and identifiers that
ninjs has no field for (the guid when it is not a URI, the feed, the story)
`altIds`.

A subject's code is the code within its scheme: Media Topic 16000000 is
`scheme=medtop, code=16000000`, and a code written as a QCode
(`medtop:16000000`, as topic tagging writes them) loses its scheme prefix
before it becomes `http://cv.iptc.org/newscodes/mediatopic/16000000`."""

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
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
GEONAMES_FEATURE = "https://sws.geonames.org/{}/"
_ABSOLUTE_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+$")
_WIKIDATA_ID = re.compile(
    r"^(?:wikidata:|https?://(?:www\.)?wikidata\.org/(?:wiki|entity)/)?(?P<q>Q[1-9]\d*)$"
)
_GEONAMES_ID = re.compile(r"^geonames:(?P<id>\d+)$")

Json = dict[str, Any]


def is_absolute_uri(value: str) -> bool:
    return bool(_ABSOLUTE_URI.match(value))


def ninjs_uri(uri: str) -> str:
    """ninjs requires a URI; a bare guid becomes a urn (the guid itself goes to altIds)."""
    return uri if is_absolute_uri(uri) else f"urn:newswire:guid:{quote(uri, safe='')}"


def _date(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def code_in_scheme(subject: Subject) -> str:
    """`medtop:16000000` in scheme medtop -> `16000000`."""
    return subject.code.removeprefix(f"{subject.scheme}:")


def entity_uri(entity_id: str) -> str | None:
    """The URI of an entity id that has one: `Q858` -> its Wikidata entity URI,
    `geonames:163843` -> its GeoNames feature URI, an http(s) URI as it is."""
    wikidata = _WIKIDATA_ID.match(entity_id)
    if wikidata:
        return WIKIDATA_ENTITY + wikidata.group("q")
    geonames = _GEONAMES_ID.match(entity_id)
    if geonames:
        return GEONAMES_FEATURE.format(geonames.group("id"))
    if entity_id.startswith(("http://", "https://")) and is_absolute_uri(entity_id):
        return entity_id
    return None


def _subject(subject: Subject) -> Json:
    entry: Json = {
        "creator": subject.origin,
        "relevance": max(0, min(100, round(subject.score * 100))),
    }
    if subject.name:
        entry["name"] = subject.name
    vocabulary = IPTC_CV.get(subject.scheme)
    if vocabulary:
        entry["uri"] = f"http://cv.iptc.org/newscodes/{vocabulary}/{quote(code_in_scheme(subject))}"
    elif subject.scheme == "uri" and is_absolute_uri(subject.code):
        entry["uri"] = subject.code
    else:
        entry["literal"] = f"{subject.scheme}:{subject.code}"
    return entry


def _keyword(keyword: str) -> Json:
    return {"name": keyword, "literal": keyword, "rel": "keyword", "creator": "source"}


def _entity(tag: EntityTag, language: str | None) -> Json:
    name = tag.names.get(language or "") or next(iter(tag.names.values()), None)
    uri = entity_uri(tag.id)
    entry: Json = {"rel": "mentioned", **({"uri": uri} if uri else {"literal": tag.id})}
    if name or tag.surface_forms:
        entry["name"] = name or tag.surface_forms[0]
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
