"""Namespace-agnostic navigation of parsed XML: wire formats come with and
without namespaces (NITF 3.x, NewsML 1.2, NewsML-G2 all exist in both shapes),
so elements are matched by local name."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def children(el: etree._Element | None, *names: str) -> Iterator[etree._Element]:
    if el is None:
        return
    for child in el:
        if local(child) in names:
            yield child


def child(el: etree._Element | None, *names: str) -> etree._Element | None:
    if el is None:
        return None
    return next(children(el, *names), None)


def path(el: etree._Element | None, steps: str) -> etree._Element | None:
    """The first element along `a/b/c`, one local name per step of direct children."""
    for step in steps.split("/"):
        el = child(el, step)
    return el


def path_all(el: etree._Element | None, steps: str) -> list[etree._Element]:
    if el is None:
        return []
    *parents, last = steps.split("/")
    current = [el]
    for step in parents:
        current = [c for p in current for c in children(p, step)]
    return [c for p in current for c in children(p, last)]


def descendants(el: etree._Element, *names: str) -> Iterator[etree._Element]:
    for node in el.iter():
        if node is not el and local(node) in names:
            yield node


def descendant(el: etree._Element | None, *names: str) -> etree._Element | None:
    if el is None:
        return None
    return next(descendants(el, *names), None)


def text(el: etree._Element | None) -> str | None:
    """All text inside `el`, whitespace collapsed; None when there is none."""
    if el is None:
        return None
    value = " ".join("".join(str(t) for t in el.itertext()).split())
    return value or None


def text_outside(el: etree._Element | None, *names: str) -> str | None:
    """The text of `el` without that of its children named `names` (NITF's
    `story.date` inside a `dateline`), whitespace collapsed."""
    if el is None:
        return None
    parts = [el.text or ""]
    for node in el:
        if local(node) not in names:
            parts.append("".join(str(t) for t in node.itertext()))
        parts.append(node.tail or "")
    return " ".join("".join(parts).split()) or None


def attr(el: etree._Element | None, name: str) -> str | None:
    if el is None:
        return None
    value = el.get(name)
    if value is None:
        for key, candidate in el.attrib.items():
            if str(key).rsplit("}", 1)[-1] == name:
                value = str(candidate)
                break
    value = value.strip() if value else None
    return value or None


def lang(el: etree._Element | None) -> str | None:
    """The nearest `xml:lang` (or NITF 2's and XHTML's plain `lang`) on `el` or its ancestors."""
    while el is not None:
        value = el.get(XML_LANG) or el.get("lang")
        if value and value.strip():
            return value.strip()
        el = el.getparent()
    return None


def serialize(el: etree._Element) -> bytes:
    return etree.tostring(el, encoding="utf-8")
