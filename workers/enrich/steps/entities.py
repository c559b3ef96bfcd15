"""Entity tagging step: places, organisations and people from the gazetteer, plus
candidates it does not know: people found by trigger words, and organisations and
people found from how their names are built (`workers/gazetteer/names/`).

Offsets and surface forms refer to `article_text`, the headline and the
body joined by one newline: `first_offset` is the character offset of the first
mention in that string, and surface forms are the mentions as written there
(proclitics included: "والرقة")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable, Set
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from newswire_text import Analysis, EntryMentions

from workers.gazetteer import Entry, Gazetteer
from workers.gazetteer.clubs import club_entry, find_clubs
from workers.gazetteer.cued import cued_before_people, find_cued
from workers.gazetteer.features import find_features
from workers.gazetteer.names.finding import find_names
from workers.gazetteer.names.people import (
    ALEF_MAQSURA,
    COUNTS,
    MAX_PLACE_WORDS,
    VERBAL_NOUN_TA,
    defective_verb,
    names_after,
    no_family_name,
    not_a_name,
    opens_a_phrase,
    ordinary_word,
)
from workers.gazetteer.names.place_lists import (
    places_before_their_word,
    places_by_their_word,
    places_in_lists,
)
from workers.gazetteer.names.rules import Name, NameRules
from workers.gazetteer.names.word_shapes import PLACE_PREPOSITIONS, nisba_adjective
from workers.gazetteer.places import (
    REGION_PREFIX,
    DatelineTown,
    SmallPlace,
    SmallPlaces,
    competition_spans,
    dateline_town,
    find_small_places,
)
from workers.gazetteer.sources import TOWN_PRIORITY
from workers.models import Dateline, EnrichedArticle, EntityTag, EntityType, assemble, evolve
from workers.text.arabic import (
    AND,
    ARTICLE,
    ARTICLE_FORMS,
    BEFORE_ARTICLE,
    BEFORE_BARE,
    CLITIC_ARTICLES,
    COMPOUND_NAME_ENDINGS,
    CONJUNCTIONS,
    LAM,
    NAME_PARTICLES,
    is_arabic,
)
from workers.text.normalize import normalize_text
from workers.text.tokens import Tokens

if TYPE_CHECKING:
    from workers.enrich.resources import Resources

CANDIDATE_PREFIX = "candidate:"
CANDIDATE_CONFIDENCE = 0.5
SMALL_PLACE_CONFIDENCE = 0.6
ADJECTIVE_ONLY_FACTOR = 0.85  # "Syrian troops" names Syria less surely than "Syria"


@dataclass(frozen=True, slots=True)
class TriggerPerson:
    """A person found beside a trigger word, as written or cut to the name itself."""

    name: str
    """Normalized."""
    first_offset: int
    count: int
    surface_forms: list[str]


_BREAK = re.compile(r"[.,;:()\[\]\"«»!?]|\n")
LATIN_PLACE_PREPOSITIONS = frozenset(("in", "at", "from", "near", "à", "dans", "vers", "au", "aux"))
"""Prepositions before which a capitalised run after a trigger is a place ("said at the
hospital in Kebri Dehar")."""
PREPOSITION_REACH = 8
"""Characters before a name that hold the word before it and the space between."""


def _after_place_preposition(original: str, offset: int) -> bool:
    """The word right before `offset` is a preposition of place ("in", "dans")."""
    before = original[max(0, offset - PREPOSITION_REACH) : offset]
    words = before.split()
    return bool(words) and before.endswith(" ") and words[-1].lower() in LATIN_PLACE_PREPOSITIONS


_QUOTE_CLOSES = re.compile(r"\s*[»”]")
"""A quote closing right after a name: the name is the quote's last words."""


def _with_acronym_word(surface: str) -> bool:
    """A Latin-script word of two capitals or more, which a person's name as written
    in copy does not hold, but for a ruler's or a patriarch's number ("Tawadros II")."""
    return any(
        len(word) > 1 and word.isupper() and word.isalpha() and not _REGNAL.fullmatch(word)
        for word in _WORDS.split(surface)
    )


_REGNAL = re.compile(r"[IVX]{2,5}")


_WORDS = re.compile(r"[\s-]+")
"""What parts the words of a name as written: "Keystone-ATS" holds "ATS"."""


def _trimmed(
    gazetteer: Gazetteer, people: list[TriggerPerson], original: str
) -> list[TriggerPerson]:
    """Trigger-found people cut to the name itself: within one stretch between
    punctuation ("CEI, Ibrahime Coulibaly-Kuibiert", "Nassim Bernaoui.\n\nPlus"),
    without lower-case Latin words or Arabic words with a proclitic and the
    article in front ("de Laurent Gbagbo", "والنقل فايز رسامني"); none that holds
    a head noun or a place word ("نقابة أصحاب", "محافظة حضرموت")."""
    rules, place_words = gazetteer.names, gazetteer.places.before
    kept: list[TriggerPerson] = []
    places = gazetteer.places
    for person in (
        _without_phrase_after(rules, _without_leading_word(rules, places, p)) for p in people
    ):
        name, first_offset, count = person.name, person.first_offset, person.count
        surfaces = person.surface_forms
        parts = name.split(" ")
        if _with_acronym_word(surfaces[0]):
            continue  # "Stanbic IBTC, said", "PT Weda Bay Nickel, said": a company
        if not is_arabic(parts[0]) and " " not in surfaces[0].strip():
            continue  # "le maire de Kani-Kéli, ...": one word as written, a town's
        if is_arabic(parts[0]) and (
            all(ordinary_word(rules, word) for word in parts[:2])
            or any(_plural_nisba(word) for word in parts)
            or _no_name_opens(rules, parts[0])
            or _place_not_name(rules, parts)
            or (
                _after_weak_trigger(original, first_offset)
                and not any(
                    _name_word(rules, word) and not written.endswith(ALEF_MAQSURA)
                    for word, written in zip(parts, surfaces[0].split(), strict=False)
                )
            )
        ):
            continue  # "وقدم الوزير ورقة عمل", "أربع نقابات", "بتوزيع خيام": no name
        if not is_arabic(parts[0]) and _after_place_preposition(original, first_offset):
            continue  # "she said at the hospital in Kebri Dehar": where, not who
        if _QUOTE_CLOSES.match(original, first_offset + len(surfaces[0])):
            continue  # "... vers Bordj Badji Mokhtar », a raconté": the quote's, no speaker
        if (
            _BREAK.search(surfaces[0]) is None
            and not parts[0].startswith(CLITIC_ARTICLES)
            and parts[0] not in rules.leading
            and not _adjective_before(rules, parts[0])
            and not surfaces[0][:1].islower()
        ):
            if len(parts) > 1 and not any(
                w in rules.arabic_heads or w in place_words for w in parts
            ):
                kept.append(TriggerPerson(name, first_offset, count, surfaces))
            continue
        surface = max(_BREAK.split(surfaces[0]), key=lambda part: len(part.split()))
        words = surface.split()
        dropped: str | None = None
        while words and (
            words[0].startswith(CLITIC_ARTICLES)
            or words[0].islower()
            or normalize_text(words[0]) in rules.leading  # "Aux Cliniques universitaires"
            or _adjective_before(rules, normalize_text(words[0]))
        ):
            dropped, words = words[0], words[1:]
        if dropped is not None and dropped.lower() in LATIN_PLACE_PREPOSITIONS:
            continue  # "she said at the hospital in Kebri Dehar": where, not who
        cut = " ".join(words)
        normalized = normalize_text(cut)
        parts = normalized.split(" ")
        if len(parts) < 2 or any(w in rules.arabic_heads or w in place_words for w in parts):
            continue
        if normalized == name:
            kept.append(TriggerPerson(name, first_offset, count, surfaces))
        else:
            shift = max(0, surfaces[0].find(cut))
            kept.append(TriggerPerson(normalized, first_offset + shift, count, [cut]))
    return kept


WEAK_TRIGGERS = frozenset(
    normalize_text(word)
    for word in ("تابع", "تابعت", "حسب", "بحسب", "وفق", "كشف", "كشفت", "أضاف", "أضافت")
)
"""Words that announce a name less often than a thing: "تابع كرة مرتدة" (followed a
rebound), "بحسب إفصاح نشرته", "وفق نتائج اختبارات", "كشفت رفع كلفة", "أضاف طبقة"."""


WEAK_TRIGGER_REACH = 24
"""Characters before a name that hold the word before it (the longest trigger with a
proclitic and the spaces around it)."""


def _after_weak_trigger(original: str, offset: int) -> bool:
    """The word before `offset` is a weak trigger, "و" or "ف" on it or not."""
    before = original[max(0, offset - WEAK_TRIGGER_REACH) : offset].split()
    if not before:
        return False
    word = normalize_text(before[-1])
    return word in WEAK_TRIGGERS or (word[:1] in CONJUNCTIONS and word[1:] in WEAK_TRIGGERS)


def _name_word(rules: NameRules, word: str) -> bool:
    """An Arabic word only a name holds: a given name, a particle that joins a name's
    parts ("بن", "أبو", "عبد") or a family's definite nisba ("العبيدي")."""
    return word in rules.given_arabic or word in NAME_PARTICLES or nisba_adjective(word)


def _place_not_name(rules: NameRules, parts: list[str]) -> bool:
    """A known place's name and no given name after it: the complement of the title
    that announced it, no person ("ومحافظ حضرموت يعلن اتفاقا")."""
    return (
        (parts[0] in rules.place_keys or parts[0] in rules.arabic_regions)
        and parts[0] not in rules.given_arabic
        and (len(parts) < 2 or parts[1] not in rules.given_arabic)
    )


def _no_name_opens(rules: NameRules, word: str) -> bool:
    """An Arabic word no person's name opens with: a count ("أربع"), a preposition
    on a verbal noun of the forms تفعيل and تفعلة ("بتوزيع"; names open with such
    letters too, "بهي الدين", "كاسبار", so no other shape counts), or a verb in the
    present or in the past of the plural ("قالوا لي إن ...")."""
    return word not in rules.given_arabic and (
        word in COUNTS
        or (word[0] in PLACE_PREPOSITIONS + LAM and no_family_name(rules, word[1:]))
        or (word[0] == VERBAL_NOUN_TA and no_family_name(rules, word))
        or (len(word) > MIN_PRESENT_VERB_LETTERS and word[0] == PRESENT_THIRD_PERSON)
        or (len(word) > MIN_PRESENT_VERB_LETTERS and word.endswith(PLURAL_PAST_ENDING))
    )


PRESENT_THIRD_PERSON = "ي"
PLURAL_NISBA_NOMINATIVE = "يون"


def _plural_nisba(word: str) -> bool:
    """The plural of a nisba adjective ("جمركيون", "أوروبيون"): a description of people
    ("تجار أوروبيون"), never a name's word (the Korean "يون" is one)."""
    return word.endswith(PLURAL_NISBA_NOMINATIVE) and len(word) > len(PLURAL_NISBA_NOMINATIVE) + 1


PLURAL_PAST_ENDING = "وا"
MIN_PRESENT_VERB_LETTERS = 3
"""A word of four letters or more opening with "ي" that is no given name is a verb in
the present ("وزير التربية يعلن نتيجة"), which opens no name; "ت" and "ن" open
foreign and women's names as often ("تريسي", "نعمات")."""


def _without_leading_word(
    rules: NameRules, places: SmallPlaces, person: TriggerPerson
) -> TriggerPerson:
    """The person less a first Latin-script role before a given name, capitalised at
    a sentence's start ("Farmer Abdirahman Hassan Elmi said"), or a first Arabic word
    that a given name follows, when it opens
    with "و" ("رئيس الحزب الجمهوري وشقيق عصام الشابي": "and the brother of"; a name
    that opens with "و", "وليد", is followed by its family name, not a given one), or
    when it is the complement of the title that announced the name: a place, or a
    word after "ل" ("محافظ حضرموت عوض سالم باحميش", "المدير العام لبترومسيلة محمد
    سعيد بن سميط")."""
    parts = person.name.split(" ")
    first = parts[0]
    if len(parts) > 2 and first in rules.roles and parts[1] in rules.given_latin:
        return _less_words(person, 1)  # "Farmer Abdirahman Hassan Elmi said": a role
    if (
        first.startswith(AND)
        and not first.startswith(AND + ARTICLE)
        and is_arabic(first)
        and first not in rules.given_arabic
    ):
        return _less_words(person, 1)  # "وقدم عبده": "and" and a verb, before the name
    if len(parts) < 2 or not is_arabic(first) or first in rules.given_arabic:
        return person
    for size in range(MAX_PLACE_WORDS, 1, -1):  # "محافظ ذي قار مرتضى الإبراهيمي"
        place = " ".join(parts[:size])
        if (
            len(parts) > size + 1
            and parts[size] in rules.given_arabic
            and (place in rules.keys or places.names(place))
        ):
            return _less_words(person, size)
    # "وهو مدرس", "مديرها فضل عبد الغني": a pronoun, or a noun with one attached
    pronoun = first in rules.stopwords or not_a_name(first)
    if not pronoun and (len(parts) < 3 or parts[1] not in rules.given_arabic):
        return person
    complement = first in rules.keys or places.names(first) or first.startswith(LAM)
    if not first.startswith(AND) and not complement and not pronoun:
        return person
    return _less_words(person, 1)


def _less_words(person: TriggerPerson, count: int) -> TriggerPerson:
    """The person less its first `count` words."""
    cut = person.surface_forms[0].split(maxsplit=count)[count]
    shift = person.surface_forms[0].find(cut)
    name = " ".join(person.name.split(" ")[count:])
    return TriggerPerson(name, person.first_offset + shift, person.count, [cut])


def _without_phrase_after(rules: NameRules, person: TriggerPerson) -> TriggerPerson:
    """The person less the Arabic words from the first one after the given name
    shaped as no name ("الشيخ خليفة استقبل", "قال محمد مؤكدا", "مسعود سليمان أجرى
    اتصالات") or opening a phrase ("ماركو بيليتش فقال", "ناجي عيسى بإحالة بيانات"):
    the sentence goes on after the name."""
    parts = person.name.split(" ")
    end = next(
        (
            i
            for i in range(1, len(parts))
            if is_arabic(parts[i])
            and (
                not_a_name(parts[i])
                or opens_a_phrase(rules, parts[i])
                or defective_verb(rules, parts[i])
                or no_family_name(rules, parts[i])
                # the sentence's object: "نال الممثل بيمان معادي جائزة أفضل أداء"
                or (ordinary_word(rules, parts[i]) and not parts[i].startswith(ARTICLE))
            )
            and (i + 1 == len(parts) or parts[i + 1] not in COMPOUND_NAME_ENDINGS)
        ),
        len(parts),
    )
    if end == len(parts):
        return person
    surface = person.surface_forms[0].split()
    if len(surface) != len(parts):
        return person  # a word written as two tokens: no safe cut
    cut = " ".join(surface[:end])
    return TriggerPerson(" ".join(parts[:end]), person.first_offset, person.count, [cut])


def _not_named_after(
    rules: NameRules, text: str, people: list[TriggerPerson]
) -> list[TriggerPerson]:
    """Trigger-found people in Latin script, less the names of things named after a
    person: holding a word such as "Award" or a head noun ("Sheikh Zayed Book
    Award"), or followed by one capitalised ("King Abdullah Sports City")."""
    kept = []
    for person in people:
        if is_arabic(person.name):
            kept.append(person)
            continue
        if any(names_after(rules, word) for word in person.name.split(" ")):
            continue
        end = person.first_offset + len(person.surface_forms[0])
        following = text[end : end + 40]
        if following[:1] == " " and following[1:2].isupper():
            word = normalize_text(following.split(maxsplit=1)[0])
            if names_after(rules, word):
                continue
        kept.append(person)
    return kept


LATIN_LINKS_BEFORE = (" of ", " and ")


def _not_after_a_link(
    rules: NameRules, text: str, people: list[TriggerPerson]
) -> list[TriggerPerson]:
    """Trigger-found people in Latin script less the capitalised words that carry on
    a name before "of" or "and" (a ministry's portfolio: "Minister of Water Resources
    and Irrigation Hani Sewilam"): the person opens at the first given name of the
    lists after them, and there is none without one."""
    kept = []
    for person in people:
        words = person.name.split(" ")
        before = text[max(0, person.first_offset - len(" and ")) : person.first_offset]
        if is_arabic(person.name) or not before.endswith(LATIN_LINKS_BEFORE):
            kept.append(person)
            continue
        start = next((i for i, word in enumerate(words) if word in rules.given_latin), None)
        if start is None or len(words) - start < 2:
            continue
        kept.append(_less_words(person, start) if start else person)
    return kept


def _adjective_before(rules: NameRules, word: str) -> bool:
    """A definite adjective of relation ending the phrase before a name ("للحزب
    الجمهوري عصام الشابي"): it never opens a person's name, unless it is a given
    name written with the article ("الهادي")."""
    return nisba_adjective(word) and word not in rules.given_arabic


Known = list[EntryMentions]
"""The gazetteer's finds, one per entry."""


@dataclass(frozen=True, slots=True)
class TagTemplates:
    """Per gazetteer entry, the tag fields that do not depend on the mentions, with the
    confidence of an entry named (first) and of one met only as an adjective."""

    fields: list[tuple[dict[str, object], float, float]]


def tag_templates(gazetteer: Gazetteer) -> TagTemplates:
    """Made once with the gazetteer (`Resources.of`)."""
    return TagTemplates(
        [
            (
                {"id": entry.id, "type": entry.type, "names": names, "candidate": False},
                round(entry.confidence, 3),
                round(entry.confidence * ADJECTIVE_ONLY_FACTOR, 3),
            )
            for entry, names in zip(gazetteer.entries, gazetteer.displays, strict=True)
        ]
    )


def find_entities(
    gazetteer: Gazetteer,
    templates: TagTemplates,
    analysis: Analysis,
    language: str | None = None,
    dateline: Dateline | None = None,
) -> list[EntityTag]:
    """Entity tags for the analysed text, in order of first mention. Mentions of one
    key (so normalizing alike: "الرقة", "الرقه") share one surface form, the first
    as written. `templates`: `tag_templates(gazetteer)`; `dateline`: the article's,
    whose town and agency are read where the body opens with them."""
    found = gazetteer.finder.find(analysis, language)
    known: Known = [
        f
        for f in found.known
        if (
            f.named
            or not (
                _feminine_elative(f)
                or (language == "fr" and _french_language(analysis, f))
                or (
                    language == "ar"
                    and (_arabic_language(analysis, f) or _country_level(analysis, f))
                )
            )
        )
        and not (language == "ar" and _elative_after_definite(gazetteer, analysis, f))
    ]
    people = [TriggerPerson(p.name, p.first_offset, p.count, p.surface_forms) for p in found.people]
    fields_of = templates.fields
    read_as = _namesakes_in_story(gazetteer, known)
    weights = _country_mentions(gazetteer, known, read_as)
    countries = set(weights)
    tokens = Tokens.of(analysis)
    cued = find_cued(gazetteer.cued, gazetteer.names, tokens)
    countries |= {c for entry, _ in cued if (c := gazetteer.entries[entry].country) is not None}
    town = dateline_town(gazetteer.places, tokens, dateline.place if dateline else None, countries)
    if town is not None:
        countries.add(town.country)
    if language is not None:
        vouched = countries - set(weights)
        kept = _towns_of_the_story(
            gazetteer, analysis, known, read_as, weights, vouched, latin=language != "ar"
        )
        if len(kept) < len(known):
            known = kept
            weights = _country_mentions(gazetteer, known, read_as)
            countries = set(weights) | vouched
    built = find_names(gazetteer.names, tokens, language)
    club_rules = gazetteer.clubs.get(language or "")
    clubs = (
        find_clubs(
            club_rules,
            gazetteer.names,
            tokens,
            [(n.first, n.last) for n in built],
            gazetteer.places.names,
        )
        if club_rules is not None
        else []
    )
    found_small = find_small_places(
        gazetteer.places,
        tokens,
        countries,
        [
            (n.first, n.last if n.seat is None else n.seat)
            for n in (*built, *clubs)
            if n.type == "organisation" and not n.yields
        ],
        town,
        weights,
    )
    forms: KnownForms | None = None
    if found_small:
        forms = _known_forms(known)
        found_small = _not_within(tokens, forms, found_small)
        found_small = _not_curated(gazetteer, tokens, known, found_small)
        built, found_small = _places_named_like_people(gazetteer.names, tokens, built, found_small)
    built = _yielding_to_places(gazetteer, built, found_small)
    # a person's or a body's name inside a longer known name is that name's ("المجمع
    # الرياضي الأمير مولاي عبد الله", "Fonds mondial de lutte" of the Global Fund's
    # whole name); a name of two words or more lies inside one of three, which the
    # small places' index holds too where it is made
    inside = [n for n in built if n.type in INSIDE_KNOWN_TYPES]
    if inside and (longer := forms or _known_forms(known, PERSON_INSIDE_WORDS)):
        free = _not_within(tokens, longer, inside)
        built = [n for n in built if n.type not in INSIDE_KNOWN_TYPES or n in free]
    walked = [n for n in built if n.type == "person"]
    # nor is one that opens with a known name's later word ("يونس اصطفت" of "بخان
    # يونس اصطفت")
    if walked and (written := forms or _known_forms(known, 2)):
        built = [
            n
            for n in built
            if n.type != "person" or not _opens_inside_known(tokens.words, written, n.first)
        ]
    if language is not None and (
        unknown := _unknown_places(
            gazetteer, tokens, known, forms, built, clubs, found_small, language, countries
        )
    ):
        if language == "ar" and (home := _home(town, weights)) is not None:
            unknown, spelled = _spelled_towns(gazetteer.places, unknown, home)
            found_small = sorted([*found_small, *spelled], key=lambda p: p.first)
        built = sorted([*built, *unknown], key=lambda n: n.first)
    features = find_features(
        gazetteer.places.features,
        gazetteer.names,
        tokens,
        [(n.first, n.last) for n in (*built, *clubs) if n.type != "person"]
        + [(p.first, p.last) for p in found_small],
        [(n.first, n.last) for n in built if n.type == "person"],
    )
    if features:
        # a stadium is not the person it is named after ("ملعب ميلود هدفي")
        places = [(f.first, f.last) for f in features]
        built = [
            n
            for n in built
            if n.type != "person" or not any(a < n.last and n.first < b for a, b in places)
        ]
        built = sorted([*built, *features], key=lambda n: n.first)
    credited = _agencies(gazetteer, tokens, dateline.agency) if dateline else []
    built += [Name("organisation", c.name, c.first, c.last) for c in credited if c.entry is None]
    # a known place or person an agency's name spells is none there ("قنا")
    spans = [(c.first, c.last, kind) for c in credited for kind in ("place", "person")]
    # a feature is not the place or person it is named after ("Lake Victoria")
    spans += [(n.first, n.last, kind) for n in features for kind in ("place", "person")]
    spans += [(p.first, p.last, "place") for p in found_small] + [
        (n.first, n.last, kind)
        for n in built
        if (language != "en" and n.type == "organisation") or is_arabic(n.name)
        for kind in (("place", "person") if n.type == "person" else ("organisation",))
    ]
    # a Latin-script person's given name is no place when it is a given name of the
    # lists ("Maurice Ouma", not Mauritius), whatever place it also names
    spans += [
        (n.first + (tokens.words[n.first] not in gazetteer.names.given_latin), n.last, "place")
        for n in built
        if n.type == "person" and not is_arabic(n.name)
    ]
    # an English name's head is no known body of that word ("Uganda People's Congress"),
    # and the place its name holds is no place of the story ("Renaissance Africa Energy")
    heads = gazetteer.names.latin_head_words
    english = [
        n for n in built if language == "en" and n.type == "organisation" and n.last - n.first > 1
    ]
    spans += [(n.first, n.last, "place") for n in english]
    # nor, in Arabic and French, the river, sea or part of the world a body's name
    # holds ("شركة النيل للبترول")
    spans += [
        (n.first, n.last, FEATURE) for n in built if n.type == "organisation" and language != "en"
    ]
    # a house's name is its own, whatever town it spells ("دار الشروق", a publisher)
    houses = gazetteer.names.arabic_purposed
    spans += [
        (n.first, n.last, "place")
        for n in built
        if n.type == "organisation" and n.name.split(" ", 1)[0] in houses
    ]
    spans += [
        (n.last - 1, n.last, "organisation") for n in english if tokens.words[n.last - 1] in heads
    ]
    # a competition's place or sponsor is not one the story is about ("Africa Cup of
    # Nations", "دوري أدنوك للمحترفين"), a body named after a person is not the person
    # ("King Abdullah University")
    competitions = competition_spans(gazetteer.places, tokens)
    spans += _holding(gazetteer, tokens, known, "place", competitions)
    # an Arabic competition's sponsor after its head; English names bodies so ("Arab League")
    sponsored = [(a, b) for a, b in competitions if is_arabic(tokens.words[a])]
    spans += _holding(gazetteer, tokens, known, "organisation", sponsored)
    spans += _holding(
        gazetteer,
        tokens,
        known,
        "person",
        [(n.first, n.last) for n in built if n.type == "organisation"],
    )
    # a club's name is neither the place nor the body it is named after ("الخليج")
    spans += [(n.first, n.last, kind) for n in clubs for kind in ("place", "organisation")]
    known_named = [
        (_in_story(gazetteer, c.entry, countries), c.first, c.last)
        for c in credited
        if c.entry is not None
    ]
    known_named += [(entry, token, token + 1) for entry, token in cued]
    known_named += [
        (entry, token, token + 1)
        for entry, token in cued_before_people(
            gazetteer.cued, tokens, [n.first for n in built if n.type == "person"]
        )
    ]
    if clubs:
        assert club_rules is not None
        home = _home(town, weights)
        linked = [(n, club_entry(club_rules, n.name, home)) for n in clubs]
        known_named += [(entry, n.first, n.last) for n, entry in linked if entry is not None]
        built = sorted(
            [*built, *(n for n, entry in linked if entry is None)], key=lambda n: n.first
        )
    if spans:
        known = _outside(gazetteer, tokens, known, spans)
    if town is not None and town.capital is not None:
        found_small = [SmallPlace(town.capital, town.first, town.last), *found_small]
    small = _grouped(analysis, ((p.id, p.first, p.last) for p in found_small))
    tags: list[EntityTag] = []
    namesakes: list[tuple[int, int, int, list[str]]] = []
    # an acronym the story gives for a name it writes out is that body's, not the
    # known body of the same letters ("Alliance Fleuve Congo (AFC)")
    defined = {normalize_text(n.acronym) for n in built if n.acronym is not None}
    defined |= _acronyms_given(gazetteer, analysis.original, known)
    mentioned: dict[int, tuple[int, int, list[str], bool]] = {}
    for mentions in known:
        index, first_offset, count = mentions.entry, mentions.first_offset, mentions.count
        index = read_as.get(index, index)
        named, surfaces = mentions.named, mentions.surface_forms
        if _surname_alone(gazetteer, index, surfaces):
            continue
        if defined and all(normalize_text(surface) in defined for surface in surfaces):
            continue
        if _other_countrys_body(gazetteer.entries[index], countries) and not _named_with_country(
            gazetteer, surfaces
        ):
            namesakes.append((index, first_offset, count, surfaces))
            continue
        if index in mentioned:
            # a namesake read as an entry the story also names by its own name
            # ("عمان" in a story about Oman, which writes "سلطنة عمان" too)
            first_offset, count, surfaces, named = _together(
                mentioned[index], (first_offset, count, surfaces, named)
            )
        mentioned[index] = (first_offset, count, surfaces, named)
    for index, (first_offset, count, surfaces, named) in mentioned.items():
        fields, named_confidence, adjective_confidence = fields_of[index]
        confidence = named_confidence if named else adjective_confidence
        tags.append(_known_tag(fields, surfaces, count, first_offset, confidence))
    if known_named:
        present = {tag.id for tag in tags}
        for index, (first_offset, count, surfaces) in _grouped(analysis, known_named).items():
            fields, named_confidence, _ = fields_of[index]
            if fields["id"] not in present:
                tags.append(_known_tag(fields, surfaces, count, first_offset, named_confidence))
    for index, first_offset, count, surfaces in namesakes:
        name = _as_named(gazetteer.entries[index], normalize_text(surfaces[0]))
        tags.append(_candidate("organisation", name, first_offset, count, surfaces, language))
    people = _trimmed(gazetteer, people, analysis.original)
    if people:
        people = _not_named_after(gazetteer.names, analysis.original, people)
        people = _not_after_a_link(gazetteer.names, analysis.original, people)
    people = _as_built(gazetteer.names, built, people, tokens)
    built, people = _joined_people(built, people, tokens)
    built, people = _outer_people(built, people), _unless_inside(people, built, tokens)
    built = _not_surnames(built, people)
    if language == "ar":
        tags = _no_surname_demonyms(tags, built, people)
    for person in people:
        name, first_offset, count = person.name, person.first_offset, person.count
        surfaces = person.surface_forms
        tags.append(_candidate("person", name, first_offset, count, surfaces, language))
    for kind, name, first_offset, count, surfaces in _mentions(tokens, built, tags):
        tags.append(_candidate(kind, name, first_offset, count, surfaces, language))
    if gazetteer.without_article and (people or built):
        tags = _known_without_article(gazetteer, templates, tags)
    for place_id, (first_offset, count, surfaces) in small.items():
        tags.append(
            _found(
                place_id,
                "place",
                first_offset,
                count,
                surfaces,
                language,
                SMALL_PLACE_CONFIDENCE,
            )
        )
    if people or built or small or namesakes or known_named:
        tags.sort(key=_first_offset)
    return tags


BRACKETED = re.compile(r"\(([^()\s]{2,12})\)")
"""An acronym a story gives in brackets."""


def _acronyms_given(gazetteer: Gazetteer, original: str, known: Known) -> set[str]:
    """The acronyms the story gives in brackets right after a known body's name
    written out ("Union nationale pour la démocratie et le progrès (UNDP)"):
    that body's, whatever other known body has those letters."""
    brackets = [(m.start(), m.group(1)) for m in BRACKETED.finditer(original)]
    if not brackets:
        return set()
    names = tuple(
        surface
        for mentions in known
        if gazetteer.entries[mentions.entry].type == "organisation"
        for surface in mentions.surface_forms
        if " " in surface
    )
    given: set[str] = set()
    for start, acronym in brackets:
        end = len(original[:start].rstrip())
        if names and original.endswith(names, 0, end):
            given.add(normalize_text(acronym))
    return given


GENERIC_AGENCIES = frozenset(
    normalize_text(word) for word in ("وكالات", "agencies", "agences", "staff", "wires")
)
"""What a dateline credits when it names no agency ("عواصم - (وكالات)")."""
AGENCY_ALIASES = {
    normalize_text(short): normalize_text(name)
    for short, name in (
        ("قنا", "QNA"),
        ("وال", "وكالة الأنباء الليبية"),
        ("واع", "وكالة الأنباء العراقية"),
        ("وام", "وكالة أنباء الإمارات"),
        ("ACI", "Agence congolaise d'information"),
    )
}
"""Agencies datelines credit by a short name the gazetteer cannot hold as a key, the
word being a town's elsewhere (Qena), a word's start with "و" and the article ("وال",
LANA), "و" and a word ("وأم", and a mother, normalizes as WAM does) or an acronym
other bodies bear ("ACI", the Airports Council International too): read so in a
dateline, and where the text encloses it as it credits one."""
NEWS_AGENCY_OF = normalize_text("وكالة الأنباء") + " "
"""A national agency credited by its country's adjective ("مسقط في 28 يناير
/العمانية/") is the one named "وكالة الأنباء" and that adjective; the adjective
alone is no key, being an adjective everywhere else."""
AGENCY_WORD = normalize_text("وكالة") + " "
"""An agency credited by the short name the gazetteer holds after "وكالة" ("(وفا)" for
"وكالة وفا"): the short name alone is no key, a given name's spelling ("وفاء")."""
AGENCY_SEPARATORS = re.compile(r"\s*[/,]\s*")
DATELINE_TOKENS = 16
"""How far into the body a dateline's agency may stand."""


@dataclass(frozen=True, slots=True)
class Credited:
    """An agency a dateline credits, at tokens `[first, last)`."""

    entry: int | None
    """The known body it is, if any."""
    name: str
    first: int
    last: int


def _agencies(gazetteer: Gazetteer, tokens: Tokens, agency: str | None) -> list[Credited]:
    """The agencies the dateline credits ("AFP/Reuters", "APA", "قنا"), where the body
    opens with them. A wire story's agency is a body of the story."""
    if not agency:
        return []
    start = tokens.body
    words = tokens.words[start : start + DATELINE_TOKENS]
    found: list[Credited] = []
    bodies = gazetteer.bodies
    for part in AGENCY_SEPARATORS.split(agency.strip()):
        name = normalize_text(part)
        size = len(name.split())
        entry = bodies.get(AGENCY_ALIASES.get(name, name), bodies.get(name.replace(" ", "")))
        if entry is None:
            entry = bodies.get(NEWS_AGENCY_OF + name, bodies.get(AGENCY_WORD + name))
        if not name or name in GENERIC_AGENCIES or (entry is None and name in gazetteer.names.keys):
            continue  # "الموصل (العراق) -": a place in brackets, no agency
        for offset in range(len(words) - size + 1):
            if " ".join(words[offset : offset + size]) == name:
                first = start + offset
                found.append(Credited(entry, name, first, first + size))
                found += _credited_again(tokens, entry, name, first + size)
                break
    return found


CREDIT_MARKS = {"(": ")", "/": "/"}
"""How copy encloses an agency's name it credits again ("... لوكالة الأنباء القطرية
/قنا/", "(QNA)")."""
CREDIT_MARK_REACH = 4
"""Characters around a name that hold its marks and the spaces beside them."""


def _next(words: list[str], word: str, start: int, end: int) -> int:
    """The index of `word` in `words[start:end]`, else -1."""
    try:
        return words.index(word, start, end)
    except ValueError:
        return -1


def _credited_again(tokens: Tokens, entry: int | None, name: str, after: int) -> list[Credited]:
    """Later mentions of a credited agency's name that the text encloses as it credits
    an agency: the agency, no town its name also spells ("قنا", Qena)."""
    parts = name.split()
    size, words = len(parts), tokens.words
    original, analysis = tokens.analysis.original, tokens.analysis
    found = []
    first, end = after - 1, len(words) - size + 1
    while (first := _next(words, parts[0], first + 1, end)) >= 0:
        if words[first : first + size] != parts:
            continue
        span = analysis.span(first, first + size)
        opening = original[max(0, span.start - CREDIT_MARK_REACH) : span.start].rstrip()[-1:]
        closing = original[span.end : span.end + CREDIT_MARK_REACH].lstrip()[:1]
        if opening in CREDIT_MARKS and CREDIT_MARKS[opening] == closing:
            found.append(Credited(entry, name, first, first + size))
    return found


def _together(
    one: tuple[int, int, list[str], bool], other: tuple[int, int, list[str], bool]
) -> tuple[int, int, list[str], bool]:
    """Two groups of mentions of one entry as one: (first offset, count, surface forms
    in order of first use, named)."""
    first, second = sorted((one, other), key=lambda group: group[0])
    surfaces = first[2] + [form for form in second[2] if form not in first[2]]
    return first[0], first[1] + second[1], surfaces, first[3] or second[3]


def _known_tag(
    fields: dict[str, object], surfaces: list[str], count: int, first_offset: int, confidence: float
) -> EntityTag:
    """The tag of a gazetteer entry: its fixed `fields` (`TagTemplates`) and its mentions."""
    return assemble(
        EntityTag,
        {
            **fields,
            "surface_forms": surfaces,
            "count": count,
            "first_offset": first_offset,
            "confidence": confidence,
        },
    )


def _known_without_article(
    gazetteer: Gazetteer, templates: TagTemplates, tags: list[EntityTag]
) -> list[EntityTag]:
    """A person candidate whose name is a known person's with the article left out
    ("Abdel Fattah Burhan" for "Abdel Fattah al-Burhan") is that person."""
    known = {tag.id for tag in tags if not tag.candidate}
    kept: list[EntityTag] = []
    for tag in tags:
        index = (
            gazetteer.without_article.get(tag.id.removeprefix(CANDIDATE_PREFIX))
            if tag.candidate and tag.type == "person"
            else None
        )
        if index is None:
            kept.append(tag)
            continue
        fields, named_confidence, _ = templates.fields[index]
        if fields["id"] in known:
            continue
        known.add(str(fields["id"]))
        kept.append(
            _known_tag(fields, tag.surface_forms, tag.count, tag.first_offset, named_confidence)
        )
    return kept


def _places_named_like_people(
    rules: NameRules, tokens: Tokens, built: list[Name], small: list[SmallPlace]
) -> tuple[list[Name], list[SmallPlace]]:
    """A person's name that is, word for word, a small place found with its context
    ("Sidi Bouzid" in "les gouvernorats de Kairouan et Sidi Bouzid") is the place;
    a small place that shares only some words with a person's name is none."""
    people = [(n.first, n.last) for n in built if n.type == "person"]
    if not people:
        return built, small
    places = {(p.first, p.last) for p in small}
    # "وتعد بن قردان القريبة من الحدود": a verb before a town named with "بن" (the
    # place found with its context), which the names walk read as a given name and a
    # father's
    built = [
        n
        for n in built
        if n.type != "person"
        or (
            (n.first, n.last) not in places
            and (
                (n.first + 1, n.first + 3) not in places
                or tokens.words[n.first] in rules.given_arabic
            )
        )
    ]
    people = [(n.first, n.last) for n in built if n.type == "person"]
    small = [
        p
        for p in small
        if (p.first, p.last) in people
        or not any(first < p.last and p.first < last for first, last in people)
    ]
    return built, small


def _yielding_to_places(
    gazetteer: Gazetteer, built: list[Name], small: list[SmallPlace]
) -> list[Name]:
    """Names found from the words around them alone ("Iraq's Duhok"), less those
    that are the name of a town or region, or hold a small place found with its
    context."""
    if not any(n.yields for n in built):
        return built
    towns, regions = gazetteer.places.rows, gazetteer.places.regions
    return [
        n
        for n in built
        if not n.yields
        or not (
            n.name in towns
            or n.name in regions
            or any(n.first <= p.first and p.last <= n.last for p in small)
        )
    ]


def _unknown_places(
    gazetteer: Gazetteer,
    tokens: Tokens,
    known: Known,
    forms: KnownForms | None,
    built: list[Name],
    clubs: list[Name],
    small: list[SmallPlace],
    language: str,
    countries: Set[str],
) -> list[Name]:
    """Places nobody knows, named after a place word (`places_by_their_word`), in
    Arabic listed after a place (`places_in_lists`), in Latin script before an
    administrative word (`places_before_their_word`), none
    inside the names found otherwise, none a town or region of another spelling, none
    inside a known name (nor, in Arabic, sharing a word with one). `forms`: the known
    names' index (`_known_forms`) when it is made already."""
    places = gazetteer.places
    found = places_by_their_word(
        gazetteer.names,
        tokens,
        places.unknown_before,
        places.links,
        places.ands,
        (*((n.first, n.last) for n in (*built, *clubs)), *((p.first, p.last) for p in small)),
        arabic=language == "ar",
    )
    if language == "ar":
        spans = [(p.first, p.last) for p in small] + [(n.first, n.last) for n in found]
        found += places_in_lists(
            gazetteer.names,
            tokens,
            spans,
            [*spans, *((n.first, n.last) for n in (*built, *clubs))],
        )
    else:
        found += places_before_their_word(
            gazetteer.names,
            tokens,
            places.unknown_after,
            places.ands,
            (
                *((n.first, n.last) for n in (*built, *clubs, *found)),
                *((p.first, p.last) for p in small),
            ),
        )
    # a name only towns abroad bear is, after its place word, the story's own village
    # ("بلدة الحصن" in a Yemeni story, "ولاية مرباط" in an Omani one)
    found = [
        n
        for n in found
        if not places.names(n.name)
        or (language == "ar" and countries and places.only_abroad(n.name, countries))
    ]
    if not found:
        return []
    forms = _known_forms(known) if forms is None else forms
    return _not_within(tokens, forms, found, overlapping=language == "ar")


def _spelled_towns(
    places: SmallPlaces, unknown: list[Name], country: str
) -> tuple[list[Name], list[SmallPlace]]:
    """Of the Arabic places nobody knows by their name, those that are a town of the
    story's own `country` GeoNames names in Latin letters only ("ماطر", Mateur), as
    that town; the rest as they are."""
    rest, towns = [], []
    for name in unknown:
        town = places.spelled_like(name.name, country)
        if town is None:
            rest.append(name)
        else:
            towns.append(SmallPlace(town, name.first, name.last))
    return rest, towns


def _holding(
    gazetteer: Gazetteer,
    tokens: Tokens,
    known: Known,
    kind: EntityType,
    spans: list[tuple[int, int]],
) -> list[tuple[int, int, EntityType]]:
    """The token spans that hold a mention of a known entity of type `kind`, as
    spans of that type (`_outside`); a span holding none changes nothing."""
    if not spans:
        return []
    entries = gazetteer.entries
    forms = [
        _padded(surface)
        for found in known
        if entries[found.entry].type == kind
        for surface in found.surface_forms
    ]
    if not forms:
        return []
    words = tokens.words
    return [
        (first, last, kind)
        for first, last in spans
        if any(form in _words(" ".join(words[first:last])) for form in forms)
    ]


def _country_mentions(
    gazetteer: Gazetteer, known: Known, namesakes: dict[int, int]
) -> Counter[str]:
    """The countries the story is about, each with how often the story names it: the
    mentions of the known places in it (`namesakes` read for the places they stand
    for)."""
    entries, counts = gazetteer.entries, Counter[str]()
    for found in known:
        entry = entries[namesakes.get(found.entry, found.entry)]
        if entry.type == "place" and entry.country is not None:
            counts[entry.country] += found.count
    return counts


def _home(town: DatelineTown | None, weights: Counter[str]) -> str | None:
    """The story's own country: its dateline's, else the one it names most, where one
    country is named most."""
    if town is not None:
        return town.country
    top = weights.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


CITY_POPULATION = 1_000_000
"""A city this large is news under its own name, wherever the story is."""


FRENCH_LANGUAGE_ARTICLES = frozenset(("le", "l", "en", "du"))
"""Words before a demonym in lower case that make it the language ("le français", "l'arabe
tchadien", "en anglais"), no country."""
LANGUAGE_WORDS = frozenset(
    normalize_text(word) for word in ("اللغة", "باللغة", "اللغتين", "باللغتين")
)
"""Words before a demonym that make it a language ("باللغة الفرنسية"), no country."""
LANGUAGES_AR = frozenset(normalize_text(word) for word in ("العربية", "الإنجليزية", "الإنكليزية"))
"""Languages before "و" and a demonym that make it one too ("بين العربية والفرنسية")."""
IN_LANGUAGE = "بال"
"""A people's adjective written with it is the language something is written in."""
LANGUAGE_REACH = 16
"""Characters before a demonym that hold the word before it."""
_WORD = re.compile(r"\w+")


def _word_before(analysis: Analysis, found: EntryMentions) -> str | None:
    """The word written just before a found entry's one mention, normalized."""
    if found.count != 1:
        return None
    offset = found.first_offset
    words = _WORD.findall(analysis.original, max(0, offset - LANGUAGE_REACH), offset)
    return normalize_text(words[-1]) if words else None


def _arabic_language(analysis: Analysis, found: EntryMentions) -> bool:
    """One mention, an adjective after "اللغة", or after another language with "و" on
    it, or written with "ب" (in): the language, no country ("الترجمة بين العربية
    والفرنسية", "وضعت الأسئلة بالفرنسية"); "القمة العربية الصينية" names China."""
    word = _word_before(analysis, found)
    return (
        word in LANGUAGE_WORDS
        or (word in LANGUAGES_AR and found.surface_forms[0].startswith(AND))
        or (found.count == 1 and found.surface_forms[0].startswith(IN_LANGUAGE))
    )


def _country_level(analysis: Analysis, found: EntryMentions) -> bool:
    """One mention of "القطري" after an office of an international body: its country
    director or office ("المدير القطري للبرنامج في السودان"), no Qatari."""
    return (
        normalize_text(found.surface_forms[0]) in COUNTRY_LEVEL
        and _word_before(analysis, found) in COUNTRY_OFFICES
    )


def _elative_after_definite(gazetteer: Gazetteer, analysis: Analysis, found: EntryMentions) -> bool:
    """One mention of a packaged town named by one word of the shape of a colour or an
    elative ("الأبيض", "الأزرق"), right after a definite word: that word's adjective
    ("المرجان الأبيض", "الذهب الأبيض"), no town; a town so named follows a preposition
    or an indefinite noun ("في الأبيض", "مدينة الأبيض")."""
    if gazetteer.entries[found.entry].priority != TOWN_PRIORITY:
        return False
    name = normalize_text(found.surface_forms[0])
    word = _word_before(analysis, found)
    return (
        word is not None
        and len(name) == len(ARTICLE) + ELATIVE_LETTERS
        and name.startswith(ARTICLE + ELATIVE_PREFIX)
        and word.startswith(ARTICLE_FORMS)
        and word not in gazetteer.names.stopwords  # "إلى الأبيض", "التي"
    )


ELATIVE_PREFIX = "ا"
ELATIVE_LETTERS = 4
"""An elative or a colour is "أ" and three letters: "أبيض", "أحمر", "أكبر"."""


COUNTRY_LEVEL = frozenset(normalize_text(word) for word in ("القطري", "القطرية"))
COUNTRY_OFFICES = frozenset(
    normalize_text(word)
    for word in (
        "المدير", "المديرة", "الممثل", "الممثلة", "المكتب", "المنسق", "المنسقة", "مدير",
        "مديرة", "ممثل", "ممثلة", "مكتب", "منسق", "منسقة", "مكتبها", "مكتبه",
    )
)  # fmt: skip
"""Offices that "القطري" after them makes a body's in one country."""


def _french_language(analysis: Analysis, found: EntryMentions) -> bool:
    """One mention, an adjective in lower case after "le", "l'", "en" or "du" and
    before no name: the language, no country ("ni le français", "cours en anglais"),
    where "le suisse Givaudan" is a company of that country."""
    surface = found.surface_forms[0]
    if not surface.islower() or _word_before(analysis, found) not in FRENCH_LANGUAGE_ARTICLES:
        return False
    after = analysis.original[found.first_offset + len(surface) :].lstrip()
    return not after[:1].isupper()


_LONGEST_FIRST = sorted(filter(None, BEFORE_ARTICLE), key=len, reverse=True)


def _without_proclitic(name: str) -> str:
    """A known body's normalized name as written less the proclitics on its first word
    ("والحمايه المدنيه" -> "الحمايه المدنيه"), which the gazetteer's keys never hold."""
    if not is_arabic(name):
        return name
    first, _, rest = name.partition(" ")
    for prefix in _LONGEST_FIRST:
        if first.startswith(prefix + ARTICLE) and len(first) > len(prefix) + 3:
            return " ".join(filter(None, (first[len(prefix) :], rest)))
    return name


def _as_named(entry: Entry, name: str) -> str:
    """A known body's normalized name as written less the proclitics on its first word,
    with the article ("والحمايه المدنيه" -> "الحمايه المدنيه") or before a name the
    entry holds without it ("وبنك الاسكان" -> "بنك الاسكان")."""
    bare = _without_proclitic(name)
    if bare != name or not is_arabic(name):
        return bare
    names = {normalize_text(n) for n in entry.names.get("ar", [])}
    for prefix in _PROCLITICS_LONGEST_FIRST:
        if name.startswith(prefix) and name[len(prefix) :] in names:
            return name[len(prefix) :]
    return name


_PROCLITICS_LONGEST_FIRST = sorted(filter(None, BEFORE_BARE), key=len, reverse=True)


def _feminine_elative(found: EntryMentions) -> bool:
    """Every mention, all adjectives, written with a final "ى", which normalizes as a
    nisba's "ي": a feminine elative ("القدم اليمنى", the right foot), no Yemeni."""
    return all(form.endswith(ALEF_MAQSURA) for form in found.surface_forms)


def _towns_of_the_story(
    gazetteer: Gazetteer,
    analysis: Analysis,
    known: Known,
    read_as: dict[int, int],
    weights: Counter[str],
    vouched: set[str],
    latin: bool = False,
) -> Known:
    """Known places less the packaged towns (smaller than `CITY_POPULATION`) of a
    country nothing else in the story names, met without a place word before them
    and not opening the body (the dateline's town). In Arabic copy their names are more often words
    ("معسكر" a camp, not Mascara; "الأبيض" white, not El Obeid; "العبور" the
    crossing), and so are curated places named by an everyday word (`Entry.ordinary`,
    Arabic copy only); in Latin-script copy (`latin`), which names towns as they are, only
    those written beside another capitalised word, a part of a longer name ("Ana
    Carolina Bezerra", "Queens Sports Club"). `vouched`: countries the story names
    otherwise (its dateline's, a cued one's)."""
    entries, original = gazetteer.entries, analysis.original
    body = original.find("\n") + 1
    before = gazetteer.places.before
    kept = []
    for found in known:
        entry = entries[read_as.get(found.entry, found.entry)]
        country = entry.country
        town = entry.priority == TOWN_PRIORITY and entry.weight < CITY_POPULATION
        if (
            not (town or (entry.ordinary and not latin))
            or country is None
            or country in vouched
            or weights[country] > found.count
            or _opens_body(original, body, found)
            or (latin and not _in_capitalised_run(original, found))
        ):
            kept.append(found)
            continue
        previous = original[max(0, found.first_offset - 24) : found.first_offset].split()
        if previous and normalize_text(previous[-1]) in before:
            kept.append(found)
    return kept


OPENING_REACH = 16
"""Characters at the body's start that hold the blanks before its first word."""


def _opens_body(original: str, body: int, found: EntryMentions) -> bool:
    """Whether the body opens with the place, as a dateline names its town: a mention
    in the headline is no dateline's."""
    longest = max(len(form) for form in found.surface_forms)
    opening = original[body : body + OPENING_REACH + longest].lstrip()
    return any(opening.startswith(form) for form in found.surface_forms)


def _in_capitalised_run(original: str, found: EntryMentions) -> bool:
    """Whether the first mention has a capitalised word right before it (not after
    a sentence's end) or right after it."""
    start = found.first_offset
    end = start + len(found.surface_forms[0])
    previous = original[max(0, start - 24) : start]
    following = original[end : end + 24]
    before_word = previous.rstrip(" ").rsplit(" ", 1)[-1] if previous.endswith(" ") else ""
    after_word = following.lstrip(" ").split(" ", 1)[0] if following.startswith(" ") else ""
    return bool(before_word[:1].isupper() and not before_word.endswith((".", ":"))) or bool(
        after_word[:1].isupper()
    )


def _in_story(gazetteer: Gazetteer, entry: int, countries: set[str]) -> int:
    """`entry`, or its one namesake of the story's `countries` when its own country
    is not one of them (a dateline's "(APS)" in a story about Senegal)."""
    namesakes = gazetteer.namesakes.get(entry)
    if not namesakes or gazetteer.entries[entry].country in countries:
        return entry
    others = [other for country, other in namesakes.items() if country in countries]
    return others[0] if len(others) == 1 else entry


def _namesakes_in_story(gazetteer: Gazetteer, known: Known) -> dict[int, int]:
    """Places and national bodies found by a name that those of other countries
    also bear ("Tripoli", "APS"), read as the one namesake in a country the rest of
    the story names when their own country is not named ("Tripoli" in a story about
    Lebanon): entry -> entry."""
    namesakes = gazetteer.namesakes
    ambiguous = [
        found.entry
        for found in known
        if found.entry in namesakes and _named_alike(gazetteer, found.entry, found.surface_forms)
    ]
    if not ambiguous:
        return {}
    entries = gazetteer.entries
    story = {
        country
        for found in known
        if found.entry not in namesakes
        and entries[found.entry].type == "place"
        and (country := entries[found.entry].country) is not None
    }
    chosen = {index: _in_story(gazetteer, index, story) for index in ambiguous}
    return {index: other for index, other in chosen.items() if other != index}


def _named_alike(gazetteer: Gazetteer, entry: int, surfaces: list[str]) -> bool:
    """A surface form of `entry`'s mentions is a key its namesakes bear too: "Congo"
    is both countries', "Democratic Republic of Congo" only one's."""
    shared = gazetteer.namesake_keys.get(entry, frozenset())
    return any(normalize_text(surface) in shared for surface in surfaces)


def _other_countrys_body(entry: Entry, countries: set[str]) -> bool:
    """A national body ("Assemblée nationale") in a story about other countries only:
    the body of the same name of the story's country, not this one."""
    return (
        entry.type == "organisation"
        and entry.country is not None
        and bool(countries)
        and entry.country not in countries
    )


def _named_with_country(gazetteer: Gazetteer, surfaces: list[str]) -> bool:
    """A body written with its country's adjective ("الهلال السعودي"): that country's
    body whichever countries the story is about."""
    for surface in surfaces:
        words = normalize_text(surface).split()
        if (
            len(words) > 1
            and nisba_adjective(words[-1])
            and words[-1] in gazetteer.names.place_keys
        ):
            return True
    return False


Spanned = TypeVar("Spanned", SmallPlace, Name)


KnownForms = dict[str, set[tuple[str, ...]]]
"""Word -> the surface forms of the gazetteer's finds that hold it, each as its words."""


INSIDE_KNOWN_TYPES = ("person", "organisation")
"""Kinds of built names that a longer known name holding them is instead."""
PERSON_INSIDE_WORDS = 3
"""The fewest words of a known name a person's name of two words or more lies inside."""


def _not_curated(
    gazetteer: Gazetteer, tokens: Tokens, known: Known, small: list[SmallPlace]
) -> list[SmallPlace]:
    """Small places less the towns written just as a mention of a known entry that is
    no packaged town: a country or a curated name read whole is no town read with a
    proclitic ("لبنان", Lebanon, is not "ل" and Banan). A packaged town's namesake of
    the story's country stays (the small places' index picks it), and a region its
    region word names ("ولاية البحر الأحمر")."""
    words = tokens.words
    written = {
        place: tuple(words[place.first : place.last])
        for place in small
        if not place.id.startswith(REGION_PREFIX)
    }
    forms = set(written.values())
    entries = gazetteer.entries
    curated = {
        form
        for found in known
        if entries[found.entry].priority != TOWN_PRIORITY
        for surface in found.surface_forms
        if (form := tuple(_padded(surface).split())) in forms
    }
    return [place for place in small if written.get(place) not in curated]


def _known_forms(known: Known, fewest_words: int = 1) -> KnownForms:
    """The index of the finds' surface forms of `fewest_words` words or more."""
    forms_with: KnownForms = {}
    for found in known:
        for surface in found.surface_forms:
            if surface.count(" ") + 1 < fewest_words:
                continue
            form = tuple(_padded(surface).split())
            for word in form:
                forms_with.setdefault(word, set()).add(form)
    return forms_with


def _not_within(
    tokens: Tokens, forms_with: KnownForms, small: list[Spanned], overlapping: bool = False
) -> list[Spanned]:
    """Places (or names) less the mentions inside a longer name the gazetteer found
    there (`forms_with`: `_known_forms` of its finds; "Caire" of "au Caire", a town in
    a known organisation's name), or with `overlapping` sharing words with one there
    ("مخيم زمزم القريب" beside the known "مخيم زمزم"). The same name elsewhere stays a
    place ("شركة نفط ذي قار" hides the region's name inside it, not in "محافظة ذي قار"
    further on), unless a known name opens with it: then it is that name's short form
    ("Simba" of "Simba SC", "Addis")."""
    words = tokens.words
    return [
        place
        for place in small
        if not _inside_known(words, forms_with, place.first, place.last, overlapping)
    ]


def _inside_known(
    words: list[str],
    forms_with: dict[str, set[tuple[str, ...]]],
    first: int,
    last: int,
    overlapping: bool,
) -> bool:
    """Whether a known name (`forms_with`: word -> the known surface forms holding it)
    is written at tokens around `[first, last)`, holding them and longer (or with
    `overlapping` sharing a token with them), or anywhere when it opens with them."""
    forms = {form for word in words[first:last] for form in forms_with.get(word, ())}
    name = tuple(words[first:last])
    for form in forms:
        size = len(form)
        if not overlapping and size > len(name) and form[: len(name)] == name:
            return True
        for start in range(max(0, first - size + 1), last):
            end = start + size
            if tuple(words[start:end]) != form:
                continue
            if overlapping or (start <= first and last <= end and size > last - first):
                return True
    return False


def _opens_inside_known(words: list[str], forms_with: KnownForms, first: int) -> bool:
    """Whether token `first` is a later word of a known name written there."""
    word = words[first]
    for form in forms_with.get(word, ()):
        for offset in range(1, len(form)):
            start = first - offset
            if (
                form[offset] == word
                and start >= 0
                and tuple(words[start : start + len(form)]) == form
            ):
                return True
    return False


@lru_cache(maxsize=1 << 16)
def _padded(surface: str) -> str:
    """A surface form normalized, between spaces (the same forms recur across articles)."""
    return _words(normalize_text(surface))


def _outside(
    gazetteer: Gazetteer, tokens: Tokens, known: Known, spans: list[tuple[int, int, str]]
) -> Known:
    """Known entries less those every mention of which lies inside a longer name
    found another way, by type: places inside a small place's or an Arabic person's
    name ("النيل" of "النيل الأبيض", the city of "ولاية كسلا", "منى" of "منى
    الخزاعي"), bodies inside a longer head-first body's (Arabic, French: "التجمع
    الوطني" of "التجمع الوطني الديمقراطي"); only those spans are given.
    A mention met once is inside when it lies wholly within one ("chefs de tribus
    arabes" runs past "Conseil civil de Raqqa et des chefs de tribus"); mentions met
    more often are counted over the names padded with spaces and joined."""
    analysis = tokens.analysis
    ranges: dict[str, list[tuple[int, int]]] = {}
    for first, last, kind in spans:
        span = analysis.span(first, last)
        ranges.setdefault(kind, []).append((span.start, span.end))
    joined: dict[str, str] = {}
    entries = gazetteer.entries

    def inside(found: EntryMentions, kind: str) -> bool:
        around = ranges.get(kind)
        if around is None:
            return False
        offset, surfaces = found.first_offset, found.surface_forms
        if found.count == 1:
            end = offset + len(surfaces[0])
            return any(low <= offset and end <= high for low, high in around)
        if kind not in joined:
            joined[kind] = "".join(
                _words(" ".join(tokens.words[first:last]))
                for first, last, other in spans
                if other == kind
            )
        return sum(joined[kind].count(_padded(s)) for s in surfaces) >= found.count

    return [
        found
        for found in known
        if not inside(found, (entry := entries[found.entry]).type)
        and not (entry.type == "place" and entry.country is None and inside(found, FEATURE))
    ]


FEATURE = "feature"
"""The kind of `_outside`'s spans whose known places of no country (rivers, seas,
parts of the world) are none of the story: bodies' names ("شركة النيل للبترول",
"Tea Brokers East Africa")."""


K = TypeVar("K", bound=Hashable)
Mentions = tuple[int, int, list[str]]
"""(first offset, count, surface forms in order of first use)"""


def _grouped(analysis: Analysis, spans: Iterable[tuple[K, int, int]]) -> dict[K, Mentions]:
    """Token spans `(key, first, last)` gathered by key, in order of first mention."""
    grouped: dict[K, Mentions] = {}
    for key, first, last in spans:
        surface = analysis.surface(first, last)
        first_offset, count, surfaces = grouped.get(key, (analysis.span(first, last).start, 0, []))
        if surface not in surfaces:
            surfaces.append(surface)
        grouped[key] = (first_offset, count + 1, surfaces)
    return grouped


def _surname_alone(gazetteer: Gazetteer, index: int, surfaces: list[str]) -> bool:
    """A known person met only by the family name ("Hariri" of "Rafic Hariri
    airport"): not linked, as it may be any of the family."""
    surnames = gazetteer.surnames.get(index)
    return surnames is not None and all(normalize_text(s) in surnames for s in surfaces)


def _candidate(
    kind: EntityType,
    name: str,
    first_offset: int,
    count: int,
    surfaces: list[str],
    language: str | None,
) -> EntityTag:
    return _found(
        CANDIDATE_PREFIX + name,
        kind,
        first_offset,
        count,
        surfaces,
        language,
        CANDIDATE_CONFIDENCE,
        candidate=True,
    )


def _found(
    tag_id: str,
    kind: EntityType,
    first_offset: int,
    count: int,
    surfaces: list[str],
    language: str | None,
    confidence: float,
    candidate: bool = False,
) -> EntityTag:
    """A tag of an entity found outside the gazetteer's keys, named as first written."""
    lang = "ar" if is_arabic(surfaces[0]) else (language or "en")
    return assemble(
        EntityTag,
        {
            "id": tag_id,
            "type": kind,
            "names": {lang: surfaces[0]},
            "surface_forms": surfaces,
            "count": count,
            "first_offset": first_offset,
            "confidence": confidence,
            "candidate": candidate,
        },
    )


def _words(name: str) -> str:
    return f" {name} "


def _unless_inside(
    people: list[TriggerPerson], built: list[Name], tokens: Tokens
) -> list[TriggerPerson]:
    """Trigger-found people, less those a name found from its structure holds ("Ould
    Djay" inside "Mokhtar Ould Djay", "Mauritanian Workers" inside an organisation),
    and those that open inside a body's name, whose title announced no person there
    ("سعود قبول" of "جامعة الملك سعود قبول ...")."""
    longer = [_words(n.name) for n in built]
    bodies = [tokens.analysis.span(n.first, n.last) for n in built if n.type == "organisation"]
    return [
        p
        for p in people
        if not any(_words(p.name) in name for name in longer)
        and not any(span.start < p.first_offset < span.end for span in bodies)
    ]


def _joined_people(
    built: list[Name], people: list[TriggerPerson], tokens: Tokens
) -> tuple[list[Name], list[TriggerPerson]]:
    """A person found from the structure of the name and one a trigger found that
    overlap, neither holding the other ("حسنية سليمان" and "سليمان الرميلات" of "قالت
    حسنية سليمان الرميلات"): one person, from the first's first word to the last's
    last."""
    if not people:
        return built, people
    analysis = tokens.analysis
    walked = [(n, analysis.span(n.first, n.last)) for n in built if n.type == "person"]
    if not walked:
        return built, people
    bodies = [analysis.span(n.first, n.last) for n in built if n.type == "organisation"]
    joined: list[TriggerPerson] = []
    dropped: set[int] = set()
    for person in people:
        start = person.first_offset
        end = start + len(person.surface_forms[0])
        if any(body.start < start < body.end for body in bodies):
            joined.append(person)  # no name: it opens inside a body's (`_unless_inside`)
            continue
        for index, (name, span) in enumerate(walked):
            if not (span.start < start < span.end < end or start < span.start < end < span.end):
                continue
            last = name.last
            while last < len(tokens.words) and analysis.span(last - 1, last).end < end:
                last += 1
            first = name.first
            while first > 0 and analysis.span(first, first + 1).start > start:
                first -= 1
            if analysis.span(first, last).start != min(start, span.start):
                continue
            surface = analysis.surface(first, last)
            name_words = " ".join(tokens.words[first:last])
            person = TriggerPerson(name_words, analysis.span(first, last).start, 1, [surface])
            dropped.add(index)
            break
        joined.append(person)
    kept = [n for n in built if not any(n is walked[i][0] for i in dropped)]
    return kept, joined


def _as_built(
    rules: NameRules, built: list[Name], people: list[TriggerPerson], tokens: Tokens
) -> list[TriggerPerson]:
    """Trigger-found people cut to the Arabic name found from its structure at the same place,
    where that holds two words or more and ends on no particle, and the trigger's goes
    on past it into a phrase with the article ("وافتتح المهاجم يوسف الحمداوي حصة
    التسجيل", "البروفسور بسام بدران قاعات الامتحان"): the words the name's structure
    left out are the sentence's object."""
    analysis, words = tokens.analysis, tokens.words
    starts = {
        analysis.span(n.first, n.last).start: n
        for n in built
        if n.type == "person"
        and n.last - n.first >= MIN_BUILT_WORDS
        and words[n.last - 1] not in NAME_PARTICLES
        and _phrase_with_article(rules, tokens, n.last)
    }
    cut: list[TriggerPerson] = []
    for person in people:
        name = starts.get(person.first_offset)
        if (
            name is None
            or not is_arabic(name.name)
            or name.name == person.name
            or not person.name.startswith(name.name + " ")
        ):
            cut.append(person)
            continue
        surface = analysis.surface(name.first, name.last)
        cut.append(TriggerPerson(name.name, person.first_offset, person.count, [surface]))
    return cut


def _phrase_with_article(rules: NameRules, tokens: Tokens, index: int) -> bool:
    """Token `index` or the one after it, in the same stretch, takes the article and
    is no function word."""
    words = tokens.words
    return any(
        at < len(words)
        and tokens.joined(at - 1)
        and words[at].startswith(ARTICLE)
        and words[at] not in rules.stopwords
        for at in (index, index + 1)
    ) and tokens.joined(index - 1)


MIN_BUILT_WORDS = 2


def _not_surnames(built: list[Name], people: list[TriggerPerson]) -> list[Name]:
    """Names found from their structure less the bodies of one word that is the family
    name of a person the story names ("Kenya's Bett holds off ..." after "Felix Kiprono
    Bett"): the person named again."""
    surnames = _family_names(built, people)
    return [n for n in built if n.type != "organisation" or " " in n.name or n.name not in surnames]


def _family_names(
    built: list[Name], people: list[TriggerPerson], more: Iterable[str] = ()
) -> set[str]:
    """The last words of the people's names the story gives, found from their structure,
    by a trigger or otherwise (`more`)."""
    names = [n.name for n in built if n.type == "person"] + [p.name for p in people]
    return {name.rsplit(" ", 1)[1] for name in (*names, *more) if " " in name}


def _no_surname_demonyms(
    tags: list[EntityTag], built: list[Name], people: list[TriggerPerson]
) -> list[EntityTag]:
    """Known places less those the story names only by a word that is the family name
    of a person it names ("السوداني يأمر بالتحقيق" after "محمد شياع السوداني"): the
    person again, no country."""
    known = (normalize_text(s) for tag in tags if tag.type == "person" for s in tag.surface_forms)
    surnames = {name for name in _family_names(built, people, known) if name.startswith(ARTICLE)}
    if not surnames:
        return tags
    return [
        tag
        for tag in tags
        if tag.type != "place"
        or tag.candidate
        or not all(_without_proclitic(normalize_text(s)) in surnames for s in tag.surface_forms)
    ]


def _outer_people(built: list[Name], people: list[TriggerPerson]) -> list[Name]:
    """Names found from their structure, less people inside a longer name a trigger
    found ("عبد الله" of "آدم عبد الله يوسف")."""
    if not people:
        return built
    longer = [_words(p.name) for p in people]
    return [
        n
        for n in built
        if n.type != "person"
        or not any(_words(n.name) in name and _words(n.name) != name for name in longer)
    ]


def _mentions(
    tokens: Tokens, built: list[Name], known: list[EntityTag]
) -> list[tuple[EntityType, str, int, int, list[str]]]:
    """Each name found from its structure once, with its mentions (an acronym given
    for it counting), unless a trigger already found the person."""
    found_people = {tag.id for tag in known if tag.candidate}
    fresh = [name for name in built if CANDIDATE_PREFIX + name.name not in found_people]
    grouped = _grouped(tokens.analysis, (((n.type, n.name), n.first, n.last) for n in fresh))
    acronyms: dict[str, tuple[EntityType, str]] = {}
    for name in fresh:
        if name.acronym is not None:
            acronyms.setdefault(name.acronym, (name.type, name.name))
    for acronym, key in acronyms.items():
        first_offset, count, surfaces = grouped[key]
        mentions = tokens.words.count(normalize_text(acronym))
        grouped[key] = (first_offset, count + max(0, mentions - 1), [*surfaces, acronym])
    return [
        (kind, name, first_offset, count, surfaces)
        for (kind, name), (first_offset, count, surfaces) in grouped.items()
    ]


def _first_offset(tag: EntityTag) -> int:
    return tag.first_offset


def tag_entities(
    article: EnrichedArticle, analysis: Analysis, resources: Resources
) -> EnrichedArticle:
    """Fill `place`, `organisation` and `person`."""
    tags = find_entities(
        resources.gazetteer, resources.tag_templates, analysis, article.language, article.dateline
    )
    by_type: dict[str, list[EntityTag]] = {"place": [], "organisation": [], "person": []}
    for tag in tags:
        by_type[tag.type].append(tag)
    return evolve(article, by_type)
