"""IPTC 7901, the text transmission format of dpa, AFP, APA, ANSA, EFE and others.

A message is `SOH heading-line STX text ETX`. The heading line gives the source
and message number (`eca0124`), the priority (a digit, 1 highest), the category
(`i`, `pl`, `rs`), the word count and optional information (`dpa 1888`). The
text opens with a heading block: keyword lines closing with `/`
(`Yemen/conflict/`), take keys (`EXTRA`, `1ST LEAD`, `(Achtung)`), the
headline and often a byline, the block closed by the ` =` terminator. Then
come the paragraphs and, after them, what is no story text: a part "not for
publication", the desk's signature (`dpa grj rmo`) and the date-time group
(`212101 GMT Nov 18`). Gateways often strip the control codes; the heading
line and the terminator still tell the format. None of the codes, the
terminator or the trailer reaches the headline or the body."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from workers.parsers.bylines import clean_byline, is_byline
from workers.parsers.fields import parse_urgency
from workers.parsers.wire_text import as_agency_text, lines_of, paragraphs_of

_HEADING_LINE = re.compile(
    r"^\s*(?P<source>[A-Za-z][A-Za-z-]{0,7})(?P<number>\d{2,5})\s+(?P<priority>\d)\s+"
    r"(?P<category>[A-Za-z]{1,3})\s+(?P<words>\d{1,5})\b(?P<info>.*)$"
)
_TERMINATOR = re.compile(r"\s*=\s*$")
_BODY_TERMINATOR = re.compile(r"\s+=\s*$")
_NOT_FOR_PUBLICATION = re.compile(r"not (?:intended )?for publication", re.IGNORECASE)
_SIGNATURE = re.compile(
    r"^[a-z][a-z-]{1,7}(?:\s+[^\sA-Z.,;:!?]{1,6}){1,6}$|^[a-z]{1,4}(?:/[a-z]{1,4})+$"
)
"""The desk's signature closing a message: `dpa grj rmo`, `dpa ah/mü`, `rs/fc`."""
_DATE_TIME_GROUP = re.compile(r"^\d{6}\s+(?:[A-Z]{3}\s+)?[A-Za-z]{3}\s+\d{2}$")
_RULE = re.compile(r"^(?:[*_-]\s*){3,}$")
MAX_HEADING_LINES = 8
"""A heading block longer than this is not one: the terminator is not in sight."""


@dataclass(frozen=True)
class Heading:
    slug: str | None
    headline: str | None
    byline: str | None


def heading_block_end(lines: list[str]) -> int | None:
    """Index after the heading block that opens `lines` (blank lines before it
    allowed), or None when they do not open with one."""
    started = False
    for index, line in enumerate(lines):
        if not line.strip():
            if started:
                return None
            continue
        started = True
        if _TERMINATOR.search(line):
            return index + 1
        if index >= MAX_HEADING_LINES:
            return None
    return None


def _is_take_key(line: str) -> bool:
    """`EXTRA`, `1ST LEAD`, `(Achtung)`: capitals only, or in brackets. (A line in a
    script without case is never one.)"""
    capitals = any(c.isupper() for c in line) and not any(c.islower() for c in line)
    return capitals or (line.startswith("(") and line.endswith(")"))


def read_heading(lines: list[str]) -> Heading:
    content = [_TERMINATOR.sub("", line).strip() for line in lines if line.strip()]
    slugs = []
    while content and content[0].endswith("/"):
        slugs.append(content.pop(0).rstrip("/ "))
    byline = None
    if len(content) > 1 and is_byline(content[-1]) and not all(map(_is_take_key, content[:-1])):
        byline = clean_byline(content.pop())
    keys = 0
    while keys < len(content) - 1 and _is_take_key(content[keys]):
        keys += 1
    headline = " ".join(content[keys:])
    return Heading("/".join(slugs) or None, headline or None, byline)


def _story_lines(lines: list[str]) -> list[str]:
    """The lines of the story: up to the part not for publication, without the
    trailing signature and date-time group."""
    story: list[str] = []
    for line in lines:
        if _NOT_FOR_PUBLICATION.search(line):
            break
        story.append(_BODY_TERMINATOR.sub("", line))
    while story and (
        not story[-1].strip()
        or any(p.match(story[-1].strip()) for p in (_SIGNATURE, _DATE_TIME_GROUP, _RULE))
    ):
        story.pop()
    return story


def _opening(lines: list[str]) -> tuple[re.Match[str] | None, list[str]]:
    """(the heading line's match, the lines after it), blank lines before it skipped."""
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    matched = _HEADING_LINE.match(lines[first]) if first < len(lines) else None
    return matched, lines[first + 1 :] if matched else lines[first:]


def is_message_header(header: str) -> bool:
    """The part before STX opens with a 7901 heading line (`eca0124 3 i 93  dpa 1888`:
    source and number, priority, category, word count) rather than an ANPA header."""
    matched, _ = _opening(lines_of(header))
    return matched is not None


def opens_message(text: str) -> bool:
    """Text (its control codes perhaps stripped) that opens as a 7901 message does:
    a heading line, or straight away a heading block."""
    _, lines = _opening(lines_of(text[:4096]))
    return heading_block_end(lines) is not None


def message_story(feed_id: str, message: str) -> str:
    """One message (from its heading line to its ETX, STX left out) as plain agency text."""
    matched, lines = _opening(lines_of(message))
    end = heading_block_end(lines)
    heading = read_heading(lines[:end]) if end else Heading(None, None, None)
    paragraphs = paragraphs_of(_story_lines(lines[end or 0 :]))
    info = matched.group("info").split() if matched else []
    source = matched.group("source") if matched else ""
    basis = f"{source}\n{heading.slug}\n{heading.headline or ''.join(paragraphs[:1])}"
    header: dict[str, str | int | None] = {
        "URI": f"urn:newswire:{feed_id}:iptc7901:{hashlib.sha256(basis.encode()).hexdigest()[:24]}",
        "Headline": heading.headline,
        "Byline": heading.byline,
        "Provider": info[0] if info and info[0].isalpha() else None,
        "Urgency": parse_urgency(matched.group("priority")) if matched else None,
    }
    return as_agency_text(header, paragraphs)
