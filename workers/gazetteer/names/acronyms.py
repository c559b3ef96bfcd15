"""Acronyms: one in brackets right after a name ("(UGTT)") is another form of it, and
its later mentions count; one whose expansion the text spells out is that body."""

from __future__ import annotations

from dataclasses import replace

from workers.gazetteer.names.rules import ACRONYM_LETTERS, WORD_JOINS, Name, NameRules
from workers.gazetteer.names.word_shapes import HYPHEN
from workers.text.arabic import (
    is_arabic,
)
from workers.text.normalize import normalize_text
from workers.text.tokens import Tokens


def with_acronym(text: Tokens, name: Name) -> Name:
    """`name` with the acronym in brackets right after it, if any: "(UGTT)"."""
    if name.type != "organisation" or name.last >= len(text.words):
        return name
    analysis = text.analysis
    end = analysis.span(name.first, name.last).end
    following = analysis.span(name.last, name.last + 1)
    first, after = following.start, following.end
    written = analysis.surface(name.last, name.last + 1)
    letters = [c for c in written if c.isalpha()]
    if (
        analysis.original[end:first].strip() == "("
        and analysis.original[after : after + 1] == ")"
        and len(letters) in ACRONYM_LETTERS
        and all(c.isupper() for c in letters)
    ):
        return replace(name, acronym=written)
    return name


ACRONYM_SKIPPED = frozenset({"a", "au", "aux", "en", "in", "at", "sur", "contre"})
"""Function words an acronym leaves out, besides the links of names ("Groupe de
soutien à l'islam et aux musulmans (GSIM)")."""


def spelled_out(rules: NameRules, text: Tokens, found: list[Name]) -> list[Name]:
    """`found` with the organisations an acronym in brackets spells out: the words
    before "(SNIM)" whose initials, function words left out, are its letters
    ("Société nationale industrielle et minière (SNIM)"). Such a name replaces a
    shorter one found inside it; one found from its structure that ends at the
    bracket keeps its own boundaries. Latin script only."""
    original = text.analysis.original
    bracket = original.find("(")
    if bracket < 0:
        return found
    added: list[Name] = []
    while bracket >= 0:
        name = _spelled_before(rules, text, original, bracket)
        if (
            name is not None
            and not any(n.first <= name.first and n.last == name.last for n in found)
            # the letters it spells make it a body of its own, whatever known body its
            # words hold ("United Nations Office on Drugs and Crime (UNODC)")
            and name.name not in rules.keys
        ):
            added.append(name)
        bracket = original.find("(", bracket + 1)
    if not added:
        return found
    kept = [n for n in found if not any(a.first <= n.first and n.last <= a.last for a in added)]
    return sorted([*kept, *added], key=lambda n: n.first)


def _acronym_cased(written: str) -> bool:
    """Written as an acronym: in capitals ("OCRTIS"), or as French copy writes a long
    one, capitalised only ("Ocrtis"); the initials it must spell tell it from a word."""
    return written.isupper() or (
        len(written) >= MIN_CAPITALISED_ACRONYM and written[0].isupper() and written[1:].islower()
    )


MIN_CAPITALISED_ACRONYM = 4


def _spelled_before(rules: NameRules, text: Tokens, original: str, bracket: int) -> Name | None:
    """The organisation whose initials the acronym opening at character `bracket` of
    `original` (the analysis's text) spells, ending right before the bracket, if any."""
    analysis, words = text.analysis, text.words
    inside = original[bracket + 1 : bracket + 2 + ACRONYM_LETTERS.stop]
    closing = inside.find(")")
    if closing < ACRONYM_LETTERS.start or not _acronym_cased(inside[:closing]):
        return None
    # the acronym's last letter is the initial of the word before the bracket
    before = original[max(0, bracket - 30) : bracket].split()
    word = before[-1] if before else ""
    for mark in WORD_JOINS:
        word = word.rsplit(mark, 1)[-1]
    initial = word[:1].lower()
    last = inside[closing - 1].lower()
    if initial != last and (initial.isascii() or normalize_text(initial) != last):
        return None
    content = inside[:closing]
    letters = (
        "".join(c for c in content.lower() if c != HYPHEN)
        if content.isascii()
        else normalize_text(content)
    )
    if letters in rules.keys:
        return None
    low, high = 0, len(words)
    while low < high:  # the first token that starts after the bracket
        middle = (low + high) // 2
        if analysis.span(middle, middle + 1).start <= bracket:
            low = middle + 1
        else:
            high = middle
    acronym = low
    if acronym == 0 or acronym >= len(words) or words[acronym - 1].isdigit():
        return None
    # its parts may be joined by hyphens ("(DAP-K)", "(SPLM-IO)")
    end = acronym + 1
    while end < len(words) and original[analysis.span(end - 1, end).end] == HYPHEN:
        end += 1
    span = analysis.span(acronym, end)
    written = original[span.start : span.end]
    if (
        span.start != bracket + 1
        or original[span.end : span.end + 1] != ")"
        or original[analysis.span(acronym - 1, acronym).end : bracket].strip()
        or len(letters) not in ACRONYM_LETTERS
        or not (written.replace(HYPHEN, "").isalpha() and _acronym_cased(written))
        or "".join(words[acronym:end]) != letters
    ):
        return None
    remaining = len(letters)
    index = acronym - 1
    while remaining and index >= 0 and (index == acronym - 1 or text.joined(index)):
        word = words[index]
        if word in rules.links or word in ACRONYM_SKIPPED:
            index -= 1
            continue
        if word[:1] != letters[remaining - 1] or not word.isalpha():
            return None
        remaining -= 1
        index -= 1
    first = index + 1
    if (
        remaining
        # French copy writes a head in lower case: "le centre hospitalier universitaire
        # Sourô Sanou (CHUSS)"
        or not (text.caps[first] or words[first] in rules.latin_head_words)
        or acronym - first < 2
        or is_arabic(words[first])
    ):
        return None
    return Name("organisation", " ".join(words[first:acronym]), first, acronym, written)
