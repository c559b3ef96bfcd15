"""Turning parsed fields into an `Article`: the stable uri, the content hash, and
the guards every format goes through (no control codes in the text, a place or
nothing in `located`, the declared language read as a BCP 47 tag)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime

from pydantic import ValidationError

from workers.errors import SchemaError
from workers.models import Article, Source, Subject
from workers.parsers.base import FeedContext
from workers.parsers.language_tags import language_tag, primary_language
from workers.parsers.located import place

_CONTROL_CODES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Transmission codes (SOH, STX, ETX, EOT, SYN, ANPA's DC1-DC4, C1 controls) are never text."""


def without_control_codes(text: str) -> str:
    return _CONTROL_CODES.sub("", text)


def content_hash(headline: str, body_text: str) -> str:
    """SHA-256 of the NFC text: the same bytes redelivered hash the same."""
    text = f"{headline.strip()}\n{body_text.strip()}"
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stable_uri(feed_id: str, guid: str | None, link: str | None, fallback: str) -> str:
    """The source's guid, else a hash of source and link (else of source and `fallback`)."""
    if guid and guid.strip():
        return guid.strip()
    basis = link if link else fallback
    digest = hashlib.sha256(f"{feed_id}\n{basis}".encode()).hexdigest()[:24]
    return f"urn:newswire:{feed_id}:{digest}"


def build_article(
    ctx: FeedContext,
    *,
    format_name: str,
    parser: str,
    headline: str,
    body_text: str,
    guid: str | None = None,
    link: str | None = None,
    version: int = 1,
    declared_language: str | None = None,
    byline: str | None = None,
    located: str | None = None,
    firstcreated: datetime | None = None,
    versioncreated: datetime | None = None,
    urgency: int | None = None,
    provider: str | None = None,
    subject: list[Subject] | None = None,
    keywords: list[str] | None = None,
    item_type: str = "text",
) -> Article:
    """Raise `SchemaError` naming the field when the item does not make a valid Article.

    `declared_language` is the item's own declaration; without one, the HTTP
    `Content-Language` of the document stands in."""
    headline = without_control_codes(headline)
    body_text = without_control_codes(body_text)
    chash = content_hash(headline, body_text)
    link = link or ctx.link
    declared = language_tag(declared_language) or language_tag(ctx.content_language)
    try:
        return Article(
            uri=stable_uri(ctx.feed_id, guid, link, chash),
            version=version,
            type=item_type,
            language=primary_language(declared) or ctx.language,
            declared_language=declared,
            headline=headline.strip(),
            body_text=body_text.strip(),
            byline=without_control_codes(byline) if byline else None,
            located=place(located),
            firstcreated=firstcreated,
            versioncreated=versioncreated,
            urgency=urgency,
            provider=provider or ctx.provider,
            source=Source(
                feed_id=ctx.feed_id,
                feed_url=ctx.feed_url or link,
                format=format_name,
                parser=parser,
            ),
            fetched_at=ctx.fetched_at,
            content_hash=chash,
            subject=subject or [],
            keywords=keywords or [],
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SchemaError(f"{where}: {first['msg']}") from exc
