"""Natural features named with their feature word: "Caspian Sea", "Tapajos river",
"Lake Kivu", "Gulf of Aden", "fleuve Sénégal", "golfe de Guinée", "بحيرة تشاد",
"جبل عكمة", "حوض الديسي"; and stadiums, named the same way ("Benjamin Mkapa
Stadium", "stade Nelson-Mandela", Arabic ones after a person or a date: "ملعب ميلود
هدفي", "ملعب 5 جويلية"). The feature word is part of the name, and the name is one
place: the feature, not the country, town or person it is named after ("Jordan
Valley", "Lake Victoria", "South China Sea"). An island is the exception: one named
by a known place's name is that place ("Socotra island", "جزيرة جربة").

The words come from `place_words.toml` (`features_before`, `features_of`,
`features_after`, `features_lower`, `islands`, `stadiums`). A name the gazetteer has whole
("Red Sea", "Strait of Hormuz", "Nile River") is its entry's, not a feature's."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newswire_text import WordSet

from workers.gazetteer.names.latin import COORDINATORS
from workers.gazetteer.names.people import MAX_PLACE_LINKS, names_after, not_a_name, on_place
from workers.gazetteer.names.rules import Name, NameRules
from workers.text.arabic import AND, CLITIC_ARTICLES, CUE_PROCLITICS, is_arabic
from workers.text.months import MONTHS
from workers.text.normalize import normalize_text
from workers.text.tokens import Tokens

MAX_FEATURE_WORDS = 3
"""The most capitalised words of a Latin feature's own name ("South China Sea"); an
Arabic one has one word ("بحيرة كيفو"), or two after a particle ("وادي بني خروص"),
and a side ("جبال الحجر الغربي")."""
FEATURE_PARTICLES = frozenset(normalize_text(word) for word in ("بني", "أبو", "أم", "إل"))
"""Words that open an Arabic feature's name of two words: "وادي بني خروص", and the
Spanish article written apart ("جزيرة إل هييرو")."""
SIDES = frozenset(
    normalize_text(side + ending)
    for side in ("الغربي", "الشرقي", "الشمالي", "الجنوبي", "الأوسط", "الأعلى", "الأدنى")
    for ending in ("", "ة")
)
"""Adjectives of side that end an Arabic feature's name: "جبال الحجر الغربي"."""
MAX_STADIUM_NAME_WORDS = 3
"""The most words of the person's name an Arabic stadium bears ("ملعب حسين آيت أحمد")."""
STADIUM_ADJECTIVES = frozenset(("الدولي", "الاولمبي", "البلدي"))
"""Adjectives that end a stadium's name after the person it is named for."""
YEAR_DIGITS = 4


@dataclass(frozen=True, slots=True)
class Features:
    words: WordSet
    """Every feature word as written (Arabic ones with their proclitics), found in one
    pass."""
    before: dict[str, str]
    """A feature word written before the name ("Lake", "fleuve", "ببحيرة") -> the word
    as the name starts with it (an Arabic proclitic dropped)."""
    of: frozenset[str]
    """(English) feature words before the name only with "of" between ("Gulf of Aden"):
    without it they open bodies' names ("Gulf Air")."""
    after: frozenset[str]
    """Feature words written after the name ("Caspian Sea", "Tapajos river")."""
    plurals: dict[str, str]
    """(Latin script) the plural of a word of `after` -> the word: after two names
    joined by "and", a feature of each ("the Karun and Dez rivers")."""
    islands: frozenset[str]
    lower: frozenset[str]
    """Feature words that open a feature's name in lower case only ("stade")."""
    links: frozenset[str]
    """Words between a feature word and the name ("of", "de", "du")."""
    stadiums: dict[str, str]
    """(Arabic) a stadium word named after a person or a date, as written ("بملعب")
    -> the word ("ملعب")."""
    months: frozenset[str]
    """Arabic month names, normalized."""


def features(document: dict[str, Any]) -> Features:
    """The feature words of `place_words.toml` (every language's section)."""

    def listed(key: str) -> set[str]:
        return {
            normalize_text(word) for section in document.values() for word in section.get(key, [])
        }

    def with_clitics(key: str) -> dict[str, str]:
        return {
            clitic + word: word
            for word in listed(key)
            for clitic in (CUE_PROCLITICS if is_arabic(word) else ("",))
        }

    before, stadiums = with_clitics("features_before"), with_clitics("stadiums")
    of, after = frozenset(listed("features_of")), frozenset(listed("features_after"))
    plurals = {
        word + "s": word for word in after if not is_arabic(word) and word + "s" not in after
    }
    return Features(
        words=WordSet(sorted({*before, *of, *after, *stadiums, *plurals})),
        before=before,
        of=of,
        after=after,
        plurals=plurals,
        islands=frozenset(listed("islands")),
        lower=frozenset(listed("features_lower")),
        links=frozenset(listed("links")),
        stadiums=stadiums,
        months=frozenset(normalize_text(m) for m in MONTHS if is_arabic(m)),
    )


