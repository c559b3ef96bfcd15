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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from workers.text.normalize import normalize_text

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NEXT_WORD = re.compile(r"[\W_]*([^\W\d_]+)")
"""The word after a number past punctuation and spaces; matched on the text before
the number reversed, the word before it."""
CONTEXT_CHARS = 40
"""How far before and after a number its slot's words are looked for."""

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
    if written.isascii():
        return written.replace(",", ".")
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


def numbers_of(text: str, words: Iterable[str] = (), skip: str = "") -> Numbers:
    """The numbers of `text`, with its number words among `words` (its normalized
    tokens); `skip` (the dateline as written) is left out once."""
    if skip:
        text = text.replace(skip, " ", 1)
    values: set[str] = set()
    slots: set[tuple[str, str, str]] = set()
    for found in NUMBER.finditer(text):
        number = canonical_number(found.group())
        if not number or is_year(number):
            continue
        values.add(number)
        start, end = found.span()
        before = NEXT_WORD.match(text[max(0, start - CONTEXT_CHARS) : start][::-1])
        after = NEXT_WORD.match(text, end, end + CONTEXT_CHARS)
        slots.add(
            (
                _word(before.group(1)[::-1]) if before else "",
                _word(after.group(1)) if after else "",
                number,
            )
        )
    table = number_words()
    values.update(table[word] for word in set(words) & table.keys())
    return Numbers(frozenset(values), frozenset(slots))
