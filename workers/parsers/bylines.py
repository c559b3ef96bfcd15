"""Bylines as a reader expects them: `BERNARD CONDON, AP Business Writer`.

Sources split a byline into parts: NITF nests `person`, `byttl` and `location`
in `<byline>` (`By BERNARD CONDON<byttl>AP Business Writer</byttl>`), NewsML 1.2
puts the title in `ByLineTitle`, ANPA on a line of its own, ninjs in
`bylines[].title`. Parts are joined with a comma before a title and `and`
between names; the leading "By" (in the languages agencies write) is dropped.
A byline of staff initials alone (EFE's `gr/bp`) names no author and is none."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from workers.parsers.xml_nav import local

_BY = re.compile(r"^(?:by|بقلم)\s*:?\s+|^(?:par|von|por|di|door|av|af)\s*:?\s+(?=\S+\s+\S)", re.I)
""""By" in the languages agencies write. Other than "by" and "بقلم", only before two
words or more, so that the names "Von Miller" and "Di Maio" keep their particle."""
_INITIALS_SEPARATOR = re.compile(r"\s*[/-]\s*")
_SPACE_BEFORE_COMMA = re.compile(r"\s+([,;])")
_TRAILING = " \t,;/=<-–—"
SEPARATOR_ENDINGS = (",", ";", "/", "-", "–", "—", ":", "(")
TITLE_PARTS = frozenset({"byttl", "location", "virtloc", "org", "ByLineTitle"})
BREAKS = frozenset({"br"})


def _staff_initials(byline: str) -> bool:
    """`gr/bp`, `ah-mü`: desk initials, lower case, two or more."""
    initials = _INITIALS_SEPARATOR.split(byline)
    return len(initials) > 1 and all(
        1 <= len(i) <= 4 and i.isalpha() and i.islower() for i in initials
    )


def clean_byline(value: str | None) -> str | None:
    """`By Jane Doe` / `Par Jean Dupont =` -> the byline alone; None for initials or nothing."""
    if not value:
        return None
    byline = _SPACE_BEFORE_COMMA.sub(r"\1", " ".join(value.split()))
    byline = _BY.sub("", byline.lstrip(" ^")).strip(_TRAILING)
    if not byline or _staff_initials(byline):
        return None
    return byline


def is_byline(line: str) -> bool:
    """A line that opens with "By" (`By SARAH EL DEEB`, `Par Rouba EL HUSSEINI`)."""
    return bool(_BY.match(line.strip()))


def and_join(names: list[str]) -> str:
    """`A`, `A and B`, `A, B and C`."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def join_parts(parts: Iterable[str | None]) -> str | None:
    """Bylines that were given separately (several `<byline>` elements), one after another."""
    kept = [p for p in (clean_byline(part) for part in parts) if p]
    return ", ".join(dict.fromkeys(kept)) or None


def join_bylines(entries: Iterable[tuple[str | None, str | None]]) -> str | None:
    """(name, title) pairs as one byline: `A and B, Associated Press` when they share
    a title (or one names it), `A, Reuters; B, AFP` when they differ."""
    people = [(n, clean_byline(t)) for n, t in ((clean_byline(n), t) for n, t in entries) if n]
    if not people:
        return None
    titles = list(dict.fromkeys(t for _, t in people if t))
    if len(titles) <= 1:
        names = and_join([n for n, _ in people])
        return f"{names}, {titles[0]}" if titles else names
    return "; ".join(f"{n}, {t}" if t else n for n, t in people)


def _segments(byline: etree._Element) -> list[tuple[str, str]]:
    """(kind, text) in document order: `text` for character data, else the child's name."""
    segments = [("text", byline.text or "")]
    for part in byline:
        name = local(part)
        if name in BREAKS:
            segments.append(("br", ""))
        elif name:
            segments.append((name, " ".join(str(t) for t in part.itertext())))
        segments.append(("text", part.tail or ""))
    return segments


def _needs_comma(out: str, kind: str, previous: str, after_break: bool) -> bool:
    """Before a title, after a line break, between two elements; not after a
    separator already there, nor before a title that follows a preposition ("in")."""
    if not out or out.endswith(SEPARATOR_ENDINGS):
        return False
    if after_break or (kind != "text" and previous != "text"):
        return True
    return kind in TITLE_PARTS and not out.rsplit(" ", 1)[-1].islower()


def element_byline(byline: etree._Element | None) -> str | None:
    """A byline element of mixed content, its parts joined with a reader's separators."""
    if byline is None:
        return None
    out = ""
    after_break = False
    previous = "text"
    for kind, raw in _segments(byline):
        value = " ".join(raw.split())
        after_break = after_break or kind == "br"
        if not value:
            continue
        if _needs_comma(out, kind, previous, after_break):
            out += ","
        out = f"{out} {value}" if out else value
        after_break = False
        previous = kind
    return clean_byline(out)
