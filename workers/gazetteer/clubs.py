"""Sports clubs that match reports name by one ordinary word ("الهلال" crescent,
"الشباب" youth, "التعاون" cooperation), which no list of names can tell from the
word.

A club is found where a match report's structure puts a team (`workers/data/sports.toml`):
the subject of a match verb ("تعادل الهلال"), the opponent after it ("على ضيفه
الاتحاد"), the complement of "coach", "club" or "team" ("مدرب الخليج"), the side a
goal is scored for ("هدفين للنصر"). The name is a definite word and the nisba
adjectives after it ("المغرب الفاسي", "الوداد الرياضي"), or a word and the town it
is from ("نهضة بركان"), and a list of such names that goes on with "و" ("خلف
الهلال والاتحاد"). Once found, every mention of the name in the story is the
club's. Only a story with enough words of match reports is read this way. A name
the gazetteer knows as a country (its national side), a body or a player is left
to it; a town's name in a team's place is the club's, and a club the gazetteer
names with its country's adjective ("الخليج السعودي") is linked by its bare name, and
of the clubs of several countries that bear one ("القادسية" of Kuwait and of Saudi
Arabia) the story's country's is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newswire_text import WordSet

from workers.gazetteer.inflection import arabic_variants
from workers.gazetteer.names.finding import begins_known_body
from workers.gazetteer.names.rules import Name, NameRules
from workers.gazetteer.names.word_shapes import nisba_adjective
from workers.text.arabic import (
    ARTICLE,
    ARTICLE_FORMS,
    CONJUNCTIONS,
    CUE_PROCLITICS,
    LAM_ARTICLE,
    LATIN_ARTICLES,
    is_arabic,
)
from workers.text.normalize import normalize_text
from workers.text.tokens import Tokens

SPORTS = "sports.toml"
CLUB_WORD = "نادي"
"""The noun a gazetteer name of a club opens with ("نادي الهلال"): the name after
it is the club's bare name."""
VERB_REACH = 5
"""How many tokens before "على", "مع" or "أمام" its match verb may stand:
"تغلب فريق الجيش الملكي على ضيفه"."""
MAX_ADJECTIVES = 2
MIN_DEFINITE = len(ARTICLE) + 3
"""A club's definite name has a stem of three letters at least."""


@dataclass(frozen=True, slots=True)
class ClubRules:
    """The words of one language's match reports, normalized (`sports.toml`)."""

    min_cues: int
    cues: WordSet
    """Words of match reports, found in one pass over a text."""
    verbs: frozenset[str]
    """As written and after و or ف."""
    against: frozenset[str]
    sides: frozenset[str]
    guests: frozenset[str]
    """Words right before "على" that make what follows it a team: "ضيفا على"."""
    owners: frozenset[str]
    """As written and after و."""
    behind: frozenset[str]
    """Words of the table a team comes right after ("خلف الأهلي", behind)."""
    scored: frozenset[str]
    generic: frozenset[str]
    places: frozenset[str]
    """The gazetteer's place keys: the towns a club's name may end with."""
    countries: frozenset[str]
    """The keys of the places a people's adjective is of: one names a national side."""
    known: dict[str, int]
    """A club's bare name -> the gazetteer entry named "نادي" + it."""
    triggers: frozenset[str]
    """Every word that may put a team after it: verbs, "against", owners, the
    table's "behind", "scored"."""
    known_in: dict[str, dict[str, int]] = field(default_factory=dict)
    """A bare name that clubs of several countries bear ("القادسية" of Kuwait and of
    Saudi Arabia) -> country code -> the club: the story's country tells which."""
    heads: dict[str, str] = field(default_factory=dict)
    """(Arabic) a word that opens a club's name before its town, as written ("لمولودية")
    -> the word ("مولودية")."""
    latin: bool = False
    """English or French copy, where a club is a capitalised name in a slot of
    `before` or `after` words (`_latin_clubs`)."""
    before: frozenset[str] = frozenset()
    """(Latin script) words a club's name follows: "beat", "against", "contre"."""
    after: frozenset[str] = frozenset()
    """(Latin script) words a club's name comes before: "striker", "coach", "beat"."""
    articles: frozenset[str] = frozenset()
    """(Latin script) words stepped over between a `before` word and the name."""
    slots: WordSet = field(default_factory=lambda: WordSet([]))
    """(Latin script) the `before` and `after` words, found in one pass."""


