"""Whatever a feed sends, parsing ends in Articles or ItemFailures with a reason,
never in an exception, a file read, a network call or a memory blow-up."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import orjson
import pytest

from tests.xml_attacks import BILLION_LAUGHS
from workers.models import Article
from workers.parsers.base import FeedContext, ItemFailure, ParseResult
from workers.parsers.html_text import html_to_text
from workers.parsers.registry import get_parser, sniff_format
from workers.producer.ingest import Document, parse_document

CTX = FeedContext(feed_id="bad", fetched_at=datetime(2017, 10, 14, tzinfo=UTC))
XML_FORMATS = ("rss", "nitf", "newsml-g2", "newsml-1.2")

ROOTS = {
    "rss": ('<rss version="2.0"><channel><title>t</title><item><title>',
            "</title></item></channel></rss>"),
    "nitf": ("<nitf><body><body.head><hedline><hl1>", "</hl1></hedline></body.head></body></nitf>"),
    "newsml-g2": (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1">'
        "<contentMeta><headline>",
        "</headline></contentMeta></newsItem>",
    ),
    "newsml-1.2": ("<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>",
                   "</HeadLine></NewsLines></NewsComponent></NewsItem></NewsML>"),
}  # fmt: skip

XXE = """<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
{open}&xxe;{close}"""

XXE_PARAMETER = """<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
{open}x{close}"""


def doc(fmt: str, template: str) -> bytes:
    opening, closing = ROOTS[fmt]
    return template.format(open=opening, close=closing).encode()


def parse(fmt: str, data: bytes) -> list[ParseResult]:
    return list(get_parser(fmt).parse(data, CTX))


def only_failure(results: list[ParseResult]) -> ItemFailure:
    assert len(results) == 1 and isinstance(results[0], ItemFailure), results
    return results[0]


@pytest.mark.parametrize("fmt", XML_FORMATS)
def test_billion_laughs_is_rejected_unexpanded(fmt: str) -> None:
    data = doc(fmt, BILLION_LAUGHS)
    started = time.perf_counter()
    failure = only_failure(parse(fmt, data))
    assert time.perf_counter() - started < 1.0
    assert failure.error_type == "xml_bomb"
    assert "entit" in failure.reason
    assert sniff_format(data) == fmt


@pytest.mark.parametrize("fmt", XML_FORMATS)
@pytest.mark.parametrize("template", [XXE, XXE_PARAMETER], ids=["file", "parameter-entity"])
def test_external_entities_are_rejected_unread(fmt: str, template: str) -> None:
    failure = only_failure(parse(fmt, doc(fmt, template)))
    assert failure.error_type == "xxe"
    assert "root:" not in failure.reason


@pytest.mark.parametrize("fmt", XML_FORMATS)
def test_malformed_xml_is_a_parse_failure_naming_the_problem(fmt: str) -> None:
    data = doc(fmt, "{open}Headline<p>unclosed{close}")
    failure = only_failure(parse(fmt, data))
    assert failure.error_type == "parse"
    assert "malformed XML" in failure.reason and "line" in failure.reason


@pytest.mark.parametrize("fmt", XML_FORMATS)
def test_truncated_xml_is_a_parse_failure(fmt: str) -> None:
    data = doc(fmt, "{open}Headline{close}")
    failure = only_failure(parse(fmt, data[: len(data) // 2]))
    assert failure.error_type == "parse"
    assert failure.payload == data[: len(data) // 2]


def test_utf8_declared_as_latin1_is_read_as_utf8() -> None:
    data = """<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>t</title>
<item><guid>1</guid><title>Évacuation de Raqa</title>
<description>عواصم - (وكالات): خبر</description></item>
</channel></rss>""".encode()
    [article] = parse("rss", data)
    assert isinstance(article, Article)
    assert article.headline == "Évacuation de Raqa"
    assert article.body_text == "عواصم - (وكالات): خبر"


def test_real_latin1_is_decoded_as_declared() -> None:
    data = """<?xml version="1.0" encoding="ISO-8859-1"?>
