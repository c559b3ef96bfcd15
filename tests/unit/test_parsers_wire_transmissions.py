"""IPTC 7901 and ANPA 1312 transmissions: their control codes, header lines and
terminators never reach headline or body, and each message stands alone."""

from __future__ import annotations

from datetime import UTC, datetime

from workers.models import Article
from workers.parsers.base import FeedContext, ItemFailure, ParseResult
from workers.parsers.registry import get_parser, sniff_format

CTX = FeedContext(feed_id="wire", fetched_at=datetime(2017, 10, 14, tzinfo=UTC))
SOH, STX, ETX, EOT = "\x01", "\x02", "\x03", "\x04"


def crlf(*lines: str) -> str:
    return "\r\n".join(lines) + "\r\n"


def parse(data: bytes) -> list[ParseResult]:
    assert sniff_format(data) == "agency-text"
    return list(get_parser("agency-text").parse(data, CTX))


def articles(data: bytes) -> list[Article]:
    results = parse(data)
    assert all(isinstance(r, Article) for r in results), results
    return [r for r in results if isinstance(r, Article)]


DPA_MESSAGE = (
    SOH
    + crlf("dpa0147 3 i 212  dpa 0733")
    + STX
    + crlf(
        "Germany/politics/coalition/",
        "1ST LEAD",
        "German parties set timetable for coalition talks",
        "By Andreas Hoenig, dpa =",
        "",
        "Berlin (dpa) - Germany's parties agreed on Saturday to begin",
        "exploratory talks next week, party officials said.",
        "",
        "The first round is to be held on Wednesday.",
        "",
        "* * * *",
        "The following information is not intended for publication",
        "- Reporting by: Andreas Hoenig",
        "",
        "dpa ah rmo",
        "",
        "141402 GMT Oct 17",
    )
    + ETX
    + EOT
)


def test_a_7901_heading_block_gives_headline_and_byline_without_its_terminator() -> None:
    [article] = articles(DPA_MESSAGE.encode("cp1252"))
    assert article.headline == "German parties set timetable for coalition talks"
    assert article.byline == "Andreas Hoenig, dpa"
    assert article.urgency == 3 and article.provider == "dpa" and article.located == "Berlin"


def test_a_7901_body_has_no_keywords_take_keys_notes_signature_or_time_group() -> None:
    [article] = articles(DPA_MESSAGE.encode("cp1252"))
    assert article.body_text == (
        "Berlin (dpa) - Germany's parties agreed on Saturday to begin exploratory talks next "
        "week, party officials said.\n\nThe first round is to be held on Wednesday."
    )


def test_a_7901_headline_on_the_stx_line_after_keywords_before_it_is_read() -> None:
    message = (
        SOH
        + crlf("dpa0148 4 pl 96  dpa 0734", "Koalition/Sondierung/")
        + STX
        + crlf(
            "Parteien einigen sich auf Zeitplan für Sondierungen =",
            "",
            "   Berlin (dpa) - Die Parteien haben sich am Samstag geeinigt.",
            "   Die erste Runde soll am Mittwoch stattfinden.",
        )
        + ETX
    )
    [article] = articles(message.encode("cp1252"))
    assert article.headline == "Parteien einigen sich auf Zeitplan für Sondierungen"
    assert article.body_text.split("\n\n") == [
        "Berlin (dpa) - Die Parteien haben sich am Samstag geeinigt.",
        "Die erste Runde soll am Mittwoch stattfinden.",
    ]


def test_a_7901_message_whose_control_codes_a_gateway_stripped_is_still_read() -> None:
    stripped = crlf(
        "afp0412 4 i 164  AFP-TX45",
        "",
        "Liban-politique/",
        "Le Premier ministre défend son budget =",
        "",
        "   BEYROUTH, 14 oct 2017 (AFP) - Le Premier ministre a défendu samedi son budget.",
        "",
        "rs/fc",
        "",
        "141130 GMT OCT 17",
    )
    [article] = articles(stripped.encode())
    assert article.headline == "Le Premier ministre défend son budget"
    assert article.located == "BEYROUTH" and article.urgency == 4
    assert article.body_text.endswith("son budget.")


def test_a_7901_message_without_text_fails_alone() -> None:
    empty = SOH + crlf("dpa0150 4 i 0  dpa 0736") + STX + crlf("Empty/", "Nothing here =") + ETX
    other = DPA_MESSAGE.replace("set timetable", "agree timetable")
    results = parse((DPA_MESSAGE + empty + other).encode())
    assert [type(r).__name__ for r in results] == ["Article", "ItemFailure", "Article"]
    failure = results[1]
    assert isinstance(failure, ItemFailure) and "no body" in failure.reason


ANPA_STORY = (
    "\x16\x16\x01a0321\x1fecom\r\n"
    "r f\x13\x11 BC-US--Markets-Close 10-14 0421\r\n"
    "\x02"
    + crlf(
        "^BC-US--Markets-Close,0421<",
        "^Stocks end the week higher as banks rally<",
        "^Eds: Updates with closing prices.<",
        "^By ALEX VEIGA=",
        "^AP Business Writer=",
        "\t   NEW YORK (AP) _ U.S. stocks closed higher on Friday.",
        "\t   ``It was a good week for the banks,'' said one strategist.",
        "\t   AP-WF-10-14-17 2015GMT<",
    )
    + "\x03\r\n10-14-17 2015GMT\x04"
)


def test_anpa_codes_never_reach_headline_or_body() -> None:
    [article] = articles(ANPA_STORY.encode())
    assert article.headline == "Stocks end the week higher as banks rally"
    assert article.body_text == (
        "NEW YORK (AP) — U.S. stocks closed higher on Friday.\n\n"
        "“It was a good week for the banks,” said one strategist."
    )
    assert article.urgency == 5
    assert article.uri == "urn:newswire:wire:anpa:BC-US--Markets-Close"


def test_a_stray_control_code_never_reaches_the_text_of_any_format() -> None:
    [article] = articles(b"Headline: One\x1f two\n\nBEIRUT (AP) - Text\x07 here.\n")
    assert article.headline == "One two" and article.body_text == "BEIRUT (AP) - Text here."


def test_plain_agency_text_with_a_header_block_is_not_taken_for_7901() -> None:
    data = b"Headline: Rates\nURI: https://x.example/item?id=\n\nPARIS (AFP) - Text.\n"
    [article] = articles(data)
    assert article.uri == "https://x.example/item?id=" and article.headline == "Rates"


def test_a_message_sent_twice_in_one_transmission_is_read_once() -> None:
    assert len(articles((DPA_MESSAGE + DPA_MESSAGE.replace("0147", "0152")).encode())) == 1
