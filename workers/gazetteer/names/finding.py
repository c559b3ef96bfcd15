"""The one walk over a text's tokens that finds names (`find_names`): it starts only
at head nouns, given names, kinds and demonyms, and leaves to the gazetteer any name
it knows (`known`)."""

from __future__ import annotations

from collections.abc import Sequence

from newswire_text import Analysis

from workers.gazetteer.names.acronyms import spelled_out, with_acronym
from workers.gazetteer.names.arabic_bodies import arabic_organisation, with_ali
from workers.gazetteer.names.bodies import (
    after_kind,
    after_possessive,
    before_kind,
    beside_role,
    organisation_at,
)
from workers.gazetteer.names.latin import COORDINATORS, FRENCH_IN
from workers.gazetteer.names.people import (
    after_arabic_demonym,
    after_demonym,
    another_family,
    named_before_father,
    person_at,
)
from workers.gazetteer.names.rules import POSSESSIVE, SONSHIP, TITLE_CASE_SHARE, Name, NameRules
from workers.gazetteer.names.word_shapes import IN_ARABIC, nisba
from workers.text.arabic import (
    AND,
    is_arabic,
)
from workers.text.normalize import normalize_text
from workers.text.tokens import Tokens


def find_names(rules: NameRules, text: Tokens, language: str | None) -> list[Name]:
    """Organisations and people in the text, in order, none that the gazetteer knows
    (`_known`)."""
    hits = rules.starts.find(text.analysis)
    if not hits:
        return spelled_out(rules, text, [])
    skip = _title_case_headline(text) if _in_headline(text.analysis, hits[0]) else 0
    found: list[Name] = []
    covered = -1
    words, caps, kinds, side = text.words, text.caps, rules.kinds[None], rules.side_starts
    kinds_after, arabic = rules.kinds_after, language == "ar"
    latin_heads = rules.latin_head_words
    for index in hits:
        if index < skip or index < covered:
            continue
        word = words[index]
        if arabic:
            if word in SONSHIP:
                name = named_before_father(rules, text, index, max(covered, skip))
            elif word in rules.arabic_demonyms:
                name = after_arabic_demonym(rules, text, index)
            elif word in rules.arabic_heads:
                name = arabic_organisation(rules, text, index) or person_at(rules, text, index)
            elif _town_after_in(rules, text, index):
                continue
            else:
                name = person_at(rules, text, index)
        elif (
            not caps[index]
            and word in rules.appositions.get(language or "", ())
            and word not in kinds
            and word not in kinds_after
        ):
            name = beside_role(rules, text, index)
        elif not caps[index] and (word in kinds or word in kinds_after):
            name = after_kind(rules, text, index, language) if word in kinds else None
            if name is None and language != "fr" and word in kinds_after:
                name = before_kind(rules, text, index)
        elif word in side:
            if word == POSSESSIVE:
                name = after_possessive(rules, text, index) if language != "fr" else None
            else:
                name = after_demonym(rules, text, index) if language == "fr" else None
        elif word in latin_heads or word in rules.arabic_heads:
            name = organisation_at(rules, text, index, language) or person_at(rules, text, index)
        elif caps[index] or word in rules.given_arabic or word in rules.openers_arabic:
            name = person_at(rules, text, index)
        else:
            continue
        if name is not None and name.first >= covered:
            covered = name.last
            if not _known(rules, text, name, language):
                found.append(with_acronym(text, name))
    if arabic:
        found = [with_ali(text, n) if n.type == "person" else n for n in found]
    found = spelled_out(rules, text, found)
    acronyms = {normalize_text(n.acronym) for n in found if n.acronym is not None}
    if acronyms:  # "the miner SNIM" after "... (SNIM)": the same body
        found = [n for n in found if n.acronym is not None or n.name not in acronyms]
    return found


