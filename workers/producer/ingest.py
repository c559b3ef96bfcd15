"""From bytes to published Articles: parse with the registry, publish what is
valid, dead-letter the rest with its reason, and keep going."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kafka.producer.future import FutureRecordMetadata

from workers import metrics
from workers.dead_letters import dead_letter
from workers.errors import PermanentError
from workers.models import Article, Stage
from workers.parsers.base import FeedContext, ItemFailure, ParseResult
from workers.parsers.registry import parser_for
from workers.producer.publisher import Publisher

STAGE: Stage = "produce"


@dataclass(frozen=True)
class Document:
    """One fetched or read unit of input: a file, a stdin read, an HTTP body."""

    data: bytes
    ctx: FeedContext
    format: str = "auto"


def parse_document(doc: Document, max_item_bytes: int) -> Iterator[ParseResult]:
    """Every outcome of one document, failures included; never raises for bad input."""
    if len(doc.data) > max_item_bytes:
        yield ItemFailure(
            "oversized",
            f"document of {len(doc.data)} bytes exceeds the limit of {max_item_bytes} bytes "
            "(setting NEWSWIRE_MAX_ITEM_BYTES)",
            doc.data,
        )
        return
    try:
        parser = parser_for(doc.format, doc.data)
        yield from parser.parse(doc.data, doc.ctx)
    except PermanentError as exc:
        yield ItemFailure(exc.error_type, str(exc), doc.data)


def publish_results(
    results: Iterable[ParseResult], publisher: Publisher, key_hint: str | None
) -> dict[str, FutureRecordMetadata]:
    """Publish Articles and dead-letter failures; return each published uri's send future."""
    sent: dict[str, FutureRecordMetadata] = {}
    seconds = metrics.STAGE_SECONDS.labels(STAGE)
    for result in results:
        started = time.perf_counter()
        if isinstance(result, Article):
            sent[result.uri] = publisher.publish(result)
        else:
            publisher.dead_letter(
                dead_letter(
                    stage=STAGE,
                    error_type=result.error_type,
                    reason=result.reason,
                    payload=result.payload,
                    key=key_hint,
                )
            )
        seconds.observe(time.perf_counter() - started)
    return sent


def ingest(doc: Document, publisher: Publisher) -> dict[str, FutureRecordMetadata]:
    results = parse_document(doc, publisher.settings.max_item_bytes)
    return publish_results(results, publisher, doc.ctx.link or doc.ctx.feed_id)


def read_paths(
    paths: Iterable[Path], feed_id: str, fmt: str = "auto", language: str | None = None
) -> Iterator[Document]:
    """Files, and directories walked in name order; `-` reads stdin.

    Hidden files and `*.toml` feed lists are not wire items and are passed over."""
    for path in paths:
        if str(path) == "-":
            yield Document(sys.stdin.buffer.read(), _ctx(feed_id, "stdin", language), fmt)
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts) or child.suffix == ".toml":
                    continue
                yield Document(child.read_bytes(), _ctx(feed_id, str(rel), language), fmt)
        else:
            yield Document(path.read_bytes(), _ctx(feed_id, path.name, language), fmt)


def _ctx(feed_id: str, link: str, language: str | None) -> FeedContext:
    return FeedContext(feed_id=feed_id, fetched_at=datetime.now(UTC), link=link, language=language)
