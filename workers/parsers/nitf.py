"""NITF 3.x (News Industry Text Format), standalone or embedded in NewsML.

`head/docdata` carries the identity (`doc-id@id-string`, `du-key@version`),
urgency (`urgency@ed-urg`), dates (`date.issue@norm`, `date.release@norm`),
rights; `head/tobject` the IPTC subject codes; `body/body.head` the headline,
byline, dateline and abstract; `body/body.content` the story."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

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
    unique_subjects,
)
from workers.parsers.html_text import element_paragraphs
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
    guid: str | None = None
    version: int | None = None
    language: str | None = None
    urgency: int | None = None
    issued: str | None = None
    released: str | None = None
    provider: str | None = None
    subject: list[Subject] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)


def _byline(head: etree._Element | None) -> str | None:
    byline = child(head, "byline")
    if byline is None:
        return None
    person = text(child(byline, "person"))
    return clean_byline(person or text(byline))


def _dateline_place(head: etree._Element | None) -> str | None:
    dateline = child(head, "dateline")
    if dateline is None:
        return None
    city = text(descendant(dateline, "city")) or text(child(dateline, "location"))
    return city or place_of_dateline(text(dateline))


def _subjects(nitf_head: etree._Element | None) -> list[Subject]:
    subjects = []
    for tobject in children(nitf_head, "tobject") if nitf_head is not None else []:
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


def _language(root: etree._Element, head: etree._Element | None) -> str | None:
    for meta in children(head, "meta") if head is not None else []:
        if (attr(meta, "name") or "").lower() in LANGUAGE_META:
            return attr(meta, "content")
    content = descendant(root, "body.content")
    return lang(content) if content is not None else lang(root)


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
    return NitfFields(
        headline=headline,
        body_text=body,
        byline=_byline(body_head),
        located=first(_dateline_place(body_head), text(descendant(docdata, "evloc"))),
        guid=attr(child(docdata, "doc-id"), "id-string"),
        version=parse_version(attr(child(docdata, "du-key"), "version"))
        if attr(child(docdata, "du-key"), "version")
        else None,
        language=language_code(_language(root, head)),
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
            language=nitf.language,
            byline=nitf.byline,
            located=nitf.located or located_from_body(nitf.body_text),
            firstcreated=issued or released,
            versioncreated=released or issued,
            urgency=nitf.urgency,
            provider=nitf.provider,
            subject=nitf.subject,
            keywords=nitf.keywords,
        )
