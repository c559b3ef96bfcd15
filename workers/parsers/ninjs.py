"""IPTC ninjs 1.x, 2.x and 3.x: one item, a list of them, or an API envelope
holding them (`workers.parsers.ninjs_envelopes`).

1.x uses `headline`, `body_text`/`body_html`, `byline`, `subject` with
`scheme`+`code`; 2.x lower-case `headlines`, `bodies`, `by`, `subjects` with
`uri`/`literal`; 3.x the same in camelCase (`versionCreated`). Keys are read
case-insensitively so the three generations share one mapping. An item is
identified by its `uri`, else by the `guid` newsroom systems write."""

from __future__ import annotations

from collections.abc import Iterator

import orjson

from workers.errors import ParseError
from workers.models import Article, Subject
from workers.parsers.article_builder import build_article
from workers.parsers.base import FeedContext, ItemFailure, ParseResult
from workers.parsers.bylines import clean_byline, join_bylines
from workers.parsers.fields import (
    first,
    parse_datetime,
    parse_urgency,
    parse_version,
    subject_from_code,
    subject_from_uri,
    unique_subjects,
)
from workers.parsers.html_text import html_to_text, plain_paragraphs
from workers.parsers.items import guarded, unique_by_uri
from workers.parsers.located import first_place, located_from_body
from workers.parsers.ninjs_envelopes import Json, identity, items_of, looks_like_ninjs, lowered

BOM = b"\xef\xbb\xbf"
NINJS_MARKERS = (b'"headline"', b'"headlines"', b'"body_text"', b'"bodies"', b'"ninjs"')
IDENTITY_MARKERS = (b'"uri"', b'"guid"')
WRITER_ROLES = ("", "writer", "author", "correspondent", "reporter")
MAIN_ROLES = ("", "main", "body", "default")
PROVIDER_ROLES = ("originator", "source", "provider", "creditline", "distributor")
NON_TEXT_TYPES = frozenset({"picture", "graphic", "video", "audio", "composite"})


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _pick(entries: object) -> Json | None:
    """The main entry of a ninjs 2/3 `headlines`/`bodies` array (role main, else the first)."""
    if not isinstance(entries, list):
        return None
    objects = [lowered(e) for e in entries if isinstance(e, dict) and _str(e.get("value"))]
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
        entry = lowered(raw)
        name = _str(entry.get("name"))
        scheme, code = _str(entry.get("scheme")), _str(entry.get("code"))
        uri, literal = _str(entry.get("uri")), _str(entry.get("literal"))
        if uri:
            subjects.append(subject_from_uri(uri, name))
        elif code or literal:
            subjects.append(subject_from_code(code or literal or "", scheme, name, "literal"))
    return unique_subjects(subjects)


def _bylines(item: Json) -> str | None:
    """`bylines: [{"by": ..., "title": ...}]`, as AP extends ninjs 1.x."""
    entries = [lowered(e) for e in item.get("bylines") or [] if isinstance(e, dict)]
    return join_bylines((_str(e.get("by")), _str(e.get("title"))) for e in entries)


def _authors(item: Json) -> str | None:
    """`authors: [{"name": ..., "role": "writer"}]`, as Superdesk writes them."""
    entries = [lowered(e) for e in item.get("authors") or [] if isinstance(e, dict)]
    return join_bylines(
        (_str(e.get("name")), None)
        for e in entries
        if str(e.get("role") or "").lower() in WRITER_ROLES
    )


def _byline(item: Json) -> str | None:
    given = first(_str(item.get("byline")), _str(item.get("by")))
    return clean_byline(given) if given else _bylines(item) or _authors(item)


def _language(item: Json) -> str | None:
    """The item's `language`, else the one its main body or headline declares."""
    entries = (_pick(item.get("bodies")), _pick(item.get("headlines")))
    return first(_str(item.get("language")), *(_str(e.get("language")) for e in entries if e))


def _provider(item: Json) -> str | None:
    sources = [lowered(s) for s in item.get("infosources") or [] if isinstance(s, dict)]
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
        """A JSON object (or a list, or an envelope of them) with ninjs fields and a
        `uri` or `guid`. JSON too broken to read is ninjs when its bytes say so."""
        head = data[:1024].lstrip(BOM + b" \t\r\n")
        if not head.startswith((b"{", b"[")):
            return False
        try:
            document = orjson.loads(data.removeprefix(BOM))
        except orjson.JSONDecodeError:
            window = data[:65536]
            return any(m in window for m in IDENTITY_MARKERS) and any(
                m in window for m in NINJS_MARKERS
            )
        items = items_of(document)
        return items is not None and (not items or any(map(looks_like_ninjs, items)))

    def parse(self, data: bytes, ctx: FeedContext) -> Iterator[ParseResult]:
        try:
            document = orjson.loads(data.removeprefix(BOM))
        except orjson.JSONDecodeError as exc:
            error = "encoding" if "utf-8" in str(exc).lower() else "parse"
            yield ItemFailure(error, f"not valid JSON: {exc}", data)
            return
        items = items_of(document)
        if items is None:
            yield ItemFailure(
                "parse", "JSON is neither a ninjs object nor a list of ninjs objects", data
            )
            return
        yield from unique_by_uri(guarded(items, lambda i: self._article(i, ctx), orjson.dumps))

    def _article(self, raw: object, ctx: FeedContext) -> Article:
        if not isinstance(raw, dict):
            raise ParseError(f"ninjs item must be a JSON object, not {type(raw).__name__}")
        item = lowered(raw)
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
            guid=identity(item),
            version=parse_version(item.get("version")),
            declared_language=_language(item),
            byline=_byline(item),
            located=first_place(_str(item.get("located")), located_from_body(body)),
            firstcreated=parse_datetime(
                first(_str(item.get("firstcreated")), _str(item.get("contentcreated")))
            )
            or version_created,
            versioncreated=version_created,
            urgency=parse_urgency(item.get("urgency")),
            provider=_provider(item),
            subject=_subjects(item),
            keywords=_keywords(item),
            item_type=item_type,
        )
