"""IPTC NewsML-G2: a `newsItem`, a `packageItem`, or a `newsMessage` carrying
several of them in its `itemSet`.

A newsItem's text is in `contentSet`: `inlineXML` with XHTML or NITF, or
`inlineData` with plain text. A packageItem only references other items by
`residref`; those items arrive on their own, so the package adds no story.

`contentMeta` gives the byline (`by`, else the names of the `creator`s), the
place (`located`'s name in the item's language, else the `dateline`'s place;
a qcode alone names no place) and the declared language (`language@tag`, else
the nearest `xml:lang`)."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from workers.errors import ParseError, PermanentError
from workers.models import Article, Subject
from workers.parsers.article_builder import build_article
from workers.parsers.base import FeedContext, ItemFailure, ParseResult
from workers.parsers.bylines import join_bylines
from workers.parsers.fields import (
    first,
    parse_datetime,
    parse_urgency,
    parse_version,
    subject_from_qcode,
    subject_from_uri,
    unique_subjects,
)
from workers.parsers.html_text import element_text, html_to_text
from workers.parsers.items import guarded, unique_by_uri
from workers.parsers.located import first_place, located_from_body, place_of_dateline
from workers.parsers.nitf import find_nitf, read_nitf
from workers.parsers.xml_nav import (
    attr,
    child,
    children,
    descendants,
    lang,
    local,
    path,
    serialize,
    text,
)
from workers.parsers.xml_safety import parse_xml, root_tag

G2_NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"
ITEM_ROOTS = ("newsItem", "packageItem", "newsMessage")
OTHER_ITEMS = ("conceptItem", "knowledgeItem", "planningItem", "catalogItem")
NON_TEXT_CLASSES = ("ninat:picture", "ninat:graphic", "ninat:video", "ninat:audio")


def _in_language(elements: list[etree._Element], language: str | None) -> str | None:
    """The text of the element in the item's language, else of the first one."""
    primary = (language or "").split("-")[0].lower()
    for element in elements:
        if primary and (lang(element) or "").split("-")[0].lower() == primary:
            return text(element)
    return text(elements[0]) if elements else None


def _name(el: etree._Element | None, language: str | None) -> str | None:
    """The `name` child in the item's language, else the first one."""
    return _in_language(list(children(el, "name")), language)


def _subjects(meta: etree._Element | None, language: str | None) -> list[Subject]:
    subjects = []
    for subject in children(meta, "subject"):
        qcode, uri = attr(subject, "qcode"), attr(subject, "uri")
        if qcode:
            subjects.append(subject_from_qcode(qcode, _name(subject, language)))
        elif uri:
            subjects.append(subject_from_uri(uri, _name(subject, language)))
    return unique_subjects(subjects)


def _party(el: etree._Element | None, language: str | None) -> str | None:
    if el is None:
        return None
    qcode = attr(el, "qcode")
    return first(
        _name(el, language),
        attr(el, "literal"),
        qcode.partition(":")[2] if qcode else None,
        attr(el, "uri"),
    )


def _headline(meta: etree._Element | None) -> str | None:
    headlines = list(children(meta, "headline"))
    for headline in headlines:
        role = attr(headline, "role") or ""
        if not role or role.endswith(":main"):
            return text(headline)
    return text(headlines[0]) if headlines else None


def _content(content_set: etree._Element | None) -> tuple[str, etree._Element | None]:
    """(body text, embedded NITF root if the text came from one)."""
    if content_set is None:
        return "", None
    for inline in children(content_set, "inlineXML"):
        nitf = find_nitf(inline)
        if nitf is not None:
            return read_nitf(nitf).body_text, nitf
        body = next(descendants(inline, "body"), None)
        return element_text(body if body is not None else inline), None
    for inline in children(content_set, "inlineData"):
        if inline.text and inline.text.strip():
            return html_to_text(inline.text), None
    return "", None


def _keywords(meta: etree._Element | None) -> list[str]:
    return [k for k in (text(kw) for kw in children(meta, "keyword")) if k]


def _person_name(name: str | None) -> bool:
    """A name, not a system account (dpa names its creators `degenhardt.sandra`)."""
    return name is not None and (" " in name or not name.islower())