def club_rules(
    document: dict[str, Any],
    places: frozenset[str],
    keys: dict[str, int],
    countries: frozenset[str] = frozenset(),
    demonyms: dict[str, str] | None = None,
    sports: frozenset[int] = frozenset(),
    towns: dict[str, str] | None = None,
) -> dict[str, ClubRules]:
    """Per language of `document`; `keys`: the gazetteer's organisation keys -> entries;
    `countries`: the keys of the countries; `demonyms`: their Arabic adjectives with
    the article ("السعودي") -> the country's code; `sports`: the entries that are clubs;
    `towns`: the keys of Arabic towns' names -> their country's code."""
    prefix = CLUB_WORD + " "
    known = {key[len(prefix) :]: entry for key, entry in keys.items() if key.startswith(prefix)}
    clubs = {key: entry for key, entry in keys.items() if entry in sports}
    with_country = _named_with_country(clubs, demonyms or {})
    known |= {
        name: next(iter(entries.values()))
        for name, entries in with_country.items()
        if name not in known and len(entries) == 1
    }
    known_in = {
        name: entries
        for name, entries in with_country.items()
        if name not in known and len(entries) > 1
    }
    # a club named by its town is its bare name's only in its town's country
    for name, entries in _named_with_town(clubs, towns or {}).items():
        if name not in known:
            known_in[name] = entries | known_in.get(name, {})
    rules: dict[str, ClubRules] = {}
    for language, section in document.items():

        def words(name: str, *clitics: str, section: dict[str, Any] = section) -> frozenset[str]:
            forms = {normalize_text(w) for w in section.get(name, [])}
            return frozenset(f"{c}{w}" for w in forms for c in ("", *clitics))

        verbs, against = words("verbs", *CONJUNCTIONS), words("against")
        owners, scored = words("owners", CONJUNCTIONS[0]), words("scored")
        behind = words("behind", CONJUNCTIONS[0])
        before, after = words("before"), words("after")
        rules[language] = ClubRules(
            min_cues=int(section["min_cues"]),
            cues=WordSet(sorted(words("cues"))),
            verbs=verbs,
            against=against,
            sides=words("sides"),
            guests=words("guests"),
            owners=owners,
            behind=behind,
            scored=scored,
            generic=words("generic"),
            places=places,
            countries=countries,
            known=known,
            known_in=known_in,
            triggers=verbs | against | owners | behind | scored | before | after,
            latin=bool(before or after),
            before=before,
            after=after,
            articles=words("articles"),
            slots=WordSet(sorted(before | after)),
            heads={clitic + head: head for head in words("heads") for clitic in CUE_PROCLITICS},
        )
    return rules


def _named_with_country(
    keys: dict[str, int], demonyms: dict[str, str]
) -> dict[str, dict[str, int]]:
    """A club's bare name -> country code -> the club (of `keys`) named by the name and
    that country's adjective ("الخليج السعودي", "نادي المدينة الليبي"); a name several
    countries' clubs bear ("النصر" of Saudi Arabia, the Emirates, Kuwait, Oman) has one
    for each, and none for a country with two."""
    found: dict[str, dict[str, set[int]]] = {}
    for key, entry in keys.items():
        name, _, adjective = key.removeprefix(CLUB_WORD + " ").rpartition(" ")
        if adjective in demonyms and name.startswith(ARTICLE) and " " not in name:
            found.setdefault(name, {}).setdefault(demonyms[adjective], set()).add(entry)
    return _one_per_country(found)


def _named_with_town(keys: dict[str, int], towns: dict[str, str]) -> dict[str, dict[str, int]]:
    """A club's bare name -> country code -> the club (of `keys`) named by the name
    without its article and its town ("اتحاد جدة", of `towns`), none for a country with
    two ("أهلي طرابلس", "أهلي بنغازي")."""
    found: dict[str, dict[str, set[int]]] = {}
    for key, entry in keys.items():
        name, _, town = key.rpartition(" ")
        if (
            town in towns
            and " " not in name
            and is_arabic(name)
            and not name.startswith(ARTICLE)
            and len(name) >= MIN_BARE_NAME
        ):
            found.setdefault(ARTICLE + name, {}).setdefault(towns[town], set()).add(entry)
    return _one_per_country(found)


