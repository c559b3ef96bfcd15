"""NewsML 1.x (1.0 to 1.2), still sent by several agencies.

`NewsML/NewsItem` holds `Identification/NewsIdentifier` (ProviderId, DateId,
NewsItemId, RevisionId: the uri leaves the revision out so every revision of
an item shares it), `NewsManagement` (FirstCreated, ThisRevisionCreated,
Urgency, Status) and a tree of `NewsComponent`s with `NewsLines`,
`AdministrativeMetadata`, `DescriptiveMetadata` and `ContentItem`s whose
`DataContent` is NITF, XHTML or plain text. Controlled values sit in
`FormalName` attributes.

`NewsLines` give the byline (`ByLine`, with `Origin` inside, and `ByLineTitle`)
and the `DateLine`, whose place is read and whose date never is; the place also
comes from `DescriptiveMetadata/Location` (the one `HowPresent="Origin"`
first). The language is `DescriptiveMetadata/Language@FormalName` or the
nearest `xml:lang`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from workers.errors import ParseError, PermanentError
from workers.models import Article, Subject
from workers.parsers.article_builder import build_article
from workers.parsers.base import FeedContext, ItemFailure, ParseResult
from workers.parsers.bylines import element_byline, join_bylines, join_parts
from workers.parsers.fields import (
    first,
    parse_datetime,
    parse_urgency,
    parse_version,
    unique_subjects,
)
from workers.parsers.html_text import element_text, html_to_text
from workers.parsers.items import guarded, unique_by_uri
from workers.parsers.located import (
    first_place,
    located_from_body,
    place_of_dateline,
)
from workers.parsers.nitf import NitfFields, find_nitf, read_nitf
from workers.parsers.xml_nav import (
    attr,
    child,
    children,
    descendant,
    descendants,
    lang,
    local,
    path,
    serialize,
    text,
)
from workers.parsers.xml_safety import parse_xml, root_tag

IPTC_SUBJECT_CODE = re.compile(r"^\d{8}$")
SUBJECT_ELEMENTS = ("Subject", "SubjectMatter", "SubjectDetail")
TEXT_MEDIA = ("Text", "text", "ComplexData")
PLAIN_MIME = ("text/plain", "text/vnd.IPTC.NITF", "")


def _formal(el: etree._Element | None) -> str | None:
    return attr(el, "FormalName")


def _uri(item: etree._Element) -> str | None:
    ident = path(item, "Identification/NewsIdentifier")
    public = text(child(ident, "PublicIdentifier"))
    provider, date_id, item_id = (
        text(child(ident, "ProviderId")),
        text(child(ident, "DateId")),
        text(child(ident, "NewsItemId")),
    )
    if provider and date_id and item_id:
        return f"urn:newsml:{provider}:{date_id}:{item_id}"
    if public:
        # urn:newsml:provider:date:id:revision[flag] -> without the revision
        parts = public.split(":")
        return ":".join(parts[:-1]) if len(parts) > 5 else public
    return None


def _text_content(component: etree._Element) -> tuple[str, NitfFields | None]:
    """The first textual ContentItem of the component tree."""
    for item in descendants(component, "ContentItem"):
        media = _formal(child(item, "MediaType")) or "Text"
        if media not in TEXT_MEDIA:
            continue
        data = child(item, "DataContent")
        if data is None:
            continue
        nitf_root = find_nitf(data)
        if nitf_root is not None:
            nitf = read_nitf(nitf_root)
            if nitf.body_text:
                return nitf.body_text, nitf
            continue
        body = descendant(data, "body")
        if body is not None or len(data):
            value = element_text(body if body is not None else data)
        else:
            value = html_to_text(data.text or "")
        if value:
            return value, None
    return "", None


def _subjects(component: etree._Element) -> list[Subject]:
    subjects = []
    for code_el in descendants(component, "SubjectCode"):
        for subject in children(code_el, *SUBJECT_ELEMENTS):
            code = _formal(subject)
            if code:
                scheme = "subj" if IPTC_SUBJECT_CODE.match(code) else attr(subject, "Scheme")
                subjects.append(Subject(code=code, scheme=scheme or "subj", origin="source"))
    return unique_subjects(subjects)


def _located(component: etree._Element) -> str | None:
    """The city (else country) of the Location the story was filed from, else of any Location."""
    locations = sorted(
        descendants(component, "Location"),
        key=lambda location: (attr(location, "HowPresent") or "").lower() != "origin",
    )
    for location in locations:
        values = {
            (_formal(p) or "").lower(): attr(p, "Value") for p in children(location, "Property")
        }
        found = first_place(values.get("city"), values.get("country"))
        if found:
            return found
    return None


def _byline(lines: etree._Element | None, nitf: NitfFields | None) -> str | None:
    title = text(child(lines, "ByLineTitle"))
    byline = join_parts(map(element_byline, children(lines, "ByLine")))
    if byline:
        return join_bylines([(byline, title)])
    return nitf.byline if nitf else None


def _news_item(item: etree._Element, ctx: FeedContext) -> Article:
    uri = _uri(item)
    management = child(item, "NewsManagement")
    component = child(item, "NewsComponent")
    if component is None:
        raise ParseError(f"NewsItem {uri!r} has no NewsComponent")
    lines = descendant(item, "NewsLines")
    body, nitf = _text_content(component)
    headline = first(text(child(lines, "HeadLine")), nitf.headline if nitf else None)
    if not headline:
        raise ParseError(f"NewsItem {uri!r} has no NewsLines/HeadLine")
    if not body:
        raise ParseError(f"NewsItem {uri!r} has no textual ContentItem/DataContent")
    revision = path(item, "Identification/NewsIdentifier/RevisionId")
    nitf_version = (nitf.version if nitf else None) or 1
    admin = descendant(component, "AdministrativeMetadata")
    provider = first(
        _formal(path(admin, "Provider/Party")),
        text(child(lines, "CreditLine")),
        text(path(item, "Identification/NewsIdentifier/ProviderId")),
        nitf.provider if nitf else None,
    )
    created = parse_datetime(text(child(management, "ThisRevisionCreated")))
    dateline = text(child(lines, "DateLine"))
    return build_article(
        ctx,
        format_name="newsml-1.2",
        parser="newsml-1.2/1",
        headline=headline,
        body_text=body,
        guid=uri,
        version=parse_version(text(revision)) if revision is not None else nitf_version,
        declared_language=first(
            _formal(descendant(component, "Language")),
            lang(component),
            nitf.declared_language if nitf else None,
        ),
        byline=_byline(lines, nitf),
        located=first_place(
            place_of_dateline(dateline),
            _located(component),
            nitf.located if nitf else None,
            located_from_body(body),
        ),
        firstcreated=parse_datetime(text(child(management, "FirstCreated")))
        or created
        or parse_datetime(dateline)
        or (nitf.dateline_date if nitf else None),
        versioncreated=created,
        urgency=parse_urgency(_formal(child(management, "Urgency")))
        or (nitf.urgency if nitf else None),
        provider=provider,
        subject=_subjects(component) or (nitf.subject if nitf else []),
        keywords=[k for k in (text(kw) for kw in descendants(lines, "KeywordLine")) if k]
        if lines is not None
        else [],
    )


class Newsml12Parser:
    name = "newsml-1.2"

    def sniff(self, data: bytes) -> bool:
        tag = root_tag(data)
        return tag is not None and tag[0] == "NewsML"

    def parse(self, data: bytes, ctx: FeedContext) -> Iterator[ParseResult]:
        try:
            root = parse_xml(data)
        except PermanentError as exc:
            yield ItemFailure(exc.error_type, str(exc), data)
            return
        items = [root] if local(root) == "NewsItem" else list(children(root, "NewsItem"))
        if not items:
            yield ItemFailure("parse", "NewsML document holds no NewsItem", data)
            return
        yield from unique_by_uri(guarded(items, lambda i: _news_item(i, ctx), serialize))
