"""Assembling the gazetteer: entries from packaged and curated data, every surface
variant as a key (matched on whole normalized tokens only), and the words around
which unknown people are looked for, all handed to one compiled `EntityFinder`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from newswire_text import EntityFinder, WordSet

from workers.gazetteer.cache import cached, source_digest
from workers.gazetteer.clubs import SPORTS, ClubRules, club_rules
from workers.gazetteer.cued import CuedCountries, cued_countries
from workers.gazetteer.inflection import (
    arabic_spellings,
    arabic_variants,
    english_adjective_forms,
    english_spellings,
    french_adjective_forms,
    french_contractions,
    nisba_forms,
    possessed_forms,
)
from workers.gazetteer.model import Case, Entry, KeyInfo, Kind
from workers.gazetteer.names.rules import (
    GIVEN_NAMES,
    ORGANISATION_HEADS,
    NameRules,
    given_name_words,
    name_rules,
)
from workers.gazetteer.places import PLACE_WORDS, REGIONS, SmallPlaces, small_places
from workers.gazetteer.sources import (
    BLOCKLIST,
    COUNTRY_PREFIX,
    CURATED,
    TOWN_PRIORITY,
    TRIGGERS,
    city_entries,
    common_words,
    country_entries,
    country_ids,
    curated_entries,
    read_data,
    read_toml,
)
from workers.text.arabic import (
    ARTICLE,
    LATIN_ARTICLES,
    NISBA_ADJECTIVE_ENDINGS,
    NISBA_LETTER,
    is_arabic,
)
from workers.text.normalize import normalize_text

TriggerRole = Literal["after", "before", "title"]
_ROLES: tuple[TriggerRole, ...] = ("after", "before", "title")


@dataclass(slots=True)
class Gazetteer:
    entries: list[Entry]
    finder: EntityFinder
    displays: list[dict[str, str]]  # display name per language, per entry
    names: NameRules
    """How the names it does not know are built (`names/`)."""
    places: SmallPlaces
    """Towns, villages and regions tagged where the story's context says so (`places.py`)."""
    surnames: dict[int, frozenset[str]]
    """Per person entry with a name of several words, the forms of its last word
    (proclitics included): met alone, they may be anyone of that family."""
    clubs: dict[str, ClubRules]
    """Per language, how match reports name their clubs (`clubs.py`)."""
    cued: CuedCountries
    """Countries named by an ordinary Arabic word, tagged where the context says a
    place is meant (`cued.py`)."""
    without_article: dict[str, int] = field(default_factory=dict)
    """Latin-script names of known people written with the Arabic article ("abdel
    fattah al burhan"), the article left out ("abdel fattah burhan") -> the entry."""
    namesakes: dict[int, dict[str, int]] = field(default_factory=dict)
    """Per place or national body that won a name those of other countries also bear
    ("Tripoli" of Libya and of Lebanon, "APS" of Algeria and of Senegal), those by
    country: in a story about one of those countries only, the name is its place or
    body (`enrich/steps/entities.py`)."""
    bodies: dict[str, int] = field(default_factory=dict)
    """Every key of a known organisation -> its entry: the agency a dateline credits
    ("قنا", "MAP") is read as the body it names, not as a town of that spelling."""
    namesake_keys: dict[int, frozenset[str]] = field(default_factory=dict)
    """Per entry of `namesakes`, the keys (proclitics on) it shares with them: "congo"
    is both Congos', "democratic republic of congo" one's only."""

    @property
    def key_count(self) -> int:
        return len(self.finder)


def _held_capital(keys: _Keys, entries: list[Entry], name: str, town: str) -> str:
    """The entry of the capital named as its country (`name`) that the gazetteer holds
    by "العاصمة" after the name ("تونس العاصمة"), else the packaged `town`."""
    held = keys.best.get(f"{name} {CAPITAL}")
    return town if held is None or held[1].entry == IGNORED else entries[held[1].entry].id


CURATED_PRIORITY = 3
CAPITAL = normalize_text("العاصمة")
"""The word that tells a capital named as its country from it ("الجزائر العاصمة")."""
NAMESAKE_MIN_POPULATION = 100_000
"""A packaged town this populous may be the place a name means in a story about
its country, where a better-known namesake elsewhere wins the name otherwise."""
_ADJECTIVE_TOWN_MAX_POPULATION = 500_000