def _one_per_country(found: dict[str, dict[str, set[int]]]) -> dict[str, dict[str, int]]:
    return {
        name: {
            country: next(iter(entries))
            for country, entries in by_country.items()
            if len(entries) == 1
        }
        for name, by_country in found.items()
    }


MIN_BARE_NAME = 3
"""Letters of a club's name before its town at least ("هلال", "اتحاد")."""


def club_entry(rules: ClubRules, name: str, country: str | None) -> int | None:
    """The gazetteer's club of a name found in a match report: the one that bears it,
    or of those of several countries that bear it the one of the story's `country`
    (its dateline's, else the one it names most)."""
    if name in rules.known:
        return rules.known[name]
    return rules.known_in.get(name, {}).get(country or "")


def find_clubs(
    rules: ClubRules,
    names: NameRules,
    text: Tokens,
    taken: list[tuple[int, int]],
    is_town: Callable[[str], bool] = lambda name: False,
) -> list[Name]:
    """Every mention of the clubs the story's match report names, in order, none
    inside a span of `taken` (names found otherwise). `is_town`: whether a name is
    a town's, which alone is the town, not the club named after it."""
    words = text.words
    if len({words[i] for i in rules.cues.find(text.analysis)}) < rules.min_cues:
        return []
    if rules.latin:
        return _latin_clubs(rules, names, text, taken, is_town)
    clubs: set[tuple[str, ...]] = set()
    for index, word in enumerate(words):
        if word in rules.heads:
            if (club := _headed(rules, names, text, index, is_town)) is not None:
                clubs.add(club)
        elif word in rules.triggers:
            slot = _slot(rules, text, index, word)
            while slot is not None and (club := _club_at(rules, names, text, slot)) is not None:
                clubs.add(club)
                slot = _listed_after(text, slot + len(club))
    if not clubs:
        return []
    return _mentions(text, clubs, taken)


def _headed(
    rules: ClubRules, names: NameRules, text: Tokens, index: int, is_town: Callable[[str], bool]
) -> tuple[str, ...] | None:
    """The club whose head word stands at `index`, named with its town ("وفاق سطيف",
    "بمولودية الجزائر"), unless the gazetteer knows the name as another body's."""
    following = index + 1
    if following >= len(text.words) or not text.joined(index):
        return None
    town = text.words[following]
    if town not in rules.places and not is_town(town):
        return None
    club = (rules.heads[text.words[index]], town)
    name = " ".join(club)
    return None if name in names.keys and name not in rules.known else club


def _slot(rules: ClubRules, text: Tokens, index: int, word: str) -> int | None:
    """The token where a team stands after token `index`, if `word` puts one there."""
    words, following = text.words, index + 1
    if following >= len(words) or not text.joined(index):
        return None
    if word in rules.verbs:
        if words[following] in rules.owners and following + 1 < len(words):
            return following + 1 if text.joined(following) else None
        return following
    if word in rules.against and _after_verb(rules, text, index):
        if words[following] in rules.sides:
            return following + 1 if following + 1 < len(words) and text.joined(following) else None
        return following
    if word in rules.owners or word in rules.behind:
        return following
    if word in rules.scored and words[following].startswith(LAM_ARTICLE):
        return following
    return None


def _listed_after(text: Tokens, index: int) -> int | None:
    """The token of the team a list goes on with after a team ending before `index`:
    "خلف الهلال والاتحاد والنصر"."""
    if index >= len(text.words) or not text.joined(index - 1):
        return None
    word = text.words[index]
    return index if word.startswith(CONJUNCTIONS[0] + ARTICLE) else None


def _after_verb(rules: ClubRules, text: Tokens, index: int) -> bool:
    if index > 0 and text.joined(index - 1) and text.words[index - 1] in rules.guests:
        return True  # "يحل الاتفاق في الجولة المقبلة ضيفا على الشباب"
    for before in range(index - 1, max(-1, index - VERB_REACH - 1), -1):
        if not text.joined(before):
            return False
        if text.words[before] in rules.verbs:
            return True
    return False