def find_features(
    found: Features,
    rules: NameRules,
    text: Tokens,
    taken: Iterable[tuple[int, int]],
    people: Iterable[tuple[int, int]] = (),
) -> list[Name]:
    """The natural features the text names, in order, none in the `taken` token spans
    (names found otherwise) and none the gazetteer has whole; none across the names of
    `people` either, but a stadium named after one of them."""
    hits = found.words.find(text.analysis)
    if not hits:
        return []
    names: list[Name] = []
    covered = 0
    previous: Name | None = None
    for hit in hits:
        if hit < covered:
            continue
        word = text.words[hit]
        name = None
        if word in found.stadiums:
            name = _arabic_stadium(found, rules, text, hit)
        elif word in found.before or word in found.of:
            name = _after_word(found, rules, text, hit)
        if name is None and word in found.after:
            name = _before_word(found, rules, text, hit, covered)
        if name is None and word in found.plurals:
            pair = _before_plural(found, rules, text, hit, covered)
            names += pair
            covered = hit + 1 if pair else covered
        if name is not None:
            if previous is not None and previous.last == name.first and text.caps[hit]:
                # "Chyulu Hills National Park": a feature named by another one whole
                if names and names[-1] is previous:
                    names.pop()
                name = Name("place", f"{previous.name} {name.name}", previous.first, name.last)
            covered = name.last  # a known one too: "basin" of "Lake Victoria basin"
            previous = name
            if name.name not in rules.keys:
                names.append(name)
    spans, named_after = list(taken), list(people)
    return [
        n
        for n in names
        if not any(a < n.last and n.first < b for a, b in spans)
        and (
            n.name.split(" ", 1)[0] in found.stadiums.values()
            or not any(a < n.last and n.first < b for a, b in named_after)
        )
    ]


def _arabic_stadium(found: Features, rules: NameRules, text: Tokens, hit: int) -> Name | None:
    """The stadium named after a person ("ملعب ميلود هدفي", "بملعب مولاي عبد الله") or a
    date ("ملعب 5 جويلية", "ملعب 8 ماي 1945") that its word opens."""
    words, count = text.words, len(text.words)
    start = end = hit + 1
    if start >= count or not text.joined(hit):
        return None
    if words[start].isdigit():
        if start + 1 >= count or not text.joined(start) or words[start + 1] not in found.months:
            return None
        end = start + 2
        if end < count and text.joined(end - 1) and words[end].isdigit():
            end += len(words[end]) == YEAR_DIGITS
    elif words[start] in rules.given_arabic or words[start] in rules.openers_arabic:
        end = start + 1
        while (
            end < count
            and end - start < MAX_STADIUM_NAME_WORDS
            and text.joined(end - 1)
            and _stadium_name_word(rules, words[end])
        ):
            end += 1
        if end - start < 2:
            return None
        if end < count and text.joined(end - 1) and words[end] in STADIUM_ADJECTIVES:
            end += 1  # "ملعب فيصل الحسيني الدولي"
    else:
        return None
    return Name("place", " ".join([found.stadiums[words[hit]], *words[start:end]]), hit, end)


def _after_word(found: Features, rules: NameRules, text: Tokens, hit: int) -> Name | None:
    """The feature whose word opens it: "Lake Kivu", "Gulf of Aden", "fleuve Sénégal",
    "جبل عكمة"."""
    words, count = text.words, len(text.words)
    word = words[hit]
    if hit + 1 >= count or not text.joined(hit):
        return None
    head = found.before.get(word, word)
    if is_arabic(word):
        start = end = hit + 1
        if (
            (words[start] in FEATURE_PARTICLES or words[start] in rules.toponym_prefixes)
            and start + 1 < count
            and text.joined(start)
            and _arabic_name_word(rules, words[start + 1])
        ):
            end = start + 2  # "وادي بني خروص", "جبل أبو طبول", "منجم سيدي شنان"
        elif _arabic_name_word(rules, words[start]):
            end = start + 1
        else:
            return None
        if end < count and text.joined(end - 1) and words[end] in SIDES:
            end += 1  # "جبال الحجر الغربي"
    else:
        if word in found.lower and text.caps[hit]:
            return None  # "Stade d'Abidjan" is a club; French writes "le stade ..."
        start = text.past(hit + 1, found.links, MAX_PLACE_LINKS)
        if word not in found.before and start == hit + 1:
            return None  # "Gulf Air": an English "Gulf" names a feature with "of" only
        end = text.capitalised_end(start, MAX_FEATURE_WORDS)
        if end == start or not _latin_name(rules, words[start:end]):
            return None
    if head in found.islands and " ".join(words[start:end]) in rules.keys:
        return None  # "جزيرة جربة": the known place
    return Name("place", " ".join([head, *words[hit + 1 : end]]), hit, end)


