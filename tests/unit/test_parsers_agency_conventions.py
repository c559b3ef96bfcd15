"""What every parser's output keeps to, for every sample under seeds/formats/ and
tests/fixtures/feeds/: `located` is a place or nothing, a byline never glues its
parts, no format code or terminator reaches the text, and a language the source
declared is kept. The checks read the samples themselves, not the parsers' rules,
so that they hold for agency files the parsers were not written against."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from workers.models import Article
from workers.parsers.base import FeedContext
from workers.parsers.fields import parse_datetime
from workers.parsers.language_tags import language_tag
from workers.parsers.registry import get_parser, sniff_format

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "feeds"
SEED_FORMATS = ROOT / "seeds" / "formats"

NAMES_OF_DAYS_AND_MONTHS = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "samedi", "dimanche", "octobre",
        "sábado", "domingo", "octubre", "samstag", "sonntag", "oktober",
    }
)  # fmt: skip
DECLARATIONS = re.compile(
    rb'xml:lang="|baselang="|<Language FormalName="|<language tag="|name="language"'
    rb'|<(?:dc:)?language>|"language"\s*:|^Language:',
    re.MULTILINE,
)
BYLINE_ELEMENTS = frozenset({"byline", "ByLine", "ByLineTitle", "by"})
CONTROL_CODES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LINE_CODES = re.compile(r"(?:^\^|\s=$|<$)", re.MULTILINE)
BY_PREFIX = re.compile(r"^(?:by|par|von|por|av)\s", re.IGNORECASE)
DELIMITERS = " ,;/()"


def samples() -> list[Path]:
    fixtures = (p for p in FIXTURES.glob("*/*") if not p.name.endswith(".golden.json"))
    return sorted([*fixtures, *SEED_FORMATS.glob("*")])


def articles(path: Path) -> list[Article]:
    data = path.read_bytes()
    fmt = sniff_format(data) if path.parent == SEED_FORMATS else path.parent.name
    ctx = FeedContext(feed_id="conventions", fetched_at=datetime(2017, 10, 14, tzinfo=UTC))
    return [r for r in get_parser(fmt).parse(data, ctx) if isinstance(r, Article)]


def byline_parts(data: bytes) -> list[str]:
    """The separately marked parts of the source's bylines: the children of XML byline
    elements, ANPA's `^...=` lines."""
    if data.lstrip().startswith(b"<"):
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
        parts = []
        for element in root.iter():
            name = etree.QName(element).localname if isinstance(element.tag, str) else ""
            if name in BYLINE_ELEMENTS:
                parts += [" ".join("".join(c.itertext()).split()) for c in element]
                parts.append(" ".join((element.text or "").split()))
        return [p for p in parts if p]
    text = data.decode("utf-8", "replace")
    return [m.strip() for m in re.findall(r"^\^([^\^<=\r\n]+)=", text, re.MULTILINE)]


SAMPLES = samples()
IDS = [f"{p.parent.name}/{p.name}" for p in SAMPLES]


@pytest.mark.parametrize("path", SAMPLES, ids=IDS)
def test_every_sample_has_a_place_or_nothing_as_located(path: Path) -> None:
    for article in articles(path):
        located = article.located
        if located is None:
            continue
        assert located.strip() == located and any(c.isalpha() for c in located), located
        assert not re.search(r"\d", located), f"{located!r} holds a date or a time"
        assert parse_datetime(located) is None, located
        assert located.lower().strip(".") not in NAMES_OF_DAYS_AND_MONTHS, located


@pytest.mark.parametrize("path", SAMPLES, ids=IDS)
def test_no_sample_glues_the_parts_of_its_byline(path: Path) -> None:
    parts = byline_parts(path.read_bytes())
    for article in articles(path):
        byline = article.byline
        if byline is None:
            continue
        assert not BY_PREFIX.match(byline), byline
        assert byline[-1] not in ",;=<", byline
        for part in (BY_PREFIX.sub("", p) for p in parts):
            for found in re.finditer(re.escape(part), byline):
                before = byline[found.start() - 1] if found.start() else " "
                after = byline[found.end()] if found.end() < len(byline) else " "
                assert before in DELIMITERS and after in DELIMITERS, (part, byline)


@pytest.mark.parametrize("path", SAMPLES, ids=IDS)
def test_no_format_code_or_terminator_reaches_headline_body_or_byline(path: Path) -> None:
    for article in articles(path):
        for text in (article.headline, article.body_text, article.byline or ""):
            assert not CONTROL_CODES.search(text), repr(text)
            assert not LINE_CODES.search(text), repr(text)
        assert not article.headline.endswith("="), article.headline


@pytest.mark.parametrize("path", SAMPLES, ids=IDS)
def test_every_sample_that_declares_a_language_keeps_the_declaration(path: Path) -> None:
    found = articles(path)
    declared = [a.declared_language for a in found]
    for tag in declared:
        assert tag is None or language_tag(tag) == tag, tag
    if DECLARATIONS.search(path.read_bytes()) and found:
        assert any(declared), f"{path.name} declares a language, no article kept it"
        if len(found) == 1:
            assert declared[0] is not None
        for article in found:
            if article.declared_language:
                assert article.language == article.declared_language.split("-")[0]
