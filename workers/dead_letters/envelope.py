"""Building dead letters, the same way in every stage."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Literal

from workers import codec
from workers.models import DeadLetter, Stage
from workers.runtime.batch import Output

MAX_PAYLOAD_CHARS = 1_000_000
_UTF8: Literal["utf-8"] = "utf-8"
_BASE64: Literal["base64"] = "base64"


def dead_letter(
    *,
    stage: Stage,
    error_type: str,
    reason: str,
    payload: bytes,
    key: str | None = None,
    topic: str | None = None,
    partition: int | None = None,
    offset: int | None = None,
    attempts: int = 1,
) -> DeadLetter:
    """Keep the original bytes: as text when they are UTF-8, else base64.

    An oversized payload is cut (and the reason says so) so that the dead letter
    itself fits in a Kafka message."""
    if len(payload) > MAX_PAYLOAD_CHARS:
        reason = f"{reason} (payload of {len(payload)} bytes cut to {MAX_PAYLOAD_CHARS})"
        payload = payload[:MAX_PAYLOAD_CHARS]
    encoding: Literal["utf-8", "base64"]
    try:
        text, encoding = payload.decode("utf-8"), _UTF8
    except UnicodeDecodeError:
        text, encoding = base64.b64encode(payload).decode("ascii"), _BASE64
    return DeadLetter(
        stage=stage,
        error_type=error_type,
        reason=reason,
        payload=text,
        payload_encoding=encoding,
        key=key,
        original_topic=topic,
        original_partition=partition,
        original_offset=offset,
        failed_at=datetime.now(UTC),
        attempts=attempts,
    )


def letter_output(letter: DeadLetter) -> Output:
    """The dead-letter topic's message for `letter`: keyed like the original, with the
    stage and error type in its headers. Every stage, the producer too, sends this."""
    return Output(
        topic="dlq",
        key=letter.key.encode() if letter.key else None,
        value=codec.encode(letter),
        headers={"stage": letter.stage.encode(), "error_type": letter.error_type.encode()},
    )


def original_payload(letter: DeadLetter) -> bytes:
    if letter.payload_encoding == "base64":
        return base64.b64decode(letter.payload)
    return letter.payload.encode("utf-8")


ATTEMPTS_HEADER = "newswire-attempts"
"""Kafka header carried by a re-driven message: how many times it has failed so far."""


def attempts_from_headers(headers: object) -> int:
    """Failures so far according to the message headers (0 for a first delivery)."""
    items = headers.items() if isinstance(headers, dict) else headers
    for name, value in items or ():  # type: ignore[attr-defined]
        if name == ATTEMPTS_HEADER:
            try:
                return int(value.decode() if isinstance(value, bytes) else value)
            except ValueError:
                return 0
    return 0