<nitf><body><body.head><hedline><hl1>Évacuation</hl1></hedline></body.head>
<body.content><p>Déjà fait.</p></body.content></body></nitf>""".encode("latin-1")
    [article] = parse("nitf", data)
    assert isinstance(article, Article) and article.headline == "Évacuation"


@pytest.mark.parametrize("fmt", XML_FORMATS)
def test_invalid_utf8_is_an_encoding_failure(fmt: str) -> None:
    body = doc(fmt, "{open}CAFE{close}").replace(b"CAFE", b"caf\xe9 \xff")
    data = b'<?xml version="1.0" encoding="UTF-8"?>' + body
    failure = only_failure(parse(fmt, data))
    assert failure.error_type == "encoding"
    assert "declared encoding" in failure.reason


def test_invalid_utf8_json_is_an_encoding_failure() -> None:
    failure = only_failure(parse("ninjs", b'{"uri": "x", "headline": "caf\xe9"}'))
    assert failure.error_type == "encoding"


def test_invalid_utf8_agency_text_is_an_encoding_failure() -> None:
    failure = only_failure(parse("agency-text", b"BEIRUT (Reuters) - caf\xe9 \xff\n"))
    assert failure.error_type == "encoding"


def test_items_without_guid_get_a_stable_uri_from_source_and_link() -> None:
    feed = b"""<rss version="2.0"><channel><title>t</title>
<item><title>A</title><link>https://x.example/a</link><description>a</description></item>
<item><title>B</title><link>https://x.example/b</link><description>b</description></item>
</channel></rss>"""
    first = parse("rss", feed)
    again = parse("rss", feed.replace(b"<description>a<", b"<description>a, updated<"))
    assert all(isinstance(r, Article) for r in first + again)
    uris = [r.uri for r in first if isinstance(r, Article)]
    assert len(set(uris)) == 2 and all(u.startswith("urn:newswire:bad:") for u in uris)
    assert [r.uri for r in again if isinstance(r, Article)] == uris


def test_duplicate_guids_keep_the_first_and_report_a_changed_repeat() -> None:
    items = [
        {"uri": "u1", "headline": "H", "body_text": "one"},
        {"uri": "u1", "headline": "H", "body_text": "one"},
        {"uri": "u1", "headline": "H", "body_text": "two"},
        {"uri": "u2", "headline": "H2", "body_text": "other"},
    ]
    results = parse("ninjs", orjson.dumps(items))
    assert [type(r).__name__ for r in results] == ["Article", "ItemFailure", "Article"]
    failure = results[1]
    assert isinstance(failure, ItemFailure) and failure.error_type == "duplicate_guid"


def test_a_broken_item_never_stops_the_others() -> None:
    items = [
        {"uri": "u1", "headline": "H", "body_text": "one"},
        {"uri": "u2", "headline": "", "body_text": ""},
        "not an object",
        {"uri": "u3", "headline": "H3", "body_text": "three", "urgency": 42},
    ]
    results = parse("ninjs", orjson.dumps(items))
    assert [type(r).__name__ for r in results] == [
        "Article",
        "ItemFailure",
        "ItemFailure",
        "Article",
    ]
    assert isinstance(results[3], Article) and results[3].urgency is None


def test_oversized_document_is_refused_before_parsing() -> None:
    data = doc("rss", "{open}" + "x" * 5000 + "{close}").replace(b"x", b"y")
    [failure] = parse_document(Document(data, CTX, "auto"), max_item_bytes=1000)
    assert isinstance(failure, ItemFailure) and failure.error_type == "oversized"


def test_unrecognisable_bytes_name_the_valid_formats() -> None:
    [failure] = parse_document(Document(b"\x00\x01\x02", CTX, "auto"), max_item_bytes=1000)
    assert isinstance(failure, ItemFailure) and failure.error_type == "unknown_format"
    assert "ninjs" in failure.reason and "newsml-g2" in failure.reason


def test_json_that_is_not_ninjs_is_a_parse_failure() -> None:
    assert only_failure(parse("ninjs", b"42")).error_type == "parse"
    assert only_failure(parse("ninjs", b"{not json")).error_type == "parse"


def test_html_loses_scripts_styles_trackers_and_keeps_paragraphs() -> None:
    html = (
        "<p>One <b>bold</b> &amp; more.</p><script>track()</script><style>p{}</style>"
        '<img src="https://t.example/p.gif" width="1" height="1"><p>Two<br>Three</p>'
        '<div style="display: none">hidden</div><iframe src="x">frame</iframe>'
        "<noscript>ns</noscript>"
    )
    assert html_to_text(html) == "One bold & more.\n\nTwo\n\nThree"


def test_plain_text_keeps_its_paragraphs() -> None:
    assert html_to_text("One\n  line.\n\n\nTwo") == "One line.\n\nTwo"
