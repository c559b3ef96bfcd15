"""Field conversions shared by the parsers: dates, numbers, urgency, subjects."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from workers.models import Subject

# cv.iptc.org scheme URIs and the QCode aliases IPTC recommends for them.
_IPTC_CV = re.compile(r"^https?://cv\.iptc\.org/newscodes/(?P<scheme>[^/]+)/(?P<code>[^/?#]+)/?$")
IPTC_ALIASES = {"mediatopic": "medtop", "subjectcode": "subj", "genre": "genre"}
_NUMBER = re.compile(r"^\s*(\d+)")


def parse_datetime(value: str | None) -> datetime | None:
    """ISO 8601 (extended or basic), RFC 822; None when absent or unreadable.

    A value without a zone is taken as UTC: wires send UTC unless they say otherwise."""
    if not value or not any(c.isdigit() for c in value):
        return None  # every ISO 8601 and RFC 822 date has a day number
    value = value.strip()
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def parse_version(value: object) -> int:
    """A positive version number from `"3"`, `3` or `"3.1"`; 1 when absent or unusable."""
    if isinstance(value, bool):
        return 1
    if isinstance(value, int):
        return value if value >= 1 else 1
    if isinstance(value, str):
        match = _NUMBER.match(value)
        if match and int(match.group(1)) >= 1:
            return int(match.group(1))
    return 1


def parse_urgency(value: object) -> int | None:
    """IPTC urgency 1 (highest) to 9; anything else is ignored rather than failing the story."""
    if isinstance(value, bool):
        return None
    number: int | None = None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    return number if number is not None and 1 <= number <= 9 else None


def subject_from_qcode(qcode: str, name: str | None = None) -> Subject:
    """`medtop:04000000` -> scheme medtop, code 04000000."""
    scheme, sep, code = qcode.strip().partition(":")
    if not sep or not code:
        return Subject(code=qcode.strip(), name=name, scheme="qcode", origin="source")
    return Subject(code=code, name=name, scheme=scheme, origin="source")


def subject_from_uri(uri: str, name: str | None = None) -> Subject:
    """`http://cv.iptc.org/newscodes/mediatopic/04000000` -> scheme medtop, code 04000000."""
    match = _IPTC_CV.match(uri.strip())
    if match:
        scheme = IPTC_ALIASES.get(match.group("scheme"), match.group("scheme"))
        return Subject(code=match.group("code"), name=name, scheme=scheme, origin="source")
    return Subject(code=uri.strip(), name=name, scheme="uri", origin="source")


def subject_from_code(code: str, scheme: str | None, name: str | None, default: str) -> Subject:
    """A code as feeds give it: a full URI, a QCode, or a code within a scheme
    (itself possibly an IPTC vocabulary URI)."""
    code = code.strip()
    if code.startswith(("http://", "https://")):
        return subject_from_uri(code, name)
    prefix, sep, rest = code.partition(":")
    if scheme and _IPTC_CV.match(scheme.rstrip("/") + "/x"):
        return subject_from_uri(scheme.rstrip("/") + "/" + (rest if sep else code), name)
    if sep and rest and not scheme and prefix.isalpha():
        return subject_from_qcode(code, name)
    return Subject(code=code, name=name, scheme=scheme or default, origin="source")


def unique_subjects(subjects: list[Subject]) -> list[Subject]:
    seen: set[tuple[str, str]] = set()
    unique = []
    for subject in subjects:
        if (subject.scheme, subject.code) not in seen:
            seen.add((subject.scheme, subject.code))
            unique.append(subject)
    return unique


def first(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return value.strip()
    return None
