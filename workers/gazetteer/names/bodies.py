"""Organisations in any language around a head noun or a kind word: which builder a
head opens (`organisation`), a body named by its kind ("maker Covestro", "le groupe
OCP"), by a possessive ("Spain's Repsol") or beside a role."""

from __future__ import annotations

from workers.gazetteer.names.arabic_bodies import arabic_organisation
from workers.gazetteer.names.latin import (
    COORDINATORS,
    english_organisation,
    french_court,
    french_organisation,
    run_end,
)
from workers.gazetteer.names.people import latin_name_word
from workers.gazetteer.names.place_lists import UPPER
from workers.gazetteer.names.rules import (
    APOSTROPHES,
    FRENCH_ADJECTIVE_ENDINGS,
    POSSESSIVE,
    Name,
    NameRules,
)
from workers.gazetteer.names.word_shapes import HYPHEN, SCHOOL_KINDS, between, glued, inside_run
from workers.text.arabic import (
    is_arabic,
)
from workers.text.tokens import Tokens


def organisation_at(
    rules: NameRules, text: Tokens, index: int, language: str | None
) -> Name | None:
    word = text.words[index]
    if word in rules.arabic_heads:
        return arabic_organisation(rules, text, index)
    heads = rules.latin_heads
    if (
        index + 1 < len(text.words)
        and text.words[index + 1] in COMPASS_POINTS
        and glued(text, index) == HYPHEN
    ):
        return None  # "dans le Centre-Nord": a region named by the compass, no body
    if word in UPPER and glued(text, index) == HYPHEN:
        return None  # "la région du Haut-Katanga", "la Haute-Kotto": a region, no body
    if language == "fr" and not text.caps[index] and word in rules.french_courts:
        return french_court(rules, text, index)
    if language == "fr" and not text.caps[index] and word in rules.french_lower:
        if word in rules.french_lower_named:
            named = _school_named(rules, text, index)
        else:
            named = _capital_next(rules, text, index)
        return french_organisation(rules, text, index) if named else None
    if not text.caps[index] or (word not in heads["en"] and word not in heads["fr"]):
        return None
    if language == "fr" and word in heads["fr"] and not inside_run(rules, text, index):
        return french_organisation(rules, text, index)
    return english_organisation(rules, text, index)


MAX_KIND_NAME_WORDS = 4
MAX_KIND_ADJECTIVES = 2

COMPASS_POINTS = frozenset({"nord", "sud", "est", "ouest", "north", "south", "east", "west"})


def after_kind(rules: NameRules, text: Tokens, index: int, language: str | None) -> Name | None:
    """The capitalised name right after a lower-case noun of its kind ("chemicals
    maker Covestro", "le groupe OCP"), or between commas after it ("the opposition
    coalition, Takku Wallu, said"): up to a given name, a title or a word of the
    trigger stop list; none that holds a head noun (the head finds it), none the
    gazetteer knows or that begins with a known name ("le groupe Etat islamique")."""
    word, words = text.words[index], text.words
    kinds = rules.kinds.get(language)
    if kinds is None or word not in kinds or text.caps[index]:
        return None
    start = index + 1
    while (
        language == "fr"
        and start + 1 < len(words)
        and start - index <= MAX_KIND_ADJECTIVES
        and not text.caps[start]
        and (words[start] in rules.demonyms or words[start].endswith(FRENCH_ADJECTIVE_ENDINGS))
        and text.joined(start - 1)
    ):
        # "le groupe russe Rosatom", "la compagnie aérienne nationale Air Côte d'Ivoire":
        # French says what and whose the body is between its kind and its name
        start += 1
    index = start - 1
    if start >= len(words) or not text.caps[start]:
        return None
    end = min(run_end(rules, text, start), start + MAX_KIND_NAME_WORDS)
    if not text.joined(index) and not (
        between(text, index) == "," and end < len(words) and between(text, end - 1) == ","
    ):
        return None
    last = start
    heads_en, heads_fr = rules.latin_heads["en"], rules.latin_heads["fr"]
    while last < end:
        following = words[last]
        if following in heads_en or following in heads_fr:
            return None
        if (last > start and following in rules.given_latin) or (
            following in rules.stopwords and (last == start or glued(text, last) not in APOSTROPHES)
        ):
            break  # an elided link goes on with the name: "Air Côte d'Ivoire"
        last += 1
    while last > start and words[last - 1] in rules.links:
        last -= 1
    name = words[start:last]
    if not name or (len(name) == 1 and name[0] in rules.common) or is_arabic(name[0]):
        return None
    if name[0] in rules.given_latin or name[0] in rules.demonyms or name[0] in rules.body_keys:
        return None
    # a place may open the name ("le groupe Africa Global Logistics"), a longer known
    # name may not
    if any(" ".join(name[:size]) in rules.keys for size in range(2, len(name))):
        return None
    return Name("organisation", " ".join(name), start, last)


