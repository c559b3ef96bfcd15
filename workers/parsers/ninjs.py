"""IPTC ninjs 1.x, 2.x and 3.x: one document, a list of them, or an object
holding them under `items`/`data`.

1.x uses `headline`, `body_text`/`body_html`, `byline`, `subject` with
`scheme`+`code`; 2.x lower-case `headlines`, `bodies`, `by`, `subjects` with
`uri`/`literal`; 3.x the same in camelCase (`versionCreated`). Keys are read
case-insensitively so the three generations share one mapping."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson

from workers.errors import ParseError
from workers.models import Article, Subject
from workers.parsers.article_builder import build_article
from workers.parsers.base import FeedContext, ItemFailure, ParseResult
from workers.parsers.fields import (
    clean_byline,
    first,
    language_code,
    located_from_body,
    parse_datetime,
    parse_urgency,
    parse_version,
    subject_from_code,
    subject_from_uri,
    unique_subjects,
)
from workers.parsers.html_text import html_to_text, plain_paragraphs
from workers.parsers.items import guarded, unique_by_uri

NINJS_MARKERS = (b'"headline"', b'"headlines"', b'"body_text"', b'"bodies"', b'"ninjs"')
CONTAINER_KEYS = ("items", "data", "results")
MAIN_ROLES = ("", "main", "body", "default")
PROVIDER_ROLES = ("originator", "source", "provider", "creditline", "distributor")
NON_TEXT_TYPES = frozenset({"picture", "graphic", "video", "audio", "composite"})

Json = dict[str, Any]


def _lower(obj: Json) -> Json:
    return {str(k).lower(): v for k, v in obj.items()}


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _pick(entries: object) -> Json | None:
    """The main entry of a ninjs 2/3 `headlines`/`bodies` array (role main, else the first)."""
    if not isinstance(entries, list):
        return None
    objects = [_lower(e) for e in entries if isinstance(e, dict) and _str(e.get("value"))]
    for entry in objects:
        if (entry.get("role") or "").lower() in MAIN_ROLES:
            return entry
    return objects[0] if objects else None


def _entry_text(entry: Json | None) -> str:
    if entry is None:
        return ""
    value = str(entry["value"])
    content_type = (entry.get("contenttype") or "").lower()
    if "html" in content_type or "xml" in content_type or not content_type:
        return html_to_text(value)
    return plain_paragraphs(value)


def _headline(item: Json) -> str:
    single = _str(item.get("headline"))
    if single:
        return " ".join(html_to_text(single).split())
    return " ".join(_entry_text(_pick(item.get("headlines"))).split())


def _body(item: Json) -> str:
    for key in ("body_text",):
        if _str(item.get(key)):
            return plain_paragraphs(item[key])
    for key in ("body_html", "body_xhtml", "body_nitf"):
        if _str(item.get(key)):
            return html_to_text(item[key])
    body = _entry_text(_pick(item.get("bodies")))
    if body:
        return body
    for key in ("description_text", "description_html"):
        if _str(item.get(key)):
            return html_to_text(item[key])
    return _entry_text(_pick(item.get("descriptions")))


def _subjects(item: Json) -> list[Subject]:
    subjects: list[Subject] = []
    for raw in [*(item.get("subject") or []), *(item.get("subjects") or [])]:
        if not isinstance(raw, dict):
            continue
        entry = _lower(raw)
        name = _str(entry.get("name"))
        scheme, code = _str(entry.get("scheme")), _str(entry.get("code"))
        uri, literal = _str(entry.get("uri")), _str(entry.get("literal"))
        if uri:
            subjects.append(subject_from_uri(uri, name))
        elif code or literal:
            subjects.append(subject_from_code(code or literal or "", scheme, name, "literal"))
    return unique_subjects(subjects)


def _bylines(item: Json) -> str | None:
    """`bylines: [{"by": ...}]`, as some agencies extend ninjs 1.x."""
    names = [
        _str(entry.get("by")) for entry in item.get("bylines") or [] if isinstance(entry, dict)
    ]
    return " and ".join(n for n in names if n) or None


def _provider(item: Json) -> str | None:
    sources = [_lower(s) for s in item.get("infosources") or [] if isinstance(s, dict)]
    for role in PROVIDER_ROLES:
        for source in sources:
            if (source.get("role") or "").lower() == role and _str(source.get("name")):
                return _str(source.get("name"))
    return first(*(_str(s.get("name")) for s in sources), _str(item.get("copyrightholder")))


def _keywords(item: Json) -> list[str]:
    raw = item.get("keywords") or []
    return [k.strip() for k in raw if isinstance(k, str) and k.strip()]


class NinjsParser:
    name = "ninjs"

    def sniff(self, data: bytes) -> bool:
        head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
        if not head.startswith((b"{", b"[")):
            return False
        window = data[:65536]
        return b'"uri"' in window and any(marker in window for marker in NINJS_MARKERS)

    def parse(self, data: bytes, ctx: FeedContext) -> Iterator[ParseResult]:
        try:
            document = orjson.loads(data.removeprefix(b"\xef\xbb\xbf"))
        except orjson.JSONDecodeError as exc:
            error = "encoding" if "utf-8" in str(exc).lower() else "parse"
            yield ItemFailure(error, f"not valid JSON: {exc}", data)
            return
        items = self._items(document)
        if items is None:
            yield ItemFailure(
                "parse", "JSON is neither a ninjs object nor a list of ninjs objects", data
            )
            return
        yield from unique_by_uri(guarded(items, lambda i: self._article(i, ctx), orjson.dumps))

    def _items(self, document: object) -> list[object] | None:
        if isinstance(document, list):
            return document
        if isinstance(document, dict):
            for key in CONTAINER_KEYS:
                if isinstance(document.get(key), list) and "uri" not in document:
                    return list(document[key])
            return [document]
        return None

    def _article(self, raw: object, ctx: FeedContext) -> Article:
        if not isinstance(raw, dict):
            raise ParseError(f"ninjs item must be a JSON object, not {type(raw).__name__}")
        item = _lower(raw)
        headline = _headline(item)
        body = _body(item)
        item_type = _str(item.get("type")) or "text"
        if not headline:
            raise ParseError("ninjs item has no headline (headline / headlines[].value)")
        if not body:
            if item_type not in NON_TEXT_TYPES:
                raise ParseError("ninjs item has no body (body_text / bodies[].value)")
            body = headline
        version_created = parse_datetime(_str(item.get("versioncreated")))
        return build_article(
            ctx,
            format_name=self.name,
            parser=f"{self.name}/1",
            headline=headline,
            body_text=body,
            guid=_str(item.get("uri")),
            version=parse_version(item.get("version")),
            language=language_code(_str(item.get("language"))),
            byline=clean_byline(
                first(_str(item.get("byline")), _str(item.get("by")), _bylines(item))
            ),
            located=first(_str(item.get("located")), located_from_body(body)),
            firstcreated=parse_datetime(_str(item.get("firstcreated"))) or version_created,
            versioncreated=version_created,
            urgency=parse_urgency(item.get("urgency")),
            provider=_provider(item),
            subject=_subjects(item),
            keywords=_keywords(item),
            item_type=item_type,
        )
