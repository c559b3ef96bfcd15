"""Offsets and consumer groups as the broker holds them (kafka-python admin API):
partitions, watermarks, committed offsets, group state and lag. Replay, the
dead-letter tools, the lag collector and `python -m devstack run` read and move
offsets through these."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kafka.admin import KafkaAdminClient, OffsetSpec, OffsetTimestamp
from kafka.errors import KafkaError, NoError
from kafka.structs import OffsetAndMetadata, TopicPartition

from workers.errors import NewswireError
from workers.kafka_clients import client_options
from workers.settings import Settings

log = logging.getLogger(__name__)

# Groups in these states have no member that could overwrite offsets committed for it.
IDLE_STATES = frozenset({"Empty", "Dead", ""})


class KafkaAdminError(NewswireError):
    """The broker cannot describe a topic or refused new offsets."""

    error_type = "kafka_admin"


@dataclass(frozen=True)
class Member:
    member_id: str
    client_id: str
    client_host: str

    def __str__(self) -> str:
        return f"{self.client_id} on {self.client_host.lstrip('/')} (member {self.member_id})"


@dataclass(frozen=True)
class GroupState:
    group: str
    state: str
    members: tuple[Member, ...]

    @property
    def live(self) -> bool:
        return bool(self.members) or self.state not in IDLE_STATES


def client_config(settings: Settings) -> dict[str, Any]:
    """Connection and security options, failing fast when the broker is down."""
    return {**client_options(settings), "bootstrap_timeout_ms": 15000}


def topic_partitions(admin: KafkaAdminClient, topic: str) -> list[int]:
    try:
        described = admin.describe_topics([topic])
    except KafkaError as exc:
        raise KafkaAdminError(f"cannot describe topic {topic!r}: {exc}") from exc
    for entry in described:
        if entry.get("name") != topic:
            continue
        if entry.get("error_code", 0):
            break
        return sorted(int(p["partition_index"]) for p in entry.get("partitions", []))
    raise KafkaAdminError(
        f"topic {topic!r} does not exist: check --topic (and the topic prefix setting "
        "NEWSWIRE_TOPICS__PREFIX)"
    )


def watermarks(
    admin: KafkaAdminClient, topic: str, partitions: Sequence[int]
) -> dict[int, tuple[int, int]]:
    """(begin, end) offsets of each partition."""
    tps = [TopicPartition(topic, p) for p in partitions]
    begin = admin.list_partition_offsets({tp: OffsetSpec.EARLIEST for tp in tps})
    end = admin.list_partition_offsets({tp: OffsetSpec.LATEST for tp in tps})
    return {tp.partition: (int(begin[tp].offset), int(end[tp].offset)) for tp in tps}


def topic_size(admin: KafkaAdminClient, topic: str) -> int:
    """Messages a topic holds (0 for a topic not created yet)."""
    try:
        partitions = topic_partitions(admin, topic)
    except KafkaAdminError:
        return 0
    return sum(end - begin for begin, end in watermarks(admin, topic, partitions).values())


def committed_offsets(
    admin: KafkaAdminClient, group: str, topic: str | None = None
) -> dict[TopicPartition, int]:
    """The group's committed offsets (all topics, or one); partitions without one are absent."""
    result = admin.list_group_offsets({group: None}).get(group, {})
    return {
        tp: int(om.offset)
        for tp, om in result.items()
        if om.offset is not None and om.offset >= 0 and (topic is None or tp.topic == topic)
    }


def offsets_for_time(
    admin: KafkaAdminClient, topic: str, partitions: Sequence[int], timestamp_ms: int
) -> dict[int, int | None]:
    """First offset at or after `timestamp_ms` per partition; None when no message is that new."""
    specs = {TopicPartition(topic, p): OffsetTimestamp(timestamp_ms) for p in partitions}
    found = admin.list_partition_offsets(specs)
    result: dict[int, int | None] = {}
    for tp in specs:
        hit = found.get(tp)
        result[tp.partition] = None if hit is None or hit.offset < 0 else int(hit.offset)
    return result


def group_state(admin: KafkaAdminClient, group: str) -> GroupState:
    described = admin.describe_groups([group]).get(group, {})
    members = tuple(
        Member(
            member_id=str(m.get("member_id", "")),
            client_id=str(m.get("client_id", "")),
            client_host=str(m.get("client_host", "")),
        )
        for m in described.get("members") or []
    )
    return GroupState(group=group, state=str(described.get("group_state", "")), members=members)


def commit_offsets(
    admin: KafkaAdminClient, group: str, topic: str, offsets: Mapping[int, int], metadata: str = ""
) -> None:
    """Commit `offsets` for an idle group, failing with the broker's reason per partition."""
    request = {
        TopicPartition(topic, p): OffsetAndMetadata(offset, metadata, None)
        for p, offset in offsets.items()
    }
    errors = admin.alter_group_offsets(group, request)
    failed = {tp.partition: err.__name__ for tp, err in errors.items() if err is not NoError}
    if failed:
        raise KafkaAdminError(
            f"broker refused new offsets for group {group!r} on {topic!r}: {failed}; "
            "a member probably joined meanwhile: stop it and run the command again"
        )


def group_lag(
    admin: KafkaAdminClient, group: str, topics: Sequence[str] | None = None
) -> dict[TopicPartition, int]:
    """End offset minus committed offset for each partition of `topics`.

    With no topics, every topic the group has committed offsets on. A partition
    the group never committed on counts from its beginning.
    """
    committed = committed_offsets(admin, group)
    names = sorted(set(topics) if topics is not None else {tp.topic for tp in committed})
    lag: dict[TopicPartition, int] = {}
    for topic in names:
        try:
            partitions = topic_partitions(admin, topic)
        except KafkaAdminError:
            log.debug("topic %s not found while computing lag of %s", topic, group)
            continue
        for p, (begin, end) in watermarks(admin, topic, partitions).items():
            tp = TopicPartition(topic, p)
            position = committed.get(tp, begin)
            lag[tp] = max(0, end - max(position, begin))
    return lag