def _adjective_shaped(name: str, population: float) -> bool:
    """One Arabic word ending like a nisba ("بحري", "الزراعية") is more often an
    adjective than the small town GeoNames spells that way."""
    return (
        " " not in name
        and is_arabic(name)
        and name.endswith(NISBA_ADJECTIVE_ENDINGS)
        and population < _ADJECTIVE_TOWN_MAX_POPULATION
    )


_TITLE_CHECK_MAX_CHARS = 12


def case_rule(form: str) -> Case:
    """Acronyms must be written in capitals ("US", not "us"); short one-word names
    must be capitalised ("Chad", "Nice", "Turkey", "Riverside"); longer names are rarely
    ordinary words and match in any case, sparing the check."""
    if is_arabic(form):
        return Case.ANY
    letters = [c for c in form if c.isalpha()]
    if letters and len(letters) <= 6 and all(c.isupper() for c in letters):
        return Case.UPPER
    normalized = normalize_text(form)
    if form[:1].isupper() and " " not in normalized and len(normalized) <= _TITLE_CHECK_MAX_CHARS:
        return Case.TITLE
    return Case.ANY


ORDINARY_WORDS = "ordinary_words.toml"
WORLD_GIVEN_NAMES = "world_given_names.toml"


class _Keys:
    """Key -> meaning, the strongest claim winning: priority, then names written in the
    curated file, then names over adjectives, then weight (population)."""

    def __init__(self, blocked: frozenset[str], not_towns: frozenset[str] = frozenset()) -> None:
        self.blocked = blocked
        self.not_towns = not_towns
        """Given names and ordinary words (`ordinary_words.toml`): never the key of a
        packaged town ("سالم" is Salem in India, "كلمة" Kalameh in Iran, only in
        their GeoNames alternate names; "Hope" is a town in Arkansas)."""
        self.best: dict[str, tuple[tuple[int, int, int, float], KeyInfo]] = {}
        self.places: dict[str, dict[str, tuple[tuple[int, int, int, float], int, bool]]] = {}
        """Per key, the strongest place of each country named by it."""

    def add_entry(self, index: int, entry: Entry) -> None:
        for lang, forms in entry.names.items():
            for form in forms:
                self._add_form(index, entry, form, Kind.NAME, case_rule(form))
                if lang == "fr":
                    for contracted in french_contractions(form):
                        self._add_form(index, entry, contracted, Kind.NAME, Case.ANY)
                elif lang == "en" and entry.priority >= CURATED_PRIORITY:
                    for spelled in english_spellings(form):
                        self._add_form(index, entry, spelled, Kind.NAME, case_rule(spelled))
                elif lang == "ar" and entry.priority >= CURATED_PRIORITY:
                    for spelled in arabic_spellings(normalize_text(form)):
                        self._add_form(index, entry, spelled, Kind.NAME, Case.ANY)
        for lang, forms in entry.adjectives.items():
            for form in forms:
                if lang == "ar":
                    base = normalize_text(form)
                    for nisba in nisba_forms(base):
                        # a derived masculine without the article may be a given
                        # name ("جورجي", "تركي"); with it, or inflected, it is not
                        if nisba != base or entry.priority >= CURATED_PRIORITY:
                            self._add_form(index, entry, nisba, Kind.ADJECTIVE, Case.ANY)
                    continue
                inflect = english_adjective_forms if lang == "en" else french_adjective_forms
                for variant in inflect(form):
                    self._add_form(index, entry, variant, Kind.ADJECTIVE, case_rule(variant))

    def _add_form(self, index: int, entry: Entry, form: str, kind: Kind, case: Case) -> None:
        normalized = normalize_text(form)
        if len(normalized) < 2 or (normalized in self.blocked and normalized not in entry.explicit):
            return
        if (
            kind == Kind.NAME
            and entry.priority < CURATED_PRIORITY
            and _adjective_shaped(normalized, entry.weight)
        ):
            return
        if entry.priority == TOWN_PRIORITY and normalized in self.not_towns:
            return
        rank = (
            entry.priority,
            int(normalized in entry.explicit),
            int(kind == Kind.NAME),
            entry.weight,
        )
        country = (
            entry.country
            if (entry.type == "place" and entry.weight >= NAMESAKE_MIN_POPULATION)
            or entry.priority >= CURATED_PRIORITY
            else None
        )
        if is_arabic(normalized):
            packaged = entry.priority < CURATED_PRIORITY
            for variant, clitic in arabic_variants(normalized, common_clitics_only=packaged):
                # "ك" + "بيرا" (Beira) is "كبيرا", "و" + "رقة" (Raqqa) "ورقة": a variant
                # may be an ordinary word too; a curated name itself is kept
                if (packaged or variant != normalized) and (
                    variant in self.blocked
                    or (entry.priority == TOWN_PRIORITY and variant in self.not_towns)
                ):
                    continue
                self._claim(variant, rank, KeyInfo(index, kind, case), country, clitic == 0)
        else:
            for variant in _latin_article_variants(normalized, entry):
                self._claim(variant, rank, KeyInfo(index, kind, case), country)

    def namesakes(self) -> tuple[dict[int, dict[str, int]], dict[int, set[str]]]:
        """Per place or national body that won a key, those of other countries named
        by it as strongly (a curated place's namesake is curated too: London, Ontario
        is never the London the gazetteer knows), and the keys it shares with them."""
        found: dict[int, dict[str, int]] = {}
        shared: dict[int, set[str]] = {}
        for text, by_country in self.places.items():
            if len(by_country) < 2:
                continue
            (priority, *_), info = self.best[text]
            as_written = any(i == info.entry and e for _, i, e in by_country.values())
            for country, ((other_priority, *_), index, exact) in by_country.items():
                # a place's own name beats another's with a proclitic on it: "وجدة" is
                # Oujda in a Moroccan story, "and Jeddah" elsewhere
                if index != info.entry and (
                    other_priority >= priority or (exact and not as_written)
                ):
                    found.setdefault(info.entry, {}).setdefault(country, index)
                    shared.setdefault(info.entry, set()).add(text)
        return found, shared

    def _claim(
        self,
        text: str,
        rank: tuple[int, int, int, float],
        info: KeyInfo,
        country: str | None,
        exact: bool = True,
    ) -> None:
        if country is not None and info.kind == Kind.NAME:
            by_country = self.places.setdefault(text, {})
            held = by_country.get(country)
            if held is None or rank > held[0]:
                by_country[country] = (rank, info.entry, exact)
        current = self.best.get(text)
        if current is None or rank > current[0]:
            self.best[text] = (rank, info)
        elif current[1].entry == info.entry and info.case < current[1].case:
            # "al-Qaeda" and "Al Qaeda" are one key: the looser case rule applies
            self.best[text] = (current[0], info)


