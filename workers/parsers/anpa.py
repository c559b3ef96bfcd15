"""ANPA-era wire files (ANPA 1312 and teletype dumps) holding several stories.

ANPA 1312: each story is `SOH header STX text ETX`, the header giving a story
number, a priority letter (f flash, b bulletin, u urgent, r regular, d
deferred, a/s advance), a category letter and a slug (`BC-Mideast-Syria`).
In the text, `^...<` lines carry the slug, headline and byline, paragraphs start
with an indent, ` _ ` stands for a dash, and a trailer line closes the story.
Teletype dumps frame each story with `ZCZC` and `NNNN` lines instead.

Each story is rewritten as plain agency text (header block, blank line,
paragraphs) so that one parser reads both."""

from __future__ import annotations

import hashlib
import re

SOH, STX, ETX = "\x01", "\x02", "\x03"
PRIORITY_URGENCY = {"f": 1, "b": 2, "u": 3, "r": 5, "d": 6, "a": 7, "s": 7}
_TELETYPE = re.compile(r"^ZCZC(?P<header>.*?)$(?P<body>.*?)^NNNN\s*$", re.MULTILINE | re.DOTALL)
_SLUG = re.compile(r"^[A-Z]{2}-[\w-]+", re.IGNORECASE)
_TRAILER = re.compile(
    r"^(?:[A-Z]{2,4}-[A-Z]{2}-\d{2}-\d{2}-\d{2}\s+\d{4}\s*[A-Z]{0,3}<?|END|MORE|NNNN)$"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ANPA_DASH = re.compile(r"\s_\s")


def decode_wire_text(data: bytes) -> str:
    """UTF-8 when the bytes are, else windows-1252: ANPA-era files predate UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def is_multi_story(text: str) -> bool:
    return STX in text or bool(_TELETYPE.search(text))


def _parse_header(header: str) -> tuple[int | None, str | None]:
    """(urgency, slug) from `a0123 r i BC-Mideast-Syria 10-14 0450`."""
    tokens = _CONTROL.sub(" ", header).split()
    urgency = None
    if len(tokens) > 1 and len(tokens[1]) == 1:
        urgency = PRIORITY_URGENCY.get(tokens[1].lower())
    slug = next((t for t in tokens[1:] if _SLUG.match(t)), None)
    return urgency, slug


def _story_text(feed_id: str, body: str, urgency: int | None, slug: str | None) -> str | None:
    headline = byline = None
    lines: list[str] = []
    for raw in _CONTROL.sub("", body.replace("\r\n", "\n").replace("\r", "\n")).split("\n"):
        line = raw.strip()
        if line.startswith("^"):
            content = line.strip("^<=").strip()
            if not content or _SLUG.match(content):
                continue
            if content.lower().startswith("by ") and byline is None:
                byline = content[3:].strip()
            elif headline is None:
                headline = content
            continue
        if _TRAILER.match(line):
            continue
        if not line or raw[:1] in ("\t", " "):
            lines.append("")
        lines.append(_ANPA_DASH.sub(" — ", line))
    text = "\n".join(lines).strip()
    if not text:
        return None
    identity = slug or hashlib.sha256(text.encode()).hexdigest()[:24]
    header = [f"URI: urn:newswire:{feed_id}:anpa:{identity}"]
    if headline:
        header.append(f"Headline: {headline}")
    if byline:
        header.append(f"Byline: {byline}")
    if urgency:
        header.append(f"Urgency: {urgency}")
    return "\n".join(header) + "\n\n" + text + "\n"


def split_stories(text: str, feed_id: str) -> list[str]:
    """Each story of a multi-story file as plain agency text."""
    stories: list[str | None] = []
    if STX in text:
        for chunk in text.split(SOH):
            if STX not in chunk:
                continue
            header, _, rest = chunk.partition(STX)
            urgency, slug = _parse_header(header)
            stories.append(_story_text(feed_id, rest.split(ETX, 1)[0], urgency, slug))
    else:
        for match in _TELETYPE.finditer(text):
            number = match.group("header").split()[:1]
            stories.append(
                _story_text(feed_id, match.group("body"), None, next(iter(number), None))
            )
    return [s for s in stories if s]