def after_possessive(rules: NameRules, text: Tokens, index: int) -> Name | None:
    """A body named after a country's possessive ("Spain's Repsol", "Egypt's
    Pyramids"): the whole capitalised run after it, with no head noun (the head
    finds it), title, stop word or given name in it, nothing the gazetteer knows
    at its start (a place, a person), no ordinary word alone."""
    words = text.words
    if (
        words[index] != POSSESSIVE
        or index == 0
        or index + 1 >= len(words)
        or not text.joined(index - 1)
        or not text.joined(index)
        or not text.caps[index + 1]
        or not text.caps[index - 1]
        or between(text, index - 1) not in APOSTROPHES
    ):
        return None
    if words[index - 1] not in rules.possessors and (
        index < 2 or " ".join(words[index - 2 : index]) not in rules.possessors
    ):
        return None
    start = index + 1
    last = run_end(rules, text, start)
    for link in range(start + 1, last - 1):
        if words[link] in COORDINATORS and words[link + 1] in rules.possessors:
            last = link  # "Austria's OMV and Norway's Equinor"
            break
    if last - start > MAX_KIND_NAME_WORDS:
        return None
    heads_en, heads_fr = rules.latin_heads["en"], rules.latin_heads["fr"]
    name = words[start:last]
    if any(
        w in heads_en
        or w in heads_fr
        or w in rules.stopwords
        or w in rules.given_latin
        or w in rules.never
        for w in name
    ):
        return None
    if (len(name) == 1 and name[0] in rules.common) or name[0] in rules.demonyms:
        return None
    if any(" ".join(name[:size]) in rules.keys for size in range(1, len(name) + 1)):
        return None
    return Name("organisation", " ".join(name), start, last, yields=True)


def before_kind(rules: NameRules, text: Tokens, index: int) -> Name | None:
    """The capitalised name right before an English noun of its kind ("the Rudaw news
    network", "SAfm radio"), a modifier between them allowed: no title, given name,
    head noun or nationality in it, nothing the gazetteer knows at its start, no
    ordinary word alone."""
    words, caps = text.words, text.caps
    last = index
    if last > 0 and not caps[last - 1] and words[last - 1] in rules.kind_modifiers:
        last -= 1
    if last == 0 or not text.joined(last - 1) or not caps[last - 1]:
        return None
    first = last - 1
    while first > 0 and text.joined(first - 1) and caps[first - 1]:
        first -= 1
        if last - first > MAX_KIND_NAME_WORDS:
            return None
    if first > 0 and text.joined(first - 1) and words[first - 1] == POSSESSIVE:
        return None  # "National People's Power alliance": the end of a longer name
    while first < last and words[first] in rules.leading:
        first += 1
    name = words[first:last]
    if not name or any(
        w in rules.stopwords
        or w in rules.given_latin
        or w in rules.latin_heads["en"]
        or w in rules.never
        or w in rules.demonyms
        for w in name
    ):
        return None
    if (len(name) == 1 and name[0] in rules.common) or is_arabic(name[0]):
        return None
    if any(" ".join(name[:size]) in rules.keys for size in range(1, len(name) + 1)):
        return None
    if " ".join(name) + "s" in rules.keys:
        return None  # "the Houthi movement": a known body's name in the singular
    return Name("organisation", " ".join(name), first, last, yields=True)


