"""Bylines join their parts as a reader expects, in every format that splits them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import etree

from workers.models import Article
from workers.parsers.base import FeedContext
from workers.parsers.bylines import clean_byline, element_byline, join_bylines
from workers.parsers.registry import get_parser

CTX = FeedContext(feed_id="bylines", fetched_at=datetime(2017, 10, 14, tzinfo=UTC))


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("By BERNARD CONDON<byttl>AP Business Writer</byttl>",
         "BERNARD CONDON, AP Business Writer"),
        ("By <person>Sarah El Deeb</person><byttl>Associated Press</byttl>",
         "Sarah El Deeb, Associated Press"),
        ("By <person>Sarah El Deeb</person>, <byttl>Associated Press</byttl>",
         "Sarah El Deeb, Associated Press"),
        ("<person>Jessica Brown</person> and <person>Tom Lee</person><byttl>AAP</byttl>",
         "Jessica Brown and Tom Lee, AAP"),
        ("<person>Anna Muster</person><person>Jan Beispiel</person>", "Anna Muster, Jan Beispiel"),
        ("By <person>Lina Haddad</person> in <location>Gaza</location>", "Lina Haddad in Gaza"),
        ("By John Doe<br/>Staff Writer", "John Doe, Staff Writer"),
        ("Av <person>Kari Nordmann</person><byttl>NTB</byttl>", "Kari Nordmann, NTB"),
        ("<person><name.given>Jane</name.given><name.family>Doe</name.family></person>",
         "Jane Doe"),
        ("Geir Molnes / Faktisk.no", "Geir Molnes / Faktisk.no"),
    ],
)  # fmt: skip
def test_nitf_byline_parts_are_joined_with_a_readers_separators(markup: str, expected: str) -> None:
    assert element_byline(etree.fromstring(f"<byline>{markup}</byline>")) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("BY JANE DOE", "JANE DOE"),
        ("By: Jane Doe", "Jane Doe"),
        ("Par Jean Dupont", "Jean Dupont"),
        ("Von Anna Muster, dpa", "Anna Muster, dpa"),
        ("Por María Pérez", "María Pérez"),
        ("بقلم: سامر الأطرش", "سامر الأطرش"),
        ("Von Miller", "Von Miller"),
        ("Di Maio", "Di Maio"),
        ("^By SARAH EL DEEB=", "SARAH EL DEEB"),
        ("By dpa correspondents =", "dpa correspondents"),
    ],
)
def test_by_is_dropped_in_the_languages_agencies_write_but_not_from_names(
    value: str, expected: str
) -> None:
    assert clean_byline(value) == expected


@pytest.mark.parametrize("initials", ["gr/bp", "jm/lb", "ab / cd", "ah-mü"])
def test_staff_initials_are_no_byline(initials: str) -> None:
    assert clean_byline(initials) is None


def test_people_sharing_a_title_are_named_before_it_once() -> None:
    pairs = [("By SARAH EL DEEB", "Associated Press"), ("PHILIP ISSA", None)]
    assert join_bylines(pairs) == "SARAH EL DEEB and PHILIP ISSA, Associated Press"
    assert join_bylines([("A", "Reuters"), ("B", "AFP")]) == "A, Reuters; B, AFP"
    assert join_bylines([("A", None), ("B", None), ("C", None)]) == "A, B and C"


def only_article(fmt: str, data: bytes) -> Article:
    [article] = get_parser(fmt).parse(data, CTX)
    assert isinstance(article, Article), article
    return article


def test_newsml_12_byline_and_byline_title_read_as_one_byline() -> None:
    data = b"""<NewsML><NewsItem><NewsComponent><NewsLines>
<HeadLine>H</HeadLine><ByLine>By <Origin Href="#a">Alastair Macdonald</Origin></ByLine>
<ByLineTitle>Brussels correspondent</ByLineTitle></NewsLines>
<ContentItem><DataContent>Text.</DataContent></ContentItem></NewsComponent></NewsItem></NewsML>"""
    article = only_article("newsml-1.2", data)
    assert article.byline == "Alastair Macdonald, Brussels correspondent"


def test_newsml_g2_creators_are_named_when_there_is_no_by() -> None:
    data = b"""<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1">
<contentMeta><creator qcode="a:1"><name>Anna Muster</name></creator>
<creator qcode="a:2"><name>Jan Beispiel</name></creator><creator qcode="a:3"/>
<headline>H</headline></contentMeta>
<contentSet><inlineData>Text.</inlineData></contentSet></newsItem>"""
    assert only_article("newsml-g2", data).byline == "Anna Muster and Jan Beispiel"


def test_anpa_byline_lines_and_their_title_line_make_one_byline() -> None:
    data = (
        b"\x16\x16\x01a0321\x1fecom\r\nr f\x13\x11 BC-US--Markets 10-14 0421\r\n\x02"
        b"^BC-US--Markets<\r\n^Stocks rise<\r\n^By ALEX VEIGA=\r\n^AP Business Writer=\r\n"
        b"\t   NEW YORK (AP) _ Stocks rose.\r\n\x03\x04"
    )
    article = only_article("agency-text", data)
    assert article.byline == "ALEX VEIGA, AP Business Writer"
