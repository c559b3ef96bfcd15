"""Turning Faust events into validated messages, and bad ones into dead letters."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

import faust
from pydantic import BaseModel

from workers import codec, metrics
from workers.dead_letters import attempts_from_headers, dead_letter
from workers.errors import NewswireError
from workers.models import LineageEntry, Stage

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Received(Generic[M]):
    event: Any
    message: M
    lineage: LineageEntry


def position(event: Any, stage: Stage) -> LineageEntry:
    msg = event.message
    stamp = datetime.fromtimestamp(msg.timestamp, UTC) if msg.timestamp else datetime.now(UTC)
    return LineageEntry(
        stage=stage, topic=msg.topic, partition=msg.partition, offset=msg.offset, timestamp=stamp
    )


class DeadLetterSink:
    """Sends a failed event to the dead-letter topic with where it came from and why."""

    def __init__(self, app: faust.App, topic_name: str, stage: Stage) -> None:
        self.topic = app.topic(topic_name)
        self.stage: Stage = stage

    async def send(self, event: Any, error_type: str, reason: str) -> None:
        msg = event.message
        key = msg.key.decode("utf-8", "replace") if isinstance(msg.key, bytes) else msg.key
        payload = msg.value if isinstance(msg.value, bytes) else bytes(str(msg.value), "utf-8")
        letter = dead_letter(
            stage=self.stage,
            error_type=error_type,
            reason=reason,
            payload=payload,
            key=key,
            topic=msg.topic,
            partition=msg.partition,
            offset=msg.offset,
            attempts=attempts_from_headers(msg.headers) + 1,
        )
        await self.topic.send(
            key=key.encode() if key else None,
            value=codec.encode(letter),
            headers={"stage": self.stage.encode(), "error_type": error_type.encode()},
        )
        metrics.DLQ.labels(self.stage, error_type).inc()
        outcome = "failed" if error_type == "transient" else "invalid"
        metrics.ARTICLES.labels(self.stage, outcome).inc()


async def decode_events(
    events: Sequence[Any],
    model_for: Callable[[str], type[BaseModel]],
    sink: DeadLetterSink,
) -> list[Received[Any]]:
    """Validated messages of the batch; the rest are dead-lettered with the reason."""
    received: list[Received[Any]] = []
    for event in events:
        msg = event.message
        raw = msg.value if isinstance(msg.value, bytes) else b""
        try:
            message = codec.decode(raw, model_for(msg.topic))
        except NewswireError as exc:
            await sink.send(event, exc.error_type, str(exc))
            continue
        received.append(Received(event, message, position(event, sink.stage)))
    return received
