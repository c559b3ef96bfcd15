"""Markup to clean text: one paragraph per block, blank lines between them.
Scripts, styles, embedded frames, images (tracking pixels included) and hidden
elements carry no story text and are dropped."""

from __future__ import annotations

import re

from lxml import etree

from workers.parsers.xml_nav import local

BLOCKS = frozenset(
    {
        # HTML / XHTML
        "p", "div", "section", "article", "header", "footer", "aside", "main",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "li", "ul", "ol",
        "dl", "dt", "dd", "table", "tr", "caption", "figure", "figcaption",
        "address", "hr",
        # NITF body.content
        "block", "hl1", "hl2", "bq", "fn", "note", "list", "list-item", "body.head",
        "body.content", "body.end", "tagline", "credit",
    }
)  # fmt: skip
DROPPED = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "frame", "object",
        "embed", "applet", "img", "picture", "source", "svg", "math", "canvas",
        "video", "audio", "track", "map", "form", "input", "button", "select",
        "textarea", "head", "title", "meta", "link", "base",
        "media", "media-reference", "media-metadata", "media-object",
    }
)  # fmt: skip
LINE_BREAKS = frozenset({"br"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
_TAG_LIKE = re.compile(r"<[A-Za-z!/]")


def _hidden(el: etree._Element) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def _walk(el: etree._Element, out: list[list[str]]) -> None:
    name = local(el).lower()
    if not name or name in DROPPED or _hidden(el):
        if el.tail:
            out[-1].append(el.tail)
        return
    if name in LINE_BREAKS:
        out.append([])
    else:
        block = name in BLOCKS
        if block:
            out.append([])
        if el.text:
            out[-1].append(el.text)
        for child in el:
            _walk(child, out)
        if block:
            out.append([])
    if el.tail:
        out[-1].append(el.tail)


def element_paragraphs(el: etree._Element) -> list[str]:
    """Paragraphs of an element tree (HTML, XHTML or NITF), whitespace collapsed."""
    out: list[list[str]] = [[]]
    _walk(el, out)
    paragraphs = (" ".join("".join(parts).split()) for parts in out)
    return [p for p in paragraphs if p]


def element_text(el: etree._Element) -> str:
    return "\n\n".join(element_paragraphs(el))


def plain_paragraphs(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(p for p in paragraphs if p)


def html_to_text(markup: str) -> str:
    """Clean text of an HTML fragment or document; text without tags keeps its paragraphs."""
    if not _TAG_LIKE.search(markup):
        return plain_paragraphs(markup)
    parser = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    root = etree.fromstring(f"<html><body>{markup}</body></html>", parser)
    if root is None:
        return ""
    return element_text(root)