IGNORED = -1  # entry index of phrases that swallow the names inside them and tag nothing


def _blocked() -> frozenset[str]:
    return frozenset(normalize_text(word) for word in common_words())


SPORT_TOPIC = "15000000"
TOPIC_BODIES = "topics/bodies.toml"


def _sports_bodies(entries: list[Entry]) -> frozenset[int]:
    """The entries of the bodies the topic lexicon points to sport: the clubs."""
    ids = set(read_data(TOPIC_BODIES)["bodies"].get(SPORT_TOPIC, []))
    return frozenset(index for index, entry in enumerate(entries) if entry.id in ids)


def load_entries(extra: Path | None = None) -> list[Entry]:
    """Packaged countries and cities, then the curated file(s) over them: a curated
    entry with `iso` or `geonames` absorbs the packaged entry's names."""
    documents = [read_data(CURATED)]
    if extra is not None:
        documents.append(read_toml(extra))
    ids: dict[str, str] = {}
    for document in documents:
        ids.update(country_ids(document))
    entries: dict[str, Entry] = {}
    by_iso: dict[str, str] = {}
    for code, country in country_entries(ids):
        entries[country.id] = country
        by_iso[code] = country.id
    by_geonames: dict[int, str] = {}
    by_name: dict[str, Entry] = {}  # the most populous packaged city of each name
    for city_id, city in city_entries():
        entries[city.id] = city
        by_geonames[city_id] = city.id
        for forms in city.names.values():
            for form in forms:
                known = by_name.setdefault(normalize_text(form), city)
                if known.weight < city.weight:
                    by_name[normalize_text(form)] = city
    for document in documents:
        for entry, iso, geonameid in curated_entries(document):
            entry.explicit = {normalize_text(f) for forms in entry.names.values() for f in forms}
            packaged_id = by_iso.get(iso or "") or by_geonames.get(geonameid or -1)
            if packaged_id is None and entry.type == "place":
                packaged_id = _same_named_city(entry, by_name, entries)
            packaged = entries.pop(packaged_id, None) if packaged_id else None
            if packaged is not None:
                entry.merge(packaged)
                entry.weight = packaged.weight
            existing = entries.get(entry.id)
            if existing is not None and existing.priority >= entry.priority:
                existing.merge(entry)
            else:
                entries[entry.id] = entry
    _add_possessive_forces(entries.values())
    _add_short_airport_names(entries.values())
    return list(entries.values())


