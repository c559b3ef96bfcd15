"""RSS 0.9x, 1.0 (RDF), 2.0 and Atom 0.3/1.0, read by feedparser after the
bytes passed the hardened XML parser (feedparser's own XML handling is never
given a DTD). The declared language is the entry's `xml:lang` or
`dc:language`, else the feed's (`<language>`, `dc:language`, `xml:lang`)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser
from lxml import etree

from workers.errors import ParseError, PermanentError
from workers.models import Article, Subject
from workers.parsers.article_builder import build_article
from workers.parsers.base import FeedContext, ItemFailure, ParseResult
from workers.parsers.bylines import clean_byline
from workers.parsers.fields import (
    first,
    parse_datetime,
    subject_from_code,
    unique_subjects,
)
from workers.parsers.html_text import html_to_text
from workers.parsers.items import guarded, unique_by_uri
from workers.parsers.located import located_from_body
from workers.parsers.xml_nav import children, serialize
from workers.parsers.xml_safety import parse_xml, root_tag

RSS_ROOTS = ("rss", "RDF", "feed")
HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
CATEGORY_SCHEME = "category"


def _item_elements(root: etree._Element) -> list[etree._Element]:
    items = list(children(root, "item", "entry"))
    for channel in children(root, "channel"):
        items.extend(children(channel, "item"))
    return items


def _text(detail: Any, value: str | None) -> str:
    if not value:
        return ""
    kind = (detail or {}).get("type", "text/html")
    return html_to_text(value) if kind in HTML_TYPES else " ".join(value.split())


def _date(entry: Any, key: str) -> datetime | None:
    parsed = parse_datetime(entry.get(key))
    if parsed is None and entry.get(f"{key}_parsed"):
        struct: time.struct_time = entry[f"{key}_parsed"]
        parsed = datetime(*struct[:6], tzinfo=UTC)
    return parsed


def _subjects(entry: Any) -> list[Subject]:
    subjects = [
        subject_from_code(tag["term"], tag.get("scheme"), tag.get("label"), CATEGORY_SCHEME)
        for tag in entry.get("tags") or []
        if (tag.get("term") or "").strip()
    ]
    return unique_subjects(subjects)


class RssParser:
    name = "rss"

    def sniff(self, data: bytes) -> bool:
        tag = root_tag(data)
        if tag is None or tag[0] not in RSS_ROOTS:
            return False
        if tag[0] == "RDF":
            return b"purl.org/rss/1.0" in data[:4096] or b"<channel" in data[:4096]
        if tag[0] == "feed":
            return "www.w3.org/2005/Atom" in tag[1] or "purl.org/atom" in tag[1]
        return True

    def parse(self, data: bytes, ctx: FeedContext) -> Iterator[ParseResult]:
        try:
            root = parse_xml(data)
        except PermanentError as exc:
            yield ItemFailure(exc.error_type, str(exc), data)
            return
        clean = etree.tostring(root, encoding="utf-8", xml_declaration=True)
        parsed = feedparser.parse(clean, sanitize_html=False, resolve_relative_uris=False)
        if parsed.get("bozo") and not parsed.entries:
            yield ItemFailure("parse", f"not a readable feed: {parsed.get('bozo_exception')}", data)
            return
        elements = _item_elements(root)
        payloads = [serialize(e) for e in elements] if len(elements) == len(parsed.entries) else []
        feed = parsed.feed
        indexed = list(enumerate(parsed.entries))
        yield from unique_by_uri(
            guarded(
                indexed,
                lambda pair: self._article(pair[1], feed, ctx),
                lambda pair: payloads[pair[0]] if payloads else data,
            )
        )

    def _article(self, entry: Any, feed: Any, ctx: FeedContext) -> Article:
        headline = _text(entry.get("title_detail"), entry.get("title"))
        contents = entry.get("content") or []
        if contents:
            body = "\n\n".join(_text(c, c.get("value")) for c in contents if c.get("value"))
            detail = contents[0]
        else:
            detail = entry.get("summary_detail") or {}
            body = _text(detail, entry.get("summary"))
        if not body:
            body = headline
        if not headline:
            raise ParseError("feed item has neither a title nor any text")
        author = entry.get("author_detail") or {}
        published = _date(entry, "published")
        updated = _date(entry, "updated")
        return build_article(
            ctx,
            format_name=self.name,
            parser=f"{self.name}/1",
            headline=headline,
            body_text=body,
            guid=entry.get("id"),
            link=entry.get("link"),
            declared_language=first(
                detail.get("language"), entry.get("language"), feed.get("language")
            ),
            byline=clean_byline(first(author.get("name"), entry.get("author"))),
            located=located_from_body(body),
            firstcreated=published or updated,
            versioncreated=updated or published,
            provider=first(entry.get("publisher"), feed.get("publisher")),
            subject=_subjects(entry),
        )
