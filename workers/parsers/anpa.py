"""ANPA 1312 wire files and teletype dumps, one or several stories each.

ANPA 1312: each story is `SYN SYN SOH header STX text ETX EOT`; the header
gives a selector and story number, a priority letter (f flash, b bulletin, u
urgent, r regular, d deferred, a/s advance), a category letter, format codes
(DC1-DC4) and a slug (`BC-Mideast-Syria`). In the text, lines opening with `^`
and closing with `<` carry the slug, the headline and editors' notes; the
byline and its title close with `=` (`^By SARAH EL DEEB=`, `^Associated
Press=`); paragraphs start with an indent, ` _ ` stands for a dash, ``
and '' for curly quotes, and a trailer line (`AP-WS-10-14-17 1512GMT<`)
closes the story. None of these codes reaches the text.

Teletype dumps frame each story with `ZCZC` and `NNNN` lines instead."""

from __future__ import annotations

import hashlib
import re
from itertools import pairwise

from workers.parsers.bylines import join_bylines
from workers.parsers.wire_text import (
    CONTROL,
    as_agency_text,
    lines_of,
    paragraphs_of,
)

PRIORITY_URGENCY = {"f": 1, "b": 2, "u": 3, "r": 5, "d": 6, "a": 7, "s": 7}
_TELETYPE = re.compile(r"^ZCZC(?P<header>.*?)$(?P<body>.*?)^NNNN\s*$", re.MULTILINE | re.DOTALL)
_SLUG = re.compile(r"^[A-Z]{2}-[\w-]+", re.IGNORECASE)
_TRAILER = re.compile(
    r"^(?:[A-Z]{2,4}-[A-Z]{2}-\d{2}-\d{2}-\d{2}\s+\d{4}\s*[A-Z]{0,3}<?|END|MORE|NNNN)$"
)
_EDITORS_NOTE = re.compile(r"^(?:eds?|editors?)\b|^AP Photos?\b", re.IGNORECASE)
_ANPA_DASH = re.compile(r"\s_\s")
HEADER_LINE_CODES = "^<= "


def is_teletype(text: str) -> bool:
    return bool(_TELETYPE.search(text))


def _parse_header(header: str) -> tuple[int | None, str | None]:
    """(urgency, slug) from `a0123 r i BC-Mideast-Syria 10-14 0450`: the priority is
    the first of two one-letter fields."""
    tokens = CONTROL.sub(" ", header).split()
    urgency = None
    for token, following in pairwise(tokens):
        if len(token) == 1 and len(following) == 1 and token.isalpha():
            urgency = PRIORITY_URGENCY.get(token.lower())
            break
    slug = next((t.split(",")[0] for t in tokens if _SLUG.match(t)), None)
    return urgency, slug


def _body_line(line: str) -> str:
    text = _ANPA_DASH.sub(" — ", line.rstrip().removesuffix("<"))
    return text.replace("``", "“").replace("''", "”")


def _story_text(feed_id: str, body: str, urgency: int | None, slug: str | None) -> str:
    headline = None
    names: list[str] = []
    titles: list[str] = []
    lines: list[str] = []
    for raw in lines_of(body):
        line = raw.strip()
        if line.startswith("^"):
            content = line.strip(HEADER_LINE_CODES)
            if content[:3].lower() == "by " or (line.endswith("=") and not names):
                names.append(content)
            elif line.endswith("="):
                titles.append(content)
            elif headline is None and content and not _SLUG.match(content):
                headline = None if _EDITORS_NOTE.match(content) else content
            continue
        if _TRAILER.match(line):
            continue
        lines.append(_body_line(raw))
    paragraphs = paragraphs_of(lines)
    identity = slug or hashlib.sha256("\n".join(paragraphs).encode()).hexdigest()[:24]
    header: dict[str, str | int | None] = {
        "URI": f"urn:newswire:{feed_id}:anpa:{identity}",
        "Headline": headline,
        "Byline": join_bylines((name, ", ".join(titles) or None) for name in names),
        "Urgency": urgency,
    }
    return as_agency_text(header, paragraphs)


def anpa_story(feed_id: str, header: str, text: str) -> str:
    """One ANPA story (its header before STX, its text up to ETX) as plain agency text."""
    urgency, slug = _parse_header(header)
    return _story_text(feed_id, text, urgency, slug)


def split_teletype(text: str, feed_id: str) -> list[str]:
    """Each `ZCZC ... NNNN` story of a teletype dump as plain agency text."""
    stories = []
    for match in _TELETYPE.finditer(text):
        number = match.group("header").split()[:1]
        stories.append(_story_text(feed_id, match.group("body"), None, next(iter(number), None)))
    return stories