FORCES = ("army", "military", "armed forces", "navy", "air force", "police", "coast guard")
"""What English copy names by a country's possessive as well as by its adjective."""


def _add_possessive_forces(entries: Iterable[Entry]) -> None:
    """Give a country's forces named by its adjective ("Sudanese army") the name copy
    also writes with the country's possessive ("Sudan's army")."""
    chosen = list(entries)
    countries = {
        adjective.lower(): entry.names["en"][0]
        for entry in chosen
        if entry.type == "place" and entry.country is not None and entry.names.get("en")
        for adjective in entry.adjectives.get("en", [])
        if entry.id.startswith(("Q", COUNTRY_PREFIX))
    }
    for entry in chosen:
        if entry.type != "organisation":
            continue
        forms = entry.names.get("en", [])
        for form in list(forms):
            adjective, _, rest = form.partition(" ")
            country = countries.get(adjective.lower())
            if country is not None and rest.lower() in FORCES:
                derived = f"{country}'s {rest}"
                if derived not in forms:
                    forms.append(derived)
                    entry.explicit.add(normalize_text(derived))


INTERNATIONAL_AIRPORTS = {
    "en": (" International Airport", " Airport"),
    "fr": ("aéroport international ", "aéroport "),
    "ar": (" الدولي", ""),
}
"""Per language, how an international airport's name says so, and what copy writes
instead when it leaves that out ("Bole airport", "aéroport de Bole", "مطار بولي")."""


def _add_short_airport_names(entries: Iterable[Entry]) -> None:
    """Give an international airport (an English name says so) the name copy also
    writes without "international"."""
    long_en = INTERNATIONAL_AIRPORTS["en"][0]
    for entry in entries:
        if entry.type != "place" or not any(f.endswith(long_en) for f in entry.names.get("en", [])):
            continue
        for language, (long, short) in INTERNATIONAL_AIRPORTS.items():
            forms = entry.names.get(language, [])
            for derived in [form.replace(long, short) for form in forms if long in form]:
                if derived not in forms:
                    forms.append(derived)
                    entry.explicit.add(normalize_text(derived))


def _same_named_city(
    entry: Entry, by_name: dict[str, Entry], entries: dict[str, Entry]
) -> str | None:
    """A curated place with no GeoNames id absorbs the packaged city it names
    ("حمص" -> Homs with its alternate names), so the two never compete."""
    for lang in ("en", "ar", "fr"):
        for form in entry.names.get(lang, []):
            city = by_name.get(normalize_text(form))
            if city is not None and city.id in entries:
                return city.id
    return None


