"""Declared languages as sources write them, read as BCP 47 tags.

Sources declare a language in `xml:lang`, NITF `baselang`, NewsML 1.2
`Language@FormalName`, NewsML-G2 `language@tag`, ninjs `language`, RSS
`<language>` and HTTP `Content-Language`, and write it `en-us`, `en_US`,
`nb-NO`, `ENG`, `fre` or `iw`. Each is read into one canonical tag (`en-US`,
`nb-NO`, `en`, `fr`, `he`); what names no single language (`und`, `mul`,
`zxx`, a list of several languages) is no declaration."""

from __future__ import annotations

import re

_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
_SEPARATORS = re.compile(r"[,;\s]+")
NOT_A_LANGUAGE = frozenset({"und", "mul", "zxx", "mis", "qaa"})

ISO_639_ALIASES = {
    # Deprecated ISO 639-1 codes still written by older systems.
    "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro",
    # ISO 639-2 (bibliographic and terminological) codes of languages news is written in.
    "ara": "ar", "eng": "en", "fre": "fr", "fra": "fr", "ger": "de", "deu": "de",
    "spa": "es", "por": "pt", "ita": "it", "dut": "nl", "nld": "nl", "nor": "no",
    "nob": "nb", "nno": "nn", "dan": "da", "swe": "sv", "fin": "fi", "isl": "is",
    "ice": "is", "rus": "ru", "ukr": "uk", "pol": "pl", "cze": "cs", "ces": "cs",
    "slo": "sk", "slk": "sk", "hrv": "hr", "srp": "sr", "bos": "bs", "slv": "sl",
    "hun": "hu", "rum": "ro", "ron": "ro", "bul": "bg", "mac": "mk", "mkd": "mk",
    "gre": "el", "ell": "el", "tur": "tr", "per": "fa", "fas": "fa", "heb": "he",
    "chi": "zh", "zho": "zh", "jpn": "ja", "kor": "ko", "hin": "hi", "urd": "ur",
    "ind": "id", "may": "ms", "msa": "ms", "est": "et", "lav": "lv", "lit": "lt",
    "alb": "sq", "sqi": "sq", "cat": "ca", "glg": "gl", "baq": "eu", "eus": "eu",
    "wel": "cy", "cym": "cy", "gle": "ga", "afr": "af", "swa": "sw", "tha": "th",
    "vie": "vi", "ben": "bn", "kur": "ku", "aze": "az", "arm": "hy", "hye": "hy",
    "geo": "ka", "kat": "ka", "amh": "am", "som": "so", "tgl": "tl", "fil": "tl",
}  # fmt: skip


def _subtag(position: int, subtag: str) -> str:
    """BCP 47 case conventions: language lower, script title, region upper."""
    if position > 0 and len(subtag) == 4 and subtag.isalpha():
        return subtag.title()
    if position > 0 and ((len(subtag) == 2 and subtag.isalpha()) or subtag.isdigit()):
        return subtag.upper()
    return subtag.lower()


def _primary(tag: str) -> str:
    code = tag.split("-", 1)[0].lower()
    return ISO_639_ALIASES.get(code, code)


def language_tag(value: str | None) -> str | None:
    """The canonical tag of a declaration (`en_us` -> `en-US`, `ENG` -> `en`), or None."""
    if not value:
        return None
    tags = [t for t in _SEPARATORS.split(value.strip().replace("_", "-")) if t]
    if not tags or any(not _TAG.match(t) for t in tags):
        return None
    primary = _primary(tags[0])
    if primary in NOT_A_LANGUAGE or any(_primary(t) != primary for t in tags[1:]):
        return None
    subtags = tags[0].split("-")[1:]
    return "-".join([primary, *(_subtag(i, s) for i, s in enumerate(subtags, 1))])


def primary_language(tag: str | None) -> str | None:
    """`nb-NO` -> `nb`."""
    return tag.split("-", 1)[0] if tag else None
