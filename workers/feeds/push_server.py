"""`newswire produce --listen`: agencies POST ninjs, NewsML or NITF documents.

    POST /items?feed=<id>   Authorization: Bearer <NEWSWIRE_PUSH_TOKEN>

202 once Kafka has acknowledged every article of the document (unchanged
redeliveries included, as `unchanged`); 401 bad or missing token; 413 body over
the limit; 415 a media type or format that is not pushed; 422 nothing usable in
the document; 503 Kafka did not acknowledge (send again). Every refusal carries
a JSON `reason`."""

from __future__ import annotations

import asyncio
import hmac
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from workers.errors import UnknownFormatError
from workers.feeds.delivery import Deliverer
from workers.models import Article
from workers.parsers.base import FeedContext, ItemFailure
from workers.parsers.registry import sniff_format
from workers.producer.ingest import Document, parse_document
from workers.settings import Settings

PUSH_FORMATS = ("ninjs", "newsml-g2", "newsml-1.2", "nitf")
MEDIA_TYPES = {
    "application/ninjs+json": "ninjs",
    "application/json": "ninjs",
    "application/vnd.iptc.g2.newsitem+xml": "newsml-g2",
    "application/vnd.iptc.g2.newsmessage+xml": "newsml-g2",
    "application/vnd.iptc.g2.packageitem+xml": "newsml-g2",
    "application/newsml+xml": "newsml-1.2",
    "application/nitf+xml": "nitf",
    "text/vnd.iptc.nitf": "nitf",
    "application/xml": "auto",
    "text/xml": "auto",
}
DEFAULT_FEED = "push"
SETTINGS_KEY: web.AppKey[Settings] = web.AppKey("settings", Settings)
DELIVERER_KEY: web.AppKey[Deliverer] = web.AppKey("deliverer", Deliverer)


def refuse(status: int, reason: str, **extra: Any) -> web.Response:
    return web.json_response({"reason": reason, **extra}, status=status)


def authorized(request: web.Request, token: str) -> bool:
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        return False
    return hmac.compare_digest(given.strip().encode(), token.encode())


async def read_limited(request: web.Request, limit: int) -> bytes | None:
    """The body, or None as soon as it passes `limit` (the rest is never read)."""
    if request.content_length is not None and request.content_length > limit:
        return None
    body = bytearray()
    async for chunk in request.content.iter_chunked(64 * 1024):
        body.extend(chunk)
        if len(body) > limit:
            return None
    return bytes(body)


def push_format(content_type: str, body: bytes) -> str:
    """The format to parse with; raises UnknownFormatError naming what is accepted."""
    fmt = MEDIA_TYPES.get(content_type.lower())
    if fmt is None:
        accepted = ", ".join(sorted(MEDIA_TYPES))
        raise UnknownFormatError(
            f"media type {content_type!r} is not accepted; use one of: {accepted}"
        )
    if fmt == "auto":
        fmt = sniff_format(body)
    if fmt not in PUSH_FORMATS:
        raise UnknownFormatError(
            f"{fmt} documents are not accepted here; push one of: {', '.join(PUSH_FORMATS)}"
        )
    return fmt


async def receive(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS_KEY]
    token = settings.push_token.get_secret_value() if settings.push_token else ""
    if not token:
        return refuse(401, "push is disabled on this server: set NEWSWIRE_PUSH_TOKEN")
    if not authorized(request, token):
        return refuse(401, "missing or wrong bearer token", hint="Authorization: Bearer <token>")
    limit = settings.max_item_bytes
    body = await read_limited(request, limit)
    if body is None:
        return refuse(413, f"body over the limit of {limit} bytes (NEWSWIRE_MAX_ITEM_BYTES)")
    try:
        fmt = push_format(request.content_type, body)
    except UnknownFormatError as exc:
        return refuse(415, str(exc))
    feed_id = request.query.get("feed") or DEFAULT_FEED
    ctx = FeedContext(
        feed_id=feed_id,
        fetched_at=datetime.now(UTC),
        feed_url=str(request.url),
        content_language=request.headers.get("Content-Language"),
    )
    results = await asyncio.to_thread(lambda: list(parse_document(Document(body, ctx, fmt), limit)))
    articles = [r for r in results if isinstance(r, Article)]
    rejected = [
        {"error_type": r.error_type, "reason": r.reason}
        for r in results
        if isinstance(r, ItemFailure)
    ]
    if not articles:
        return refuse(422, "no usable item in the document", rejected=rejected, format=fmt)
    delivery = await request.app[DELIVERER_KEY].deliver(list(articles), feed_id)
    if not delivery.complete:
        return refuse(
            503,
            "Kafka did not acknowledge every article; send the document again",
            failed=sorted(delivery.failed_uris),
        )
    accepted = [
        {"uri": a.uri, "version": a.version, "outcome": "published"} for a in delivery.published
    ] + [{"uri": a.uri, "version": a.version, "outcome": "unchanged"} for a in delivery.unchanged]
    return web.json_response(
        {"accepted": accepted, "rejected": rejected, "format": fmt}, status=202
    )


async def health(_: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def make_app(settings: Settings, deliverer: Deliverer) -> web.Application:
    # The body limit is enforced by `read_limited`; aiohttp's own cap sits above it.
    app = web.Application(client_max_size=settings.max_item_bytes + 1024 * 1024)
    app[SETTINGS_KEY] = settings
    app[DELIVERER_KEY] = deliverer
    app.router.add_post("/items", receive)
    app.router.add_post("/", receive)
    app.router.add_get("/healthz", health)
    return app


async def serve(settings: Settings, deliverer: Deliverer, stop: asyncio.Event) -> None:
    """Listen on settings.listen_host:listen_port until `stop` is set, then drain."""
    runner = web.AppRunner(make_app(settings, deliverer), shutdown_timeout=10.0)
    await runner.setup()
    site = web.TCPSite(runner, settings.listen_host, settings.listen_port)
    await site.start()
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
