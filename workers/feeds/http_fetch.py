"""Polite, bounded HTTP fetching of one feed.

Conditional GET with the validators of the last good fetch, one timeout for the
whole request, and a body limit enforced while streaming: past the limit the
connection is dropped, never read to the end."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import aiohttp

from workers.errors import OversizedError, TransientError

_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=", re.IGNORECASE)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
CHUNK_BYTES = 64 * 1024
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/vnd.iptc.g2.newsitem+xml, "
    "application/nitf+xml, application/ninjs+json, application/json, application/xml, "
    "text/xml;q=0.9, text/plain;q=0.8, */*;q=0.5"
)


@dataclass(frozen=True)
class Validators:
    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class Fetched:
    """`body` is None for 304 Not Modified."""

    status: str
    body: bytes | None
    validators: Validators
    content_type: str | None = None
    content_language: str | None = None
    """The response's `Content-Language`: the language of items that declare none."""


class FetchError(TransientError):
    """A failed fetch; `status` is the metric label (http_500, timeout, error)."""

    def __init__(self, status: str, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class FetchTooLarge(OversizedError):
    status = "too_large"


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


def to_utf8(body: bytes, charset: str | None) -> bytes:
    """Re-encode a body the server labels with a non-UTF-8 charset.

    XML that declares its own encoding (or starts with a byte-order mark) is
    left alone: its declaration governs. Bytes that do not decode with the
    labelled charset are left for the parser to report."""
    if not charset or body.startswith(_BOMS) or _XML_DECLARATION.match(body[:200]):
        return body
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return body
    if name in ("utf-8", "ascii"):
        return body
    try:
        return body.decode(name).encode("utf-8")
    except UnicodeDecodeError:
        return body


async def fetch(
    session: aiohttp.ClientSession,
    url: str,
    *,
    validators: Validators,
    headers: dict[str, str],
    timeout: aiohttp.ClientTimeout,
    max_bytes: int,
) -> Fetched:
    """Raise `FetchError` (retry later) or `FetchTooLarge` (dead-letter) on failure."""
    request_headers = {"Accept": ACCEPT, **validators.headers(), **headers}
    try:
        async with session.get(
            url, headers=request_headers, timeout=timeout, allow_redirects=True
        ) as response:
            if response.status == 304:
                return Fetched("not_modified", None, validators)
            if response.status >= 400 or response.status < 200:
                raise FetchError(
                    f"http_{response.status}",
                    f"{url} answered HTTP {response.status} {response.reason or ''}".strip(),
                    _retry_after(response.headers.get("Retry-After")),
                )
            declared = response.content_length
            if declared is not None and declared > max_bytes:
                response.close()
                raise FetchTooLarge(
                    f"{url} announces {declared} bytes, over the limit of {max_bytes} "
                    "(feed max_bytes or NEWSWIRE_MAX_ITEM_BYTES)"
                )
            body = bytearray()
            async for chunk in response.content.iter_chunked(CHUNK_BYTES):
                body.extend(chunk)
                if len(body) > max_bytes:
                    response.close()
                    raise FetchTooLarge(
                        f"{url} sent more than {max_bytes} bytes; stopped reading "
                        "(feed max_bytes or NEWSWIRE_MAX_ITEM_BYTES)"
                    )
            new_validators = Validators(
                etag=response.headers.get("ETag"),
                last_modified=response.headers.get("Last-Modified"),
            )
            return Fetched(
                "ok",
                to_utf8(bytes(body), response.charset),
                new_validators,
                response.content_type,
                response.headers.get("Content-Language"),
            )
    except TimeoutError as exc:
        raise FetchError("timeout", f"{url} did not answer within {timeout.total}s") from exc
    except aiohttp.ClientPayloadError as exc:
        raise FetchError("truncated", f"{url} broke off mid-body: {exc}") from exc
    except aiohttp.ClientError as exc:
        raise FetchError("error", f"{url}: {type(exc).__name__}: {exc}") from exc
