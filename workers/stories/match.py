"""How strongly an article's event signature says it reports the event of an
earlier one (docs/ARCHITECTURE.md, Stories). Pure functions.

Evidence is what the two share, each thing weighted by its rarity among the
window's stories (a feature held by `df` stories weighs 1/df): people most,
then organisations and places, numbers (casualty counts, scores, amounts,
magnitudes; a single digit weighs half), salient words a little, the dateline
place and the primary topic least. Against it: slots of a template (the same
word before and after) that hold different numbers, as two market closes, two
quake bulletins or two results of one competition do."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from workers.stories.signature import FEATURE_KEYS, EventSignature

PERSON = 3.0
ORGANISATION = 1.5
PLACE = 1.0
NUMBER = 2.0
DIGIT = 1.0
WORD = 0.3
WORDS_AT_MOST = 3.0
DATELINE = 0.5
TOPIC = 0.5
CONFLICT = 1.5
MAX_CONFLICTS = 1
"""Template slots with different numbers a report of the same event may still have
(a toll revised between two reports); beyond it, never the same event."""

ROUNDING = 1e-9
"""Room left for float rounding when a score's bound is compared with the threshold."""


Rarity = Callable[[str], float]
"""A feature's weight among the window's stories (1/df), by its key (`EventSignature.features`)."""


def every_feature_rare(feature: str) -> float:
    return 1.0


@dataclass(frozen=True, slots=True)
class Evidence:
    entities: float
    numbers: float
    words: float
    context: float
    conflicts: int
    specific: bool
    """They share a person, or numbers worth at least one number of two digits."""

    @property
    def score(self) -> float:
        return self.entities + self.numbers + self.words + self.context - CONFLICT * self.conflicts


def number_weight(number: str) -> float:
    return DIGIT if len(number) == 1 else NUMBER


@lru_cache(maxsize=16384)
def _by_slot(slots: frozenset[tuple[str, str, str]]) -> dict[tuple[str, str], frozenset[str]]:
    """The numbers each template slot holds; a member's are grouped once, for every
    article compared with it."""
    held: dict[tuple[str, str], set[str]] = {}
    for before, after, number in slots:
        held.setdefault((before, after), set()).add(number)
    return {slot: frozenset(numbers) for slot, numbers in held.items()}


def conflicts(a: Iterable[tuple[str, str, str]], b: Iterable[tuple[str, str, str]]) -> int:
    """Template slots holding a different number in each (a slot holding the same
    number in both as well is no conflict)."""
    held_a, held_b = _by_slot(frozenset(a)), _by_slot(frozenset(b))
    return sum(
        1 for slot, numbers in held_a.items() if slot in held_b and not numbers & held_b[slot]
    )


@dataclass(frozen=True, slots=True)
class Shared:
    """What two signatures both hold, taken once for the bound and the evidence."""

    people: frozenset[str]
    organisations: frozenset[str]
    places: frozenset[str]
    words: frozenset[str]
    numbers: frozenset[str]

    @classmethod
    def of(cls, a: EventSignature, b: EventSignature) -> Shared:
        return cls(
            a.people & b.people,
            a.organisations & b.organisations,
            a.places & b.places,
            a.words & b.words,
            a.numbers & b.numbers,
        )

    def within_reach(self, threshold: float) -> bool:
        """Whether the two could report one event at all: they share a person or a
        number (else nothing specific), and their evidence would reach `threshold`
        if every feature they share were held by one story alone (rarity never
        weighs more than 1). A cheap test before weighing by rarity."""
        if not self.people and not self.numbers:
            return False
        bound = (
            PERSON * len(self.people)
            + ORGANISATION * len(self.organisations)
            + PLACE * len(self.places)
            + sum(number_weight(n) for n in self.numbers)
            + min(WORDS_AT_MOST, WORD * len(self.words))
            + DATELINE
            + TOPIC
        )
        return bound >= threshold - ROUNDING


@dataclass(frozen=True, slots=True)
class Weights:
    """An article's features weighed by rarity once, for every signature it is
    compared with."""

    people: Mapping[str, float]
    organisations: Mapping[str, float]
    places: Mapping[str, float]
    words: Mapping[str, float]
    numbers: Mapping[str, float]

    @classmethod
    def of(cls, signature: EventSignature, rarity: Rarity) -> Weights:
        return cls(
            *({x: rarity(key + x) for x in getattr(signature, kind)} for kind, key in FEATURE_KEYS)
        )


def evidence(a: EventSignature, b: EventSignature, rarity: Rarity = every_feature_rare) -> Evidence:
    return _weigh(Shared.of(a, b), a, b, Weights.of(a, rarity))


def _weigh(shared: Shared, a: EventSignature, b: EventSignature, weights: Weights) -> Evidence:
    people = sum(weights.people[x] for x in shared.people)
    entities = (
        PERSON * people
        + ORGANISATION * sum(weights.organisations[x] for x in shared.organisations)
        + PLACE * sum(weights.places[x] for x in shared.places)
    )
    numbers = sum(number_weight(n) * weights.numbers[n] for n in shared.numbers)
    words = min(WORDS_AT_MOST, WORD * sum(weights.words[x] for x in shared.words))
    context = (DATELINE if a.dateline and a.dateline == b.dateline else 0.0) + (
        TOPIC if a.topic and a.topic == b.topic else 0.0
    )
    rarest = max((weights.numbers[n] for n in shared.numbers), default=1.0)
    return Evidence(
        entities=entities,
        numbers=numbers,
        words=words,
        context=context,
        conflicts=conflicts(a.slots, b.slots),
        specific=people > 0 or numbers >= NUMBER * min(1.0, rarest),
    )


@dataclass(frozen=True, slots=True)
class MatchRules:
    window_seconds: float
    threshold: float


def same_event(
    a: EventSignature, b: EventSignature, rules: MatchRules, rarity: Rarity
) -> float | None:
    """The score of `a` against `b` when they report one event, else None."""
    return _same_event(a, b, rules, Weights.of(a, rarity))


def _same_event(
    a: EventSignature, b: EventSignature, rules: MatchRules, weights: Weights
) -> float | None:
    if abs(a.time - b.time) > rules.window_seconds:
        return None
    shared = Shared.of(a, b)
    if not shared.within_reach(rules.threshold):
        return None
    found = _weigh(shared, a, b, weights)
    if found.conflicts > MAX_CONFLICTS or not found.specific or found.score < rules.threshold:
        return None
    return found.score


def contradicts(signature: EventSignature, members: Iterable[EventSignature]) -> bool:
    """Every member holds other numbers than `signature` in the same template slots."""
    listed = list(members)
    return bool(listed) and all(
        conflicts(signature.slots, member.slots) > MAX_CONFLICTS for member in listed
    )


def best_story(
    signature: EventSignature,
    stories: Mapping[str, Iterable[EventSignature]],
    rules: MatchRules,
    rarity: Rarity,
) -> str | None:
    """The story whose best member reports the same event most strongly; ties go
    to the smallest story id, so every worker picks the same one."""
    best: tuple[float, str] | None = None
    weights = Weights.of(signature, rarity)
    for story, members in sorted(stories.items()):
        for member in members:
            score = _same_event(signature, member, rules, weights)
            if score is not None and (best is None or score > best[0]):
                best = (score, story)
    return None if best is None else best[1]
