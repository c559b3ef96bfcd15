"""Feed parsers keyed by format name."""

from __future__ import annotations

from workers.errors import UnknownFormatError
from workers.parsers.agency_text import AgencyTextParser
from workers.parsers.base import FeedParser
from workers.parsers.newsml12 import Newsml12Parser
from workers.parsers.newsml_g2 import NewsmlG2Parser
from workers.parsers.ninjs import NinjsParser
from workers.parsers.nitf import NitfParser
from workers.parsers.rss import RssParser

AUTO = "auto"

# Sniffing order matters: the most specific formats first, plain text last.
PARSERS: dict[str, FeedParser] = {
    parser.name: parser
    for parser in (
        NinjsParser(),
        NewsmlG2Parser(),
        Newsml12Parser(),
        NitfParser(),
        RssParser(),
        AgencyTextParser(),
    )
}


def formats() -> list[str]:
    return sorted(PARSERS)


def get_parser(name: str) -> FeedParser:
    try:
        return PARSERS[name]
    except KeyError:
        valid = ", ".join([AUTO, *formats()])
        raise UnknownFormatError(f"unknown feed format {name!r}; valid formats: {valid}") from None


def sniff_format(data: bytes) -> str:
    for name, parser in PARSERS.items():
        if parser.sniff(data):
            return name
    valid = ", ".join(formats())
    raise UnknownFormatError(
        f"cannot tell the format of this content; name one of: {valid} (--format)"
    )


def parser_for(name: str, data: bytes) -> FeedParser:
    return get_parser(sniff_format(data) if name == AUTO else name)
