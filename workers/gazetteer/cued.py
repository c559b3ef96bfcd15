"""Countries whose Arabic name is also an ordinary word ("مالي" is also "financial"):
never a key, the country only where the text says a place is meant. That is after a
preposition or a word of direction ("في مالي", "شمال مالي", "بمالي"), or beside
another place in a list ("السنغال ومالي", "مالي والنيجر"). The names and the words
are `cued_countries` and `cued_by` in `place_words.toml`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newswire_text import WordSet

from workers.gazetteer.model import Entry
from workers.gazetteer.names.rules import NameRules
from workers.gazetteer.sources import COUNTRY_PREFIX
from workers.text.arabic import AND, ARTICLE, CUE_PROCLITICS
from workers.text.normalize import normalize_text
from workers.text.tokens import Tokens

IN = "ب"
"""The proclitic that says "in" on the name itself ("بمالي")."""


@dataclass(frozen=True, slots=True)
class CuedCountries:
    words: WordSet
    """Every written form of the names (with their proclitics), found in one pass."""
    forms: dict[str, tuple[str, int]]
    """A written form -> its proclitic and the country's entry."""
    cued_by: frozenset[str]
    adjectives: dict[str, int] = field(default_factory=dict)
    """The countries' masculine adjectives ("المالي": Malian or financial) -> the
    country's entry: its people's before a person's name (`cued_before_people`)."""
    roles: frozenset[str] = frozenset()
    """Offices after which the adjective is the other word's ("المدير المالي")."""


def cued_countries(
    document: dict[str, Any], entries: list[Entry], country_ids: dict[str, str]
) -> CuedCountries:
    """The cued names of `place_words.toml`'s Arabic section, each with the entry of
    the country whose ISO code it gives (`country_ids`: code -> entry id)."""
    section = document.get("ar", {})
    index_of = {entry.id: index for index, entry in enumerate(entries)}
    forms: dict[str, tuple[str, int]] = {}
    adjectives: dict[str, int] = {}
    for name, code in section.get("cued_countries", {}).items():
        entry = index_of.get(country_ids.get(code, f"{COUNTRY_PREFIX}{code}"))
        if entry is None:
            raise ValueError(f"place_words.toml: cued country {name!r}: no country {code!r}")
        for clitic in CUE_PROCLITICS:
            forms[clitic + normalize_text(name)] = (clitic, entry)
        # the masculine only: "وزير المالية" is the minister of finance
        adjectives[ARTICLE + normalize_text(name)] = entry
    return CuedCountries(
        words=WordSet(sorted(forms)),
        forms=forms,
        cued_by=frozenset(normalize_text(w) for w in section.get("cued_by", [])),
        adjectives=adjectives,
        roles=frozenset(normalize_text(w) for w in section.get("cued_adjective_roles", [])),
    )


def cued_before_people(
    cued: CuedCountries, text: Tokens, people: Iterable[int]
) -> list[tuple[int, int]]:
    """The countries whose adjective stands right before a person's name that opens at
    one of the tokens `people` ("البديل المالي سيدو كوناتي": the Malian substitute),
    as (entry, token); not after an office the other word qualifies ("المدير المالي")."""
    words = text.words
    return [
        (entry, first - 1)
        for first in people
        if first > 0
        and text.joined(first - 1)
        and (entry := cued.adjectives.get(words[first - 1])) is not None
        and not (first > 1 and text.joined(first - 2) and words[first - 2] in cued.roles)
    ]


def find_cued(cued: CuedCountries, rules: NameRules, text: Tokens) -> list[tuple[int, int]]:
    """The mentions of cued countries the context makes places, as (entry, token)."""
    hits = cued.words.find(text.analysis)
    if not hits:
        return []
    words, count = text.words, len(text.words)
    found: list[tuple[int, int]] = []
    for hit in hits:
        clitic, entry = cued.forms[words[hit]]
        before = words[hit - 1] if hit > 0 and text.joined(hit - 1) else None
        after = words[hit + 1] if hit + 1 < count and text.joined(hit) else None
        if (
            clitic.endswith(IN)
            or (before is not None and before in cued.cued_by)
            or (clitic.startswith(AND) and hit > 0 and _place(rules, words[hit - 1]))
            or (after is not None and after.startswith(AND) and _place(rules, after))
        ):
            found.append((entry, hit))
    return found


def _place(rules: NameRules, word: str) -> bool:
    """A known place's name, "و" on it or not ("السنغال", "والنيجر")."""
    return word in rules.place_keys or (
        word.startswith(AND) and word[len(AND) :] in rules.place_keys
    )