def _club_at(
    rules: ClubRules, names: NameRules, text: Tokens, index: int
) -> tuple[str, ...] | None:
    words = text.words
    first = definite(words[index])
    if first is not None:
        if len(first) < MIN_DEFINITE or first in rules.generic:
            return None
        club = [first]
        following = index + 1
        # "الوداد الرياضي", but not the nationality of the coach who follows:
        # "مدرب الهلال البرتغالي"
        while (
            following < len(words)
            and len(club) <= MAX_ADJECTIVES
            and text.joined(following - 1)
            and nisba_adjective(words[following])
            and words[following] not in rules.places
        ):
            club.append(words[following])
            following += 1
        if len(club) == 1 and first in rules.countries:
            return None  # "فاز المغرب على ...": the national side ("فريق الخليج": a club)
    else:
        word = words[index]
        town = index + 1
        if word in rules.known:
            return (word,)  # "فريق كاظمة": a club the gazetteer names "نادي كاظمة"
        if (
            not is_arabic(word)
            or word.startswith(ARTICLE_FORMS)
            or word in rules.generic
            or word in rules.owners
            or word in names.common
            or word in names.stopwords
            or word in names.given_arabic
            or town >= len(words)
            or not text.joined(index)
            or words[town] not in rules.places
            or words[town] in rules.countries
        ):
            return None  # "مدرب بيراميدز الكرواتي": the coach's country, no town
        club = [word, words[town]]  # "نهضة بركان": a club and its town
    name = " ".join(club)
    if name in names.keys and name not in rules.known and name not in rules.places:
        return None  # a body or person the gazetteer knows; a town's name is its club's
    return tuple(club)


def definite(word: str) -> str | None:
    """The word with the article, its proclitics taken off ("للهلال", "والهلال" ->
    "الهلال"), or None for a word without the article."""
    for clitic in ("", *CONJUNCTIONS):
        if word.startswith(clitic + LAM_ARTICLE):
            return ARTICLE + word[len(clitic) + len(LAM_ARTICLE) :]
    for form in ARTICLE_FORMS:
        if form != LAM_ARTICLE and word.startswith(form):
            return word[len(form) - len(ARTICLE) :]
    return None


def _mentions(
    text: Tokens, clubs: set[tuple[str, ...]], taken: list[tuple[int, int]]
) -> list[Name]:
    words, found = text.words, []
    firsts: dict[str, list[tuple[str, ...]]] = {}
    for club in sorted(clubs, key=len, reverse=True):
        for form, _ in arabic_variants(club[0]):
            firsts.setdefault(form, []).append(club)
    index = 0
    while index < len(words):
        for club in firsts.get(words[index], ()):
            last = index + len(club)
            if (
                last <= len(words)
                and all(text.joined(i) for i in range(index, last - 1))
                and tuple(words[index + 1 : last]) == club[1:]
                and not any(low < last and index < high for low, high in taken)
            ):
                found.append(Name("organisation", " ".join(club), index, last))
                index = last - 1
                break
        index += 1
    return found


MAX_LATIN_CLUB_WORDS = 3
MAX_LATIN_CLUB_ARTICLES = 2
"""Words stepped over before a club's name: "face à la JS Kabylie"."""
MIN_LATIN_CLUB_LETTERS = 3


def _latin_clubs(
    rules: ClubRules,
    names: NameRules,
    text: Tokens,
    taken: list[tuple[int, int]],
    is_town: Callable[[str], bool],
) -> list[Name]:
    """English and French match reports: the capitalised name after a word that
    puts a team after it ("beat Mamelodi Sundowns", "a battu le Wydad", "face à
    Al-Qadsiah") or before one that puts it before ("Berkane defender", "Ahly
    edged"), then every mention of those names."""
    words, caps = text.words, text.caps
    clubs: set[tuple[str, ...]] = set()
    for index in rules.slots.find(text.analysis):
        word = words[index]
        if caps[index]:
            continue
        if word in rules.before and index + 1 < len(words) and text.joined(index):
            start = text.past(index + 1, rules.articles, MAX_LATIN_CLUB_ARTICLES)
            end = text.capitalised_end(start, MAX_LATIN_CLUB_WORDS)
            _add_latin_club(rules, names, words[start:end], clubs)
        if word in rules.after and index > 0 and text.joined(index - 1):
            start = index
            while start > 0 and index - start < MAX_LATIN_CLUB_WORDS and caps[start - 1]:
                if not text.joined(start - 1):
                    break
                start -= 1
            if start > 0 and caps[start - 1] and text.joined(start - 1):
                start = index
            _add_latin_club(rules, names, words[start:index], clubs)
    if not clubs:
        return []
    full = _full_names(names, text, {club for club in clubs if not is_town(" ".join(club))})
    return _latin_mentions(names, text, full, taken) if full else []


