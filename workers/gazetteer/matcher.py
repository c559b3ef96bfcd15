"""One automaton pass over the normalized text: entity matches (case-checked against
the original for Latin keys, overlaps resolved longest-leftmost) and trigger hits."""

from __future__ import annotations

from dataclasses import dataclass

from workers.gazetteer.align import Alignment
from workers.gazetteer.build import Gazetteer
from workers.gazetteer.model import Case, Kind, Match

_TRIGGER = Kind.TRIGGER
_TITLE = Case.TITLE


@dataclass(slots=True)
class Scan:
    matches: list[Match]
    triggers: list[Match]
    alignment: Alignment


def _case_ok(alignment: Alignment, start: int, end: int, case: Case) -> bool:
    if case == _TITLE:
        return alignment.first_char(start).isupper()
    surface = alignment.surface(start, end)
    if surface.isascii():
        return surface == surface.upper()  # no lower-case letter
    return all(c.isupper() for c in surface if c.isalpha())


def scan(gazetteer: Gazetteer, original: str, normalized: str) -> Scan:
    alignment = Alignment(original, normalized)
    infos = gazetteer.keys
    candidates: list[tuple[int, int, int]] = []
    triggers: list[Match] = []
    for end, index in gazetteer.automaton.iter(f" {normalized} "):
        info = infos[index]
        start = end - info.length + 1
        if info.kind == _TRIGGER:
            triggers.append(Match(info.entry, start, end - 1, info.kind))
        else:
            candidates.append((start, start - end, index))
    candidates.sort()
    matches: list[Match] = []
    last_end = -1
    for start, negative_length, index in candidates:
        if start >= last_end:
            # a key failing its case rule is no match and leaves room for a shorter one
            info = infos[index]
            end = start - negative_length - 1
            if info.case and not _case_ok(alignment, start, end, info.case):
                continue
            last_end = end
            matches.append(Match(info.entry, start, end, info.kind))
    return Scan(matches, triggers, alignment)