def _before_word(
    found: Features, rules: NameRules, text: Tokens, hit: int, low: int
) -> Name | None:
    """The feature whose word ends it: "Caspian Sea", "Tapajos river"; its name from
    token `low` on (before it, one found already: "Lake Victoria basin")."""
    words, caps = text.words, text.caps
    if hit == 0 or not text.joined(hit - 1):
        return None
    # none, or the end of a longer name ("Kelani Valley Plantations")
    start = text.capitalised_start(hit, MAX_FEATURE_WORDS, low)
    while start < hit and words[start] in rules.leading:
        start += 1  # "The Pra river"
    if start == hit:
        return None
    if not _latin_name(rules, words[start:hit]) or (
        words[start] in rules.demonyms and not caps[hit]
    ):
        return None  # "Chinese river", but "Indian Ocean"
    if words[hit] in found.islands and " ".join(words[start:hit]) in rules.keys:
        return None  # "Zanzibar island": the known place
    return Name("place", " ".join(words[start : hit + 1]), start, hit + 1)


def _before_plural(
    found: Features, rules: NameRules, text: Tokens, hit: int, low: int
) -> list[Name]:
    """The two features a plural feature word ends, their names joined by "and" ("the
    Karun and Dez rivers": the Karun river and the Dez river), else none."""
    words, singular = text.words, found.plurals[text.words[hit]]
    if hit == 0 or not text.joined(hit - 1):
        return []
    second = text.capitalised_start(hit, MAX_FEATURE_WORDS, low)
    link = second - 1
    if second == hit or link <= low or words[link] not in COORDINATORS or not text.joined(link):
        return []
    if not text.joined(link - 1):
        return []
    first = text.capitalised_start(link, MAX_FEATURE_WORDS, low)
    while first < link and words[first] in rules.leading:
        first += 1
    if first == link:
        return []
    pair = [(first, link), (second, hit)]
    if any(not _latin_name(rules, words[a:b]) or words[a] in rules.demonyms for a, b in pair):
        return []
    return [
        Name("place", " ".join([*words[a:b], singular]), a, b)
        for a, b in pair
        if " ".join(words[a:b]) not in rules.keys  # "the Tigris and Euphrates rivers"
    ]


def _latin_name(rules: NameRules, run: list[str]) -> bool:
    """Capitalised words that may name a feature: none a head noun ("University"), the
    first no function word ("The"); stop words of people's names may be among them
    ("South China Sea", "Cairo International Stadium")."""
    return not (
        is_arabic(run[0]) or run[0] in rules.leading or any(names_after(rules, w) for w in run)
    )


def _stadium_name_word(rules: NameRules, word: str) -> bool:
    """A word of the person's name after its given name: a given name too ("مولاي عبد
    الله"), or a name word, none with a clitic ("وتقترب", "بوهران": at Oran)."""
    return (
        not word.startswith((AND, *CLITIC_ARTICLES))
        and word[1:] not in rules.keys
        and (word in rules.given_arabic or _arabic_name_word(rules, word))
    )


def _arabic_name_word(rules: NameRules, word: str) -> bool:
    """A word of a feature's own name: a name, a known place or a given name ("بحيرة
    ناصر", "خليج عدن"), with or without the article ("نهر الأردن", "حوض الديسي"); no
    ordinary word, head noun, place word or word shaped as no name."""
    return (
        is_arabic(word)
        and word not in rules.stopwords
        and word not in rules.common
        and word not in rules.arabic_heads
        and word not in rules.arabic_ends
        and word not in rules.arabic_adjectives
        and word not in rules.place_words
        and not not_a_name(word)
        and not on_place(rules, word)  # "مخيم بعرسال": a camp in Arsal
    )
