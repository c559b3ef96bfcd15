"""Parsing untrusted XML: no entity expansion, no network, no DTD loading, no
huge trees. A document that declares entities is rejected outright: wire
formats never need them, and they are how entity bombs and external-entity
(XXE) reads are built."""

from __future__ import annotations

import re

from lxml import etree

from workers.errors import EncodingError, ParseError, PermanentError


class XmlBombError(PermanentError):
    error_type = "xml_bomb"


class XxeError(PermanentError):
    error_type = "xxe"


_PROLOG_END = 4096
_ENTITY_DECL = re.compile(rb"<!ENTITY\s+(%\s*)?([^\s>]+)\s+(SYSTEM|PUBLIC)?", re.IGNORECASE)
_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_SINGLE_BYTE_LATIN = frozenset(
    {"iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252", "us-ascii", "ascii"}
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=False,
    )


def _internal_subset(data: bytes) -> bytes:
    """The `<!DOCTYPE ... [ ... ]>` internal subset, found without parsing."""
    start = data.find(b"<!DOCTYPE")
    if start < 0:
        start = data.find(b"<!doctype")
    if start < 0:
        return b""
    bracket = data.find(b"[", start)
    close = data.find(b">", start)
    if bracket < 0 or (0 <= close < bracket):
        return b""
    end = data.find(b"]>", bracket)
    if end < 0:
        end = data.find(b"]", bracket)
    return data[bracket : end if end > 0 else len(data)]


def reject_entity_declarations(data: bytes) -> None:
    """Raise `XxeError` for external entities, `XmlBombError` for any other entity declaration."""
    head = data if data[:2] not in _UTF16_BOMS else _to_utf8(data)
    subset = _internal_subset(head)
    if not subset:
        return
    declarations = list(_ENTITY_DECL.finditer(subset))
    if not declarations:
        return
    names = ", ".join(sorted({m.group(2).decode("ascii", "replace") for m in declarations}))
    if any(m.group(3) for m in declarations):
        raise XxeError(
            f"XML declares external entities ({names}); they could read local files or "
            "the network, so the document was rejected unread"
        )
    raise XmlBombError(
        f"XML declares entities ({names}) in its DTD, the shape of an entity-expansion "
        "bomb; wire formats never need them, so the document was rejected unexpanded"
    )


def _to_utf8(data: bytes) -> bytes:
    try:
        return data.decode("utf-16").encode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(f"UTF-16 document has invalid bytes at {exc.start}") from exc


def _repair_declared_encoding(data: bytes) -> bytes:
    """Feeds often declare Latin-1 or windows-1252 yet send UTF-8. Bytes that
    decode as UTF-8 with multi-byte sequences are never meant as Latin text,
    so those documents are read as the UTF-8 they are."""
    match = _DECLARED_ENCODING.match(data[:200])
    if not match or match.group(1).decode().lower() not in _SINGLE_BYTE_LATIN:
        return data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    if text.isascii():
        return data
    return data[: match.start(1)] + b"UTF-8" + data[match.end(1) :]


def parse_xml(data: bytes) -> etree._Element:
    """The root element of a well-formed, entity-free document.

    Raises `XmlBombError`, `XxeError`, `EncodingError` or `ParseError` with a
    reason that says what is wrong with the document."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    reject_entity_declarations(data)
    data = _repair_declared_encoding(data)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        message = str(exc)
        if "encoding" in message.lower() or "utf-8" in message.lower():
            raise EncodingError(
                f"XML bytes do not match the declared encoding: {message}; "
                "the feed must declare the charset it actually sends"
            ) from exc
        raise ParseError(f"malformed XML: {message}") from exc
    except ValueError as exc:
        raise ParseError(f"unreadable XML: {exc}") from exc
    if root is None:
        raise ParseError("XML document has no root element")
    docinfo = root.getroottree().docinfo
    dtd = docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):  # type: ignore[union-attr]
        raise XmlBombError("XML declares entities in its DTD; the document was rejected")
    return root


_SKIP_MARKUP = re.compile(
    rb"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\]\s*)?>", re.DOTALL | re.IGNORECASE
)
_ROOT_TAG = re.compile(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)([^>]*)")


def root_tag(data: bytes) -> tuple[str, str] | None:
    """(local name, attribute text) of the root element, read without parsing,
    for format sniffing; None when the bytes do not start like XML."""
    head = data[:_PROLOG_END]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    elif head[:2] in _UTF16_BOMS:
        head = data[:_PROLOG_END].decode("utf-16", "ignore").encode("utf-8")
    pos = 0
    while True:
        skipped = _SKIP_MARKUP.match(head, pos)
        if not skipped or skipped.end() == pos:
            break
        pos = skipped.end()
    match = _ROOT_TAG.match(head, pos)
    if not match:
        return None
    return match.group(2).decode("ascii"), match.group(3).decode("utf-8", "replace")