APPOSITION_DETERMINERS = frozenset(
    ("a", "an", "the", "its", "his", "her", "their", "un", "une", "le", "la", "l", "son", "sa")
)

MAX_APPOSITION_NAME_WORDS = 4

MAX_ROLE_WORDS = 8


def beside_role(rules: NameRules, text: Tokens, index: int) -> Name | None:
    """The person named in an apposition with the role at token `index`: the name
    before it and a comma ("Jane Doe, an analyst at ...") or, after the role and a
    comma, the name closed by another ("son gérant, Issouf Traoré, s'inquiète")."""
    words, caps = text.words, text.caps
    role = index
    if role > 0 and text.joined(role - 1) and words[role - 1] in APPOSITION_DETERMINERS:
        role -= 1
    if (
        role > 1
        and caps[role - 1]
        and caps[role - 2]
        and not text.joined(role - 1)
        and between(text, role - 1) == ","
    ):
        name = _apposed_name(rules, text, role - 1, backwards=True)
        if name is not None:
            return name
    after = index
    while after < len(words) and after - index < MAX_ROLE_WORDS and text.joined(after):
        after += 1
    if after - index >= MAX_ROLE_WORDS or after + 2 >= len(words):
        return None
    if not (caps[after + 1] and caps[after + 2]) or between(text, after) != ",":
        return None
    return _apposed_name(rules, text, after + 1, backwards=False)


def _apposed_name(rules: NameRules, text: Tokens, edge: int, backwards: bool) -> Name | None:
    """Two to four capitalised name words ending (`backwards`) or starting at token
    `edge`, punctuation on their far side, and, going forward, a comma after them."""
    words = text.words
    first = last = edge
    if backwards:
        while first > 0 and text.joined(first - 1) and last - first < MAX_APPOSITION_NAME_WORDS:
            first -= 1
        if first > 0 and text.joined(first - 1):
            return None
    else:
        while (
            last < len(words) - 1 and text.joined(last) and last - first < MAX_APPOSITION_NAME_WORDS
        ):
            last += 1
        if last >= len(words) - 1 or text.joined(last) or between(text, last) != ",":
            return None
    name = words[first : last + 1]
    if not 2 <= len(name) <= MAX_APPOSITION_NAME_WORDS or not all(
        latin_name_word(rules, text, i) for i in range(first, last + 1)
    ):
        return None
    if any(
        w in rules.demonyms or w in rules.leading or w in rules.never or is_arabic(w) for w in name
    ):
        return None
    if any(" ".join(name[:size]) in rules.keys for size in range(1, len(name) + 1)):
        return None
    return Name("person", " ".join(name), first, last + 1)


def _school_named(rules: NameRules, text: Tokens, index: int) -> bool:
    """The lower-case school word at token `index` ("lycée", "école") is followed by
    a name: capitalised words ("lycée Djignabo Bassène"), or a kind of school, "de"
    and its town ("lycée classique de Bafoussam", "lycée pilote de Sfax")."""
    words, following = text.words, index + 1
    if following >= len(words) or not text.joined(index):
        return False
    if text.caps[following]:
        return True
    # "l'école de Kousseri" is the town's school, no name of its own
    return (
        words[following] in SCHOOL_KINDS
        and following + 1 < len(words)
        and text.joined(following)
        and words[following + 1] in SCHOOL_LINKS
        and _capital_next(rules, text, following)
    )


SCHOOL_LINKS = frozenset(("de", "d"))
"""The words after a kind of school that bring in its town."""


def _capital_next(rules: NameRules, text: Tokens, index: int) -> bool:
    """The first word after token `index` and its links is capitalised: "ministère
    de la Santé" names a ministry, "ministère de tutelle" does not; a country's
    adjective may come first ("ministère gabonais des Mines")."""
    following = index + 1
    if (
        following + 1 < len(text.words)
        and text.joined(index)
        and text.words[following] in rules.demonyms
        and text.words[following + 1] in rules.links
    ):
        following += 1
    while following < len(text.words) and text.joined(following - 1):
        if text.words[following] not in rules.links:
            return bool(text.caps[following])
        following += 1
    return False
