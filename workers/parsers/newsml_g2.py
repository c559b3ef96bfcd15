"""IPTC NewsML-G2: a `newsItem`, a `packageItem`, or a `newsMessage` carrying
several of them in its `itemSet`.

A newsItem's text is in `contentSet`: `inlineXML` with XHTML or NITF, or
`inlineData` with plain text. A packageItem only references other items by
`residref`; those items arrive on their own, so the package adds no story."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from workers.errors import ParseError, PermanentError
from workers.models import Article, Subject
from workers.parsers.article_builder import build_article
from workers.parsers.base import FeedContext, ItemFailure, ParseResult
from workers.parsers.fields import (
    clean_byline,
    first,
    language_code,
    located_from_body,
    parse_datetime,
    parse_urgency,
    parse_version,
    place_of_dateline,
    subject_from_qcode,
    subject_from_uri,
    unique_subjects,
)
from workers.parsers.html_text import element_text, plain_paragraphs
from workers.parsers.items import guarded, unique_by_uri
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


def _name(el: etree._Element, language: str | None) -> str | None:
    """The `name` child in the item's language, else the first one."""
    names = list(children(el, "name"))
    for name in names:
        if language and (lang(name) or "").split("-")[0] == language.split("-")[0]:
            return text(name)
    return text(names[0]) if names else None


def _subjects(meta: etree._Element | None, language: str | None) -> list[Subject]:
    subjects = []
    for subject in children(meta, "subject") if meta is not None else []:
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
    headlines = list(children(meta, "headline")) if meta is not None else []
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
            return plain_paragraphs(inline.text), None
    return "", None


def _keywords(meta: etree._Element | None) -> list[str]:
    if meta is None:
        return []
    return [k for k in (text(kw) for kw in children(meta, "keyword")) if k]


def _news_item(item: etree._Element, ctx: FeedContext) -> Article:
    guid = attr(item, "guid")
    item_meta = child(item, "itemMeta")
    meta = child(item, "contentMeta")
    language = first(attr(child(meta, "language"), "tag"), lang(item))
    body, nitf_root = _content(child(item, "contentSet"))
    nitf = read_nitf(nitf_root) if nitf_root is not None else None
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
    by = first(text(child(meta, "by")), _party(child(meta, "creator"), language))
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
        language=language_code(first(language, nitf.language if nitf else None)),
        byline=clean_byline(first(by, nitf.byline if nitf else None)),
        located=first(
            _party(child(meta, "located"), language),
            place_of_dateline(text(child(meta, "dateline"))),
            nitf.located if nitf else None,
            located_from_body(body),
        ),
        firstcreated=first_created or version_created,
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
