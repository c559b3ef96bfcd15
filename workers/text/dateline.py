"""Dateline extraction for agency leads in Arabic, English and French:

    عواصم - (وكالات): ...          دمشق (رويترز) - ...
    BEIRUT, Oct 14 (Reuters) - ...  BEYROUTH, 14 oct (AFP) - ...
"""

from __future__ import annotations

import re

from workers.models import Dateline

_DASH = r"[-\u2010-\u2015\u2212]"
_AR = r"\u0600-\u06ff"
_LATIN_UP = r"A-ZÀ-ÖØ-Þ"
_LATIN = r"A-Za-zÀ-ÖØ-öø-ÿ"

_MONTHS = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"janv?|f[ée]vr?|mars|avr|mai|juin|juil|ao[uû]t|sept?|oct|nov|d[ée]c)[a-zéû]*\.?"
)
_LATIN_DATE = rf"(?:\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?|{_MONTHS}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)"

# PLACE[, DATE] (AGENCY) -   with PLACE upper case or Title Case, one to four words.
_LATIN_LEAD = re.compile(
    rf"""^\s*
    (?P<place>[{_LATIN_UP}][{_LATIN_UP}'’.\-]+(?:\s+[{_LATIN_UP}][{_LATIN_UP}'’.\-]+){{0,3}}
      |[{_LATIN_UP}][{_LATIN}'’.\-]+(?:\s+[{_LATIN_UP}][{_LATIN}'’.\-]+){{0,2}})
    (?:\s*,\s*(?P<date>{_LATIN_DATE}))?
    \s*\((?P<agency>[^()\n]{{1,40}})\)\s*(?:{_DASH}+|:)\s*""",
    re.VERBOSE,
)

_AR_PLACE = rf"[{_AR}][{_AR}\s]{{0,40}}?"
_AR_DATE = rf"(?:\d{{1,2}}\s+[{_AR}]+(?:\s+\d{{4}})?)"
# PLACE[ DATE] - (AGENCY):   or   PLACE - AGENCY:   or   PLACE (AGENCY) -
_AR_LEAD = re.compile(
    rf"""^\s*(?P<place>{_AR_PLACE})\s*(?:[,،]?\s*(?P<date>{_AR_DATE}))?\s*
    (?:
        {_DASH}+\s*\(?\s*(?P<agency1>[^():\n\-]{{1,40}}?)\s*\)?\s*:
      | \(\s*(?P<agency2>[^()\n]{{1,40}})\s*\)\s*(?:{_DASH}+|:)
    )\s*""",
    re.VERBOSE,
)


def split_dateline(text: str) -> tuple[Dateline | None, str]:
    """Return the dateline of the first paragraph (if any) and the text without it."""
    head = text.lstrip()
    for pattern in (_AR_LEAD, _LATIN_LEAD):
        match = pattern.match(head[:200])
        if match is None:
            continue
        groups = match.groupdict()
        agency = groups.get("agency") or groups.get("agency1") or groups.get("agency2")
        place = " ".join(match.group("place").split())
        if not agency or not place:
            continue
        dateline = Dateline(
            place=place,
            agency=" ".join(agency.strip(" \"'«»").split()),
            date=" ".join(match.group("date").split()) if match.group("date") else None,
            raw=match.group(0).strip(),
        )
        return dateline, head[match.end() :]
    return None, text


def extract_dateline(text: str) -> Dateline | None:
    return split_dateline(text)[0]
