"""The records the gazetteer is built from and the matches it reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from workers.models import EntityType

LANGUAGES = ("ar", "en", "fr")


class Case(IntEnum):
    """What the original (unfolded) text must look like for a Latin-script key to count."""

    ANY = 0
    TITLE = 1  # first letter upper case: "Nice", "Chad", "Turkey"
    UPPER = 2  # acronym written in capitals: "US", "UN", "EI"


class Kind(IntEnum):
    NAME = 0
    ADJECTIVE = 1  # nisba / demonym: "السوري", "Syrian", "syrienne"


@dataclass(slots=True)
class Entry:
    """One canonical entity: names per language (first is the display name) and aliases."""

    id: str
    type: EntityType
    names: dict[str, list[str]] = field(default_factory=dict)
    adjectives: dict[str, list[str]] = field(default_factory=dict)
    # Higher wins when two entries claim the same key: curated 3, countries 2, cities 1.
    priority: int = 3
    weight: float = 0.0  # tie-break among equal priorities (city population)
    confidence: float = 1.0
    # normalized names written in a curated file: matched even if the blocklist has them
    explicit: set[str] = field(default_factory=set)
    country: str | None = None
    """ISO 3166-1 alpha-2 code of a place's country (a country's own code)."""
    ordinary: bool = False
    """A place whose Arabic name is also an everyday word ("الطبقة", the layer; "تدمر",
    destroys): read as a small packaged town is, in a story about its country or after
    a place word."""

    def display_names(self) -> dict[str, str]:
        return {lang: forms[0] for lang, forms in self.names.items() if forms}

    def merge(self, other: Entry) -> None:
        """Add the other entry's names and adjectives after this one's, keeping order."""
        self.explicit |= other.explicit
        self.country = self.country or other.country
        self.ordinary = self.ordinary or other.ordinary
        for target, source in ((self.names, other.names), (self.adjectives, other.adjectives)):
            for lang, forms in source.items():
                mine = target.setdefault(lang, [])
                mine.extend(f for f in forms if f not in mine)


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """What one gazetteer key means. `entry` indexes the gazetteer's entry list."""

    entry: int
    kind: Kind
    case: Case