def _town_after_in(rules: NameRules, text: Tokens, index: int) -> bool:
    """Token `index` opens a town's name after "في": a word many towns' names open
    with, as a person's may ("في سيدي يحيى الغرب", "Sidi" of a saint's town)."""
    return (
        index > 0
        and text.words[index] in rules.toponym_prefixes
        and text.words[index - 1].removeprefix(AND) == IN_ARABIC
        and text.joined(index - 1)
    )


EXTENSION_WORDS = 3
"""How far past a name to look for the known name it may be the start of; a Latin
one, its links written out, up to `LATIN_EXTENSION_WORDS` ("Groupe de soutien" of
"Groupe de soutien à l'islam et aux musulmans")."""

LATIN_EXTENSION_WORDS = 6


def _known(rules: NameRules, text: Tokens, name: Name, language: str | None) -> bool:
    """Whether the gazetteer has the name: as a key; for an organisation, a known body
    inside it ("مكتب الأمم المتحدة"), not a person it is named after, or a known body
    it only begins ("صندوق النقد" of "صندوق النقد الدولي"); for a person, any known name of two
    words or more inside it but a father's after "بن" or "بنت", or one known person's
    word ("Dagalo"), unless a family's nisba follows that name. A head-first
    name (Arabic, French) that goes on past a known body of two words or more it
    opens with is another body ("التجمع الوطني الديمقراطي", "Rassemblement national
    des indépendants"), unless a country's adjective alone follows it ("حزب الله
    اللبناني")."""
    if name.name in rules.keys:
        return True
    if name.type == "place":
        return False  # an airport named after a known person or town is neither
    words = name.name.split(" ")
    count = len(words)
    person = name.type == "person"
    arabic = is_arabic(name.name)
    head_first = not person and (language == "fr" or arabic)
    body_keys, keys = rules.body_keys, rules.keys
    for size in range(1 if not person else 2, count):
        for start in range(count - size + 1):
            if (
                start == 0
                and size > 1
                and head_first
                and words[size] not in COORDINATORS
                and not all(nisba(w) and w in rules.place_keys for w in words[size:])
            ):
                continue
            part = " ".join(words[start : start + size])
            if size == 1 and part in FRENCH_IN:
                continue  # "au" of "... au Liban" is no African Union
            if (
                size == 1
                and start > 0
                and start + size == count
                and not head_first
                and part in rules.latin_head_words
            ):
                continue  # "Uganda People's Congress" is no US Congress: its head
            if person and start > 0 and words[start - 1] in SONSHIP:
                continue  # the father's name ("المياسة بنت حمد بن خليفة آل ثاني")
            if person and start == 0 and another_family(rules, words, size):
                continue
            if (part in body_keys and (person or part not in rules.person_keys)) or (
                size > 1 and person and part in keys
            ):
                return True
    return begins_known_body(rules, text, words, name.last, arabic)


def begins_known_body(
    rules: NameRules, text: Tokens, name: Sequence[str], last: int, arabic: bool
) -> bool:
    """Whether the words of `name`, ending before token `last`, run on into a known
    body's name ("Renaissance" of "Renaissance sportive de Berkane")."""
    words, following = list(name), last
    for _ in range(EXTENSION_WORDS if arabic else LATIN_EXTENSION_WORDS):
        if following >= len(text.words) or not text.joined(following - 1):
            break
        words.append(text.words[following])
        following += 1
        if " ".join(words) in rules.body_keys:
            return True
    return False


def _in_headline(analysis: Analysis, index: int) -> bool:
    end = analysis.original.find("\n")
    return end >= 0 and analysis.span(index, index + 1).start < end


def _title_case_headline(text: Tokens) -> int:
    """The first token after the headline when the headline is in title case
    ("Ahly Club Beats Sundowns"), whose capitals say nothing about names; else 0."""
    low = text.body
    latin = [i for i in range(low) if text.words[i].isascii() and len(text.words[i]) > 3]
    capitals = sum(1 for i in latin if text.caps[i])
    return low if latin and capitals / len(latin) > TITLE_CASE_SHARE else 0
