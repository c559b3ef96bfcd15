"""Replay plans gathered from the broker and applied to an idle consumer group."""

from __future__ import annotations

import time
from collections.abc import Sequence

from kafka.admin import KafkaAdminClient
from kafka.structs import TopicPartition

from workers.kafka_clients import admin_client
from workers.kafka_offsets import (
    GroupState,
    KafkaAdminError,
    commit_offsets,
    committed_offsets,
    group_lag,
    group_state,
    offsets_for_time,
    topic_partitions,
    watermarks,
)
from workers.replay.plan import (
    PartitionOffsets,
    ReplayPlan,
    Target,
    ToDatetime,
    compute_plan,
    remaining,
    select_partitions,
)
from workers.settings import Settings


class ReplayError(KafkaAdminError):
    error_type = "replay"


class GroupBusyError(ReplayError):
    def __init__(self, group: GroupState) -> None:
        self.group = group
        names = "; ".join(str(m) for m in group.members) or f"group state {group.state}"
        super().__init__(
            f"consumer group {group.group!r} has live members ({names}): stop them first, "
            "or pass --as-group NEW to replay into a separate group"
        )


def partition_offsets(
    admin: KafkaAdminClient, topic: str, group: str
) -> dict[int, PartitionOffsets]:
    partitions = topic_partitions(admin, topic)
    marks = watermarks(admin, topic, partitions)
    committed = committed_offsets(admin, group, topic)
    return {
        p: PartitionOffsets(
            partition=p,
            begin=marks[p][0],
            end=marks[p][1],
            committed=committed.get(TopicPartition(topic, p)),
        )
        for p in partitions
    }


def ensure_idle(admin: KafkaAdminClient, group: str) -> GroupState:
    state = group_state(admin, group)
    if state.live:
        raise GroupBusyError(state)
    return state


def build_plan(
    admin: KafkaAdminClient,
    topic: str,
    group: str,
    target: Target,
    partitions: Sequence[int] | None = None,
) -> ReplayPlan:
    states = partition_offsets(admin, topic, group)
    time_offsets: dict[int, int | None] | None = None
    if isinstance(target, ToDatetime):
        chosen = select_partitions(states, partitions)
        time_offsets = offsets_for_time(admin, topic, chosen, target.timestamp_ms)
    return compute_plan(topic, group, states, target, partitions, time_offsets)


def apply_plan(admin: KafkaAdminClient, plan: ReplayPlan, as_group: str | None = None) -> str:
    """Commit the plan's target offsets for `as_group` (default: the plan's group).

    Returns the group whose offsets were moved. The group must have no live members,
    because a running member would overwrite the offsets with its own commits.
    """
    group = as_group or plan.group
    ensure_idle(admin, group)
    commit_offsets(admin, group, plan.topic, plan.offsets())
    return group


def remaining_for(admin: KafkaAdminClient, plan: ReplayPlan, group: str) -> int:
    """Messages of `plan` that `group` has not consumed yet."""
    lag = group_lag(admin, group, [plan.topic])
    return remaining(plan, {tp.partition: n for tp, n in lag.items()})


def replay(
    settings: Settings,
    topic: str,
    group: str,
    target: Target,
    partitions: Sequence[int] | None = None,
    as_group: str | None = None,
    dry_run: bool = False,
) -> ReplayPlan:
    """Plan and (unless `dry_run`) apply a replay; the programmatic `newswire replay`."""
    with admin_client(settings, "newswire-replay") as admin:
        plan = build_plan(admin, topic, group, target, partitions)
        if not dry_run:
            apply_plan(admin, plan, as_group)
    return plan


def wait_drained(
    settings: Settings,
    plan: ReplayPlan,
    group: str | None = None,
    timeout: float = 300.0,
    poll_seconds: float = 1.0,
) -> bool:
    """Block until `group` (default the plan's) has consumed the replayed messages."""
    deadline = time.monotonic() + timeout
    with admin_client(settings, "newswire-replay") as admin:
        while remaining_for(admin, plan, group or plan.group) > 0:
            if time.monotonic() >= deadline:
                return False
            time.sleep(poll_seconds)
    return True