def _byline(meta: etree._Element | None, language: str | None) -> str | None:
    """`by` in the item's language, else the creators' names (never their qcodes)."""
    by = _in_language(list(children(meta, "by")), language)
    creators = [first(_name(c, language), attr(c, "literal")) for c in children(meta, "creator")]
    people = [(name, None) for name in creators if _person_name(name)]
    return join_bylines([(by, None)] if by else people)


def _located(meta: etree._Element | None, language: str | None) -> str | None:
    located = child(meta, "located")
    return first_place(_name(located, language), attr(located, "literal"))


def _news_item(item: etree._Element, ctx: FeedContext) -> Article:
    guid = attr(item, "guid")
    item_meta = child(item, "itemMeta")
    meta = child(item, "contentMeta")
    body, nitf_root = _content(child(item, "contentSet"))
    nitf = read_nitf(nitf_root) if nitf_root is not None else None
    language = first(
        attr(child(meta, "language"), "tag"),
        lang(item),
        nitf.declared_language if nitf else None,
    )
    headline = first(
        _headline(meta), text(child(item_meta, "title")), nitf.headline if nitf else None
    )
    if not headline:
        raise ParseError(f"newsItem {guid!r} has no contentMeta/headline")
    if not body:
        item_class = attr(child(item_meta, "itemClass"), "qcode") or ""
        body = text(child(meta, "description")) or ""
        if not body and item_class in NON_TEXT_CLASSES:
            body = headline
        if not body:
            raise ParseError(
                f"newsItem {guid!r} has no inline text (contentSet/inlineXML or inlineData); "
                "remoteContent is not fetched"
            )
    version_created = parse_datetime(text(child(item_meta, "versionCreated")))
    first_created = parse_datetime(
        first(text(child(item_meta, "firstCreated")), text(child(meta, "contentCreated")))
    )
    return build_article(
        ctx,
        format_name="newsml-g2",
        parser="newsml-g2/1",
        headline=headline,
        body_text=body,
        guid=guid,
        link=attr(child(item_meta, "link"), "href"),
        version=parse_version(attr(item, "version")),
        declared_language=language,
        byline=_byline(meta, language) or (nitf.byline if nitf else None),
        located=first_place(
            _located(meta, language),
            place_of_dateline(text(child(meta, "dateline"))),
            nitf.located if nitf else None,
            located_from_body(body),
        ),
        firstcreated=first_created or version_created or (nitf.dateline_date if nitf else None),
        versioncreated=version_created,
        urgency=parse_urgency(text(child(meta, "urgency"))) or (nitf.urgency if nitf else None),
        provider=first(
            _party(child(item_meta, "provider"), language),
            _party(path(item, "rightsInfo/copyrightHolder"), language),
        ),
        subject=_subjects(meta, language) or (nitf.subject if nitf else []),
        keywords=_keywords(meta),
    )


def _refs(package: etree._Element) -> list[str]:
    return [r for r in (attr(ref, "residref") for ref in descendants(package, "itemRef")) if r]


class NewsmlG2Parser:
    name = "newsml-g2"

    def sniff(self, data: bytes) -> bool:
        tag = root_tag(data)
        if tag is None or tag[0] not in ITEM_ROOTS:
            return False
        return G2_NAMESPACE in tag[1] or "NewsML-G2" in tag[1] or tag[0] == "newsItem"

    def parse(self, data: bytes, ctx: FeedContext) -> Iterator[ParseResult]:
        try:
            root = parse_xml(data)
        except PermanentError as exc:
            yield ItemFailure(exc.error_type, str(exc), data)
            return
        if local(root) == "newsMessage":
            items = [i for s in children(root, "itemSet") for i in s]
        else:
            items = [root]
        news_items = [i for i in items if local(i) == "newsItem"]
        for item in items:
            if local(item) in OTHER_ITEMS:
                yield ItemFailure(
                    "unsupported",
                    f"{local(item)} {attr(item, 'guid')!r} is not a news story; only newsItem "
                    "(and packageItem references) are ingested",
                    serialize(item),
                )
            elif local(item) == "packageItem" and not news_items:
                yield ItemFailure(
                    "package_only",
                    f"packageItem {attr(item, 'guid')!r} only references other items "
                    f"({', '.join(_refs(item)) or 'none'}); ingest the referenced newsItems",
                    serialize(item),
                )
        yield from unique_by_uri(guarded(news_items, lambda i: _news_item(i, ctx), serialize))
