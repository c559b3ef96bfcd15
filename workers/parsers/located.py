"""Where a story was filed: the place part of a dateline, never its date.

Datelines carry a place, a date or both (`BEIRUT, Oct 14`, `14 oct 2017`,
EFE's `<story.date>20170102T222800+0000</story.date>`, NewsML 1.2
`<DateLine>Oct 14</DateLine>`), so every candidate for `located` goes through
`place`: a value that reads as a date or a time is not a place."""

from __future__ import annotations

import re

from workers.parsers.fields import parse_datetime
from workers.text.dateline import split_dateline
from workers.text.months import MONTHS


def _words(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


WEEKDAYS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun
    lundi mardi mercredi jeudi vendredi samedi dimanche
    lunes martes miércoles miercoles jueves viernes sábado sabado domingo
    segunda terça terca quarta quinta sexta
    lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi sabato
    montag dienstag mittwoch donnerstag freitag samstag sonntag
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    mandag tirsdag onsdag torsdag fredag lørdag søndag måndag tisdag lördag söndag
    الأحد الاحد الإثنين الاثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت
    """
)
CLOCK_WORDS = _words(
    """
    gmt utc z cet cest eet eest est edt cst cdt mst mdt pst pdt bst ist mez mesz am pm h
    de of the le el del den der du à a at on um kl
    الأول الاول الثاني
    """
)
"""Zones, and the small words of dates (`14 de octubre`, `the 14th of October`)."""

_NUMERIC = re.compile(r"^\d+(?:st|nd|rd|th|er|e|ème|º|ª|o|a|\.)?$|^\d+[:h.]\d*$|^\d+(?:am|pm)$")
_WORDS = re.compile(r"[^\s,;()]+")
_EDGE_PUNCTUATION = " \t\n-–—:,;.()[]«»\"'/"
_PLACE_SPLIT = re.compile(r"[,،;]|\s[-–—]\s")


def _is_date_word(token: str) -> bool:
    word = token.strip(_EDGE_PUNCTUATION).lower()
    return bool(word) and (
        bool(_NUMERIC.match(word)) or word in MONTHS or word in WEEKDAYS or word in CLOCK_WORDS
    )


def _is_anchor(token: str) -> bool:
    """A word that makes a run of date words a date: a number, a month or a weekday."""
    word = token.strip(_EDGE_PUNCTUATION).lower()
    return any(c.isdigit() for c in word) or word in MONTHS or word in WEEKDAYS


def looks_like_date(value: str) -> bool:
    """`20170102T222800+0000`, `14 oct 2017`, `Oct. 14`, `Saturday`, `10:30 GMT`, `١٤ أكتوبر`."""
    if parse_datetime(value) is not None:
        return True
    tokens = _WORDS.findall(value)
    return bool(tokens) and all(map(_is_date_word, tokens)) and any(map(_is_anchor, tokens))


def _dated_run(tokens: list[str]) -> int:
    """Length of the run of date words opening `tokens`, when the run holds a number."""
    run = 0
    while run < len(tokens) and _is_date_word(tokens[run]):
        run += 1
    return run if any(c.isdigit() for token in tokens[:run] for c in token) else 0


def _without_dated_ends(value: str) -> str:
    """`BEIRUT Oct 14` -> `BEIRUT`: dated runs of words are cut from both ends."""
    tokens = value.split()
    tokens = tokens[_dated_run(tokens) :]
    tokens = tokens[: len(tokens) - _dated_run(tokens[::-1])]
    return " ".join(tokens)


def place(value: str | None) -> str | None:
    """`value` as a place name, or None when it is empty, a date or a time."""
    if not value:
        return None
    cleaned = " ".join(value.split()).strip(_EDGE_PUNCTUATION)
    if not cleaned or not any(c.isalpha() for c in cleaned) or looks_like_date(cleaned):
        return None
    return _without_dated_ends(cleaned) or None


def first_place(*values: str | None) -> str | None:
    """The first of `values` that is a place."""
    for value in values:
        found = place(value)
        if found:
            return found
    return None


def place_of_dateline(dateline: str | None) -> str | None:
    """`BEIRUT, Oct 14`, `PARIS (AFP) -`, `14 oct 2017, BEYROUTH` -> the place; None for a date."""
    if not dateline:
        return None
    parsed, _ = split_dateline(dateline)
    if parsed and place(parsed.place):
        return place(parsed.place)
    before_agency = re.split(r"[(（]", dateline, maxsplit=1)[0]
    return first_place(*_PLACE_SPLIT.split(before_agency))


def located_from_body(body_text: str) -> str | None:
    dateline, _ = split_dateline(body_text.split("\n\n", 1)[0])
    return place(dateline.place) if dateline else None
