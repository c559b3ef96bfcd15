"""What flows through a stage: the records of a batch, the messages decoded from
them, and what the stage's handler made of each one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Generic, Protocol, TypeVar

from pydantic import BaseModel

from workers.models import LineageEntry, Stage, assemble
from workers.topology import TopicRole

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Record:
    """One Kafka message as a stage received it, whatever client read it."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes
    headers: Mapping[str, bytes] = field(default_factory=dict)
    timestamp: float | None = None

    def lineage(self, stage: Stage) -> LineageEntry:
        stamp = datetime.fromtimestamp(self.timestamp, UTC) if self.timestamp else datetime.now(UTC)
        return assemble(
            LineageEntry,
            {
                "stage": stage,
                "topic": self.topic,
                "partition": self.partition,
                "offset": self.offset,
                "timestamp": stamp,
            },
        )


@dataclass(frozen=True, slots=True)
class Incoming(Generic[M]):
    """A record whose message passed its schema."""

    record: Record
    message: M
    lineage: LineageEntry


@dataclass(frozen=True, slots=True)
class Output:
    """A message a stage sends on, to one of the topics its declaration writes."""

    topic: TopicRole
    key: bytes | None
    value: bytes
    headers: Mapping[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Handled:
    """The handler dealt with a message: `outcome` is counted, `outputs` sent."""

    outcome: str
    outputs: tuple[Output, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejected:
    """A permanent failure of one message: it goes to the dead-letter topic."""

    error_type: str
    reason: str


Result = Handled | Rejected


class BatchJob(Protocol):
    async def run(self) -> Sequence[Result]:
        """One result per incoming message, in order. Raises `TransientError` when a
        dependency fails; called again, it goes on from where it stopped."""
        ...


class BatchHandler(Protocol):
    """A stage's own work, between decoding and routing."""

    def model_for(self, topic: str) -> type[BaseModel]: ...

    def begin(self, items: Sequence[Incoming[Any]]) -> BatchJob: ...


@dataclass
class Batch:
    """One batch on its way through the chain; each middleware fills its part."""

    records: Sequence[Record]
    tokens: Sequence[Any] = ()
    """The transport's handles of the records (acknowledged once the batch is done)."""
    items: list[Incoming[Any]] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    rejected: list[tuple[Record, Rejected]] = field(default_factory=list)
    """Records that go to the dead-letter topic, with why."""
