"""Dateline extraction for agency leads in Arabic, English and French:

    عواصم - (وكالات): ...          دمشق (رويترز) - ...        القاهرة - أ ف ب: ...
    الدوحة في 12 مايو /قنا/ ...    الكويت - 5 - 3 (كونا) -- ...   دير البلح (قطاع غزة) - (وفا) - ...
    BEIRUT, Oct 14 (Reuters) - ...  BEYROUTH, 14 oct (AFP) - ...  LONDON — ...

A lead only counts as a dateline when its agency looks like one: in brackets
and capitalised (Latin) or short (Arabic), or a known agency name. That keeps
"Hezbollah (the Party of God) - ..." and "وقال مسؤول - رفض الكشف عن اسمه: ..."
out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workers.models import Dateline

_DASH = "[-\u2010-\u2015\u2212\u0640]"
_LONG_DASH = "[\u2013\u2014\u2015]"
_AR = "\u0621-\u063a\u0641-\u0652\u0671-\u06d3"
_LATIN_UP = "A-ZÀ-ÖØ-Þ"
_LATIN = "A-Za-zÀ-ÖØ-öø-ÿ"

_MONTHS = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"janv?|f[ée]vr?|mars|avr|mai|juin|juil|ao[uû]t|sept?|oct|nov|d[ée]c)[a-zéû]*\.?"
)
_YEAR = r"(?:,?\s+\d{4})?"
_LATIN_DATE = (
    rf"(?:(?:le\s+)?\d{{1,2}}(?:er)?\s+{_MONTHS}{_YEAR}"
    rf"|{_MONTHS}\s+\d{{1,2}}{_YEAR})"
)
_UPPER_WORD = rf"[{_LATIN_UP}][{_LATIN_UP}'’.\-]+"
_TITLE_WORD = rf"[{_LATIN_UP}][{_LATIN}'’.\-]+"
_LATIN_PLACE = (
    rf"{_UPPER_WORD}(?:\s+{_UPPER_WORD}){{0,4}}"
    rf"|{_TITLE_WORD}(?:[\s\-]+(?:{_TITLE_WORD}|d[eu]|la|les|el|al))*"
)

# PLACE[, Region][, DATE] (AGENCY) -      PLACE upper case or Title Case
_LATIN_LEAD = re.compile(
    rf"""^\s*
    (?P<place>{_LATIN_PLACE})
    (?:\s*,\s*(?P<region>{_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,2}}))??
    (?:\s*,\s*(?P<date>{_LATIN_DATE}))?
    \s*\((?P<agency>[^()\n]{{1,40}})\)\s*(?:{_DASH}+|:)\s*""",
    re.VERBOSE,
)
# PLACE — ...    (no agency: upper-case place and a long dash only)
_LATIN_BARE_LEAD = re.compile(
    rf"^\s*(?P<place>{_UPPER_WORD}(?:\s+{_UPPER_WORD}){{0,3}})\s*{_LONG_DASH}\s*"
)
_NOT_PLACES = frozenset(
    {"UPDATE", "BREAKING", "URGENT", "FLASH", "ALERT", "EXCLUSIVE", "CORRECTED", "ANALYSIS",
     "FACTBOX", "EDITORIAL", "OPINION", "INTERVIEW", "REFILE", "WRAPUP", "TIMELINE", "NEWS"}
)  # fmt: skip
_AGENCY_WORD = rf"[{_LATIN_UP}\d][{_LATIN}\d&.\-']*"
_LATIN_AGENCY = re.compile(
    rf"^(?:{_AGENCY_WORD}(?:[\s/,\-]+(?:{_AGENCY_WORD}|and|et))*|[a-z]{{2,4}})$"
)

_AR_PLACE = rf"[{_AR}]+(?:\s+[{_AR}]+){{0,3}}"
_AR_DATE = (
    rf"(?:\d{{1,2}}\s+[{_AR}]+(?:\s+[{_AR}]+)?(?:\s+\d{{4}})?"
    rf"|\d{{1,2}}\s*{_DASH}\s*\d{{1,2}}(?:\s*{_DASH}\s*\d{{2,4}})?)"
)
# PLACE[، DATE] - (AGENCY):  or  PLACE - «PAPER»:  or  PLACE - AGENCY: (or -)  or  PLACE (AGENCY) -
# or, as QNA and ONA write it, PLACE في DATE /AGENCY/; KUNA's date is PLACE - 5 - 3;
# PLACE (REGION) - (AGENCY) - names the place's region first
_AR_LEAD = re.compile(
    rf"""^\s*(?P<place>{_AR_PLACE}?)\s*(?:\((?P<region>{_AR_PLACE})\)\s*)?
    (?:(?:[,،]|{_DASH})?\s*(?:في\s+)?(?P<date>{_AR_DATE}))?\s*
    (?:
        {_DASH}+\s*[(«]\s*(?P<bracketed>[^()«»:\n]{{1,40}}?)\s*[)»]\s*(?:{_DASH}*\s*:|{_DASH}+)
      | {_DASH}+\s*(?P<bare>[^()«»:\n\-]{{1,30}}?)\s*(?::|{_DASH}+)
      | [(«]\s*(?P<paren>[^()«»\n]{{1,40}}?)\s*[)»]\s*(?:{_DASH}+|:)
      | /\s*(?P<slashed>[^/()«»:\n]{{1,30}}?)\s*/\s*(?:{_DASH}+\s*)?
    )\s*""",
    re.VERBOSE,
)
_AR_AGENCIES = frozenset(
    {
        "وكالات", "رويترز", "سانا", "واس", "وام", "قنا", "كونا", "بترا", "الاناضول", "الأناضول",
        "شينخوا", "وفا", "ومع", "المركزية", "ايرنا", "إرنا",
        "واع", "بنا", "وات", "واج", "سونا", "العمانية", "وال", "سبأ", "معا", "أ ش أ",
        "أ ف ب", "ا ف ب", "أ.ف.ب", "ا.ف.ب", "أ ب", "د ب أ", "د.ب.أ", "يو بي آي", "ي ب ا",
    }
)  # fmt: skip
_AR_MAX_AGENCY_WORDS = 4
_AR_LETTER = re.compile(rf"[{_AR}]")


def _latin_match(head: str) -> tuple[Dateline, int] | None:
    match = _LATIN_LEAD.match(head)
    if match is not None:
        agency = " ".join(match.group("agency").strip(" \"'«»").split())
        if not _LATIN_AGENCY.match(agency):
            return None
        dateline = Dateline(
            place=" ".join(match.group("place").split()),
            agency=agency,
            date=" ".join(match.group("date").split()) if match.group("date") else None,
            raw=match.group(0).strip(),
        )
        return dateline, match.end()
    bare = _LATIN_BARE_LEAD.match(head)
    if bare is None or bare.group("place").split()[0].strip(".-") in _NOT_PLACES:
        return None
    place = " ".join(bare.group("place").split())
    return Dateline(place=place, raw=bare.group(0).strip()), bare.end()


def _arabic_match(head: str) -> tuple[Dateline, int] | None:
    match = _AR_LEAD.match(head)
    if match is None:
        return None
    bare = match.group("bare")
    if bare is not None:
        agency = " ".join(bare.split())
        if agency not in _AR_AGENCIES:
            return None
    else:
        written = match.group("bracketed") or match.group("paren") or match.group("slashed")
        agency = " ".join(written.split())
        if len(agency.split()) > _AR_MAX_AGENCY_WORDS or not _AR_LETTER.search(agency):
            return None
    dateline = Dateline(
        place=" ".join(match.group("place").split()),
        agency=agency,
        date=" ".join(match.group("date").split()) if match.group("date") else None,
        raw=match.group(0).strip(),
    )
    return dateline, match.end()


@lru_cache(maxsize=1024)
def split_dateline(text: str) -> tuple[Dateline | None, str]:
    """Return the dateline of the first paragraph (if any) and the text without it.

    Remembered for recent texts: the language, dateline and fingerprint steps each
    split the same body."""
    head = text.lstrip()
    window = head[:200]
    found = _arabic_match(window) or _latin_match(window)
    if found is None:
        return None, text
    dateline, end = found
    return dateline, head[end:]


def extract_dateline(text: str) -> Dateline | None:
    return split_dateline(text)[0]
