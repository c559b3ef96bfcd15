"""One automaton pass over the normalized text: entity matches (case-checked against
the original for Latin keys, overlaps resolved longest-leftmost) and trigger hits."""

from __future__ import annotations

from dataclasses import dataclass

from workers.gazetteer.align import Alignment
from workers.gazetteer.build import Gazetteer
from workers.gazetteer.model import Case, Kind, Match


@dataclass(slots=True)
class Scan:
    matches: list[Match]
    triggers: list[Match]
    alignment: Alignment


def _case_ok(alignment: Alignment, start: int, end: int, case: Case) -> bool:
    if case == Case.TITLE:
        return alignment.first_char(start).isupper()
    return all(c.isupper() for c in alignment.surface(start, end) if c.isalpha())


def scan(gazetteer: Gazetteer, original: str, normalized: str) -> Scan:
    alignment = Alignment(original, normalized)
    infos = gazetteer.keys
    candidates: list[tuple[int, int, int, Kind]] = []
    triggers: list[Match] = []
    for end, index in gazetteer.automaton.iter(f" {normalized} "):
        info = infos[index]
        start = end - info.length + 1
        if info.kind == Kind.TRIGGER:
            triggers.append(Match(info.entry, start, end - 1, info.kind))
        elif info.case == Case.ANY or _case_ok(alignment, start, end - 1, info.case):
            candidates.append((start, start - end, info.entry, info.kind))
    candidates.sort()
    matches: list[Match] = []
    last_end = -1
    for start, negative_length, entry, kind in candidates:
        if start >= last_end:
            last_end = start - negative_length - 1
            matches.append(Match(entry, start, last_end, kind))
    return Scan(matches, triggers, alignment)
