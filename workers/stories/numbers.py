"""Numbers of an article as evidence of its event: casualty counts, scores,
amounts and magnitudes, each with the words around it.

A number is kept as written with its separators unified (`5,9` and `5.9` are one
number, as are `4,000` and `4.000`), so French and English copy of one event
agree. Years are time, not event, and the dateline's own date is left out.
Number words from two to fifty count as their digits ("three dead" agrees with
"3 dead")."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from workers.text.normalize import normalize_text

TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")

_NUMBER_WORDS = {
    "en": (
        "two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty",
        {"thirty": 30, "forty": 40, "fifty": 50},
    ),
    "fr": (
        "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
        "quinze seize dix-sept dix-huit dix-neuf vingt",
        {"trente": 30, "quarante": 40, "cinquante": 50},
    ),
    "ar": (
        "اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة",
        {"ثلاث": 3, "أربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثماني": 8, "تسع": 9, "عشر": 10,
         "اثنين": 2, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40,
         "أربعين": 40, "خمسون": 50, "خمسين": 50},
    ),
}  # fmt: skip


@cache
def number_words() -> dict[str, str]:
    """Normalized number word -> its digits, in every language (no word is two numbers)."""
    table: dict[str, str] = {}
    for counted, others in _NUMBER_WORDS.values():
        for value, word in enumerate(counted.split(), start=2):
            table[normalize_text(word).replace(" ", "-")] = str(value)
        for word, value in others.items():
            table[normalize_text(word)] = str(value)
    return table


@cache
def _word(token: str) -> str:
    return normalize_text(token)


def canonical_number(written: str) -> str:
    digits = "".join(str(unicodedata.digit(c)) if c.isdigit() else "." for c in written)
    return digits.strip(".")


def is_year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2100


@dataclass(frozen=True, slots=True)
class Numbers:
    values: frozenset[str]
    """Every number of the text, from digits or number words."""
    slots: frozenset[tuple[str, str, str]]
    """(word before, word after, number) of each number written in digits: two
    reports of one template hold different numbers in the same slots."""


def numbers_of(text: str, skip: str = "") -> Numbers:
    """The numbers of `text`; `skip` (the dateline as written) is left out once."""
    if skip:
        text = text.replace(skip, " ", 1)
    tokens = TOKEN.findall(unicodedata.normalize("NFKC", text))
    words = number_words()
    values: set[str] = set()
    slots: set[tuple[str, str, str]] = set()
    for index, token in enumerate(tokens):
        if token[0].isdigit():
            number = canonical_number(token)
            if not number or is_year(number):
                continue
            values.add(number)
            before = _word(tokens[index - 1]) if index else ""
            after = _word(tokens[index + 1]) if index + 1 < len(tokens) else ""
            slots.add((before, after, number))
        else:
            value = words.get(_word(token))
            if value is not None:
                values.add(value)
    return Numbers(frozenset(values), frozenset(slots))