def build_gazetteer(extra: Path | None = None) -> Gazetteer:
    digest = source_digest([extra] if extra is not None else [])
    entries = cached("entries", digest, lambda: load_entries(extra))
    blocked = _blocked()
    given_names = read_data(GIVEN_NAMES)
    ordinary = frozenset(
        normalize_text(word) for words in read_data(ORDINARY_WORDS).values() for word in words
    )
    keys = _Keys(blocked, given_name_words(given_names) | ordinary)
    for index, entry in enumerate(entries):
        keys.add_entry(index, entry)

    for phrase in read_data(BLOCKLIST).get("phrases", []):
        normalized = normalize_text(phrase)
        # an Arabic phrase takes proclitics as a name does ("واتفاق باريس")
        clitics = [v for v, _ in arabic_variants(normalized)] if is_arabic(normalized) else []
        for form in (normalized, *clitics):
            keys.best[form] = ((9, 1, 1, 0.0), KeyInfo(IGNORED, Kind.NAME, Case.ANY))

    key_rows = [
        (text, info.entry, info.kind == Kind.NAME, int(info.case))
        for text, (_, info) in keys.best.items()
    ]
    triggers, stopwords, joiners = _triggers(keys.best.keys(), given_name_words(given_names))
    document = read_data(TRIGGERS)
    people = frozenset(
        normalize_text(form)
        for entry in entries
        if entry.type == "person"
        for forms in entry.names.values()
        for form in forms
    )
    finder = EntityFinder(
        key_rows,
        triggers,
        stopwords,
        joiners,
        people,
        _normalized_words(document, "roles"),
        _normalized_words(document, "role_links"),
    )

    def where(keep: Callable[[str, KeyInfo, Entry], bool]) -> frozenset[str]:
        """The keys of entries (not the ignored phrases) for which `keep` holds."""
        return frozenset(
            text
            for text, (_, info) in keys.best.items()
            if info.entry != IGNORED and keep(text, info, entries[info.entry])
        )

    place_words = read_data(PLACE_WORDS)
    names = name_rules(
        read_data(ORGANISATION_HEADS),
        given_names,
        stopwords,
        blocked,
        where(lambda text, info, entry: True),
        where(lambda text, info, entry: entry.type != "place"),
        where(
            lambda text, info, entry: (
                info.kind == Kind.ADJECTIVE and entry.type == "place" and not is_arabic(text)
            )
        ),
        where(
            lambda text, info, entry: (
                info.kind == Kind.NAME
                and entry.type == "place"
                and any(lang != "ar" for lang in entry.adjectives)
                and not is_arabic(text)
            )
        ),
        _normalized_words(document, "named_after"),
        frozenset().union(
            *(
                _normalized_words(place_words, key)
                for key in ("before", "region", "quarter", "features_before")
            )
        ),
        where(lambda text, info, entry: entry.type == "person"),
        where(
            lambda text, info, entry: (
                info.kind == Kind.ADJECTIVE
                and entry.type == "place"
                and text.startswith(ARTICLE)
                and text.endswith(NISBA_LETTER)
            )
        ),
        _normalized_words(place_words, "toponym_prefixes"),
        given_name_words(read_data(WORLD_GIVEN_NAMES)),
        {
            lang: frozenset(normalize_text(w) for w in section.get("appositions", []))
            for lang, section in document.items()
        },
        _normalized_words(place_words, "links"),
        _normalized_words(place_words, "several"),
    )
    # a curated given name is a person's far more often than a village's ("Donald",
    # "Benjamin"); the world's given names are too many and too rare to say so
    given = given_name_words(given_names) | frozenset(names.given_arabic)
    curated_countries = country_ids(read_data(CURATED))
    countries = frozenset(curated_countries.values())
    country_names = {
        text: code
        for text, (_, info) in keys.best.items()
        if info.entry != IGNORED
        and info.kind == Kind.NAME
        and is_arabic(text)
        and (entry := entries[info.entry]).id in countries
        and (code := entry.country) is not None
    }
    places = small_places(
        place_words,
        read_data(REGIONS),
        frozenset(keys.best),
        blocked | stopwords | given | ordinary,
        where(lambda text, info, entry: entry.priority == TOWN_PRIORITY),
        digest,
        stopwords,
        country_names,
    )
    places = replace(
        places,
        capitals={
            name: (_held_capital(keys, entries, name, town), code)
            for name, (town, code) in places.capitals.items()
        },
    )
    arabic_regions = frozenset(n for n in places.regions if is_arabic(n))
    local = frozenset(
        where(
            lambda text, info, entry: (
                entry.type == "place"
                and entry.country is not None
                and entry.id not in countries
                and not entry.id.startswith(COUNTRY_PREFIX)
                and info.kind == Kind.NAME
                and is_arabic(text)
            )
        )
    )
    names = replace(
        names,
        arabic_regions=arabic_regions,
        region_words=_normalized_words(place_words, "seats"),
        list_ends=_normalized_words(place_words, "list_ends"),
        local_places=WordSet(sorted(name for name in local if " " not in name)),
        arabic_local_places=local,
        place_openers=frozenset(
            phrase.split(" ", 1)[0]
            for phrase in names.place_keys | arabic_regions
            if " " in phrase and is_arabic(phrase)
        ),
    )
    organisations = where(lambda text, info, entry: entry.type == "organisation")
    bodies = {text: keys.best[text][1].entry for text in organisations}
    # "و م ع" is also written "ومع": an acronym of letters apart, joined
    bodies |= {
        text.replace(" ", ""): entry
        for text, entry in list(bodies.items())
        if " " in text and all(len(part) == 1 for part in text.split(" "))
    }
    clubs = club_rules(
        read_data(SPORTS),
        where(lambda text, info, entry: entry.type == "place"),
        bodies,
        where(lambda text, info, entry: entry.type == "place" and bool(entry.adjectives)),
        {
            ARTICLE + normalize_text(form): entry.country
            for entry in entries
            if entry.type == "place" and entry.country is not None
            for form in entry.adjectives.get("ar", [])
        },
        _sports_bodies(entries),
        {
            text: country
            for text in where(lambda text, info, entry: entry.type == "place" and is_arabic(text))
            if (country := entries[keys.best[text][1].entry].country) is not None
        },
    )
    namesakes, shared = keys.namesakes()
    kept = {
        winner: others
        for winner, others in namesakes.items()
        if winner >= 0 and entries[winner].type != "person"
    }
    return Gazetteer(
        entries,
        finder,
        [entry.display_names() for entry in entries],
        names,
        places,
        {index: forms for index, entry in enumerate(entries) if (forms := _surnames(entry))},
        clubs,
        cued_countries(place_words, entries, curated_countries),
        _without_article(entries, frozenset(keys.best)),
        kept,
        bodies,
        {winner: frozenset(shared[winner]) for winner in kept},
    )


