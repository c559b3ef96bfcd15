"""`located` is always a place: the place part of a dateline, never its date."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from workers.models import Article
from workers.parsers.base import FeedContext
from workers.parsers.located import looks_like_date, place, place_of_dateline
from workers.parsers.registry import get_parser

CTX = FeedContext(feed_id="located", fetched_at=datetime(2017, 10, 14, tzinfo=UTC))


@pytest.mark.parametrize(
    "value",
    [
        "20170102T222800+0000", "2017-10-14", "20171014", "Sat, 14 Oct 2017 16:05:00 GMT",
        "14 oct 2017", "Oct. 14", "October 14, 2017", "14 de octubre de 2017", "Le 14 octobre",
        "Saturday", "samedi 14 octobre", "10:30 GMT", "14th", "١٤ أكتوبر", "السبت",
    ],
)  # fmt: skip
def test_a_date_or_a_time_is_no_place(value: str) -> None:
    assert looks_like_date(value)
    assert place(value) is None


@pytest.mark.parametrize(
    "value", ["BEIRUT", "Sun City", "Bodø", "عواصم", "NEW YORK", "Saint-Denis", "Mayadin"]
)
def test_a_place_stays_a_place(value: str) -> None:
    assert not looks_like_date(value)
    assert place(value) == value


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("BEIRUT, Oct 14", "BEIRUT"),
        ("BEYROUTH, 14 oct 2017", "BEYROUTH"),
        ("14 oct 2017, BEYROUTH", "BEYROUTH"),
        ("BEIRUT Oct 14", "BEIRUT"),
        ("PARIS (AFP) -", "PARIS"),
        ("Tegucigalpa, Jan 2 (EFE).-", "Tegucigalpa"),
        ("ROMA, 14 OTT", "ROMA"),
        ("Berlin (dpa)", "Berlin"),
        ("20171014T152000+0000", None),
        ("October 14, 2017", None),
        ("", None),
    ],
)
def test_the_place_of_a_dateline_is_read_and_its_date_is_not(
    dateline: str, expected: str | None
) -> None:
    assert place_of_dateline(dateline) == expected


def only_article(fmt: str, data: bytes) -> Article:
    [article] = get_parser(fmt).parse(data, CTX)
    assert isinstance(article, Article), article
    return article


def nitf(dateline: str, docdata: str = "") -> bytes:
    return (
        f"<nitf><head><docdata>{docdata}</docdata></head><body><body.head>"
        f"<hedline><hl1>H</hl1></hedline><dateline>{dateline}</dateline></body.head>"
        "<body.content><p>Text without a dateline.</p></body.content></body></nitf>"
    ).encode()


def test_a_nitf_dateline_of_a_story_date_alone_gives_no_place_but_the_missing_date() -> None:
    article = only_article(
        "nitf", nitf('<story.date norm="20170102T222800+0000">20170102T222800+0000</story.date>')
    )
    assert article.located is None
    assert article.firstcreated == datetime(2017, 1, 2, 22, 28, tzinfo=UTC)


def test_a_nitf_event_city_stands_in_for_a_dateline_without_place() -> None:
    data = nitf("<story.date>20170102T222800+0000</story.date>", '<evloc city="Caracas"/>')
    assert only_article("nitf", data).located == "Caracas"


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("<location><city>Sydney</city><country>Australia</country></location>", "Sydney"),
        ("<location><country>Syria</country></location>", "Syria"),
        ("<location>NEW YORK</location>", "NEW YORK"),
        ('<location>WASHINGTON</location> <story.date norm="20171014">Oct. 14</story.date>',
         "WASHINGTON"),
        ('BEYROUTH, <story.date norm="20171014">14 oct</story.date>', "BEYROUTH"),
    ],
)  # fmt: skip
def test_a_nitf_dateline_location_gives_the_place(dateline: str, expected: str) -> None:
    assert only_article("nitf", nitf(dateline)).located == expected


def newsml12(lines: str, metadata: str = "") -> bytes:
    return (
        "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>H</HeadLine>"
        f"{lines}</NewsLines><DescriptiveMetadata>{metadata}</DescriptiveMetadata>"
        "<ContentItem><DataContent>Text.</DataContent></ContentItem>"
        "</NewsComponent></NewsItem></NewsML>"
    ).encode()


def test_a_newsml_12_dateline_of_a_date_gives_way_to_the_origin_location() -> None:
    origin = (
        '<Location HowPresent="Content"><Property FormalName="City" Value="London"/></Location>'
        '<Location HowPresent="Origin"><Property FormalName="City" Value="Brussels"/></Location>'
    )
    article = only_article("newsml-1.2", newsml12("<DateLine>October 14, 2017</DateLine>", origin))
    assert article.located == "Brussels"


def test_a_newsml_12_dateline_with_place_and_date_gives_the_place() -> None:
    data = newsml12("<DateLine>ROMA, 14 OTT</DateLine>")
    assert only_article("newsml-1.2", data).located == "ROMA"


def test_a_newsml_g2_located_qcode_alone_names_no_place() -> None:
    data = b"""<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1">
<contentMeta><located qcode="geo:2950159"/><headline>H</headline>
<dateline>October 14, 2017</dateline></contentMeta>
<contentSet><inlineData>BERLIN (dpa) - Text.</inlineData></contentSet></newsItem>"""
    assert only_article("newsml-g2", data).located == "BERLIN"


def test_a_ninjs_located_that_is_a_date_is_not_kept() -> None:
    data = b'{"uri": "u", "headline": "H", "located": "14 octobre 2017", "body_text": "Texte."}'
    assert only_article("ninjs", data).located is None
