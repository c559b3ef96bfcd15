"""Replay plans: where a consumer group is, where it should go, how much it will re-read.

Pure computations only; `apply` gathers the offsets and applies a plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from workers.errors import NewswireError


class PlanError(NewswireError):
    error_type = "replay_plan"


@dataclass(frozen=True)
class PartitionOffsets:
    """What the broker says about one partition, for one group."""

    partition: int
    begin: int
    end: int
    committed: int | None = None


@dataclass(frozen=True)
class ToEarliest:
    pass


@dataclass(frozen=True)
class ToOffset:
    offset: int


@dataclass(frozen=True)
class ShiftBy:
    """Move the committed offset by `n` (negative rewinds)."""

    n: int


@dataclass(frozen=True)
class ToDatetime:
    """Rewind to the first message whose timestamp is at or after `when`."""

    when: datetime

    @property
    def timestamp_ms(self) -> int:
        when = self.when if self.when.tzinfo else self.when.replace(tzinfo=UTC)
        return int(when.timestamp() * 1000)


Target = ToEarliest | ToOffset | ShiftBy | ToDatetime


@dataclass(frozen=True)
class PartitionPlan:
    partition: int
    committed: int | None
    target: int
    end: int

    @property
    def to_reprocess(self) -> int:
        return max(0, self.end - self.target)

    @property
    def moves(self) -> bool:
        return self.committed != self.target


@dataclass(frozen=True)
class ReplayPlan:
    topic: str
    group: str
    target: Target
    partitions: tuple[PartitionPlan, ...]

    @property
    def total_to_reprocess(self) -> int:
        return sum(p.to_reprocess for p in self.partitions)

    def offsets(self) -> dict[int, int]:
        return {p.partition: p.target for p in self.partitions}


def describe_target(target: Target) -> str:
    match target:
        case ToEarliest():
            return "earliest offset"
        case ToOffset(offset=offset):
            return f"offset {offset}"
        case ShiftBy(n=n):
            return f"shift by {n:+d}"
        case ToDatetime(when=when):
            return f"first message at or after {when.isoformat()}"


def parse_partitions(spec: str | None) -> list[int] | None:
    """`"0,1,3"` -> `[0, 1, 3]`; `None` or empty means every partition."""
    if spec is None or not spec.strip():
        return None
    try:
        chosen = sorted({int(part) for part in spec.split(",") if part.strip()})
    except ValueError as exc:
        raise PlanError(
            f"--partitions must be comma-separated partition numbers such as 0,1,3; got {spec!r}"
        ) from exc
    if any(p < 0 for p in chosen):
        raise PlanError(f"--partitions must not be negative; got {spec!r}")
    return chosen


def select_partitions(available: Iterable[int], chosen: Sequence[int] | None) -> list[int]:
    known = sorted(available)
    if chosen is None:
        return known
    unknown = sorted(set(chosen) - set(known))
    if unknown:
        raise PlanError(
            f"partition(s) {', '.join(map(str, unknown))} do not exist; "
            f"the topic has partitions {', '.join(map(str, known)) or 'none'}"
        )
    return sorted(set(chosen))


def _clamp(offset: int, state: PartitionOffsets) -> int:
    return max(state.begin, min(offset, state.end))


def target_offset(state: PartitionOffsets, target: Target, time_offset: int | None = None) -> int:
    """The offset the group should commit for one partition, within [begin, end].

    `time_offset` is the broker's answer for a `ToDatetime` target: the first
    offset whose timestamp is at or after the time, or None when no message is
    that recent (then nothing is re-read on that partition).
    A group with no committed offset shifts from the beginning of the partition.
    """
    match target:
        case ToEarliest():
            return state.begin
        case ToOffset(offset=offset):
            if offset < 0:
                raise PlanError(f"--to-offset must be 0 or more; got {offset}")
            return _clamp(offset, state)
        case ShiftBy(n=n):
            base = state.committed if state.committed is not None else state.begin
            return _clamp(base + n, state)
        case ToDatetime():
            return state.end if time_offset is None else _clamp(time_offset, state)


def compute_plan(
    topic: str,
    group: str,
    states: Mapping[int, PartitionOffsets],
    target: Target,
    partitions: Sequence[int] | None = None,
    time_offsets: Mapping[int, int | None] | None = None,
) -> ReplayPlan:
    if not states:
        raise PlanError(f"topic {topic!r} has no partitions: check the topic name")
    chosen = select_partitions(states, partitions)
    if isinstance(target, ToDatetime):
        missing = [p for p in chosen if time_offsets is None or p not in time_offsets]
        if missing:
            raise PlanError(f"no timestamp lookup for partition(s) {missing}")
    plans = []
    for p in chosen:
        state = states[p]
        resolved = time_offsets.get(p) if time_offsets is not None else None
        plans.append(
            PartitionPlan(
                partition=p,
                committed=state.committed,
                target=target_offset(state, target, resolved),
                end=state.end,
            )
        )
    return ReplayPlan(topic=topic, group=group, target=target, partitions=tuple(plans))


def remaining(plan: ReplayPlan, lag: Mapping[int, int]) -> int:
    """Messages of the plan still to be consumed, given the group's current lag."""
    return sum(min(lag.get(p.partition, 0), p.to_reprocess) for p in plan.partitions)