def _latin_article_variants(normalized: str, entry: Entry) -> list[str]:
    """A curated person's Latin-script name, and the name with the Arabic article
    written the other way ("Abdel Fattah al-Sisi", "... el-Sisi"): copy writes both."""
    if entry.type != "person" or entry.priority < CURATED_PRIORITY:
        return [normalized]
    words = normalized.split(" ")
    swapped = [SWAPPED_ARTICLES.get(w, w) for w in words[1:]]
    if swapped == words[1:]:
        return [normalized]
    return [normalized, " ".join([words[0], *swapped])]


SWAPPED_ARTICLES = {"al": "el", "el": "al"}


def _without_article(entries: list[Entry], keys: frozenset[str]) -> dict[str, int]:
    """Known people's Latin-script names with the article left out, none that is
    a key."""
    found: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if entry.type != "person":
            continue
        for forms in entry.names.values():
            for form in forms:
                words = normalize_text(form).split(" ")
                bare = [w for w in words if w not in LATIN_ARTICLES]
                if len(bare) < len(words) and len(bare) > 1 and not is_arabic(form):
                    name = " ".join(bare)
                    if name not in keys:
                        found.setdefault(name, index)
    return found


def _surnames(entry: Entry) -> frozenset[str]:
    """The last words of a person's names of several words, in every written form."""
    if entry.type != "person":
        return frozenset()
    lasts = {
        normalized.rsplit(" ", 1)[1]
        for forms in entry.names.values()
        for form in forms
        if " " in (normalized := normalize_text(form))
    }
    forms = set(lasts)
    for last in lasts:
        if is_arabic(last):
            forms.update(variant for variant, _ in arabic_variants(last))
    return frozenset(forms)


def _normalized_words(document: dict[str, Any], name: str) -> frozenset[str]:
    return frozenset(normalize_text(w) for s in document.values() for w in s.get(name, []))


def _triggers(
    taken: Any, given: frozenset[str]
) -> tuple[list[tuple[str, str, TriggerRole]], frozenset[str], frozenset[str]]:
    """Words that announce a person's name: after them ("said X"), before them ("X,
    spokesman for") or as a title ("President X"), each normalized spelling once and
    none that is also an entity key, as (phrase, language, role); then the stop
    words and the name joiners ("عبد", "ابو", "bin", "de")."""
    document = read_data(TRIGGERS)
    triggers: dict[str, tuple[str, str, TriggerRole]] = {}
    stopwords: set[str] = set()
    joiners: set[str] = set()
    for lang, section in document.items():
        stopwords.update(normalize_text(w) for w in section.get("stop", []))
        stopwords.update(
            normalize_text(w) for w in section.get("title", []) if " " not in normalize_text(w)
        )
        joiners.update(normalize_text(w) for w in section.get("joiners", []))
        # "زوجته" stands before a name; "جده" (his grandfather) is also Jeddah's key,
        # "وجدي" (and my grandfather) a given name
        stopwords.update(
            form
            for relative in section.get("relatives", [])
            for form in possessed_forms(normalize_text(relative))
            if form not in taken and form not in given
        )
        for role in _ROLES:
            for phrase in section.get(role, []):
                normalized = normalize_text(phrase)
                variants = (
                    arabic_variants(normalized) if is_arabic(normalized) else [(normalized, 0)]
                )
                for variant, _ in variants:
                    if role == "after" and " " not in variant:
                        stopwords.add(variant)  # "وقال" never starts or ends a name
                    if variant not in taken and variant not in triggers:
                        triggers[variant] = (variant, lang, role)
    return list(triggers.values()), frozenset(stopwords), frozenset(joiners)