def _full_names(
    names: NameRules, text: Tokens, clubs: set[tuple[str, ...]]
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each club's name -> its full name: with the town it is from where the story
    once writes it so ("Raja" of "Raja Casablanca"), or the longer name it ends or
    begins ("Sundowns" of "Mamelodi Sundowns"); none that is then a name the
    gazetteer knows ("Real" of "Real Madrid")."""
    words, caps, full = text.words, text.caps, {club: club for club in clubs}
    firsts: dict[str, list[tuple[str, ...]]] = {}
    for club in clubs:
        firsts.setdefault(club[0], []).append(club)
    for index, word in enumerate(words):
        for club in firsts.get(word, ()):
            last = index + len(club)
            if (
                last < len(words)
                and tuple(words[index:last]) == club
                and caps[last]
                and text.joined(last - 1)
                and words[last] in names.place_keys
            ):
                full[club] = (*club, words[last])
    for club in clubs:
        for longer in clubs:
            if len(longer) > len(club) and club in (longer[: len(club)], longer[-len(club) :]):
                full[club] = full[longer]
    return {club: name for club, name in full.items() if " ".join(name) not in names.keys}


def _add_latin_club(
    rules: ClubRules, names: NameRules, run: list[str], clubs: set[tuple[str, ...]]
) -> None:
    """`run` as a club's name unless it is none: a name the gazetteer knows (a
    country's side, a known club or player), a person's (a given name first), a
    competition's or a stadium's, or a short word."""
    for cut, word in enumerate(run[1:], 1):
        if word in names.given_latin:
            run = run[:cut]  # "le président du Wydad Abdelmounaim Boutouil"
            break
    if not run:
        return
    name = " ".join(run)
    if (
        name in names.keys
        or run[0] in names.given_latin
        or any(w in names.stopwords or w in rules.generic or w.isdigit() for w in run)
        or (len(run) == 1 and len(run[0]) < MIN_LATIN_CLUB_LETTERS)
        or (len(run) > 1 and run[0] in LATIN_ARTICLES and " ".join(run[1:]) in names.keys)
        or any(f"{article} {name}" in names.keys for article in LATIN_ARTICLES)
    ):
        return
    clubs.add(tuple(run))


def _latin_mentions(
    names: NameRules,
    text: Tokens,
    clubs: dict[tuple[str, ...], tuple[str, ...]],
    taken: list[tuple[int, int]],
) -> list[Name]:
    """Every mention of the clubs, by their name or their full name, each named by
    the full one; none that runs on into a known body's name, which the gazetteer
    tags ("la Renaissance sportive de Berkane")."""
    words, caps, found = text.words, text.caps, []
    firsts: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    forms = {form: full for club, full in clubs.items() for form in (club, full)}
    for form in sorted(forms, key=len, reverse=True):
        firsts.setdefault(form[0], []).append((form, " ".join(forms[form])))
    index = 0
    while index < len(words):
        for form, name in firsts.get(words[index], ()) if caps[index] else ():
            last = index + len(form)
            if (
                last <= len(words)
                and all(text.joined(i) for i in range(index, last - 1))
                and tuple(words[index + 1 : last]) == form[1:]
                and not (last < len(words) and caps[last] and text.joined(last - 1))
                and not any(low < last and index < high for low, high in taken)
                and not begins_known_body(names, text, form, last, arabic=False)
            ):
                found.append(Name("organisation", name, index, last))
                index = last - 1
                break
        index += 1
    return found
