"""Plain agency text, the format of the reference seed story.

An optional header block of `Key: value` lines (Headline, URI, Version,
Language, Provider, Byline, Date, Urgency), then a blank line, then paragraphs
separated by blank lines. The first paragraph usually opens with a dateline
(`عواصم - (وكالات):`, `BEIRUT, Oct 14 (Reuters) -`). Without a Headline header
the headline is the lead's first sentence.

Transmissions framed by control codes (ANPA 1312, IPTC 7901, teletype
`ZCZC`/`NNNN`; see `anpa` and `iptc7901`) yield one article per message, each
rewritten as plain agency text first. A 7901 message whose control codes a
gateway stripped is still told by its heading line and ` =` terminator."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from workers.errors import PermanentError
from workers.parsers import iptc7901
from workers.parsers.anpa import anpa_story, is_teletype, split_teletype
from workers.parsers.article_builder import build_article
from workers.parsers.base import FeedContext, ItemFailure, ParseResult
from workers.parsers.bylines import clean_byline
from workers.parsers.items import unique_by_uri
from workers.parsers.wire_text import ETX, SOH, STX, decode_wire_text
from workers.text.dateline import split_dateline
from workers.text.normalize import fold_arabic

HEADER_KEYS = ("headline", "uri", "version", "language", "provider", "byline", "date", "urgency")
_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z]+):[ \t]*(?P<value>.*)$")
_SENTENCE_END = re.compile(r"[.!?؟。]\s|[.!?؟]$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
HEADLINE_MAX_CHARS = 160


def _split_header(text: str) -> tuple[dict[str, str], str]:
    lines = text.split("\n")
    header: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            return (header, "\n".join(lines[index + 1 :])) if header else ({}, text)
        match = _HEADER_LINE.match(line)
        if not match or match.group("key").lower() not in HEADER_KEYS:
            return {}, text
        header[match.group("key").lower()] = match.group("value").strip()
    return {}, text


def headline_from_lead(lead: str) -> str:
    """The first sentence of the lead without its dateline, cut at a word boundary."""
    _, rest = split_dateline(lead)
    rest = " ".join(rest.split())
    end = _SENTENCE_END.search(rest)
    sentence = rest[: end.start() + 1] if end else rest
    words = sentence.split(" ")
    kept: list[str] = []
    length = 0
    for word in words:
        # Measured without diacritics and tatweel, so that a vocalised copy of a
        # story gets the same headline as the plain one.
        length += len(fold_arabic(word)) + (1 if kept else 0)
        if length > HEADLINE_MAX_CHARS and kept:
            return " ".join(kept).rstrip("،,;:") + "…"
        kept.append(word)
    return sentence.rstrip("،,;:")


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise PermanentError(f"Date header {value!r} is not ISO 8601") from exc


def wire_messages(data: bytes, feed_id: str) -> list[str] | None:
    """Each message of a framed transmission as plain agency text; None for plain text."""
    text = decode_wire_text(data)
    if not (SOH in text or STX in text or "ZCZC" in text[:4096]):
        if _split_header(text)[0] or not iptc7901.opens_message(text):
            return None
        return [iptc7901.message_story(feed_id, text)]
    if STX not in text:
        return split_teletype(text, feed_id) if is_teletype(text) else None
    stories = []
    for chunk in text.split(SOH):
        header, stx, rest = chunk.partition(STX)
        if not stx:
            continue
        rest = rest.split(ETX, 1)[0]
        if iptc7901.is_message_header(header):
            stories.append(iptc7901.message_story(feed_id, header.rstrip("\r\n") + "\n" + rest))
        else:
            stories.append(anpa_story(feed_id, header, rest))
    return stories


def _int_header(header: dict[str, str], key: str) -> int | None:
    value = header.get(key)
    if value is None:
        return None
    if not value.isdigit():
        raise PermanentError(f"{key.capitalize()} header {value!r} is not a whole number")
    return int(value)


class AgencyTextParser:
    name = "agency-text"

    def sniff(self, data: bytes) -> bool:
        head = data[:512].lstrip()
        return bool(head) and not head.startswith((b"<", b"{", b"[")) and b"\x00" not in head

    def parse(self, data: bytes, ctx: FeedContext) -> Iterator[ParseResult]:
        stories = wire_messages(data, ctx.feed_id)
        if stories is None:
            yield from self._parse_guarded(data, ctx)
        elif not stories:
            yield ItemFailure("parse", "no story in this wire transmission", data)
        else:
            encoded = (story.encode("utf-8") for story in stories)
            yield from unique_by_uri(
                r for story in encoded for r in self._parse_guarded(story, ctx)
            )

    def _parse_guarded(self, data: bytes, ctx: FeedContext) -> Iterator[ParseResult]:
        try:
            yield self._parse_one(data, ctx)
        except PermanentError as exc:
            yield ItemFailure(exc.error_type, str(exc), data)

    def _parse_one(self, data: bytes, ctx: FeedContext) -> ParseResult:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return ItemFailure(
                "encoding", f"agency text is not valid UTF-8 (byte {exc.start}): {exc.reason}", data
            )
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if "\x00" in text:
            return ItemFailure("parse", "agency text contains NUL bytes", data)
        header, body = _split_header(text)
        paragraphs = [" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(body) if p.strip()]
        if not paragraphs:
            return ItemFailure("parse", "agency text item has no body paragraphs", data)
        headline = header.get("headline") or headline_from_lead(paragraphs[0])
        if not headline:
            return ItemFailure("parse", "no headline given and the lead has no text", data)
        dateline, _ = split_dateline(paragraphs[0])
        created = _parse_date(header.get("date"))
        return build_article(
            ctx,
            format_name=self.name,
            parser=f"{self.name}/1",
            headline=headline,
            body_text="\n\n".join(paragraphs),
            guid=header.get("uri"),
            version=_int_header(header, "version") or 1,
            declared_language=header.get("language"),
            byline=clean_byline(header.get("byline")),
            located=dateline.place if dateline else None,
            firstcreated=created,
            versioncreated=created,
            urgency=_int_header(header, "urgency"),
            provider=header.get("provider") or (dateline.agency if dateline else None),
        )
