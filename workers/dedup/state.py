"""What the enrichment stage and the operator's commands need of the dedup state
(docs/ARCHITECTURE.md, Deduplication).

`memory_state.MemoryDedupState` is the specification of the rules, in plain
Python; `redis_state.RedisDedupState` decides the same in one Redis script, so
that any number of workers decide as one. Both pass the same table of cases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from workers.dedup.decision import Decision
from workers.dedup.minhash import Fingerprint
from workers.errors import TransientError


@dataclass(frozen=True, slots=True)
class DedupRequest:
    uri: str
    content_hash: str
    key: str
    """The article's dedup key (`workers.dedup.order.dedup_key`): the smallest wins."""
    fingerprint: Fingerprint


class StateLost(TransientError):
    """The state answers but is gone (no epoch): it must be rebuilt from storage."""

    def __init__(self, message: str, dependency: str = "redis") -> None:
        super().__init__(message, dependency)


class Submitted(Protocol):
    """Requests the state has been given, their decisions not yet read."""

    async def decisions(self) -> list[Decision]:
        """The decisions, in request order. `StateLost` when the state has no epoch;
        `TransientError` when it cannot be reached."""
        ...

    async def abandon(self) -> None:
        """Drop the answers unread (what was decided stays decided)."""
        ...


class DedupState(Protocol):
    async def epoch(self) -> str | None:
        """The token of the state's epoch, set when it started afresh or was rebuilt
        from storage; None while it has none (Redis came back empty). Decisions made
        under one epoch are lost with it."""
        ...

    async def submit(self, requests: Sequence[DedupRequest]) -> Submitted:
        """Decide `requests` in order, each seeing the ones before it. Returns once
        the state has them all, so that it decides while the caller goes on."""
        ...

    async def reserve_role(self) -> int:
        """The next role order, for a split that storage applies first."""
        ...

    async def split(self, uri: str, role_seq: int) -> None:
        """Make `uri` a canonical article in decision `role_seq`, for good: it is
        never made an alias again. A uri that left the window has nothing to change."""
        ...
