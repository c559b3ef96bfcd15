"""What the transmission formats of agency text share (ANPA 1312, IPTC 7901,
teletype): their bytes, their control codes, their paragraphs, and the plain
agency text (header block, blank line, paragraphs) each message is rewritten
as, so that one parser reads them all."""

from __future__ import annotations

import re

SOH, STX, ETX, EOT = "\x01", "\x02", "\x03", "\x04"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Transmission codes: SYN, SOH, STX, ETX, EOT, ANPA's format codes (DC1-DC4), US."""


def decode_wire_text(data: bytes) -> str:
    """UTF-8 when the bytes are, else windows-1252: ANPA- and 7901-era files predate UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def lines_of(text: str) -> list[str]:
    """Lines without line-end variants and control codes (indentation kept)."""
    return CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")


def paragraphs_of(lines: list[str]) -> list[str]:
    """A paragraph ends at a blank line; an indented line starts a new one (the wire
    convention), and the lines between are one paragraph wrapped at the line width."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if not line.strip() or line[:1] in ("\t", " "):
            paragraphs.append([])
        if line.strip():
            paragraphs[-1].append(line.strip())
    return [" ".join(p) for p in paragraphs if p]


def as_agency_text(header: dict[str, str | int | None], paragraphs: list[str]) -> str:
    """A story as plain agency text: `Key: value` lines, a blank line, the paragraphs
    (none for a message without text, which then fails on its own)."""
    lines = [f"{key}: {' '.join(str(value).split())}" for key, value in header.items() if value]
    return "\n".join(lines) + "\n\n" + "\n\n".join(paragraphs) + "\n"
