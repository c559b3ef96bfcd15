"""NITF 3.x (News Industry Text Format), standalone or embedded in NewsML.

`head/docdata` carries the identity (`doc-id@id-string`, `du-key@version`),
urgency (`urgency@ed-urg`), dates (`date.issue@norm`, `date.release@norm`),
rights and the event's place (`evloc@city`); `head/tobject` the IPTC subject
codes; `body/body.head` the headline, the bylines (mixed content: `person`,
`byttl`, `location`), the dateline (`location` with `city`/`state`/`region`/
`country`, and `story.date`, which is never the place) and the abstract;
`body/body.content` the story. The language is declared by `baselang` on the
root, `xml:lang` (or NITF 2's `lang`) on the text or its ancestors, or a
`meta` named language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree

from workers.errors import ParseError, PermanentError
from workers.models import Article, Subject
from workers.parsers.article_builder import build_article
from workers.parsers.base import FeedContext, ItemFailure, ParseResult
from workers.parsers.bylines import element_byline, join_parts
from workers.parsers.fields import (
    first,
    parse_datetime,
    parse_urgency,
    parse_version,
    unique_subjects,
)
from workers.parsers.html_text import element_paragraphs
from workers.parsers.located import (
    first_place,
    located_from_body,
    place_of_dateline,
)
from workers.parsers.xml_nav import (
    attr,
    child,
    children,
    descendant,
    descendants,
    lang,
    local,
    path,
    path_all,
    text,
    text_outside,
)
from workers.parsers.xml_safety import parse_xml, root_tag

LANGUAGE_META = ("language", "lang", "dc.language")


@dataclass
class NitfFields:
    """What a NITF document says; the NewsML parsers use it for embedded NITF."""

    headline: str | None = None
    body_text: str = ""
    byline: str | None = None
    located: str | None = None
    dateline_date: datetime | None = None
    guid: str | None = None
    version: int | None = None
    declared_language: str | None = None
    urgency: int | None = None
    issued: str | None = None
    released: str | None = None
    provider: str | None = None
    subject: list[Subject] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)


def _dateline(head: etree._Element | None) -> tuple[str | None, datetime | None]:
    """(place, date) of `body.head/dateline`: the place from its `location` (city
    first), else from its own text once `story.date` is set aside."""
    dateline = child(head, "dateline")
    if dateline is None:
        return None, None
    location = descendant(dateline, "location")
    story_date = descendant(dateline, "story.date")
    place = first_place(
        *(text(descendant(location, part)) for part in ("city", "state", "region", "country")),
        text(location),
        place_of_dateline(text_outside(dateline, "story.date")),
    )
    return place, parse_datetime(first(attr(story_date, "norm"), text(story_date)))


def _subjects(nitf_head: etree._Element | None) -> list[Subject]:
    subjects = []
    for tobject in children(nitf_head, "tobject"):
        for subject in children(tobject, "tobject.subject"):
            code = attr(subject, "tobject.subject.refnum")
            if code:
                name = first(
                    attr(subject, "tobject.subject.detail"),
                    attr(subject, "tobject.subject.matter"),
                    attr(subject, "tobject.subject.type"),
                )
                subjects.append(Subject(code=code, name=name, scheme="subj", origin="source"))
    return unique_subjects(subjects)


def _meta_language(head: etree._Element | None) -> str | None:
    for meta in children(head, "meta"):
        if (attr(meta, "name") or "").lower() in LANGUAGE_META:
            return attr(meta, "content")
    return None


def _language(root: etree._Element, head: etree._Element | None) -> str | None:
    """The declaration nearest the text: `xml:lang` on it or an ancestor, then the
    document's `baselang`, then a language `meta`."""
    content = descendant(root, "body.content")
    return first(
        lang(content if content is not None else root),
        attr(root, "baselang"),
        _meta_language(head),
    )


def _key(keyword: etree._Element) -> str | None:
    return attr(keyword, "key")


def read_nitf(root: etree._Element) -> NitfFields:
    head = child(root, "head")
    body_head = path(root, "body/body.head")
    docdata = child(head, "docdata")
    content = path(root, "body/body.content")
    if content is None:
        content = descendant(root, "body.content")
    paragraphs = element_paragraphs(content) if content is not None else []
    headline = first(text(path(body_head, "hedline/hl1")), text(child(head, "title")))
    if not paragraphs:
        abstract = child(body_head, "abstract")
        paragraphs = element_paragraphs(abstract) if abstract is not None else []
    body = "\n\n".join(paragraphs)
    rights = child(docdata, "doc.rights")
    place, dateline_date = _dateline(body_head)
    return NitfFields(
        headline=headline,
        body_text=body,
        byline=join_parts(map(element_byline, children(body_head, "byline"))),
        located=first_place(place, attr(child(docdata, "evloc"), "city")),
        dateline_date=dateline_date,
        guid=attr(child(docdata, "doc-id"), "id-string"),
        version=parse_version(attr(child(docdata, "du-key"), "version"))
        if attr(child(docdata, "du-key"), "version")
        else None,
        declared_language=_language(root, head),
        urgency=parse_urgency(attr(child(docdata, "urgency"), "ed-urg")),
        issued=attr(child(docdata, "date.issue"), "norm"),
        released=attr(child(docdata, "date.release"), "norm"),
        provider=first(
            attr(rights, "provider"),
            attr(rights, "agent"),
            attr(child(docdata, "doc.copyright"), "holder"),
            text(child(body_head, "distributor")),
            attr(child(docdata, "doc-id"), "regsrc"),
        ),
        subject=_subjects(head),
        keywords=[k for k in map(_key, path_all(docdata, "key-list/keyword")) if k],
    )


def find_nitf(el: etree._Element) -> etree._Element | None:
    if local(el) == "nitf":
        return el
    return next(descendants(el, "nitf"), None)


class NitfParser:
    name = "nitf"

    def sniff(self, data: bytes) -> bool:
        tag = root_tag(data)
        return tag is not None and tag[0] == "nitf"

    def parse(self, data: bytes, ctx: FeedContext) -> Iterator[ParseResult]:
        try:
            yield self._article(parse_xml(data), ctx)
        except PermanentError as exc:
            yield ItemFailure(exc.error_type, str(exc), data)

    def _article(self, root: etree._Element, ctx: FeedContext) -> Article:
        nitf = read_nitf(root)
        if not nitf.headline:
            raise ParseError("NITF document has no headline (body.head/hedline/hl1 or head/title)")
        if not nitf.body_text:
            raise ParseError("NITF document has no text in body/body.content")
        issued = parse_datetime(nitf.issued)
        released = parse_datetime(nitf.released)
        return build_article(
            ctx,
            format_name=self.name,
            parser=f"{self.name}/1",
            headline=nitf.headline,
            body_text=nitf.body_text,
            guid=nitf.guid,
            version=nitf.version or 1,
            declared_language=nitf.declared_language,
            byline=nitf.byline,
            located=nitf.located or located_from_body(nitf.body_text),
            firstcreated=issued or released or nitf.dateline_date,
            versioncreated=released or issued,
            urgency=nitf.urgency,
            provider=nitf.provider,
            subject=nitf.subject,
            keywords=nitf.keywords,
        )
